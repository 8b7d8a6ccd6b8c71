import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from './errors.ts';
import { sampleCounts } from './multinomial.ts';
import { createRng } from './rng.ts';
import { chiSquareSurvival, chiSquareTest } from './statistics.ts';

const ALPHA = 1e-4;

function normalise(weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

/** K = 64, Boltzmann-like: a geometric ladder (so levels span four decades) with six inaccessible levels. */
function boltzmannLadder(): number[] {
  const zeros = new Set([3, 17, 30, 41, 62, 63]);
  return normalise(
    Array.from({ length: 64 }, (_, i) => (zeros.has(i) ? 0 : Math.exp(-i / 8) * (1 + (i % 3)))),
  );
}

/** The same distribution with one probability 1% (relative) too high, the excess taken from another level. */
function withOnePercentError(p: readonly number[], level: number, donor: number): number[] {
  const wrong = p.slice();
  wrong[level] = p[level] * 1.01;
  wrong[donor] = p[donor] - p[level] * 0.01;
  return wrong;
}

/**
 * Pearson's test of every call separately, combined: the sum of independent chi-square statistics is
 * chi-square with the summed degrees of freedom. Each call is one multinomial sample, so this checks the
 * joint distribution of the counts, not only their totals.
 */
function combinedChiSquare(
  sampleP: readonly number[],
  theoryP: readonly number[],
  total: number,
  calls: number,
  seed: number,
) {
  const rng = createRng(seed);
  const counts = new Float64Array(sampleP.length);
  let statistic = 0;
  let degreesOfFreedom = 0;
  for (let call = 0; call < calls; call++) {
    sampleCounts(sampleP, total, rng, counts);
    const result = chiSquareTest(counts, theoryP);
    statistic += result.statistic;
    degreesOfFreedom += result.degreesOfFreedom;
  }
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) };
}

describe('sampleCounts: seeded chi-square, K = 64', () => {
  const p = boltzmannLadder();
  const level = 0; // p ≈ 0.066
  const donor = 1;

  for (const [total, calls] of [
    [1e6, 1000],
    [1e12, 200],
    [1e24, 200],
  ]) {
    test(`total ${total}, ${calls} calls: passes for the right p, fails when one probability is 1% off`, () => {
      const seed = 77 + calls;
      expect(combinedChiSquare(p, p, total, calls, seed).pValue).toBeGreaterThan(ALPHA);
      const wrong = withOnePercentError(p, level, donor);
      expect(combinedChiSquare(wrong, p, total, calls, seed).pValue).toBeLessThan(ALPHA);
    });
  }

  test('each level has the binomial mean and variance (2000 calls at total 1e6)', () => {
    const total = 1e6;
    const calls = 2000;
    const rng = createRng(31);
    const counts = new Float64Array(64);
    const sums = new Float64Array(64);
    const sumSquares = new Float64Array(64);
    for (let call = 0; call < calls; call++) {
      sampleCounts(p, total, rng, counts);
      for (let i = 0; i < 64; i++) {
        // Centred on the expectation so the sums of squares keep their precision.
        const deviation = counts[i] - total * p[i];
        sums[i] += deviation;
        sumSquares[i] += deviation * deviation;
      }
    }
    for (let i = 0; i < 64; i++) {
      if (p[i] === 0) {
        expect(sumSquares[i]).toBe(0);
        continue;
      }
      const variance = total * p[i] * (1 - p[i]);
      const meanZ = sums[i] / Math.sqrt(calls * variance);
      // Mean square deviation about the known mean; its variance is (2 + excess kurtosis) σ⁴ / calls.
      const excessKurtosis = (1 - 6 * p[i] * (1 - p[i])) / variance;
      const varianceZ = (sumSquares[i] / calls / variance - 1) / Math.sqrt((2 + excessKurtosis) / calls);
      expect(Math.abs(meanZ)).toBeLessThan(4.5);
      expect(Math.abs(varianceZ)).toBeLessThan(4.5);
    }
  });
});

describe('sampleCounts: exact bookkeeping', () => {
  const distribution = fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 80,
    })
    .map((w) => {
      if (!w.some((x) => x > 0)) w[w.length - 1] = 1;
      return normalise(w);
    });

  test('property: counts are non-negative integers summing exactly to the total; zero levels get 0', () => {
    fc.assert(
      fc.property(
        distribution,
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer(),
        (p, total, seed) => {
          const counts = sampleCounts(p, total, createRng(seed));
          let sum = 0;
          for (let i = 0; i < p.length; i++) {
            const n = counts[i];
            if (!Number.isInteger(n) || n < 0) return false;
            if (p[i] === 0 && n !== 0) return false;
            sum += n;
          }
          return sum === total;
        },
      ),
      { numRuns: 500 },
    );
  });

  test('property: the same seed gives the same counts', () => {
    fc.assert(
      fc.property(
        distribution,
        fc.double({ min: 0, max: 1e24, noNaN: true }).map(Math.floor),
        fc.integer(),
        (p, total, seed) => {
          const first = sampleCounts(p, total, createRng(seed));
          const second = sampleCounts(p, total, createRng(seed));
          return first.every((n, i) => n === second[i]);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('property: totals up to 1e24 give finite non-negative counts summing to the total within rounding', () => {
    fc.assert(
      fc.property(
        distribution,
        fc.double({ min: 2 ** 53, max: 1e24, noNaN: true }).map(Math.floor),
        fc.integer(),
        (p, total, seed) => {
          const counts = sampleCounts(p, total, createRng(seed));
          let sum = 0;
          for (let i = 0; i < p.length; i++) {
            if (!(counts[i] >= 0 && Number.isFinite(counts[i]))) return false;
            if (p[i] === 0 && counts[i] !== 0) return false;
            sum += counts[i];
          }
          return Math.abs(sum - total) <= total * 1e-13;
        },
      ),
      { numRuns: 200 },
    );
  });

  test('the last accessible level takes the remainder, even when the input sums to 1 − 9e-7', () => {
    const p = [0.3, 0.2, 0.4999991, 0, 0];
    for (let seed = 0; seed < 50; seed++) {
      const counts = sampleCounts(p, 1_000_001, createRng(seed));
      expect(counts[0] + counts[1] + counts[2]).toBe(1_000_001);
      expect(counts[3]).toBe(0);
      expect(counts[4]).toBe(0);
    }
  });

  test('small cases: one level, zero total, a reused output buffer', () => {
    expect(Array.from(sampleCounts([1], 12345, createRng(1)))).toEqual([12345]);
    expect(Array.from(sampleCounts([0, 1, 0], 7, createRng(1)))).toEqual([0, 7, 0]);
    expect(Array.from(sampleCounts([0.5, 0.5], 0, createRng(1)))).toEqual([0, 0]);
    const out = new Float64Array(4).fill(-1);
    const result = sampleCounts([0.25, 0.75], 100, createRng(1), out);
    expect(result).toBe(out);
    expect(out[0] + out[1]).toBe(100);
    expect(out[2]).toBe(-1);
    expect(() => sampleCounts([0.5, 0.5], 10, createRng(1), new Float64Array(1))).toThrow(RangeError);
  });

  test('rejects bad input with a human message', () => {
    const rng = createRng(1);
    expect(() => sampleCounts([0.5, 0.4], 10, rng)).toThrow(/sum to 0\.9/);
    expect(() => sampleCounts([1.5, -0.5], 10, rng)).toThrow(/negative/);
    for (const total of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sampleCounts([1], total, rng)).toThrow(InputError);
    }
  });
});
