import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  boltzmannProbabilities,
  boltzmannProbabilitiesAtBeta,
  entropyBits,
  entropyNats,
  perplexity,
  temperatureSoftmax,
  validateProbabilities,
  validateSpectrum,
} from './distribution.ts';
import { InputError } from './errors.ts';
import { SPECIAL_TEMPERATURES } from './specialTemperatures.testFixture.ts';

const INF = Number.POSITIVE_INFINITY;
const MAX = Number.MAX_VALUE;

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    if (Math.abs(actual[i] - expected[i]) > tolerance * scale) {
      throw new Error(`index ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${tolerance})`);
    }
  }
}

function expectExact(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(Array.from(actual)).toEqual(Array.from(expected));
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function expectInputError(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as Error).message).toMatch(message);
}

/** The textbook formula, fine for moderate E/T. */
function naive(energies: number[], t: number, g?: number[]): number[] {
  const w = energies.map((e, i) => (g ? g[i] : 1) * Math.exp(-e / t));
  const z = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / z);
}

const temperatureArb = fc.oneof(
  fc.constantFrom(...SPECIAL_TEMPERATURES),
  fc.double({ noNaN: true }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
);

describe('boltzmannProbabilities at ordinary temperatures', () => {
  test('matches the textbook formula for a two-level and a degenerate three-level system', () => {
    expectClose(boltzmannProbabilities([0, 1], 1), [
      1 / (1 + Math.exp(-1)),
      Math.exp(-1) / (1 + Math.exp(-1)),
    ]);
    expectClose(boltzmannProbabilities([0, 1, 2.5], 0.7, [1, 3, 5]), naive([0, 1, 2.5], 0.7, [1, 3, 5]));
    expectClose(boltzmannProbabilities([-3, 0.5, 4], 2.2), naive([-3, 0.5, 4], 2.2));
  });

  test('negative temperature inverts the populations: p ∝ g e^{+E/|T|}', () => {
    const p = boltzmannProbabilities([0, 1, 2], -1);
    expectClose(p, naive([0, 1, 2], -1));
    expect(p[2]).toBeGreaterThan(p[1]);
    expect(p[1]).toBeGreaterThan(p[0]);
  });

  test('E/T far beyond the exponent range still gives the exact ratio', () => {
    expectClose(boltzmannProbabilities([1e300, 2e300], 1e300), naive([1, 2], 1));
    expectClose(boltzmannProbabilities([-1e300, 0], 1e300), naive([-1, 0], 1));
    expectClose(boltzmannProbabilities([0, 1e-300], 1e-300), naive([0, 1], 1));
    expectClose(boltzmannProbabilities([5, 5 + 1e4], 1), [1, 0]);
    expectClose(boltzmannProbabilities([5, 5 + 1e4], -1), [0, 1]);
  });

  test('energies spanning ±1e308 (and ±MAX_VALUE) give no NaN and the right ratio', () => {
    expectClose(boltzmannProbabilities([-1e308, 1e308], 1e308), naive([-1, 1], 1));
    expectExact(boltzmannProbabilities([-MAX, MAX], 1), [1, 0]);
    expectExact(boltzmannProbabilities([-MAX, MAX], -1), [0, 1]);
    expectClose(boltzmannProbabilities([-MAX, MAX], MAX), naive([-1, 1], 1));
    expectClose(boltzmannProbabilities([-MAX, MAX], -MAX), naive([-1, 1], -1));
    expectExact(boltzmannProbabilities([-MAX, MAX], INF), [0.5, 0.5]);
  });

  test('huge degeneracies do not overflow the sum', () => {
    expectClose(boltzmannProbabilities([0, 0, 0], 1, [1e308, 1e308, 1e308]), [1 / 3, 1 / 3, 1 / 3]);
    expectClose(boltzmannProbabilities([0, 1], 1, [1e-300, 1e-300]), naive([0, 1], 1));
  });

  test('reuses an output array when given one', () => {
    const out = new Float64Array(2);
    const result = boltzmannProbabilities([0, 1], 1, undefined, out);
    expect(result).toBe(out);
    expect(() => boltzmannProbabilities([0, 1], 1, undefined, new Float64Array(3))).toThrow(RangeError);
  });
});

describe('boltzmannProbabilities limits', () => {
  const energies = [1, 0, 0, 2, 2];
  const g = [1, 2, 3, 1, 3];

  test('T = +0 and tiny T: everything on the lowest level(s), shared in proportion to g', () => {
    // 1/T overflows to β = +∞ for the subnormal temperatures, so those are exact like T = +0.
    for (const t of [0, 5e-324, 1e-310]) {
      expectExact(boltzmannProbabilities(energies, t, g), [0, 0.4, 0.6, 0, 0]);
      expectExact(boltzmannProbabilities(energies, t), [0, 0.5, 0.5, 0, 0]);
    }
    for (const t of [1e-300, 1e-200]) {
      expectClose(boltzmannProbabilities(energies, t, g), [0, 0.4, 0.6, 0, 0], 1e-15);
      expectClose(boltzmannProbabilities(energies, t), [0, 0.5, 0.5, 0, 0], 1e-15);
    }
  });

  test('T = −0 and T → 0−: everything on the highest finite level(s), shared in proportion to g', () => {
    const withInfinite = [...energies, INF];
    const gWithInfinite = [...g, 7];
    for (const t of [-0, -5e-324]) {
      expectExact(boltzmannProbabilities(withInfinite, t, gWithInfinite), [0, 0, 0, 0.25, 0.75, 0]);
      expectExact(boltzmannProbabilities(withInfinite, t), [0, 0, 0, 0.5, 0.5, 0]);
    }
    for (const t of [-1e-300, -1e-200]) {
      expectClose(boltzmannProbabilities(withInfinite, t, gWithInfinite), [0, 0, 0, 0.25, 0.75, 0], 1e-15);
      expectClose(boltzmannProbabilities(withInfinite, t), [0, 0, 0, 0.5, 0.5, 0], 1e-15);
    }
  });

  test('T = ±∞: p ∝ g', () => {
    for (const t of [INF, -INF]) {
      expectClose(boltzmannProbabilities(energies, t, g), [0.1, 0.2, 0.3, 0.1, 0.3], 1e-15);
      expectExact(boltzmannProbabilities([0, 1, INF, 5], t), [1 / 3, 1 / 3, 0, 1 / 3]);
    }
  });

  test('+0 and −0 are different temperatures', () => {
    expectExact(boltzmannProbabilities([0, 1], 0), [1, 0]);
    expectExact(boltzmannProbabilities([0, 1], -0), [0, 1]);
  });

  test('levels with E = +∞ or g = 0 are never populated, at any temperature', () => {
    const e = [0, INF, 1, 2, -1];
    const deg = [1, 5, 0, 1, 0];
    for (const t of [...SPECIAL_TEMPERATURES, 0.3, -0.3, 17]) {
      const p = boltzmannProbabilities(e, t, deg);
      expect(p[1]).toBe(0);
      expect(p[2]).toBe(0);
      expect(p[4]).toBe(0);
      expect(sum(p)).toBeCloseTo(1, 14);
    }
    // The ground and top levels are the lowest and highest *accessible* ones.
    expectExact(boltzmannProbabilities(e, 0, deg), [1, 0, 0, 0, 0]);
    expectExact(boltzmannProbabilities(e, -0, deg), [0, 0, 0, 1, 0]);
  });

  test('a single accessible level takes everything at every temperature', () => {
    for (const t of SPECIAL_TEMPERATURES) {
      expectExact(boltzmannProbabilities([INF, 3, INF], t), [0, 1, 0]);
      expectExact(boltzmannProbabilities([7], t, [4]), [1]);
    }
  });
});

describe('boltzmannProbabilitiesAtBeta', () => {
  test('agrees with the temperature form, including β = ±0 and ±∞', () => {
    const e = [0, 0.5, 2, 3];
    const g = [2, 1, 4, 1];
    for (const t of [0.1, 1, -2, 40, 0, -0, INF, -INF]) {
      expectExact(boltzmannProbabilitiesAtBeta(e, 1 / t, g), boltzmannProbabilities(e, t, g));
    }
  });

  test('is continuous through β = 0 (T = ±∞)', () => {
    const e = [0, 1, 2];
    const g = [1, 2, 3];
    const atZero = boltzmannProbabilitiesAtBeta(e, 0, g);
    expectClose(boltzmannProbabilitiesAtBeta(e, 1e-12, g), atZero, 1e-11);
    expectClose(boltzmannProbabilitiesAtBeta(e, -1e-12, g), atZero, 1e-11);
    expectExact(boltzmannProbabilitiesAtBeta(e, -0, g), atZero);
  });

  test('rejects NaN β', () => {
    expectInputError(() => boltzmannProbabilitiesAtBeta([0, 1], Number.NaN), /β is not a number/);
  });
});

describe('boltzmannProbabilities rejects bad input with a readable message', () => {
  test('NaN temperature', () => {
    expectInputError(() => boltzmannProbabilities([0, 1], Number.NaN), /Temperature is not a number/);
  });

  test('empty spectrum', () => {
    expectInputError(() => boltzmannProbabilities([], 1), /no levels/);
  });

  test('mismatched lengths', () => {
    expectInputError(() => boltzmannProbabilities([0, 1, 2], 1, [1, 1]), /3 energies but 2 degeneracies/);
  });

  test('NaN or −∞ energy', () => {
    expectInputError(() => boltzmannProbabilities([0, Number.NaN], 1), /Energy of level 1 is not a number/);
    expectInputError(() => boltzmannProbabilities([0, 1, -INF], 1), /Energy of level 2 is −∞/);
  });

  test('NaN, negative or infinite degeneracy', () => {
    expectInputError(
      () => boltzmannProbabilities([0, 1, 2, 3], 1, [1, 1, 1, -1]),
      /Degeneracy of level 3 is -1; degeneracies must be ≥ 0/,
    );
    expectInputError(
      () => boltzmannProbabilities([0, 1], 1, [Number.NaN, 1]),
      /Degeneracy of level 0 is not a number/,
    );
    expectInputError(() => boltzmannProbabilities([0, 1], 1, [1, INF]), /Degeneracy of level 1 is ∞.*finite/);
  });

  test('no accessible level', () => {
    expectInputError(() => boltzmannProbabilities([INF, INF], 1), /No level can be populated/);
    expectInputError(() => boltzmannProbabilities([0, 1], 1, [0, 0]), /No level can be populated/);
    expectInputError(() => boltzmannProbabilities([INF, 1], 1, [1, 0]), /No level can be populated/);
  });

  test('validateSpectrum reports the accessible range', () => {
    expect(validateSpectrum([3, INF, -2, 10], [1, 1, 1, 0])).toEqual({
      lowest: -2,
      highest: 3,
      accessible: 2,
    });
    expect(validateSpectrum([4])).toEqual({ lowest: 4, highest: 4, accessible: 1 });
  });
});

describe('boltzmannProbabilities properties', () => {
  const energiesArb = fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), {
    minLength: 1,
    maxLength: 12,
  });

  test('finite, in [0, 1], summing to 1, for energies in ±1e300 and any temperature', () => {
    fc.assert(
      fc.property(energiesArb, temperatureArb, (e, t) => {
        const p = boltzmannProbabilities(e, t);
        for (const x of p) {
          expect(x >= 0 && x <= 1).toBe(true);
        }
        expect(Math.abs(sum(p) - 1)).toBeLessThan(1e-14 * e.length + 1e-15);
      }),
      { numRuns: 500 },
    );
  });

  test('the same with degeneracies and inaccessible levels', () => {
    const levelArb = fc.record({
      e: fc.oneof(
        fc.double({ min: -1e300, max: 1e300, noNaN: true }),
        fc.constant(INF),
        fc.integer({ min: -5, max: 5 }),
      ),
      g: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1e300, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(levelArb, { minLength: 1, maxLength: 12 }), temperatureArb, (levels, t) => {
        fc.pre(levels.some((l) => l.g > 0 && l.e < INF));
        const p = boltzmannProbabilities(
          levels.map((l) => l.e),
          t,
          levels.map((l) => l.g),
        );
        for (let i = 0; i < p.length; i++) {
          expect(p[i] >= 0 && p[i] <= 1).toBe(true);
          if (levels[i].g === 0 || levels[i].e === INF) expect(p[i]).toBe(0);
        }
        expect(Math.abs(sum(p) - 1)).toBeLessThan(1e-13);
      }),
      { numRuns: 500 },
    );
  });

  test('adding a constant to every energy changes nothing (exactly, for integer energies)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        temperatureArb,
        (e, c, t) => {
          const shifted = e.map((x) => x + c);
          expectExact(boltzmannProbabilities(shifted, t), boltzmannProbabilities(e, t));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('adding a constant to every energy changes nothing (to rounding, for real energies)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.oneof(
          fc.double({ min: 0.05, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: -0.05, noNaN: true }),
        ),
        (e, c, t) => {
          const shifted = e.map((x) => x + c);
          expectClose(boltzmannProbabilities(shifted, t), boltzmannProbabilities(e, t), 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('p/g is non-increasing in energy for T > 0 and non-decreasing for T < 0', () => {
    const levelArb = fc.record({
      e: fc.double({ min: -50, max: 50, noNaN: true }),
      g: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(levelArb, { minLength: 2, maxLength: 12 }), temperatureArb, (levels, t) => {
        const sorted = [...levels].sort((a, b) => a.e - b.e);
        const p = boltzmannProbabilities(
          sorted.map((l) => l.e),
          t,
          sorted.map((l) => l.g),
        );
        const positive = t > 0 || Object.is(t, 0);
        for (let i = 1; i < p.length; i++) {
          const before = p[i - 1] / sorted[i - 1].g;
          const after = p[i] / sorted[i].g;
          const slack = 1e-12 * Math.max(before, after);
          if (positive) expect(after).toBeLessThanOrEqual(before + slack);
          else expect(after).toBeGreaterThanOrEqual(before - slack);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('agrees with the textbook formula where that formula is safe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.oneof(
          fc.double({ min: 0.5, max: 1e4, noNaN: true }),
          fc.double({ min: -1e4, max: -0.5, noNaN: true }),
        ),
        (e, t) => {
          expectClose(boltzmannProbabilities(e, t), naive(e, t), 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('temperatureSoftmax', () => {
  const p = [0.5, 0.3, 0.2, 0];

  test('t = 1 returns p', () => {
    expectClose(temperatureSoftmax(p, 1), p, 1e-15);
    expectClose(temperatureSoftmax([1e-300, 1 - 1e-300], 1), [1e-300, 1 - 1e-300], 1e-15);
  });

  test('t = 2 and t = 0.5 match softmax(ln p / t)', () => {
    for (const t of [2, 0.5, -1.5]) {
      const w = [0.5, 0.3, 0.2].map((x) => x ** (1 / t));
      const z = w[0] + w[1] + w[2];
      expectClose(temperatureSoftmax(p, t), [w[0] / z, w[1] / z, w[2] / z, 0], 1e-14);
    }
  });

  test('tokens with p = 0 stay at exactly 0 for every t', () => {
    for (const t of [...SPECIAL_TEMPERATURES, 0.5, 2, -3]) {
      expect(temperatureSoftmax(p, t)[3]).toBe(0);
    }
  });

  test('t → 0+ is argmax, with ties shared equally', () => {
    for (const t of [0, 1e-300, 5e-324]) {
      expectExact(temperatureSoftmax(p, t), [1, 0, 0, 0]);
      expectExact(temperatureSoftmax([0.4, 0.2, 0.4, 0], t), [0.5, 0, 0.5, 0]);
    }
    expectClose(temperatureSoftmax(p, 1e-3), [1, 0, 0, 0], 1e-15);
  });

  test('t → 0− puts everything on the least likely token(s) with p > 0', () => {
    for (const t of [-0, -1e-300, -5e-324]) {
      expectExact(temperatureSoftmax(p, t), [0, 0, 1, 0]);
      expectExact(temperatureSoftmax([0.2, 0.6, 0.2, 0], t), [0.5, 0, 0.5, 0]);
    }
  });

  test('t = ±∞ is uniform over the tokens with p > 0', () => {
    for (const t of [INF, -INF]) {
      expectExact(temperatureSoftmax(p, t), [1 / 3, 1 / 3, 1 / 3, 0]);
    }
  });

  test('reuses an output array when given one', () => {
    const out = new Float64Array(4);
    expect(temperatureSoftmax(p, 0.7, out)).toBe(out);
    expect(temperatureSoftmax(p, 1, out)).toBe(out);
  });

  test('rejects bad probabilities with a readable message', () => {
    expectInputError(
      () => temperatureSoftmax([0.5, -0.1, 0.6], 1),
      /Probability 1 is -0.1; probabilities cannot be negative/,
    );
    expectInputError(() => temperatureSoftmax([0.5, Number.NaN], 1), /Probability 1 is not a number/);
    expectInputError(() => temperatureSoftmax([INF, 0], 1), /Probability 0 is ∞.*finite/);
    expectInputError(() => temperatureSoftmax([0.5, 0.4], 1), /sum to 0.9, not 1/);
    expectInputError(() => temperatureSoftmax([0, 0], 1), /sum to 0, not 1/);
    expectInputError(() => temperatureSoftmax([MAX, MAX], 1), /sum to ∞, not 1/);
    expectInputError(() => temperatureSoftmax([], 1), /no probabilities/);
    expectInputError(() => temperatureSoftmax([1], Number.NaN), /Temperature is not a number/);
  });

  test('accepts a sum off by less than the tolerance', () => {
    expect(validateProbabilities([0.5, 0.5 + 9e-7])).toBe(0.5 + (0.5 + 9e-7));
    expect(sum(temperatureSoftmax([0.5, 0.5 + 9e-7], 1))).toBeCloseTo(1, 15);
    expect(sum(temperatureSoftmax([0.5, 0.5 + 9e-7], 2))).toBeCloseTo(1, 15);
  });

  const distributionArb = fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-300, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 12,
    })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const z = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / z);
    });

  test('property: t = 1 returns p', () => {
    fc.assert(
      fc.property(distributionArb, (q) => {
        expectClose(temperatureSoftmax(q, 1), q, 1e-15);
      }),
    );
  });

  test('property: equals boltzmannProbabilities(−ln p, t), zeros as E = +∞', () => {
    fc.assert(
      fc.property(distributionArb, temperatureArb, (q, t) => {
        const energies = q.map((x) => (x === 0 ? INF : -Math.log(x)));
        expectClose(temperatureSoftmax(q, t), boltzmannProbabilities(energies, t), 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  test('property: finite, in [0, 1], sums to 1, zeros stay zero', () => {
    fc.assert(
      fc.property(distributionArb, temperatureArb, (q, t) => {
        const r = temperatureSoftmax(q, t);
        for (let i = 0; i < q.length; i++) {
          expect(r[i] >= 0 && r[i] <= 1).toBe(true);
          if (q[i] === 0) expect(r[i]).toBe(0);
        }
        expect(Math.abs(sum(r) - 1)).toBeLessThan(1e-14);
      }),
      { numRuns: 500 },
    );
  });

  test('property: lowering t > 0 never lowers the entropy ordering (sharpening)', () => {
    fc.assert(
      fc.property(
        distributionArb,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (q, a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(entropyNats(temperatureSoftmax(q, low))).toBeLessThanOrEqual(
            entropyNats(temperatureSoftmax(q, high)) + 1e-12,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('entropy and perplexity', () => {
  test('uniform over k: ln k nats, log2 k bits, perplexity k', () => {
    for (const k of [1, 2, 5, 64]) {
      const u = new Array<number>(k).fill(1 / k);
      expect(entropyNats(u)).toBeCloseTo(Math.log(k), 13);
      expect(entropyBits(u)).toBeCloseTo(Math.log2(k), 13);
      expect(perplexity(u)).toBeCloseTo(k, 12);
    }
  });

  test('a certain outcome has entropy 0 and perplexity 1; zeros contribute nothing', () => {
    expect(entropyNats([0, 1, 0])).toBe(0);
    expect(perplexity([0, 1, 0])).toBe(1);
    expect(entropyNats([0.5, 0, 0.5])).toBeCloseTo(Math.LN2, 15);
  });

  test('known value', () => {
    const q = [0.5, 0.25, 0.25];
    expect(entropyBits(q)).toBeCloseTo(1.5, 14);
  });

  test('validates its input', () => {
    expectInputError(() => entropyNats([0.5, 0.6]), /sum to 1.1/);
    expectInputError(() => perplexity([-1, 2]), /cannot be negative/);
    expectInputError(() => entropyBits([]), /no probabilities/);
  });

  test('property: 0 ≤ H ≤ ln(number of nonzero entries)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-300, max: 1, noNaN: true })), {
            minLength: 1,
            maxLength: 20,
          })
          .filter((w) => w.some((x) => x > 0)),
        (w) => {
          const z = w.reduce((a, b) => a + b, 0);
          const q = w.map((x) => x / z);
          const nonzero = q.filter((x) => x > 0).length;
          const h = entropyNats(q);
          expect(h).toBeGreaterThanOrEqual(0);
          expect(h).toBeLessThanOrEqual(Math.log(nonzero) + 1e-12);
          expect(perplexity(q)).toBeLessThanOrEqual(nonzero * (1 + 1e-12));
        },
      ),
    );
  });
});
