/**
 * Goodness of fit between observed counts and a theoretical distribution: what the
 * simulator's fit readout shows and what the seeded statistical tests assert on.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, relative error below 1e-13). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the approximation in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x) = Γ(a, x) / Γ(a), the upper regularized incomplete gamma function. */
export function upperRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series for the lower function P(a, x).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Continued fraction for Q(a, x) by the modified Lentz method.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

/** P(X ≥ statistic) for a chi-square variable with the given degrees of freedom. */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 0) return 1;
  return upperRegularizedGamma(degreesOfFreedom / 2, statistic / 2);
}

/**
 * The one threshold of the fit readout: a p-value above it reads "consistent with theory", at or below
 * it "not in equilibrium yet". 0.01 rather than the textbook 0.05 because the readout is re-tested after
 * every step: in true equilibrium p is uniform on [0, 1], so 0.05 would cry "not in equilibrium" on one
 * step in twenty (a flicker a class sees every few seconds) and 0.01 on one in a hundred. Nothing real is
 * missed: after a temperature change or from an all-on-one-level start, p lies many orders of magnitude
 * below 0.01 at the particle numbers on screen.
 */
export const FIT_P_VALUE_THRESHOLD = 0.01;

/** Whether counts with this p-value pass as ordinary fluctuations about the theory. */
export function fitIsConsistent(pValue: number): boolean {
  return pValue > FIT_P_VALUE_THRESHOLD;
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  /** Probability of a statistic at least this large if the counts were drawn from the theory. */
  pValue: number;
}

/**
 * Pearson's chi-square test of counts against probabilities. Levels whose expected count is
 * below `minimumExpected` are pooled into one bin, as the chi-square approximation requires;
 * an observation on a level of probability zero gives p-value 0 (the theory forbids it).
 */
export function chiSquareTest(
  counts: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  minimumExpected = 5,
): ChiSquareResult {
  if (counts.length !== probabilities.length) {
    throw new RangeError(`${counts.length} counts but ${probabilities.length} probabilities.`);
  }
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total <= 0) return { statistic: 0, degreesOfFreedom: 0, pValue: 1 };

  let statistic = 0;
  let bins = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = total * probabilities[i];
    if (expected === 0) {
      if (counts[i] > 0) return { statistic: Number.POSITIVE_INFINITY, degreesOfFreedom: 0, pValue: 0 };
      continue;
    }
    if (expected < minimumExpected) {
      pooledObserved += counts[i];
      pooledExpected += expected;
      continue;
    }
    const difference = counts[i] - expected;
    statistic += (difference * difference) / expected;
    bins++;
  }
  if (pooledExpected > 0) {
    const difference = pooledObserved - pooledExpected;
    statistic += (difference * difference) / pooledExpected;
    bins++;
  }
  const degreesOfFreedom = bins - 1;
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) };
}

/** KL(observed ‖ theory) in nats; Infinity when something is observed where the theory has zero. */
export function klDivergence(counts: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total <= 0) return 0;
  let divergence = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    const observed = counts[i] / total;
    if (probabilities[i] === 0) return Number.POSITIVE_INFINITY;
    divergence += observed * Math.log(observed / probabilities[i]);
  }
  return Math.max(0, divergence);
}
