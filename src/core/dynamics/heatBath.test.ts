import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AliasTable } from '../alias.ts';
import { boltzmannProbabilities } from '../distribution.ts';
import { InputError } from '../errors.ts';
import { createRng } from '../rng.ts';
import { chiSquareTest } from '../statistics.ts';
import { BERNOULLI_SCAN_ABOVE, heatBathRelaxationSteps, heatBathStep } from './heatBath.ts';

const ENERGIES = [0, 1, 1.5, 3, 4];
const DEGENERACIES = [1, 3, 2, 5, 1];

function histogram(levels: Uint32Array, levelCount: number): Float64Array {
  const counts = new Float64Array(levelCount);
  for (let i = 0; i < levels.length; i++) counts[levels[i]]++;
  return counts;
}

/** The same distribution with one probability 1% (relative) too large, renormalised. */
function perturbed(p: ArrayLike<number>, level: number): Float64Array {
  const q = Float64Array.from(p);
  q[level] *= 1.01;
  const sum = q.reduce((s, x) => s + x, 0);
  return q.map((x) => x / sum);
}

function largest(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

describe('heatBathStep: input', () => {
  const table = new AliasTable([0.5, 0.5]);
  test.each([0, -0.1, 1.0000001, 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'fraction %s is an InputError',
    (r) => {
      expect(() => heatBathStep(new Uint32Array(4), table, r, createRng(1))).toThrow(InputError);
      expect(() => heatBathRelaxationSteps(r)).toThrow(InputError);
    },
  );

  test('r = 1 redraws everyone: the same as filling from the table, number for number', () => {
    const p = boltzmannProbabilities(ENERGIES, 1.5, DEGENERACIES);
    const t = new AliasTable(p);
    const a = new Uint32Array(1000).fill(7);
    const b = new Uint32Array(1000);
    const rngA = createRng(3);
    const rngB = createRng(3);
    heatBathStep(a, t, 1, rngA);
    t.fill(b, rngB);
    expect(a).toEqual(b);
    expect(rngA.state).toEqual(rngB.state);
  });

  test('relaxation time τ = −1/ln(1 − r): ≈ 1/r for small r, 0 at r = 1', () => {
    expect(heatBathRelaxationSteps(1)).toBe(0);
    expect(heatBathRelaxationSteps(0.5)).toBeCloseTo(1 / Math.LN2, 12);
    // τ·r = 1 − r/2 + O(r²)
    expect(heatBathRelaxationSteps(0.001) * 0.001).toBeCloseTo(1 - 0.0005, 6);
  });

  test.each([0.003, 0.05, BERNOULLI_SCAN_ABOVE, 0.4, 0.999, 1])(
    'r = %s with counts: the same redraws, and the counts stay the occupancy',
    (r) => {
      const p = boltzmannProbabilities(ENERGIES, 1.5, DEGENERACIES);
      const t = new AliasTable(p);
      // Start far from p (everyone on the top level) so that the counts really move; 10_003 particles
      // span several 4096-particle chunks and end in a partial one.
      const plain = new Uint32Array(10_003).fill(ENERGIES.length - 1);
      const counted = plain.slice();
      const counts = histogram(counted, ENERGIES.length);
      const rngPlain = createRng(17);
      const rngCounted = createRng(17);
      for (let k = 0; k < 4; k++) {
        heatBathStep(plain, t, r, rngPlain);
        heatBathStep(counted, t, r, rngCounted, counts);
        expect(counted).toEqual(plain);
        expect(rngCounted.state).toEqual(rngPlain.state);
        expect(Array.from(counts)).toEqual(Array.from(histogram(counted, ENERGIES.length)));
      }
    },
  );

  test('an empty particle array is fine', () => {
    expect(() => heatBathStep(new Uint32Array(0), table, 0.3, createRng(1))).not.toThrow();
  });

  test('property: a redrawn particle only ever lands on a level of positive probability', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer(),
        (weights, r, n, seed) => {
          const sum = weights.reduce((s, w) => s + w, 0);
          fc.pre(sum > 0);
          const p = weights.map((w) => w / sum);
          const t = new AliasTable(p);
          // Start everyone on K, which is no level of the table: it marks "not redrawn yet".
          const levels = new Uint32Array(n).fill(p.length);
          const rng = createRng(seed);
          for (let k = 0; k < 3; k++) heatBathStep(levels, t, r, rng);
          for (let i = 0; i < n; i++) {
            const level = levels[i];
            if (level !== p.length && !(level < p.length && p[level] > 0)) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('heatBathStep: which particles are redrawn', () => {
  // A table that always draws level 1 marks every particle it touches, so the particles still on level 0
  // are exactly those never redrawn. Each is untouched after k steps with probability (1 − r)^k.
  const marker = new AliasTable([0, 1]);

  test.each([0.02, 0.1, 0.15, 0.2, 0.6, 0.95])(
    'r = %s: the fraction never redrawn after k steps is (1 − r)^k = e^(−k/τ)',
    (r) => {
      // r on both sides of BERNOULLI_SCAN_ABOVE: both selection methods must follow the same law.
      const n = 200_000;
      const levels = new Uint32Array(n);
      const rng = createRng(11);
      const tau = heatBathRelaxationSteps(r);
      for (let k = 1; k <= 40; k++) {
        heatBathStep(levels, marker, r, rng);
        let untouched = 0;
        for (let i = 0; i < n; i++) untouched += levels[i] === 0 ? 1 : 0;
        const expected = Math.exp(-k / tau); // = (1 − r)^k
        const sigma = Math.sqrt(n * expected * (1 - expected));
        expect(Math.abs(untouched - n * expected)).toBeLessThanOrEqual(5 * sigma + 1);
      }
    },
  );

  test('the threshold between the two selection methods lies inside (0, 1)', () => {
    expect(BERNOULLI_SCAN_ABOVE).toBeGreaterThan(0);
    expect(BERNOULLI_SCAN_ABOVE).toBeLessThan(1);
  });

  test('after a temperature jump each occupancy relaxes as p_new + (p_old − p_new)(1 − r)^k', () => {
    const pOld = boltzmannProbabilities(ENERGIES, 0.5, DEGENERACIES);
    const pNew = boltzmannProbabilities(ENERGIES, -2, DEGENERACIES);
    const n = 400_000;
    const r = 0.15;
    const levels = new AliasTable(pOld).fill(new Uint32Array(n), createRng(5));
    const table = new AliasTable(pNew);
    const rng = createRng(6);
    for (let k = 1; k <= 25; k++) {
      heatBathStep(levels, table, r, rng);
      const counts = histogram(levels, ENERGIES.length);
      const keep = (1 - r) ** k;
      for (let i = 0; i < ENERGIES.length; i++) {
        const expected = pNew[i] + (pOld[i] - pNew[i]) * keep;
        const sigma = Math.sqrt(n * expected * (1 - expected));
        expect(Math.abs(counts[i] - n * expected)).toBeLessThanOrEqual(5 * sigma + 1);
      }
    }
  });
});

describe('heatBathStep: stationary distribution (seeded chi-square)', () => {
  // Particles are independent: each is either untouched since the start (probability (1 − r)^k) or an
  // exact draw from p. After enough steps that (1 − r)^k < 1e-5, one snapshot of N particles is N
  // independent samples from p up to a bias far below what N = 3·10^6 can see. N is sized so that a
  // 1% relative error in the largest probability (≈ 0.38) gives a non-centrality of about
  // N · 10^-4 · p(1 − p) ≈ 70, far beyond the 1e-4 critical value (≈ 23.5 for 4 degrees of freedom).
  const n = 3_000_000;

  test.each([
    { temperature: 1.5, r: 0.3 },
    { temperature: -2, r: 0.08 },
  ])(
    'T = $temperature, r = $r: matches Boltzmann, and a 1% error in one probability is detected',
    ({ temperature, r }) => {
      const p = boltzmannProbabilities(ENERGIES, temperature, DEGENERACIES);
      const table = new AliasTable(p);
      const levels = new Uint32Array(n); // all start on level 0, far from p
      const rng = createRng(2024);
      const steps = Math.ceil(Math.log(1e-5) / Math.log1p(-r));
      for (let k = 0; k < steps; k++) heatBathStep(levels, table, r, rng);
      const counts = histogram(levels, ENERGIES.length);
      expect(chiSquareTest(counts, p).pValue).toBeGreaterThan(1e-4);
      expect(chiSquareTest(counts, perturbed(p, largest(p))).pValue).toBeLessThan(1e-4);
    },
    60_000,
  );
});
