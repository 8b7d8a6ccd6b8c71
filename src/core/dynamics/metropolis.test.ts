import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boltzmannProbabilities } from '../distribution.ts';
import { InputError } from '../errors.ts';
import { createRng } from '../rng.ts';
import { chiSquareTest } from '../statistics.ts';
import {
  createMetropolis,
  METROPOLIS_COIN_SCAN_ABOVE,
  metropolisStep,
  type PreparedMetropolis,
  setMetropolisTemperature,
} from './metropolis.ts';

const ENERGIES = [0, 1, 1.5, 3, 4];
const DEGENERACIES = [1, 3, 2, 5, 1];
const SPECIAL_TEMPERATURES = [
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e-300,
  -1e-300,
  1e300,
  -1e300,
  1e-3,
  -1e-3,
  1.5,
  -2,
];

function histogram(levels: Uint32Array, levelCount: number): Float64Array {
  const counts = new Float64Array(levelCount);
  for (let i = 0; i < levels.length; i++) counts[levels[i]]++;
  return counts;
}

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

/** Probability that one attempt from `level` moves in direction d (0 down, 1 up), exactly as the step does. */
function moveProbability(prepared: PreparedMetropolis, level: number, d: number): number {
  const k = 2 * level + d;
  if (prepared.neighbour[k] === level) return 0;
  return 0.5 * ((prepared.limit[k] + 1) / 2 ** 31);
}

/** One particle's distribution after `sweeps` full sweeps from `start`: the exact Markov chain the step runs. */
function evolve(prepared: PreparedMetropolis, start: number, sweeps: number): Float64Array {
  const k = prepared.levelCount;
  let v = new Float64Array(k);
  v[start] = 1;
  for (let s = 0; s < sweeps; s++) {
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const down = moveProbability(prepared, i, 0);
      const up = moveProbability(prepared, i, 1);
      next[prepared.neighbour[2 * i]] += v[i] * down;
      next[prepared.neighbour[2 * i + 1]] += v[i] * up;
      next[i] += v[i] * (1 - down - up);
    }
    v = next;
  }
  return v;
}

function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) d += Math.abs(p[i] - q[i]);
  return d / 2;
}

describe('createMetropolis: input', () => {
  test('invalid spectra and NaN temperature are InputErrors', () => {
    expect(() => createMetropolis([], [], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, 1], [1], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, Number.NaN], [1, 1], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, Number.NEGATIVE_INFINITY], [1, 1], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, 1], [1, -1], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, 1], [1, Number.POSITIVE_INFINITY], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, 1], [0, 0], 1)).toThrow(InputError);
    expect(() => createMetropolis([Number.POSITIVE_INFINITY], [1], 1)).toThrow(InputError);
    expect(() => createMetropolis([0, 1], [1, 1], Number.NaN)).toThrow(InputError);
    const prepared = createMetropolis([0, 1], [1, 1], 1);
    expect(() => setMetropolisTemperature(prepared, Number.NaN)).toThrow(InputError);
  });

  test('undefined degeneracies mean g = 1', () => {
    const a = createMetropolis([0, 1, 3], undefined, 0.7);
    const b = createMetropolis([0, 1, 3], [1, 1, 1], 0.7);
    expect(a.limit).toEqual(b.limit);
    expect(a.neighbour).toEqual(b.neighbour);
  });
});

