/**
 * Exact binomial variates for any n up to 1e24 and beyond, in O(1) expected time for large n·p.
 *
 * - n·min(p, 1−p) < 10: sequential inversion from 0 (expected n·p + 1 steps, so at most ~10).
 * - otherwise: BTRD, the transformed rejection with decomposition of W. Hörmann, "The generation of
 *   binomial random variates", J. Statist. Comput. Simul. 46 (1993) 101–110. Its hat and squeeze are
 *   used as published; only the final exact test is rearranged (see logPmfRatio) so that it stays
 *   accurate when n is far beyond 2^53, where the published form cancels catastrophically.
 * - p > 1/2 uses the symmetry X = n − Binomial(n, 1 − p), so both algorithms only see p ≤ 1/2.
 *
 * Exactness: for n ≤ 2^53 every result is an exact integer with the binomial distribution (up to
 * double rounding in the acceptance tests). Above 2^53 not every integer is a double; the result is then
 * the draw rounded to a representable double — relative error 2^-53, far below the standard deviation.
 */
import { InputError } from './errors.ts';
import type { Rng } from './rng.ts';

/** Below this n·min(p, 1 − p) inversion is cheaper than BTRD, and BTRD's hat is only proven from 10 on. */
const INVERSION_LIMIT = 10;

/** A draw from Binomial(n, p): the number of successes in n independent trials of probability p. */
export function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (!(Number.isFinite(n) && n >= 0 && Number.isInteger(n))) {
    throw new InputError('count.notWhole', { what: 'trials', got: String(n) });
  }
  if (!(p >= 0 && p <= 1)) {
    throw new InputError('binomial.probability', { got: String(p) });
  }
  return binomialUnchecked(n, p, 1 - p, rng);
}

/**
 * Binomial(n, p) without validation, with the failure probability q = 1 − p passed separately: when a
 * caller knows q more precisely than 1 − p (the multinomial chain computes both as ratios of suffix sums)
 * the symmetric branch keeps that precision. Callers must pass n a non-negative integer and p, q in [0, 1].
 */
export function binomialUnchecked(n: number, p: number, q: number, rng: Rng): number {
  if (n === 0 || p <= 0) return 0;
  if (q <= 0) return n;
  if (p > q) return n - binomialSmallP(n, q, p, rng);
  return binomialSmallP(n, p, q, rng);
}

function binomialSmallP(n: number, p: number, q: number, rng: Rng): number {
  return n * p < INVERSION_LIMIT ? inversion(n, p, q, rng) : btrd(n, p, q, rng);
}

/**
 * Walks the pmf from 0 upward, subtracting each term from one uniform, using
 * f(x + 1) = f(x) · (n − x) / (x + 1) · p / q. With n·p < 10 the walk is short.
 */
function inversion(n: number, p: number, q: number, rng: Rng): number {
  const odds = p / q;
  // log1p keeps q^n accurate when p is tiny and n enormous (n = 1e24, p = 1e-23).
  const probabilityOfZero = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = rng.nextFloat();
    let term = probabilityOfZero;
    let x = 0;
    for (;;) {
      if (u < term) return x;
      u -= term;
      if (x >= n) break;
      term *= ((n - x) / (x + 1)) * odds;
      x++;
      // Past the mode the terms shrink faster than geometrically and underflow to 0 after a few hundred
      // steps at most; u left over at that point is rounding residue, so draw again.
      if (term === 0) break;
    }
  }
}

/** Stirling-series remainder fc(k) = ln k! − [ln √(2π) + (k + ½) ln(k + 1) − (k + 1)]. */
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const STIRLING_TABLE = (() => {
  // For k ≤ 9 the series is not accurate enough; ln k! is summed directly (exact to rounding here).
  const table = new Float64Array(10);
  let logFactorial = 0;
  for (let k = 0; k < 10; k++) {
    if (k > 0) logFactorial += Math.log(k);
    table[k] = logFactorial - (LN_SQRT_2PI + (k + 0.5) * Math.log(k + 1) - (k + 1));
  }
  return table;
})();

function stirlingRemainder(k: number): number {
  if (k < 10) return STIRLING_TABLE[k];
  const inverse = 1 / (k + 1);
  const inverseSquared = inverse * inverse;
  // Four terms of the Stirling series: the truncation error is below 5e-13 from k = 10 on.
  return (
    (1 / 12 - (1 / 360 - (1 / 1260 - inverseSquared / 1680) * inverseSquared) * inverseSquared) * inverse
  );
}

/**
 * ln f(k) − ln f(m) for the Binomial(n, p) pmf f, with m near the mode, written so that every large term
 * is a large number times log1p of a small ratio. Hörmann's form, (m + ½) ln((m + 1)/(r(n − m + 1))) + …,
 * multiplies a logarithm of a ratio near 1 (computed with relative error 1e-16) by m: at n = 1e24 that
 * error alone would exceed 1e7. Here the only such product is d · logModeRatio with d = k − m, whose
 * rounding error (about d · 2^-53) matches the effect of changing p by one unit in its last place: as
 * precise as the question itself.
 */
export function logPmfRatio(k: number, m: number, n: number, p: number, q: number): number {
  const d = k - m;
  const upToMode = Math.log1p(d / (m + 1)); // ln((k + 1) / (m + 1))
  const failuresAtMode = n - m; // n − m ≥ 0
  // ln(r (n − m + 1) / (m + 1)) with r = p / q: O(1/m), the slope of ln f at the mode.
  const logModeRatio = Math.log(((p / q) * (failuresAtMode + 1)) / (m + 1));
  return (
    -(m + 0.5) * upToMode -
    (n - k + 0.5) * Math.log1p(-d / (failuresAtMode + 1)) +
    d * (logModeRatio - upToMode) +
    stirlingRemainder(m) -
    stirlingRemainder(k) +
    stirlingRemainder(failuresAtMode) -
    stirlingRemainder(n - k)
  );
}

/** BTRD for p ≤ ½ and n·p ≥ 10. Expected uniforms per variate ≈ 2.2 (Hörmann). */
function btrd(n: number, p: number, q: number, rng: Rng): number {
  const npq = n * p * q;
  const spq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  const mode = Math.floor((n + 1) * p);
  const r = p / q;
  const nr = (n + 1) * r;

  for (;;) {
    let v = rng.nextFloat();
    let u: number;
    if (v <= urvr) {
      // The box in the middle of the hat lies under the pmf: accept at once (~86% of draws for large n).
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = rng.nextFloat() - 0.5;
    } else {
      // Reuse v: it is uniform on (urvr, vr), so it can be mapped onto the two thin strips beside the box.
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.nextFloat() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - mode);
    // Near the mode the ratio f(k)/f(m) is a short product, cheaper and exact to rounding. Above 2^52 the
    // loop counter could stop advancing (i + 1 === i), so there the logarithmic test below is used.
    if (km <= 15 && mode < 4503599627370496) {
      let f = 1;
      if (mode < k) {
        for (let i = mode + 1; i <= k; i++) f *= nr / i - r;
      } else if (mode > k) {
        for (let i = k + 1; i <= mode; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    const logV = Math.log(v);
    // Squeeze: |ln f(k)/f(m) + km²/(2npq)| ≤ rho, so most candidates are decided without logarithms.
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (logV < t - rho) return k;
    if (logV > t + rho) continue;
    if (logV <= logPmfRatio(k, mode, n, p, q)) return k;
  }
}
