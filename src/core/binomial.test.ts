import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { logPmfRatio, sampleBinomial } from './binomial.ts';
import { InputError } from './errors.ts';
import { createRng } from './rng.ts';
import { chiSquareTest } from './statistics.ts';

const ALPHA = 1e-4;

/**
 * The exact Binomial(n, p) pmf on a window of ±12 standard deviations (all of [0, n] when that is
 * smaller), built by the ratio recursion outward from the mode and normalised on the window; the mass
 * outside it is below 1e-30.
 */
function binomialPmf(n: number, p: number): { low: number; pmf: Float64Array } {
  const q = 1 - p;
  const sd = Math.sqrt(n * p * q);
  const low = Math.max(0, Math.floor(n * p - 12 * sd - 5));
  const high = Math.min(n, Math.ceil(n * p + 12 * sd + 5));
  const mode = Math.min(high, Math.max(low, Math.floor((n + 1) * p)));
  const pmf = new Float64Array(high - low + 1);
  pmf[mode - low] = 1;
  for (let k = mode; k < high; k++) pmf[k + 1 - low] = (pmf[k - low] * (n - k) * p) / ((k + 1) * q);
  for (let k = mode; k > low; k--) pmf[k - 1 - low] = (pmf[k - low] * k * q) / ((n - k + 1) * p);
  const total = pmf.reduce((s, x) => s + x, 0);
  for (let i = 0; i < pmf.length; i++) pmf[i] /= total;
  return { low, pmf };
}

/**
 * Chi-square of `draws` variates against Binomial(n, pTheory); a draw outside the window fails. Values are
 * grouped in bins of about σ/8 so that the bins stay well filled when σ is large.
 */
function binomialChiSquare(n: number, p: number, seed: number, draws: number, pTheory = p) {
  const { low, pmf } = binomialPmf(n, pTheory);
  const width = Math.max(1, Math.floor(Math.sqrt(n * pTheory * (1 - pTheory)) / 8));
  const bins = Math.ceil(pmf.length / width);
  const expected = new Float64Array(bins + 1); // the last bin: outside the window, probability 0
  for (let i = 0; i < pmf.length; i++) expected[Math.floor(i / width)] += pmf[i];
  const counts = new Float64Array(bins + 1);
  const rng = createRng(seed);
  for (let i = 0; i < draws; i++) {
    const offset = sampleBinomial(n, p, rng) - low;
    counts[offset >= 0 && offset < pmf.length ? Math.floor(offset / width) : bins]++;
  }
  return chiSquareTest(counts, expected);
}

describe('sampleBinomial: seeded chi-square against the exact pmf, 1e5 draws', () => {
  const cases: [number, number, string][] = [
    [20, 0.3, 'inversion'],
    [100_000, 5e-5, 'inversion, large n'],
    [30, 0.9, 'inversion through p → 1 − p'],
    [50, 0.2, 'BTRD at its lower limit n·p = 10'],
    [1000, 0.4, 'BTRD'],
    [1000, 0.8, 'BTRD through p → 1 − p'],
    [1_000_000, 1e-3, 'BTRD, small p'],
    [10_000_000, 0.5, 'BTRD, the squeeze decides most draws'],
  ];
  for (const [n, p, regime] of cases) {
    test(`n = ${n}, p = ${p} (${regime})`, () => {
      expect(binomialChiSquare(n, p, n + 17, 100_000).pValue).toBeGreaterThan(ALPHA);
    });
  }

  test('the same test notices a 1% error in p (n = 1000, p = 0.4 checked against p = 0.404)', () => {
    expect(binomialChiSquare(1000, 0.4, 1017, 100_000).pValue).toBeGreaterThan(ALPHA);
    expect(binomialChiSquare(1000, 0.4, 1017, 100_000, 0.404).pValue).toBeLessThan(ALPHA);
  });
});

/** z-scores of the sample mean and variance of `draws` variates against n·p and n·p·q. */
function momentZScores(n: number, p: number, seed: number, draws: number) {
  const rng = createRng(seed);
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < draws; i++) {
    // Standardise each draw first: at n = 1e24 raw sums of squares would lose all precision.
    const z = (sampleBinomial(n, p, rng) - mean) / sd;
    sum += z;
    sumSquares += z * z;
  }
  const sampleMean = sum / draws;
  const sampleVariance = (sumSquares - draws * sampleMean * sampleMean) / (draws - 1);
  // Var of the sample variance ≈ (2 + excess kurtosis) σ⁴ / draws; the binomial's excess kurtosis is
  // (1 − 6pq)/(npq), negligible here.
  return { mean: sampleMean * Math.sqrt(draws), variance: (sampleVariance - 1) / Math.sqrt(2 / draws) };
}

