/**
 * Multinomial occupation counts without drawing particles one by one: the conditional binomial chain
 *   n_0 ~ Bin(N, p_0),  n_i ~ Bin(N − n_0 − … − n_{i−1}, p_i / (p_i + … + p_{K−1})),
 * which is exactly Multinomial(N, p). With an O(1) binomial sampler this is O(K) whatever N is, so a frame
 * of 1e24 particles costs the same as a frame of 1e6.
 */

import { binomialUnchecked } from './binomial.ts';
import { validateProbabilities } from './distribution.ts';
import { InputError } from './errors.ts';
import type { Rng } from './rng.ts';

/**
 * Counts per level for `total` particles distributed independently over `probabilities`.
 * For total ≤ 2^53 the counts are exact integers summing exactly to total. Larger totals (up to 1e24 and
 * beyond) are allowed; the counts are then doubles rounded like the total itself, and their sum equals
 * the total to within rounding. Levels of probability 0 always get 0.
 * Writes into `out` when given (length at least K; only the first K entries are used).
 */
export function sampleCounts(
  probabilities: ArrayLike<number>,
  total: number,
  rng: Rng,
  out?: Float64Array,
): Float64Array {
  validateProbabilities(probabilities);
  if (!(Number.isFinite(total) && total >= 0 && Number.isInteger(total))) {
    throw new InputError('count.notWhole', { what: 'particles', got: String(total) });
  }
  const levels = probabilities.length;
  if (out !== undefined && out.length < levels) {
    throw new RangeError(`The output array holds ${out.length} entries but there are ${levels} levels.`);
  }
  const counts = out === undefined ? new Float64Array(levels) : out;

  // Suffix sums S_i = p_i + … + p_{K−1}, computed from the end and parked in `counts` (each is read just
  // before it is overwritten). Taking the conditional probability as p_i / S_i, instead of dividing by
  // 1 − (p_0 + … + p_{i−1}), avoids the cancellation that makes the remaining mass drift, keeps
  // p_i / S_i ≤ 1 by construction, and gives the complement S_{i+1} / S_i to full precision.
  let suffix = 0;
  let lastPositive = -1;
  for (let i = levels - 1; i >= 0; i--) {
    const p = probabilities[i];
    if (lastPositive < 0 && p > 0) lastPositive = i;
    suffix += p;
    counts[i] = suffix;
  }

  let remaining = total;
  for (let i = 0; i < levels; i++) {
    const massHere = counts[i];
    const p = probabilities[i];
    if (remaining === 0 || p === 0) {
      counts[i] = 0;
      continue;
    }
    if (i === lastPositive) {
      // Whatever rounding left in the chain belongs here; this also makes the sum exact.
      counts[i] = remaining;
      remaining = 0;
      continue;
    }
    const massAfter = i + 1 < levels ? counts[i + 1] : 0;
    const conditional = Math.min(1, p / massHere);
    const complement = Math.min(1, Math.max(0, massAfter / massHere));
    const n = binomialUnchecked(remaining, conditional, complement, rng);
    counts[i] = n;
    // Above 2^53 the subtraction rounds; never let rounding take `remaining` below zero.
    remaining = Math.max(0, remaining - n);
  }
  return counts;
}
