import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { createRng } from '../rng.ts';
import { chiSquareTest, logGamma } from '../statistics.ts';
import {
  createEinsteinSolid,
  type EinsteinStart,
  einsteinHistogram,
  einsteinMarginal,
  einsteinStep,
  einsteinTemperature,
  MAX_OSCILLATORS,
  MAX_QUANTA,
} from './einsteinSolid.ts';

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function perturbed(p: ArrayLike<number>, level: number): Float64Array {
  const q = Float64Array.from(p);
  q[level] *= 1.01;
  const total = sum(q);
  return q.map((x) => x / total);
}

/** Every microstate of N oscillators holding q quanta, by brute force. */
function microstates(n: number, q: number): number[][] {
  if (n === 1) return [[q]];
  const all: number[][] = [];
  for (let first = 0; first <= q; first++) {
    for (const rest of microstates(n - 1, q - first)) all.push([first, ...rest]);
  }
  return all;
}

describe('Einstein solid: input', () => {
  const rng = createRng(1);
  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_OSCILLATORS + 1])(
    'oscillators = %s is an InputError',
    (n) => {
      expect(() => createEinsteinSolid(n, 10, rng)).toThrow(InputError);
      expect(() => einsteinTemperature(n, 10)).toThrow(InputError);
      expect(() => einsteinMarginal(n, 10, 5)).toThrow(InputError);
    },
  );

  test.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_QUANTA + 1])(
    'quanta = %s is an InputError',
    (q) => {
      expect(() => createEinsteinSolid(10, q, rng)).toThrow(InputError);
      expect(() => einsteinTemperature(10, q)).toThrow(InputError);
      expect(() => einsteinMarginal(10, q, 5)).toThrow(InputError);
    },
  );

  test('moves must be a whole number ≥ 0; nMax a whole number ≥ 0; unknown starts are rejected', () => {
    const solid = createEinsteinSolid(10, 10, rng);
    for (const moves of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => einsteinStep(solid, moves, rng)).toThrow(InputError);
    }
    expect(() => einsteinStep(solid, 0, rng)).not.toThrow();
    for (const nMax of [-1, 0.5, Number.NaN]) {
      expect(() => einsteinHistogram(solid.quanta, nMax)).toThrow(InputError);
      expect(() => einsteinMarginal(10, 10, nMax)).toThrow(InputError);
    }
    expect(() => einsteinHistogram(solid.quanta, 3, new Float64Array(3))).toThrow(RangeError);
    // @ts-expect-error: checking the run-time guard for callers without types
    expect(() => createEinsteinSolid(10, 10, rng, 'hot')).toThrow(InputError);
  });
});

describe('Einstein solid: starts', () => {
  test('even: ⌊q/N⌋ or one more each; concentrated: all on oscillator 0; every start holds q quanta', () => {
    const rng = createRng(2);
    const even = createEinsteinSolid(7, 23, rng, 'even');
    expect(sum(even.quanta)).toBe(23);
    expect(Math.min(...even.quanta)).toBe(3);
    expect(Math.max(...even.quanta)).toBe(4);
    const concentrated = createEinsteinSolid(7, 23, rng, 'concentrated');
    expect(Array.from(concentrated.quanta)).toEqual([23, 0, 0, 0, 0, 0, 0]);
    for (const [n, q] of [
      [1, 0],
      [1, 9],
      [5, 0],
      [5, 1],
      [300, 1000],
    ]) {
      const solid = createEinsteinSolid(n, q, rng, 'equilibrium');
      expect(solid.oscillators).toBe(n);
      expect(solid.totalQuanta).toBe(q);
      expect(sum(solid.quanta)).toBe(q);
    }
  });

  test('equilibrium draws every microstate equally often (N = 3, q = 4: 15 microstates)', () => {
    const states = microstates(3, 4);
    const index = new Map(states.map((s, i) => [s.join(','), i]));
    const counts = new Float64Array(states.length);
    const rng = createRng(3);
    for (let k = 0; k < 60_000; k++) {
      counts[
        index.get(Array.from(createEinsteinSolid(3, 4, rng, 'equilibrium').quanta).join(',')) as number
      ]++;
    }
    expect(
      chiSquareTest(counts, new Float64Array(states.length).fill(1 / states.length)).pValue,
    ).toBeGreaterThan(1e-4);
  });
});

