/**
 * llama.cpp's whole-vocabulary softmax as the app's probabilities. wllama's getLogits(-1) returns the
 * tokens sorted by probability, computed in float32 as exp(logit) / Σ exp without subtracting the maximum:
 * the sum is off by a few float32 ulps (1.000005 was seen) and a logit above ~88 overflows to Infinity
 * or NaN. Scattered by token id, checked, and renormalised in float64.
 */
import { CodedError } from '../core/errors.ts';

export interface TokenProbability {
  token: number;
  p: number;
}

/** The probability of every token id (index = id), from llama.cpp's sorted list; refuses non-finite values. */
export function scatterDistribution(
  sorted: readonly TokenProbability[],
  vocabularySize: number,
): Float64Array {
  if (sorted.length !== vocabularySize) {
    throw new Error(
      `llama.cpp returned ${sorted.length} probabilities for a vocabulary of ${vocabularySize}.`,
    );
  }
  const probabilities = new Float64Array(vocabularySize);
  const seen = new Uint8Array(vocabularySize);
  let sum = 0;
  for (const { token, p } of sorted) {
    if (!Number.isInteger(token) || token < 0 || token >= vocabularySize || seen[token]) {
      throw new Error(`llama.cpp returned token id ${token} out of range or twice.`);
    }
    if (!Number.isFinite(p) || p < 0) throw new CodedError('model.badDistribution', { token });
    seen[token] = 1;
    probabilities[token] = p;
    sum += p;
  }
  if (!(sum > 0)) throw new CodedError('model.badDistribution', { token: sorted[0]?.token ?? 0 });
  for (let id = 0; id < vocabularySize; id++) probabilities[id] /= sum;
  return probabilities;
}
