/**
 * N particles on a system's levels, running: the model every particle view draws. It owns the
 * ParticleSimulation and its settings (N, dynamics, seed, speed), steps it when the app loop asks, and
 * publishes each new state as a read-only snapshot. The system and the temperature come from whoever
 * owns the particles (the physics screen's choice, a language model's token ladder, the side-by-side
 * screen's one temperature), as read-only signals: the link between screens lives in the models.
 *
 * p(T) is computed once, here, and the simulation's alias table is built from that same array.
 */
import { batch, computed, effect, type ReadonlySignal, signal } from '@preact/signals-core';
import { boltzmannProbabilities } from '../../core/distribution.ts';
import type { EinsteinStart } from '../../core/dynamics/einsteinSolid.ts';
import { checkHeatBathFraction } from '../../core/dynamics/heatBath.ts';
import { InputError } from '../../core/errors.ts';
import {
  checkParticleCount,
  type DynamicsKind,
  type DynamicsSettings,
  type EinsteinSettings,
  MAX_DRAWN_PARTICLES,
  ParticleSimulation,
} from '../../core/simulation.ts';
import { chiSquareTest, fitIsConsistent } from '../../core/statistics.ts';
import { type Thermodynamics, thermodynamics } from '../../core/thermodynamics.ts';
import { einsteinRefusal, einsteinTemperatureOf, MAX_EINSTEIN_QUANTA } from './einstein.ts';
import { FAST_FORWARD_FACTOR, FAST_FORWARD_FRAME_BUDGET_MS, FAST_FORWARD_MAX_STEPS } from './fastForward.ts';
import { setting } from './setting.ts';
import type { SystemModel } from './system.ts';

/** At most this many steps run in one frame, so a slow machine drops steps rather than freezing. */
const MAX_STEPS_PER_FRAME = 4;

/** The ranges the particle settings accept, from every door (controls and links alike). */
export const PARTICLE_LIMITS = {
  heatBathFraction: { min: 0.001, max: 1 },
  metropolisSweeps: { min: 0.01, max: 10 },
  stepsPerSecond: { min: 1, max: 60 },
  seed: { min: 0, max: 0xffff_ffff },
} as const;

export const DYNAMICS_KINDS: readonly DynamicsKind[] = ['equilibrium', 'heat-bath', 'metropolis', 'einstein'];
export const EINSTEIN_STARTS: readonly EinsteinStart[] = ['even', 'concentrated', 'equilibrium'];

/** What owns the particles gives them their levels and their temperature. */
export interface ParticleSource {
  system: ReadonlySignal<SystemModel>;
  /** The temperature the owner sets; while the Einstein solid runs, the solid's own replaces it. */
  temperature: ReadonlySignal<number>;
  /** Told the temperature the Einstein solid reached when it ends, so the owner's temperature goes on from there. */
  adoptTemperature?(temperature: number): void;
}

/** The particles as last stepped: what the views draw. A new object after every change. */
export interface ParticleSnapshot {
  /** The levels these particles sit on. */
  readonly system: SystemModel;
  /** Level index per particle; null in counts-only mode (above MAX_DRAWN_PARTICLES). */
  readonly levels: Uint32Array | null;
  readonly counts: Float64Array;
  /** The theory the particles are compared with (the Einstein solid's own, while it runs). */
  readonly theory: Float64Array;
  readonly particleCount: number;
  readonly stepCount: number;
}

function checkRange(
  setting: Exclude<keyof typeof PARTICLE_LIMITS, 'seed'>,
  value: number,
  whole = false,
): void {
  const { min, max } = PARTICLE_LIMITS[setting];
  if (!(Number.isFinite(value) && value >= min && value <= max) || (whole && !Number.isInteger(value))) {
    throw new InputError('setting.range', { setting, min, max, whole, got: String(value) });
  }
}

function checkSeed(seed: number): void {
  const { min, max } = PARTICLE_LIMITS.seed;
  if (!(Number.isInteger(seed) && seed >= min && seed <= max)) {
    throw new InputError('seed.range', { got: String(seed) });
  }
}

function checkQuanta(quanta: number): void {
  if (!(Number.isInteger(quanta) && quanta >= 0 && quanta <= MAX_EINSTEIN_QUANTA)) {
    throw new InputError('einstein.quanta', { limit: MAX_EINSTEIN_QUANTA, got: String(quanta) });
  }
}