describe('metropolisStep: input', () => {
  const prepared = createMetropolis(ENERGIES, DEGENERACIES, 1);

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'sweeps = %s is an InputError',
    (sweeps) => {
      expect(() => metropolisStep(new Uint32Array(3), prepared, sweeps, createRng(1))).toThrow(InputError);
    },
  );

  test.each([1, 2.5, 0.6, 0.01])('a level out of range is a RangeError (sweeps = %s)', (sweeps) => {
    // Every particle is out of range, so even a 1% partial sweep meets one.
    const levels = new Uint32Array(10_000).fill(ENERGIES.length);
    expect(() => metropolisStep(levels, prepared, sweeps, createRng(1))).toThrow(RangeError);
    if (sweeps > METROPOLIS_COIN_SCAN_ABOVE) {
      // These visit every particle, so a single bad one is always found (a small partial sweep only
      // checks the particles it picks).
      expect(() =>
        metropolisStep(new Uint32Array([0, 1, 2 ** 32 - 1]), prepared, sweeps, createRng(1)),
      ).toThrow(RangeError);
    }
  });

  test('a full sweep uses exactly one generator output per particle (the inlined sfc32 matches rng.ts)', () => {
    const levels = new Uint32Array(1001);
    const rng = createRng(9);
    const reference = createRng(9);
    metropolisStep(levels, prepared, 3, rng);
    for (let i = 0; i < 3 * 1001; i++) reference.nextUint32();
    expect(rng.state).toEqual(reference.state);
    // A fractional sweep above the coin threshold: a coin and an attempt per particle.
    metropolisStep(levels, prepared, 0.5, rng);
    for (let i = 0; i < 2 * 1001; i++) reference.nextUint32();
    expect(rng.state).toEqual(reference.state);
  });
});

