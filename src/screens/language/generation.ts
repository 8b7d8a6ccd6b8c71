/**
 * Generation as part of the language screen's model: text continued side by side at several
 * temperatures, one character (or, with a real model, one token) per column per tick while playing. Any change to what generation depends
 * on (model, context, sampler, temperatures, seed) starts the columns again, so the text always belongs
 * to the settings it was drawn with; the app loop advances it through `step(dt)`.
 */
import { batch, computed, effect, type ReadonlySignal, signal } from '@preact/signals-core';
import type { NgramModel } from '../../core/lm/ngram.ts';
import type { SamplerSettings } from '../../core/lm/pipeline.ts';
import { type GenerationColumn, GenerationRun } from './generationRun.ts';
import type { RealModelSession } from './realModel.ts';
import { TokenGenerationRun } from './tokenGenerationRun.ts';

/** Time between characters while playing: fast enough to feel alive, slow enough to read along. */
const STEP_INTERVAL_SECONDS = 0.12;
/** After a stall (a slow frame), catch up by at most this many steps rather than jumping ahead. */
const MAX_STEPS_PER_FRAME = 2;

/** What generates: the character model, or a real model token by token. */
export type GenerationModel =
  | { kind: 'characters'; model: NgramModel }
  | { kind: 'tokens'; session: RealModelSession };

/** A run of columns; a real model's step waits for the model. */
export interface ColumnsRun {
  readonly columns: readonly GenerationColumn[];
  readonly finished: boolean;
  readonly length: number;
  readonly maxSteps: number;
  step(): boolean | Promise<boolean>;
}

export interface GenerationInputs {
  model: ReadonlySignal<GenerationModel | null>;
  context: ReadonlySignal<string>;
  sampler: ReadonlySignal<SamplerSettings>;
  temperatures: ReadonlySignal<readonly number[]>;
  seed: ReadonlySignal<number>;
}

/** Where generation stands: what the panel says under its buttons. */
export type GenerationStatus =
  | { kind: 'no-model' }
  | { kind: 'ready' }
  | { kind: 'playing' }
  | { kind: 'paused'; length: number }
  | { kind: 'finished' }
  | { kind: 'refused'; error: unknown };

/** The run as last advanced: a new object after every step, so views redraw. */
export interface GenerationSnapshot {
  /** The columns' run, or null without a model or with settings it refused. */
  readonly run: ColumnsRun | null;
  /** The context the columns continue. */
  readonly context: string;
  readonly temperatures: readonly number[];
  readonly steps: number;
}

export function createGeneration(inputs: GenerationInputs) {
  const snapshot = signal<GenerationSnapshot>({ run: null, context: '', temperatures: [], steps: 0 });
  const status = signal<GenerationStatus>({ kind: 'no-model' });
  let elapsed = 0;

  /** The step a real model is computing; the loop does not start another meanwhile. */
  let pending: Promise<unknown> | null = null;
  const publish = (run: ColumnsRun | null, context: string, temperatures: readonly number[]) => {
    snapshot.value = { run, context, temperatures, steps: run?.length ?? 0 };
  };

  function restart(): void {
    const model = inputs.model.peek();
    const context = inputs.context.peek();
    const temperatures = inputs.temperatures.peek();
    elapsed = 0;
    batch(() => {
      if (model === null) {
        publish(null, context, temperatures);
        status.value = { kind: 'no-model' };
        return;
      }
      try {
        const sampler = inputs.sampler.peek();
        const seed = inputs.seed.peek();
        const run: ColumnsRun =
          model.kind === 'characters'
            ? new GenerationRun(model.model, context, sampler, temperatures, seed)
            : new TokenGenerationRun(model.session, context, sampler, temperatures, seed);
        publish(run, context, temperatures);
        if (status.peek().kind !== 'playing') status.value = { kind: 'ready' };
      } catch (error) {
        publish(null, context, temperatures);
        status.value = { kind: 'refused', error };
      }
    });
  }

  effect(() => {
    inputs.model.value;
    inputs.context.value;
    inputs.sampler.value;
    inputs.temperatures.value;
    inputs.seed.value;
    restart();
  });

  function advance(): void {
    const { run, context, temperatures } = snapshot.peek();
    if (run === null || pending !== null) return;
    const shown = () =>
      batch(() => {
        publish(run, context, temperatures);
        if (run.finished) status.value = { kind: 'finished' };
      });
    const stepped = run.step();
    if (!(stepped instanceof Promise)) {
      shown();
      return;
    }
    const waiting = stepped
      .then(() => {
        // A run replaced meanwhile (new settings) is not shown.
        if (snapshot.peek().run === run) shown();
      })
      .catch((error: unknown) => {
        if (snapshot.peek().run === run) status.value = { kind: 'refused', error };
      })
      .finally(() => {
        if (pending === waiting) pending = null;
      });
    pending = waiting;
  }

  const playing = computed(() => status.value.kind === 'playing');

  function setPlaying(next: boolean): void {
    const { run } = snapshot.peek();
    if (run === null || next === playing.peek()) return;
    elapsed = 0;
    status.value = next ? { kind: 'playing' } : { kind: 'paused', length: run.length };
  }

  return {
    snapshot: snapshot as ReadonlySignal<GenerationSnapshot>,
    status: status as ReadonlySignal<GenerationStatus>,
    playing,
    /** Plays or pauses; playing a finished run starts it again. */
    togglePlaying(): void {
      if (!playing.peek() && snapshot.peek().run?.finished) restart();
      setPlaying(!playing.peek());
    },
    /** One character (or token) in every column, paused. */
    stepOnce(): void {
      setPlaying(false);
      if (snapshot.peek().run?.finished) restart();
      advance();
    },
    restart,
    /** Advances by the time since the last frame, at one character per STEP_INTERVAL_SECONDS, while playing. */
    step(dtSeconds: number): void {
      if (!playing.peek()) return;
      elapsed = Math.min(elapsed + dtSeconds, STEP_INTERVAL_SECONDS * MAX_STEPS_PER_FRAME);
      while (playing.peek() && elapsed >= STEP_INTERVAL_SECONDS) {
        elapsed -= STEP_INTERVAL_SECONDS;
        advance();
      }
    },
  };
}

export type Generation = ReturnType<typeof createGeneration>;
