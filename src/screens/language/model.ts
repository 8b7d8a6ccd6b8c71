/**
 * The language-model screen's model. The next-token distribution comes either from the character
 * model (trained in a worker on a bundled corpus or the user's own text) or from a pasted real model's
 * distribution; the sampler pipeline turns it into the distribution a token is drawn from, and that is
 * the system the screen's particles sit on: a kept token is a level with E = −ln p, a removed one a
 * level of degeneracy 0, and the sampling temperature t is the particles' T.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { InputError } from '../../core/errors.ts';
import type { ImportedDistribution } from '../../core/lm/importDistribution.ts';
import { MAX_ORDER, MIN_ORDER, type NgramModel } from '../../core/lm/ngram.ts';
import {
  NEUTRAL_SETTINGS,
  type PipelineResult,
  runPipeline,
  type SamplerSettings,
  validateSamplerSettings,
} from '../../core/lm/pipeline.ts';
import {
  comparedSettings,
  sweepTemperatures,
  sweepTopPMinP,
  type TruncationSweep,
} from '../../core/lm/truncationSweep.ts';
import { ensureModel, type TrainingStatus, trainLanguageModel, trainOnCorpus } from '../../lm/training.ts';
import { createParticleModel } from '../../shared/model/particleModel.ts';
import { setting } from '../../shared/model/setting.ts';
import { presetSystem } from '../../shared/model/system.ts';
import { buildTokenSystem } from '../../shared/model/tokenSystem.ts';
import { browserModelStore } from './browserModelStore.ts';
import { createGeneration, type GenerationModel } from './generation.ts';
import { createRealModel, type ModelStore, type RealModelRuntimeFactory } from './realModel.ts';

/** The runtime of a real model, fetched (with llama.cpp's WebAssembly) only when someone opens a model. */
const loadRealModelRuntime: RealModelRuntimeFactory = () =>
  import('../../realModel/realModelRuntime.ts').then(({ createRealModelRuntime }) =>
    createRealModelRuntime(),
  );

export type { TrainingStatus };

export type DistributionSource = 'model' | 'pasted' | 'real';

export interface TokenDistribution {
  tokens: readonly string[];
  probabilities: Float64Array;
  /** What a pasted distribution was recognised as (null for the character model and a real model). */
  description: ImportedDistribution['source'] | null;
  /** Per token, whether it is a normal, byte or special token (a real model's vocabulary only). */
  kinds?: Uint8Array;
}

/** The text the screen opens on, in the interface's language. */
export const DEFAULT_CORPUS: Readonly<Record<'en' | 'ru', string>> = { en: 'en-sotu', ru: 'ru-udhr' };

/**
 * A context to start from for each bundled text, in the text's own language: a phrase the text uses
 * often, so that the model's next-token distribution is interesting at once.
 */
export const EXAMPLE_CONTEXTS: Readonly<Record<string, string>> = {
  'en-sotu': 'The state of our ',
  'ru-udhr': 'Каждый человек имеет право на ',
  'en-udhr': 'Everyone has the right to ',
  'de-udhr': 'Jeder hat das Recht auf ',
  'fr-udhr': 'Toute personne a droit à ',
  'es-udhr': 'Toda persona tiene derecho a ',
};

/** True for a context nobody edited: one of the examples, as given. */
function isExampleContext(text: string): boolean {
  return Object.values(EXAMPLE_CONTEXTS).includes(text);
}
export const DEFAULT_ORDER = 5;
export const DEFAULT_GENERATION_TEMPERATURES: readonly number[] = [0.2, 0.5, 1, 1.5];

/** The most temperatures generation runs side by side, and the largest |t| among them. */
export const MAX_GENERATION_COLUMNS = 6;
export const MAX_GENERATION_TEMPERATURE = 5;
/** The longest context the screen keeps (a link carries at most this much). */
export const MAX_CONTEXT_LENGTH = 2000;

function checkOrder(order: number): void {
  if (!(Number.isInteger(order) && order >= MIN_ORDER && order <= MAX_ORDER)) {
    throw new InputError('model.order', { min: MIN_ORDER, max: MAX_ORDER, got: String(order) });
  }
}

function checkGenerationTemperatures(temperatures: readonly number[]): void {
  const usable =
    temperatures.length >= 1 &&
    temperatures.length <= MAX_GENERATION_COLUMNS &&
    temperatures.every((t) => Number.isFinite(t) && Math.abs(t) <= MAX_GENERATION_TEMPERATURE);
  if (!usable) {
    throw new InputError('generation.temperatures', {
      columns: MAX_GENERATION_COLUMNS,
      limit: MAX_GENERATION_TEMPERATURE,
    });
  }
}

function checkSeed(seed: number): void {
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff)) {
    throw new InputError('seed.range', { got: String(seed) });
  }
}