describe('createMetropolis: tables', () => {
  test('acceptance is min(1, (g_j/g_i) e^{−ΔE/T}) and satisfies detailed balance at every temperature', () => {
    for (const temperature of SPECIAL_TEMPERATURES) {
      const prepared = createMetropolis(ENERGIES, DEGENERACIES, temperature);
      const p = boltzmannProbabilities(ENERGIES, temperature, DEGENERACIES);
      for (let i = 0; i < ENERGIES.length; i++) {
        for (let d = 0; d < 2; d++) {
          const a = prepared.acceptance[2 * i + d];
          const j = prepared.neighbour[2 * i + d];
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          if (j === i) {
            expect(a).toBe(0);
            continue;
          }
          // Where the stationary probabilities are representable, detailed balance p_i a_ij = p_j a_ji.
          const back = prepared.acceptance[2 * j + (1 - d)];
          if (p[i] > 1e-300 && p[j] > 1e-300) {
            expect(p[i] * a).toBeCloseTo(p[j] * back, 12);
            expect(a).toBeCloseTo(Math.min(1, p[j] / p[i]), 12);
          }
          // One direction of every pair is always accepted.
          expect(Math.max(a, back)).toBe(1);
        }
      }
    }
  });

  test('limits: T = +0 only goes down, T = −0 only up, T = ±∞ only by degeneracy; no NaN for |ΔE/T| huge', () => {
    const e = [0, 1, 2];
    const g = [1, 2, 1];
    const cold = createMetropolis(e, g, 0);
    expect(Array.from(cold.acceptance)).toEqual([0, 0, 1, 0, 1, 0]);
    const inverted = createMetropolis(e, g, -0);
    expect(Array.from(inverted.acceptance)).toEqual([0, 1, 0, 1, 0, 0]);
    for (const t of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(Array.from(createMetropolis(e, g, t).acceptance)).toEqual([0, 1, 0.5, 0.5, 1, 0]);
    }
    const huge = createMetropolis([0, 1e4, 2e4], [1, 1, 1], 1e-3);
    expect(Array.from(huge.acceptance)).toEqual([0, 0, 1, 0, 1, 0]);
    const spread = createMetropolis([-1.7e308, 1.7e308], [1, 1], 1e308);
    // ΔE/T ≈ 3.4 (the energy difference itself would overflow): e^{-3.4} one way, 1 the other.
    expect(spread.acceptance[1]).toBeCloseTo(Math.exp(-3.4), 12);
    expect(spread.acceptance[2]).toBe(1);
  });

  test('ties at T = ±0 are shared in proportion to degeneracy', () => {
    const prepared = createMetropolis([0, 0, 1], [1, 3, 1], 0);
    expect(prepared.acceptance[1]).toBe(1); // 0 → 1: g ratio 3
    expect(prepared.acceptance[2]).toBeCloseTo(1 / 3, 15); // 1 → 0
  });

  test('levels in any order: neighbours are neighbours in energy, in the caller’s indices', () => {
    // Energies 0 < 1 < 1.5 < 3 < 4 given as [3, 0, 4, 1.5, 1].
    const order = [3, 0, 4, 2, 1]; // caller's index → sorted rank
    const e = [3, 0, 4, 1.5, 1];
    const g = [5, 1, 1, 2, 3];
    const shuffled = createMetropolis(e, g, 1.3);
    const sorted = createMetropolis(ENERGIES, DEGENERACIES, 1.3);
    const indexOfRank = [1, 4, 3, 0, 2];
    for (let i = 0; i < e.length; i++) {
      for (let d = 0; d < 2; d++) {
        const rank = order[i];
        const sortedNeighbour = sorted.neighbour[2 * rank + d];
        expect(shuffled.neighbour[2 * i + d]).toBe(indexOfRank[sortedNeighbour]);
        expect(shuffled.limit[2 * i + d]).toBe(sorted.limit[2 * rank + d]);
      }
    }
  });

  test('inaccessible levels are skipped over and only ever left', () => {
    // Level 1 has g = 0 and level 3 E = ∞: the ladder is 0 ↔ 2 ↔ 4.
    const e = [0, 1, 2, Number.POSITIVE_INFINITY, 3];
    const g = [1, 0, 2, 1, 1];
    const prepared = createMetropolis(e, g, 1);
    const n = (i: number, d: number) => prepared.neighbour[2 * i + d];
    expect([n(0, 0), n(0, 1)]).toEqual([0, 2]);
    expect([n(2, 0), n(2, 1)]).toEqual([0, 4]);
    expect([n(4, 0), n(4, 1)]).toEqual([2, 4]);
    // From an inaccessible level: to the nearest accessible ones, always accepted.
    expect([n(1, 0), n(1, 1)]).toEqual([0, 2]);
    expect([prepared.acceptance[2], prepared.acceptance[3]]).toEqual([1, 1]);
    expect([n(3, 0), n(3, 1)]).toEqual([4, 3]);
    expect([prepared.acceptance[6], prepared.acceptance[7]]).toEqual([1, 0]);
    // Particles placed on them leave within a few sweeps and never come back.
    const levels = new Uint32Array(20_000);
    for (let i = 0; i < levels.length; i++) levels[i] = i % 2 === 0 ? 1 : 3;
    const rng = createRng(4);
    metropolisStep(levels, prepared, 40, rng);
    const counts = histogram(levels, e.length);
    expect(counts[1]).toBe(0);
    expect(counts[3]).toBe(0);
  });

  test('setMetropolisTemperature equals preparing afresh and allocates nothing new', () => {
    const prepared = createMetropolis(ENERGIES, DEGENERACIES, 1);
    const limit = prepared.limit;
    for (const t of SPECIAL_TEMPERATURES) {
      setMetropolisTemperature(prepared, t);
      const fresh = createMetropolis(ENERGIES, DEGENERACIES, t);
      expect(prepared.limit).toBe(limit);
      expect(prepared.limit).toEqual(fresh.limit);
      expect(Object.is(prepared.temperature, t)).toBe(true);
    }
  });
});

/** The documented attempt, one particle at a time through rng.nextUint32(): what every sweep must do. */
function referenceSweep(
  levels: Uint32Array,
  prepared: PreparedMetropolis,
  rng: ReturnType<typeof createRng>,
): void {
  for (let p = 0; p < levels.length; p++) {
    const u = rng.nextUint32();
    const k = 2 * levels[p] + (u >>> 31);
    if (u % 2 ** 31 <= prepared.limit[k]) levels[p] = prepared.neighbour[k];
  }
}