describe('einsteinMarginal and einsteinTemperature', () => {
  test('equals a brute-force count over all microstates', () => {
    for (const [n, q] of [
      [2, 5],
      [3, 4],
      [4, 6],
      [5, 3],
    ]) {
      const states = microstates(n, q);
      const nMax = q + 1;
      const exact = new Float64Array(nMax + 1);
      for (const s of states) exact[s[0]] += 1 / states.length;
      const marginal = einsteinMarginal(n, q, nMax);
      for (let k = 0; k <= nMax; k++) expect(marginal[k]).toBeCloseTo(exact[k], 12);
      // With the tail pooled into a lower last bin.
      const pooled = einsteinMarginal(n, q, 2);
      expect(pooled[0]).toBeCloseTo(exact[0], 12);
      expect(pooled[1]).toBeCloseTo(exact[1], 12);
      expect(pooled[2]).toBeCloseTo(1 - exact[0] - exact[1], 12);
    }
  });

  test('equals the closed form C(q − n + N − 2, N − 2) / C(q + N − 1, N − 1) evaluated with ln Γ', () => {
    const logChoose = (a: number, b: number) => logGamma(a + 1) - logGamma(b + 1) - logGamma(a - b + 1);
    for (const [n, q] of [
      [2, 7],
      [50, 80],
      [1000, 3000],
      [1_000_000, 500_000],
    ]) {
      const nMax = 30;
      const marginal = einsteinMarginal(n, q, nMax);
      const logTotal = logChoose(q + n - 1, n - 1);
      for (let k = 0; k < nMax; k++) {
        const expected = k > q ? 0 : Math.exp(logChoose(q - k + n - 2, n - 2) - logTotal);
        expect(Math.abs(marginal[k] - expected)).toBeLessThanOrEqual(1e-8 * expected);
      }
      const tail = nMax > q ? 0 : Math.exp(logChoose(q - nMax + n - 1, n - 1) - logTotal);
      expect(Math.abs(marginal[nMax] - tail)).toBeLessThanOrEqual(1e-8 * tail);
      expect(sum(marginal)).toBeCloseTo(1, 13);
    }
  });

  test('one oscillator holds everything; no quanta means everything on n = 0', () => {
    expect(Array.from(einsteinMarginal(1, 3, 5))).toEqual([0, 0, 0, 1, 0, 0]);
    expect(Array.from(einsteinMarginal(1, 30, 5))).toEqual([0, 0, 0, 0, 0, 1]);
    expect(Array.from(einsteinMarginal(40, 0, 3))).toEqual([1, 0, 0, 0]);
    expect(einsteinTemperature(40, 0)).toBe(0);
  });

  test('sums to 1 and tends to Boltzmann with 1/T = ln(1 + N/q) for large N', () => {
    for (const [n, q] of [
      [10, 10],
      [1000, 300],
      [100_000, 250_000],
      [2_000_000, 1_000_000],
    ]) {
      const marginal = einsteinMarginal(n, q, 40);
      expect(sum(marginal)).toBeCloseTo(1, 13);
      const t = einsteinTemperature(n, q);
      const x = Math.exp(-1 / t); // = q/(q + N)
      expect(x).toBeCloseTo(q / (q + n), 12);
      if (n >= 100_000) {
        // Finite-size corrections are O(1/N).
        for (let k = 0; k < 40; k++) expect(Math.abs(marginal[k] - (1 - x) * x ** k)).toBeLessThan(1e-4);
        expect(Math.abs(marginal[40] - x ** 40)).toBeLessThan(1e-4);
      }
    }
    expect(einsteinTemperature(1000, 1000)).toBeCloseTo(1 / Math.LN2, 14);
  });

  test('einsteinHistogram counts, pools the overflow into the last bin and reuses `out`', () => {
    const out = new Float64Array(4);
    const result = einsteinHistogram(new Uint32Array([0, 1, 1, 3, 7, 2, 0, 0]), 3, out);
    expect(result).toBe(out);
    expect(Array.from(result)).toEqual([3, 2, 1, 2]);
    einsteinHistogram(new Uint32Array([5]), 3, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 1]);
  });
});

