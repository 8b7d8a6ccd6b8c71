/**
 * The language-model screen's state. The next-token distribution comes either from the character
 * model (trained in a worker on a bundled corpus or the user's own text) or from a pasted real model's
 * distribution; the sampler pipeline turns it into the distribution a token is drawn from.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { ImportedDistribution } from '../../core/lm/importDistribution.ts';
import type { NgramModel } from '../../core/lm/ngram.ts';
import {
  NEUTRAL_SETTINGS,
  type PipelineResult,
  runPipeline,
  type SamplerSettings,
} from '../../core/lm/pipeline.ts';
import {
  comparedSettings,
  sweepTemperatures,
  sweepTopPMinP,
  type TruncationSweep,
} from '../../core/lm/truncationSweep.ts';

export type DistributionSource = 'model' | 'pasted';

export type TrainingStatus =
  | { kind: 'idle' }
  | { kind: 'training'; characters: number }
  | { kind: 'ready'; characters: number; milliseconds: number; inWorker: boolean }
  | { kind: 'error'; error: unknown };

export interface TokenDistribution {
  tokens: readonly string[];
  probabilities: Float64Array;
  /** What a pasted distribution was recognised as (null for the character model). */
  description: ImportedDistribution['source'] | null;
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

export function createLanguageState(locale: 'en' | 'ru' = 'en') {
  const corpusId = signal<string>(DEFAULT_CORPUS[locale]);
  const order = signal(DEFAULT_ORDER);
  const model = signal<NgramModel | null>(null);
  const training = signal<TrainingStatus>({ kind: 'idle' });
  const context = signal(EXAMPLE_CONTEXTS[corpusId.peek()] ?? '');
  const source = signal<DistributionSource>('model');
  const pasted = signal<ImportedDistribution | null>(null);
  const sampler = signal<SamplerSettings>({ ...NEUTRAL_SETTINGS });
  const generationTemperatures = signal<readonly number[]>(DEFAULT_GENERATION_TEMPERATURES);
  const generationSeed = signal(1);

  const distribution: ReadonlySignal<TokenDistribution | null> = computed(() => {
    const imported = pasted.value;
    if (source.value === 'pasted' && imported) {
      return { tokens: imported.tokens, probabilities: imported.probabilities, description: imported.source };
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

  function usePasted(imported: ImportedDistribution): void {
    batch(() => {
      pasted.value = imported;
      source.value = 'pasted';
    });
  }

  /** Chooses the training text; an example context nobody edited follows it into the new text's language. */
  function chooseCorpus(id: string): void {
    batch(() => {
      const untouched = isExampleContext(context.peek());
      corpusId.value = id;
      const example = EXAMPLE_CONTEXTS[id];
      if (untouched && example !== undefined) context.value = example;
    });
  }

  function updateSampler(change: Partial<SamplerSettings>): void {
    sampler.value = { ...sampler.peek(), ...change };
  }

  return {
    corpusId,
    order,
    model,
    training,
    context,
    source,
    pasted,
    sampler,
    generationTemperatures,
    generationSeed,
    distribution,
    pipeline,
    comparison,
    usePasted,
    chooseCorpus,
    updateSampler,
  };
}

export type LanguageState = ReturnType<typeof createLanguageState>;