describe('metropolisStep: blocks of four and occupancy counts', () => {
  const prepared = createMetropolis(ENERGIES, DEGENERACIES, 1.2);

  test('whole sweeps make exactly the moves of the one-particle-at-a-time reference, at every length', () => {
    for (let n = 0; n <= 13; n++) {
      for (const size of [n, 1000 + n]) {
        const start = createRng(size);
        const levels = Uint32Array.from({ length: size }, () => start.nextUint32() % ENERGIES.length);
        const expected = levels.slice();
        const rng = createRng(31);
        const reference = createRng(31);
        metropolisStep(levels, prepared, 2, rng);
        referenceSweep(expected, prepared, reference);
        referenceSweep(expected, prepared, reference);
        expect(levels).toEqual(expected);
        expect(rng.state).toEqual(reference.state);
      }
    }
  });

  test.each([6, 0, 3, 4, 9])(
    'a level out of range at particle %s of 10 is reported there, after the particles before it moved',
    (bad) => {
      const levels = Uint32Array.from({ length: 10 }, (_, i) => i % ENERGIES.length);
      levels[bad] = ENERGIES.length;
      const expected = levels.slice(0, bad);
      referenceSweep(expected, prepared, createRng(4));
      expect(() => metropolisStep(levels, prepared, 1, createRng(4))).toThrow(
        new RegExp(`^Particle ${bad} is on level ${ENERGIES.length}`),
      );
      expect(levels.slice(0, bad)).toEqual(expected);
      expect(levels[bad]).toBe(ENERGIES.length);
    },
  );

  test.each([0.01, 0.2, METROPOLIS_COIN_SCAN_ABOVE, 0.5, 1, 1.4, 2, 2.1, 3])(
    'sweeps = %s with counts: the same moves, and the counts stay the occupancy',
    (sweeps) => {
      const plain = new Uint32Array(5003).fill(ENERGIES.length - 1);
      for (let i = 0; i < plain.length; i += 3) plain[i] = 0;
      const counted = plain.slice();
      // Longer than the level count: entries past it must stay 0.
      const counts = histogram(counted, ENERGIES.length + 2);
      const rngPlain = createRng(23);
      const rngCounted = createRng(23);
      for (let k = 0; k < 4; k++) {
        metropolisStep(plain, prepared, sweeps, rngPlain);
        metropolisStep(counted, prepared, sweeps, rngCounted, counts);
        expect(counted).toEqual(plain);
        expect(rngCounted.state).toEqual(rngPlain.state);
        expect(Array.from(counts)).toEqual(Array.from(histogram(counted, ENERGIES.length + 2)));
      }
    },
  );

  test('a counts array shorter than the spectrum is a RangeError', () => {
    expect(() =>
      metropolisStep(new Uint32Array(4), prepared, 1, createRng(1), new Float64Array(ENERGIES.length - 1)),
    ).toThrow(RangeError);
  });
});

