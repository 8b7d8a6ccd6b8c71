/**
 * The side-by-side screen's model: one temperature T = t for a physical system and for a language
 * model's token ladder, and the particles on each. The token side follows the language screen's
 * distribution (temperature sampling alone: no top-k or top-p here, so E = −ln p and T = t exactly),
 * once that screen's model exists; this model holds the link, so no view copies one state into another.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { InputError } from '../../core/errors.ts';
import { createParticleModel } from '../../shared/model/particleModel.ts';
import { oneOf, setting } from '../../shared/model/setting.ts';
import {
  buildSystem,
  checkSystemTemperature,
  presetSystem,
  type SystemModel,
} from '../../shared/model/system.ts';
import { buildTokenSystem } from '../../shared/model/tokenSystem.ts';
import type { TokenDistribution } from '../language/model.ts';

export const PARALLEL_SYSTEMS = ['three-level', 'two-level', 'degenerate', 'oscillator'] as const;
export type ParallelSystemId = (typeof PARALLEL_SYSTEMS)[number];

export const PHYSICS_SYSTEMS: Record<ParallelSystemId, () => SystemModel> = {
  'three-level': () => buildSystem({ kind: 'preset', presetId: 'three-level', params: { e2: 1, e3: 1.8 } }),
  'two-level': () =>
    buildSystem({ kind: 'preset', presetId: 'two-level', params: { gap: 1, upperDegeneracy: 1 } }),
  degenerate: () =>
    buildSystem({ kind: 'preset', presetId: 'two-level', params: { gap: 1, upperDegeneracy: 3 } }),
  oscillator: () => buildSystem({ kind: 'preset', presetId: 'harmonic-oscillator', params: { nMax: 12 } }),
};

export function createParallelScreenModel() {
  // Each check reads the other's current value, so a system and a temperature that do not go together
  // are refused whichever of the two is changed.
  const physicsSystem = setting<ParallelSystemId>('three-level', (id) => {
    oneOf(
      PARALLEL_SYSTEMS,
      (unknown) => new InputError('parallel.unknownSystem', { got: String(unknown) }),
    )(id);
    // Negative temperatures need a spectrum bounded above; the oscillator's truncated ladder is not.
    checkSystemTemperature(PHYSICS_SYSTEMS[id](), temperature.peek());
  });
  const temperature = setting<number>(1, (t) => {
    checkSystemTemperature(physicsLevels.peek(), t);
  });
  /** The language screen's distribution, once that screen's model exists. */
  const distribution = signal<ReadonlySignal<TokenDistribution | null> | null>(null);

  const physicsLevels = computed(() => PHYSICS_SYSTEMS[physicsSystem.value]());
  const tokenSystem = computed(() => {
    const current = distribution.value?.value ?? null;
    return current ? buildTokenSystem(current.tokens, current.probabilities, null).system : null;
  });
  const physics = createParticleModel({ system: physicsLevels, temperature }, 500);
  // Until the language model is trained the token side waits on a placeholder, which its stage covers.
  const placeholder = presetSystem('harmonic-oscillator');
  const tokens = createParticleModel(
    { system: computed(() => tokenSystem.value ?? placeholder), temperature },
    1000,
  );

  return {
    temperature,
    physicsSystem,
    physics,
    tokens,
    /** True once the token side shows a language model's distribution. */
    hasTokens: computed(() => tokenSystem.value !== null),
    /** True while that distribution is a real model's (its vocabulary's tokens carry kinds). */
    showsRealModel: computed(() => distribution.value?.value?.kinds !== undefined),
    /** Shows a system at a temperature together (a negative T needs the system to allow it first). */
    demonstrate(id: ParallelSystemId, t: number): void {
      batch(() => {
        if (t < 0) {
          physicsSystem.set(id);
          temperature.set(t);
        } else {
          temperature.set(t);
          physicsSystem.set(id);
        }
      });
    },
    /** Takes the token side's distribution from the language screen's model. */
    followLanguage(source: ReadonlySignal<TokenDistribution | null>): void {
      distribution.value = source;
    },
    /** Both sides play, pause, step and reset together. */
    setPlaying(playing: boolean): void {
      batch(() => {
        physics.playing.set(playing);
        tokens.playing.set(playing);
      });
    },
    stepOnce(): void {
      batch(() => {
        physics.stepOnce();
        tokens.stepOnce();
      });
    },
    step(dtSeconds: number): void {
      physics.step(dtSeconds);
      tokens.step(dtSeconds);
    },
    reset(): void {
      batch(() => {
        physics.reset();
        tokens.reset();
      });
    },
  };
}

export type ParallelScreenModel = ReturnType<typeof createParallelScreenModel>;
