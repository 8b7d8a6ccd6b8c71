/**
 * The language-model screen's state. The next-token distribution comes either from the character
 * model (trained in a worker on a bundled corpus or the user's own text) or from a pasted real model's
 * distribution; the sampler pipeline turns it into the distribution a token is drawn from.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { ImportedDistribution } from '../core/lm/importDistribution.ts';
import type { NgramModel } from '../core/lm/ngram.ts';
import {
  NEUTRAL_SETTINGS,
  type PipelineResult,
  runPipeline,
  type SamplerSettings,
} from '../core/lm/pipeline.ts';
import {
  comparedSettings,
  sweepTemperatures,
  sweepTopPMinP,
  type TruncationSweep,
} from '../core/lm/truncationSweep.ts';

export type DistributionSource = 'model' | 'pasted';

export type TrainingStatus =
  | { kind: 'idle' }
  | { kind: 'training'; characters: number }
  | { kind: 'ready'; characters: number; milliseconds: number; inWorker: boolean }
  | { kind: 'error'; message: string };

export interface TokenDistribution {
  tokens: readonly string[];
  probabilities: Float64Array;
  /** What the distribution is, for the screen ("model after 'The Unite'", "pasted: OpenAI top_logprobs"). */
  description: string;
}

export const DEFAULT_CORPUS = 'en-sotu';
export const DEFAULT_ORDER = 5;
export const DEFAULT_GENERATION_TEMPERATURES: readonly number[] = [0.2, 0.5, 1, 1.5];

export function createLanguageState() {
  const corpusId = signal<string>(DEFAULT_CORPUS);
  const order = signal(DEFAULT_ORDER);
  const model = signal<NgramModel | null>(null);
  const training = signal<TrainingStatus>({ kind: 'idle' });
  const context = signal('The state of our ');
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
      description: '',
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
    updateSampler,
  };
}

export type LanguageState = ReturnType<typeof createLanguageState>;
