/**
 * Text generation: at every step the model's next-token distribution goes through the sampler pipeline,
 * and the token is drawn from exactly the final distribution the pipeline reports, so what the interface
 * shows is what generation samples from (the seeded chi-square test in generation.test.ts checks this).
 *
 * A draw uses the inverse CDF with one 53-bit uniform from the seeded generator: O(K) per token. An alias
 * table would be O(1) per draw but costs O(K) to build, and the distribution changes at every step, so for
 * one draw per distribution the plain scan is the cheaper of the two. Many draws from one fixed
 * distribution (a histogram of samples) should use sampleLevels from alias.ts instead.
 */
import { validateCount } from '../alias.ts';
import { validateProbabilities } from '../distribution.ts';
import { InputError } from '../errors.ts';
import type { Rng } from '../rng.ts';
import {
  type PipelineResult,
  PipelineScratch,
  runPipeline,
  type SamplerSettings,
  topTokens,
} from './pipeline.ts';

/** More steps than this in one call would freeze the page for too long; generate in chunks instead. */
export const MAX_GENERATION_STEPS = 100_000;

/**
 * Draws a token index from `distribution` (validated as by validateProbabilities). Consumes exactly one
 * rng.nextFloat(). A token of probability 0 is never returned.
 */
export function drawToken(distribution: ArrayLike<number>, rng: Rng): number {
  const total = validateProbabilities(distribution);
  // Scaling u by the actual sum (not 1) keeps the draw exact when the sum is 1 only within tolerance.
  const u = rng.nextFloat() * total;
  let cumulative = 0;
  let lastPositive = 0;
  for (let i = 0; i < distribution.length; i++) {
    const p = distribution[i];
    if (p === 0) continue;
    cumulative += p;
    lastPositive = i;
    // A token with p = 0 cannot get here: cumulative did not grow, so u < cumulative already held earlier.
    if (u < cumulative) return i;
  }
  // u within rounding of the total: the last token that can be drawn.
  return lastPositive;
}

/**
 * The next token under a pipeline result: at temperature 0 the greedy token, deterministically and
 * without consuming a random number (as greedy decoding does in llama.cpp and HF); otherwise a draw from
 * result.final.
 */
export function chooseToken(result: PipelineResult, rng: Rng): number {
  if (result.greedy) return result.greedyToken;
  return drawToken(result.final, rng);
}

export interface TokenAlternative {
  token: number;
  /** The token's text from the vocabulary: data to show as text, never as HTML. */
  text: string;
  /** Its probability under the final (sampled) distribution. */
  probability: number;
}

export interface GenerationStep {
  token: number;
  text: string;
  /** Probability of the chosen token under the final distribution it was drawn from. */
  probability: number;
  /** Probability of the chosen token under the model's own distribution, before any sampler stage. */
  modelProbability: number;
  /** Entropy of the final distribution in bits, and its perplexity e^H. */
  entropyBits: number;
  perplexity: number;
  /** Tokens left with probability > 0 after the sampler. */
  keptCount: number;
  /** The most likely tokens of the final distribution, most likely first (ties: lower index first). */
  alternatives: TokenAlternative[];
}

export interface GenerationOptions {
  /** Token texts; distributions are indexed the same way. For a character model, the characters. */
  vocabulary: readonly string[];
  /** The model: next-token probabilities given the text so far, one per vocabulary entry. */
  nextDistribution: (context: string) => ArrayLike<number>;
  settings: SamplerSettings;
  rng: Rng;
  /** How many tokens to generate (characters, for a character model). */
  count: number;
  /** Text the generation continues; '' by default. */
  prompt?: string;
  /** How many top alternatives to report per step; 5 by default, 0 for none. */
  alternatives?: number;
  /** Reused pipeline memory; one is created for the call when omitted. */
  scratch?: PipelineScratch;
}

export interface Generation {
  prompt: string;
  /** The generated text alone (without the prompt). */
  text: string;
  steps: GenerationStep[];
}

/**
 * Generates `count` tokens: at each step nextDistribution(prompt + text so far) → runPipeline → chooseToken.
 * With the same seed, model and settings the result is the same everywhere; at temperature 0 it does not
 * depend on the seed at all.
 */
export function generate(options: GenerationOptions): Generation {
  const { vocabulary, nextDistribution, settings, rng, count } = options;
  const prompt = options.prompt ?? '';
  const alternativeCount = options.alternatives ?? 5;
  validateCount(count, 'tokensToGenerate');
  if (count > MAX_GENERATION_STEPS) {
    throw new InputError('generation.tooMany', { limit: MAX_GENERATION_STEPS, got: count });
  }
  validateCount(alternativeCount, 'alternatives');
  if (vocabulary.length === 0) throw new InputError('generation.emptyVocabulary', {});
  const scratch = options.scratch ?? new PipelineScratch();
  const steps: GenerationStep[] = [];
  let text = '';
  for (let step = 0; step < count; step++) {
    const distribution = nextDistribution(prompt + text);
    if (distribution.length !== vocabulary.length) {
      throw new InputError('generation.sizeMismatch', {
        probabilities: distribution.length,
        vocabulary: vocabulary.length,
      });
    }
    const result = runPipeline(distribution, settings, scratch);
    const token = chooseToken(result, rng);
    const alternatives = topTokens(result.final, alternativeCount).map(({ token: t, probability }) => ({
      token: t,
      text: vocabulary[t],
      probability,
    }));
    steps.push({
      token,
      text: vocabulary[token],
      probability: result.final[token],
      modelProbability: result.input[token],
      entropyBits: result.entropyBits,
      perplexity: result.perplexity,
      keptCount: result.keptCount,
      alternatives,
    });
    text += vocabulary[token];
  }
  return { prompt, text, steps };
}