export function createLanguageScreenModel(
  locale: 'en' | 'ru' = 'en',
  makeRealModelRuntime: RealModelRuntimeFactory = loadRealModelRuntime,
  modelStore: ModelStore = browserModelStore,
) {
  const corpusId = signal<string>(DEFAULT_CORPUS[locale]);
  const order = setting<number>(DEFAULT_ORDER, checkOrder);
  const model = signal<NgramModel | null>(null);
  const training = signal<TrainingStatus>({ kind: 'idle' });
  const context = setting<string>(EXAMPLE_CONTEXTS[corpusId.peek()] ?? '', (text) => {
    if (text.length > MAX_CONTEXT_LENGTH) {
      throw new InputError('context.tooLong', { limit: MAX_CONTEXT_LENGTH });
    }
  });
  const pasted = signal<ImportedDistribution | null>(null);
  const real = createRealModel(makeRealModelRuntime, modelStore, context, {
    opened: () => source.set('real'),
    unloaded: () => {
      if (source.peek() === 'real') source.set('model');
    },
  });
  const source = setting<DistributionSource>('model', (next) => {
    if (next === 'pasted' && pasted.peek() === null) throw new InputError('source.nothingPasted', {});
    if (next === 'real' && real.session.peek() === null) throw new InputError('source.noRealModel', {});
  });
  const sampler = signal<SamplerSettings>({ ...NEUTRAL_SETTINGS });
  const generationTemperatures = setting<readonly number[]>(
    DEFAULT_GENERATION_TEMPERATURES,
    checkGenerationTemperatures,
  );
  const generationSeed = setting<number>(1, checkSeed);
  const trainingTarget = {
    order,
    corpusId,
    model,
    training,
    useModel: () => source.set('model'),
  };

  const distribution: ReadonlySignal<TokenDistribution | null> = computed(() => {
    const imported = pasted.value;
    if (source.value === 'pasted' && imported) {
      return { tokens: imported.tokens, probabilities: imported.probabilities, description: imported.source };
    }
    if (source.value === 'real') {
      const current = real.session.value;
      const probabilities = real.distribution.value;
      if (current && probabilities) {
        const { labels, kinds } = current.vocabulary;
        return { tokens: labels, probabilities, description: null, kinds };
      }
      return null;
    }
    const trained = model.value;
    if (!trained) return null;
    return {
      tokens: trained.vocabulary,
      probabilities: trained.distributionAfter(context.value),
      description: null,
    };
  });

  /** A fresh result per change: signals compare by identity, so a reused scratch would never notify. */
  const pipeline: ReadonlySignal<PipelineResult | null> = computed(() => {
    const current = distribution.value;
    return current ? runPipeline(current.probabilities, sampler.value) : null;
  });

  // top-p against min-p over t. Keyed on the three settings it uses, so moving the temperature (the
  // chart's x axis) does not sweep again.
  const comparisonKey = computed(() => {
    const { topP, minP, order } = comparedSettings(sampler.value);
    return `${topP}|${minP}|${order}`;
  });
  const comparison: ReadonlySignal<TruncationSweep | null> = computed(() => {
    comparisonKey.value;
    const current = distribution.value;
    return current
      ? sweepTopPMinP(current.probabilities, comparedSettings(sampler.peek()), sweepTemperatures())
      : null;
  });

  // The sampler's output is the particles' system: kept tokens are levels, removed ones have g = 0.
  const tokenSystem = computed(() => {
    const current = distribution.value;
    const result = pipeline.value;
    if (!current || !result) return null;
    const removed = Uint8Array.from(result.final, (p, i) => (p === 0 && result.input[i] > 0 ? 1 : 0));
    return buildTokenSystem(current.tokens, current.probabilities, removed).system;
  });
  const placeholder = presetSystem('harmonic-oscillator');
  const particles = createParticleModel(
    {
      // Until a model is trained the particles wait on a placeholder ladder, which the screen covers with its note.
      system: computed(() => tokenSystem.value ?? placeholder),
      temperature: computed(() => (pipeline.value?.greedy ? 0 : sampler.value.temperature)),
    },
    1000,
  );

  /** Chooses the training text; an example context nobody edited follows it into the new text's language. */
  function chooseCorpus(id: string): void {
    batch(() => {
      const untouched = isExampleContext(context.peek());
      corpusId.value = id;
      const example = EXAMPLE_CONTEXTS[id];
      if (untouched && example !== undefined) context.set(example);
    });
  }

  const generationModel = computed((): GenerationModel | null => {
    if (source.value === 'real') {
      const current = real.session.value;
      return current ? { kind: 'tokens', session: current } : null;
    }
    const trained = model.value;
    return trained ? { kind: 'characters', model: trained } : null;
  });
  const generation = createGeneration({
    model: generationModel,
    context,
    sampler,
    temperatures: generationTemperatures,
    seed: generationSeed,
  });

  return {
    corpusId: corpusId as ReadonlySignal<string>,
    order,
    model: model as ReadonlySignal<NgramModel | null>,
    training: training as ReadonlySignal<TrainingStatus>,
    context,
    source,
    pasted: pasted as ReadonlySignal<ImportedDistribution | null>,
    /** A real model (GGUF, run by llama.cpp in WebAssembly): opening, storing, its distribution. */
    real,
    sampler: sampler as ReadonlySignal<SamplerSettings>,
    generationTemperatures,
    generationSeed,
    distribution,
    pipeline,
    comparison,
    particles,
    generation,
    chooseCorpus,
    /** Shows a pasted distribution in place of the model's. */
    usePasted(imported: ImportedDistribution): void {
      batch(() => {
        pasted.value = imported;
        source.set('pasted');
      });
    },
    /** Changes some of the sampler's settings; refuses (InputError) a set the pipeline cannot run. */
    updateSampler(change: Partial<SamplerSettings>): void {
      const next = { ...sampler.peek(), ...change };
      validateSamplerSettings(next);
      sampler.value = next;
    },
    /** Trains the character model on `text`; resolves with an error for the person, or null. */
    train: (text: string) => trainLanguageModel(trainingTarget, text),
    /** Trains on the chosen bundled text unless a model exists or is on its way. */
    ensureModel: () => ensureModel(trainingTarget),
    /** Trains on a bundled text. */
    trainOnCorpus: (id: string) => trainOnCorpus(trainingTarget, id),
    step(dtSeconds: number): void {
      particles.step(dtSeconds);
      generation.step(dtSeconds);
    },
    reset: particles.reset,
  };
}

export type LanguageScreenModel = ReturnType<typeof createLanguageScreenModel>;