describe('sampleBinomial: huge n, mean and variance z-scores of 1e5 draws', () => {
  const cases: [number, number][] = [
    [1e9, 0.5],
    [2 ** 53, 0.37],
    [1e18, 0.25],
    [1e24, 0.3],
    [1e24, 0.9999],
    [1e24, 1e-20],
    [1e24, 5e-24],
  ];
  for (const [n, p] of cases) {
    test(`n = ${n}, p = ${p}`, () => {
      const z = momentZScores(n, p, 4242, 100_000);
      expect(Math.abs(z.mean)).toBeLessThan(4.5);
      expect(Math.abs(z.variance)).toBeLessThan(4.5);
    });
  }

  test('results are integers in [0, n]; exact integers up to 2^53', () => {
    const rng = createRng(8);
    for (const [n, p] of [
      [2 ** 53, 0.5],
      [2 ** 53 - 1, 0.999],
      [1e24, 0.5],
      [1e24, 1e-22],
    ]) {
      for (let i = 0; i < 1000; i++) {
        const k = sampleBinomial(n, p, rng);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        if (n <= 2 ** 53) expect(Number.isSafeInteger(k) || k === 2 ** 53).toBe(true);
      }
    }
  });
});

describe('sampleBinomial: edge cases and input checks', () => {
  test('n = 0, p = 0 and p = 1 are exact', () => {
    const rng = createRng(1);
    expect(sampleBinomial(0, 0.5, rng)).toBe(0);
    expect(sampleBinomial(1000, 0, rng)).toBe(0);
    expect(sampleBinomial(1000, 1, rng)).toBe(1000);
    expect(sampleBinomial(1e24, 0, rng)).toBe(0);
    expect(sampleBinomial(1e24, 1, rng)).toBe(1e24);
  });

  test('rejects impossible arguments with a human message', () => {
    const rng = createRng(1);
    for (const n of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sampleBinomial(n, 0.5, rng)).toThrow(InputError);
    }
    for (const p of [-0.1, 1.1, Number.NaN]) {
      expect(() => sampleBinomial(10, p, rng)).toThrow(/between 0 and 1/);
    }
  });

  test('property: reproducible with the same seed, and always an integer in [0, n]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (n, p, seed) => {
          const first = createRng(seed);
          const second = createRng(seed);
          for (let i = 0; i < 20; i++) {
            const k = sampleBinomial(n, p, first);
            if (k !== sampleBinomial(n, p, second)) return false;
            if (!Number.isInteger(k) || k < 0 || k > n) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('logPmfRatio (the rearranged exact test of BTRD)', () => {
  test('agrees with the direct product of pmf ratios', () => {
    const direct = (k: number, m: number, n: number, p: number) => {
      let sum = 0;
      for (let i = Math.min(k, m) + 1; i <= Math.max(k, m); i++)
        sum += Math.log(((n - i + 1) / i) * (p / (1 - p)));
      return k > m ? sum : -sum;
    };
    for (const [n, p] of [
      [50, 0.2],
      [1000, 0.4],
      [1e6, 1e-3],
      [1e9, 0.5],
    ]) {
      const m = Math.floor((n + 1) * p);
      const sd = Math.sqrt(n * p * (1 - p));
      for (const z of [-6, -2.5, -1, 0.5, 1.7, 4, 7]) {
        const k = Math.min(n, Math.max(0, Math.round(m + z * sd)));
        const expected = direct(k, m, n, p);
        expect(Math.abs(logPmfRatio(k, m, n, p, 1 - p) - expected)).toBeLessThan(
          1e-9 * (1 + Math.abs(expected)),
        );
      }
    }
  });

  test('stays close to the Gaussian shape at n = 1e24, where the published form cancels', () => {
    const n = 1e24;
    const p = 0.3;
    const npq = n * p * (1 - p);
    const m = Math.floor((n + 1) * p);
    for (const z of [-4, -1, 1, 4]) {
      const d = Math.round(z * Math.sqrt(npq));
      // Skewness corrections are of order z³/√npq ≈ 1e-10 here; the remaining error is d·2^-53.
      expect(logPmfRatio(m + d, m, n, p, 1 - p)).toBeCloseTo((-d * d) / (2 * npq), 3);
    }
  });
});