describe('einsteinStep', () => {
  test('uses two generator outputs per move when N is a power of two (the inlined sfc32 matches rng.ts)', () => {
    const solid = createEinsteinSolid(64, 100, createRng(1));
    const rng = createRng(5);
    const reference = createRng(5);
    einsteinStep(solid, 1000, rng);
    for (let i = 0; i < 2000; i++) reference.nextUint32();
    expect(rng.state).toEqual(reference.state);
  });

  test('property: quanta are conserved and never negative, for every start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom<EinsteinStart>('even', 'concentrated', 'equilibrium'),
        fc.integer(),
        (n, q, moves, start, seed) => {
          const rng = createRng(seed);
          const solid = createEinsteinSolid(n, q, rng, start);
          for (let step = 0; step < 3; step++) {
            einsteinStep(solid, moves, rng);
            let total = 0;
            for (let i = 0; i < n; i++) {
              // A quantum taken from an empty oscillator would wrap the Uint32 round to 2^32 − 1.
              if (solid.quanta[i] > q) return false;
              total += solid.quanta[i];
            }
            if (total !== q) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  test('one oscillator, or no quanta: nothing can change', () => {
    const rng = createRng(6);
    const single = createEinsteinSolid(1, 17, rng);
    einsteinStep(single, 1000, rng);
    expect(Array.from(single.quanta)).toEqual([17]);
    const empty = createEinsteinSolid(9, 0, rng);
    einsteinStep(empty, 1000, rng);
    expect(sum(empty.quanta)).toBe(0);
  });

  test('stationary single-oscillator distribution is the exact marginal (seeded chi-square)', () => {
    // N = q = 2000: p(0) = (N − 1)/(q + N − 1) ≈ 1/2, where a 1% error is easiest to see. From the
    // even start (every oscillator holds 1) the solid is run 200 sweeps (N moves each) into
    // equilibrium, then snapshots are taken every 40 sweeps. One oscillator's quanta behave like an
    // M/M/1 queue with load q/(q + N) = 1/2 whose slowest relaxation time is 1/(1 − √½)² ≈ 12
    // sweeps, so successive snapshots are nearly independent (correlation ≲ e^{−40/12} ≈ 0.04), and
    // within a snapshot the fixed total only makes the counts less variable than independent draws.
    // 1500 snapshots give 3·10^6 samples: a 1% error in p(0) then has non-centrality
    // ≈ 3·10^6 · 10^-4 · p(1 − p) ≈ 75, far past the 1e-4 critical value (≈ 37 for 10 bins).
    const n = 2000;
    const q = 2000;
    const nMax = 10; // bins 0..9 and ≥ 10 (p(≥10) ≈ 2^-10, expected count ≈ 3000)
    const rng = createRng(2024);
    const solid = createEinsteinSolid(n, q, rng, 'even');
    einsteinStep(solid, 200 * n, rng);
    const counts = new Float64Array(nMax + 1);
    const snapshot = new Float64Array(nMax + 1);
    for (let s = 0; s < 1500; s++) {
      einsteinStep(solid, 40 * n, rng);
      einsteinHistogram(solid.quanta, nMax, snapshot);
      for (let k = 0; k <= nMax; k++) counts[k] += snapshot[k];
    }
    const marginal = einsteinMarginal(n, q, nMax);
    expect(chiSquareTest(counts, marginal).pValue).toBeGreaterThan(1e-4);
    expect(chiSquareTest(counts, perturbed(marginal, 0)).pValue).toBeLessThan(1e-4);
  }, 60_000);
});