describe('metropolisStep: properties', () => {
  const levelArb = fc.record({
    e: fc.oneof(
      { weight: 4, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
    ),
    g: fc.constantFrom(0, 1, 1, 2.5, 7),
  });
  const temperatureArb = fc.oneof(fc.constantFrom(...SPECIAL_TEMPERATURES), fc.double({ noNaN: true }));

  test('levels stay in range; accessible particles never enter an inaccessible level; the others only leave', () => {
    fc.assert(
      fc.property(
        fc.array(levelArb, { minLength: 1, maxLength: 8 }),
        temperatureArb,
        fc.constantFrom(0.05, 0.3, 1, 2.5),
        fc.integer(),
        (spectrum, temperature, sweeps, seed) => {
          const e = spectrum.map((l) => l.e);
          const g = spectrum.map((l) => l.g);
          const accessible = spectrum.map((l) => l.e !== Number.POSITIVE_INFINITY && l.g > 0);
          fc.pre(accessible.some((x) => x));
          const prepared = createMetropolis(e, g, temperature);
          const rng = createRng(seed);
          const levels = new Uint32Array(300);
          for (let i = 0; i < levels.length; i++) levels[i] = rng.nextUint32() % e.length;
          for (let step = 0; step < 5; step++) {
            const before = levels.slice();
            metropolisStep(levels, prepared, sweeps, rng);
            for (let i = 0; i < levels.length; i++) {
              if (levels[i] >= e.length) return false;
              if (accessible[before[i]] && !accessible[levels[i]]) return false;
              if (!accessible[before[i]] && !accessible[levels[i]] && levels[i] !== before[i]) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('metropolisStep: stationary distribution (seeded chi-square)', () => {
  // Particles do not interact and use disjoint random numbers, so after enough sweeps a snapshot of N
  // particles is N independent draws from one particle's chain. The number of sweeps is chosen from the
  // exact chain (built from the prepared tables) so that its distance from Boltzmann is below 1e-6 in
  // total variation, a bias N = 3·10^6 cannot see. N is sized so that a 1% relative error in the largest
  // probability gives a non-centrality ≈ N·10^-4·p(1 − p) ≥ 50, well past the 1e-4 critical value
  // (≈ 23.5 for 4 degrees of freedom).
  const n = 3_000_000;

  test.each([
    { temperature: 1.5, start: 0 },
    { temperature: -2, start: 0 },
  ])(
    'T = $temperature: matches Boltzmann, and a 1% error in one probability is detected',
    ({ temperature, start }) => {
      const p = boltzmannProbabilities(ENERGIES, temperature, DEGENERACIES);
      const prepared = createMetropolis(ENERGIES, DEGENERACIES, temperature);
      let sweeps = 1;
      while (totalVariation(evolve(prepared, start, sweeps), p) > 1e-6) sweeps++;
      expect(sweeps).toBeLessThan(200);
      const levels = new Uint32Array(n).fill(start);
      const rng = createRng(2024);
      metropolisStep(levels, prepared, sweeps, rng);
      const counts = histogram(levels, ENERGIES.length);
      expect(chiSquareTest(counts, p).pValue).toBeGreaterThan(1e-4);
      expect(chiSquareTest(counts, perturbed(p, largest(p))).pValue).toBeLessThan(1e-4);
    },
    60_000,
  );

  test('partial sweeps relax to the same distribution (both selection methods)', () => {
    const temperature = 1.5;
    const p = boltzmannProbabilities(ENERGIES, temperature, DEGENERACIES);
    const prepared = createMetropolis(ENERGIES, DEGENERACIES, temperature);
    for (const fraction of [0.1, 0.7]) {
      const levels = new Uint32Array(200_000);
      const rng = createRng(17);
      // 80 sweeps' worth of attempts on average: far past the relaxation time of this chain.
      const steps = Math.ceil(80 / fraction);
      for (let s = 0; s < steps; s++) metropolisStep(levels, prepared, fraction, rng);
      expect(chiSquareTest(histogram(levels, ENERGIES.length), p).pValue).toBeGreaterThan(1e-4);
    }
  }, 60_000);

  test('T = +0 settles on the lowest level(s), ties shared by degeneracy; T = ±∞ in proportion to g', () => {
    const e = [0, 0, 1, 2];
    const g = [1, 3, 2, 1];
    const rng = createRng(8);
    for (const temperature of [0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0]) {
      const prepared = createMetropolis(e, g, temperature);
      const levels = new Uint32Array(100_000).fill(3);
      metropolisStep(levels, prepared, 60, rng);
      const p = boltzmannProbabilities(e, temperature, g);
      expect(chiSquareTest(histogram(levels, e.length), p).pValue).toBeGreaterThan(1e-4);
    }
  }, 60_000);
});