export function createParticleModel(source: ParticleSource, initialCount = 2000) {
  const particleCount = setting<number>(initialCount, (n) => {
    checkParticleCount(n);
    // The running solid moves every oscillator; to have more, leave it first (a new system ends it too).
    if (einstein.peek() !== null && n > MAX_DRAWN_PARTICLES) {
      throw new InputError('einstein.tooManyOscillators', { limit: MAX_DRAWN_PARTICLES, got: n });
    }
  });
  const dynamics = setting<DynamicsKind>('heat-bath', (kind) => {
    if (!DYNAMICS_KINDS.includes(kind)) throw new InputError('dynamics.unknown', { got: String(kind) });
    if (kind === 'einstein') {
      const refusal = einsteinRefusal(source.system.peek(), particleCount.peek());
      if (refusal === 'system') throw new InputError('einstein.needsOscillator', {});
      if (refusal === 'particles') {
        throw new InputError('einstein.tooManyOscillators', {
          limit: MAX_DRAWN_PARTICLES,
          got: particleCount.peek(),
        });
      }
    }
  });
  // A lecture's pace: with r = 0.16 at 8 steps per second the heat bath settles after a temperature
  // change in 1.5–4 s (lecturePace.test.ts), slow enough to watch the particles move, quick enough to wait for.
  const heatBathFraction = setting<number>(0.16, (r) => {
    checkHeatBathFraction(r);
    checkRange('heatBathFraction', r);
  });
  const metropolisSweeps = setting<number>(1, (sweeps) => checkRange('metropolisSweeps', sweeps));
  const stepsPerSecond = setting<number>(8, (rate) => checkRange('stepsPerSecond', rate, true));
  const seed = setting<number>(1, checkSeed);
  const playing = setting<boolean>(true);
  const showTimeAverage = setting<boolean>(false);
  const quanta = setting<number>(2000, checkQuanta);
  const einsteinStart = setting<EinsteinStart>('even', (start) => {
    if (!EINSTEIN_STARTS.includes(start)) throw new InputError('einstein.start', { start: String(start) });
  });
  /** Running FAST_FORWARD_FACTOR times faster until the particles agree with theory (fastForward.ts). */
  const fastForwarding = signal(false);
  const fastForwardSteps = signal(0);

  /** What the simulation runs: the solid's settings while it can run, else null. */
  const einstein = computed<EinsteinSettings | null>(() =>
    dynamics.value === 'einstein' && einsteinRefusal(source.system.value, particleCount.value) === null
      ? { quanta: quanta.value, start: einsteinStart.value }
      : null,
  );
  /** The temperature the particles are at: the owner's, or while the Einstein solid runs, T = ħω / ln(1 + N/q). */
  const temperature = computed(() =>
    einstein.value
      ? einsteinTemperatureOf(source.system.value, particleCount.value, einstein.value.quanta)
      : source.temperature.value,
  );
  const probabilities: ReadonlySignal<Float64Array> = computed(() => {
    const { energies, degeneracies } = source.system.value.spectrum;
    return boltzmannProbabilities(energies, temperature.value, degeneracies);
  });
  const thermo: ReadonlySignal<Thermodynamics> = computed(() => {
    const { energies, degeneracies } = source.system.value.spectrum;
    return thermodynamics(energies, temperature.value, degeneracies);
  });

  const simulation = new ParticleSimulation(
    source.system.peek().spectrum,
    temperature.peek(),
    particleCount.peek(),
    seed.peek(),
    probabilities.peek(),
  );

  let lastSystem = source.system.peek();
  const snapshotOf = (): ParticleSnapshot => ({
    system: lastSystem,
    levels: simulation.countsOnly ? null : simulation.levels,
    counts: simulation.counts,
    theory: simulation.probabilities,
    particleCount: simulation.particleCount,
    stepCount: simulation.stepCount,
  });
  const snapshot = signal<ParticleSnapshot>(snapshotOf());
  const publish = () => {
    snapshot.value = snapshotOf();
  };
  /**
   * A link can replay the particles exactly when they are "reset from the seed, then k steps at the
   * current settings". Changing T, N or the dynamics after a reset breaks that until the next reset.
   */
  const replayable = signal(true);
  const dynamicsSettings = (): DynamicsSettings => ({
    kind: einstein.peek() ? 'einstein' : dynamics.peek() === 'einstein' ? 'heat-bath' : dynamics.peek(),
    heatBathFraction: heatBathFraction.peek(),
    metropolisSweeps: metropolisSweeps.peek(),
  });

  // The simulation follows the settings in a fixed order: levels and temperature, then N, then the solid.
  let lastTemperature = temperature.peek();
  let lastSolid: EinsteinSettings | null = null;
  let lastCount = particleCount.peek();
  effect(() => {
    const system = source.system.value;
    const t = temperature.value;
    const p = probabilities.value;
    const n = particleCount.value;
    const solid = einstein.value;
    batch(() => {
      if (system !== lastSystem) {
        simulation.setSpectrum(system.spectrum, t, p);
        // A new system starts from the seed, so that its first draw is the same whoever opens it.
        simulation.reset(seed.peek());
        replayable.value = true;
      } else {
        simulation.setTemperature(t, p);
        // While the solid runs, its temperature follows N and q, which restart or change it below.
        if (!solid && !Object.is(t, lastTemperature)) replayable.value = false;
      }
      if (n !== simulation.particleCount) {
        simulation.setParticleCount(n);
        replayable.value = false;
      }
      // A new solid (other quanta or start) starts from the seed, like a reset.
      if (solid && solid !== lastSolid && n === lastCount) replayable.value = true;
      simulation.setEinstein(solid);
      lastSystem = system;
      lastTemperature = t;
      lastSolid = solid;
      lastCount = n;
      publish();
    });
  });

  // The Einstein solid ends when a new system or N cannot hold it; the heat bath takes over from the
  // temperature it reached.
  effect(() => {
    if (dynamics.value !== 'einstein') return;
    if (einsteinRefusal(source.system.value, particleCount.value) !== null) endEinstein('heat-bath');
  });
  function endEinstein(next: DynamicsKind): void {
    const reached = temperature.peek();
    batch(() => {
      dynamics.set(next);
      source.adoptTemperature?.(reached);
    });
  }

  effect(() => {
    dynamics.value;
    heatBathFraction.value;
    metropolisSweeps.value;
    replayable.value = false;
  });
  replayable.value = true;

  let pending = 0;
  /** Steps at FAST_FORWARD_FACTOR × the set speed, within a time budget, until the particles agree. */
  function fastForwardFor(dtSeconds: number): void {
    pending += dtSeconds * stepsPerSecond.peek() * FAST_FORWARD_FACTOR;
    const settings = dynamicsSettings();
    const started = performance.now();
    let steps = 0;
    let agreed = false;
    while (steps < pending && performance.now() - started < FAST_FORWARD_FRAME_BUDGET_MS) {
      simulation.step(settings);
      steps++;
      agreed = fitIsConsistent(chiSquareTest(simulation.counts, simulation.probabilities).pValue);
      if (agreed) break;
    }
    // What the budget could not run is dropped: a slow machine fast-forwards less, it does not freeze.
    pending = 0;
    batch(() => {
      fastForwardSteps.value += steps;
      if (agreed || fastForwardSteps.peek() >= FAST_FORWARD_MAX_STEPS) fastForwarding.value = false;
      publish();
    });
  }

  return {
    system: source.system,
    particleCount,
    dynamics: dynamics as ReadonlySignal<DynamicsKind>,
    heatBathFraction,
    metropolisSweeps,
    stepsPerSecond,
    seed,
    playing,
    showTimeAverage,
    quanta,
    einsteinStart,
    fastForwarding: fastForwarding as ReadonlySignal<boolean>,
    fastForwardSteps: fastForwardSteps as ReadonlySignal<number>,
    einstein,
    temperature,
    probabilities,
    thermo,
    snapshot: snapshot as ReadonlySignal<ParticleSnapshot>,
    countsOnly: computed(() => particleCount.value > MAX_DRAWN_PARTICLES),
    /** Steps since the last reset, or −1 once a change after it means a link could not replay them. */
    replayableSteps: computed(() => (replayable.value ? snapshot.value.stepCount : -1)),

    /** Mean occupancy per level over the steps since the last change. */
    averageCounts(out: Float64Array): Float64Array {
      return simulation.averageCounts(out);
    },

    /** Advances by the time since the last frame, at the set speed, while playing. */
    step(dtSeconds: number): void {
      if (!playing.peek()) {
        pending = 0;
        // Pausing (the button, the space bar, a single step) ends a fast-forward too.
        if (fastForwarding.peek()) fastForwarding.value = false;
        return;
      }
      if (fastForwarding.peek()) {
        fastForwardFor(dtSeconds);
        return;
      }
      pending += dtSeconds * stepsPerSecond.peek();
      const steps = Math.min(MAX_STEPS_PER_FRAME, Math.floor(pending));
      if (steps === 0) return;
      pending = Math.min(pending - steps, MAX_STEPS_PER_FRAME);
      const settings = dynamicsSettings();
      for (let i = 0; i < steps; i++) simulation.step(settings);
      publish();
    },

    /** One step by hand: the particles pause, so that the step can be looked at. */
    stepOnce(): void {
      batch(() => {
        playing.set(false);
        simulation.step(dynamicsSettings());
        publish();
      });
    },

    /** Starts again from the seed: the same seed and settings give the same particles, step by step. */
    reset(): void {
      batch(() => {
        simulation.reset(seed.peek());
        replayable.value = true;
        publish();
      });
    },

    /** Reaches the state a link describes: reset from the seed, then `steps` steps, paused if any. */
    replay(steps: number): void {
      batch(() => {
        simulation.reset(seed.peek());
        const settings = dynamicsSettings();
        for (let i = 0; i < steps; i++) simulation.step(settings);
        if (steps > 0) playing.set(false);
        replayable.value = true;
        publish();
      });
    },

    /** Fast-forward plays the particles FAST_FORWARD_FACTOR times faster until they agree with theory. */
    setFastForward(on: boolean): void {
      batch(() => {
        fastForwarding.value = on;
        fastForwardSteps.value = 0;
        if (on) playing.set(true);
      });
    },

    /** Changes the dynamics; leaving the Einstein solid hands its temperature back to the owner. */
    setDynamics(kind: DynamicsKind): void {
      if (dynamics.peek() === 'einstein' && kind !== 'einstein' && einstein.peek()) endEinstein(kind);
      else dynamics.set(kind);
    },
  };
}

export type ParticleModel = ReturnType<typeof createParticleModel>;
