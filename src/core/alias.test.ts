import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AliasTable, createAliasTable, fillLevels, sampleLevels } from './alias.ts';
import { InputError } from './errors.ts';
import { createRng, type Rng } from './rng.ts';
import { chiSquareTest } from './statistics.ts';

const DRAWS = 1_000_000;
/** Significance used throughout: a correct sampler passes with this seed, a 1%-wrong one fails. */
const ALPHA = 1e-4;

function histogram(levels: Uint32Array, levelCount: number): Float64Array {
  const counts = new Float64Array(levelCount);
  for (let i = 0; i < levels.length; i++) counts[levels[i]]++;
  return counts;
}

/** The same distribution with one probability 1% (relative) too high, the excess taken from another level. */
function withOnePercentError(p: readonly number[], level: number, donor: number): number[] {
  const wrong = p.slice();
  wrong[level] = p[level] * 1.01;
  wrong[donor] = p[donor] - p[level] * 0.01;
  return wrong;
}

function normalise(weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

/** K = 64: two large levels (so that a 1% error on one of them is visible in 1e6 draws), ten zeros. */
function sixtyFourLevels(): number[] {
  const rng = createRng(64);
  const zeros = new Set([2, 7, 13, 20, 31, 32, 40, 51, 60, 63]);
  const rest: number[] = [];
  for (let i = 2; i < 64; i++) rest.push(zeros.has(i) ? 0 : 0.05 + rng.nextFloat());
  const restSum = rest.reduce((s, w) => s + w, 0);
  return [0.4, 0.2, ...rest.map((w) => (0.4 * w) / restSum)];
}

const CASES: { name: string; p: number[]; level: number; donor: number }[] = [
  { name: 'K = 2', p: [0.3, 0.7], level: 0, donor: 1 },
  { name: 'K = 5 (with a zero)', p: [0.1, 0.4, 0, 0.25, 0.25], level: 1, donor: 3 },
  { name: 'K = 64 (ten zeros)', p: sixtyFourLevels(), level: 0, donor: 1 },
];

describe('sampleLevels: seeded chi-square, 1e6 draws', () => {
  for (const { name, p, level, donor } of CASES) {
    test(`${name}: passes for the right p, fails when one probability is 1% off`, () => {
      const seed = 1000 + p.length;
      const levels = sampleLevels(p, DRAWS, createRng(seed));
      const counts = histogram(levels, p.length);
      const right = chiSquareTest(counts, p);
      expect(right.pValue).toBeGreaterThan(ALPHA);
      for (let i = 0; i < p.length; i++) if (p[i] === 0) expect(counts[i]).toBe(0);

      // The same seed, fed a distribution with one probability 1% too high: the test must notice.
      const wrongLevels = sampleLevels(withOnePercentError(p, level, donor), DRAWS, createRng(seed));
      const wrong = chiSquareTest(histogram(wrongLevels, p.length), p);
      expect(wrong.pValue).toBeLessThan(ALPHA);
    });
  }

  test('uniform over K = 1024 (padding is exact at a power of two)', () => {
    const p = new Float64Array(1024).fill(1 / 1024);
    const counts = histogram(sampleLevels(p, DRAWS, createRng(9)), 1024);
    expect(chiSquareTest(counts, p).pValue).toBeGreaterThan(ALPHA);
  });

  test('K = 37, padded to 64 columns, with a tiny level', () => {
    const p = normalise(Array.from({ length: 37 }, (_, i) => (i === 5 ? 1e-3 : 1 + (i % 7))));
    const counts = histogram(sampleLevels(p, DRAWS, createRng(37)), 37);
    expect(chiSquareTest(counts, p).pValue).toBeGreaterThan(ALPHA);
  });
});

describe('AliasTable', () => {
  test('one uint32 per draw: column from the high bits, threshold from the low bits', () => {
    // p = [1/4, 3/4]: column 0 (top bit 0) keeps level 0 for the lower half of its 31 low bits.
    const table = createAliasTable([0.25, 0.75]);
    const fixed = (u: number): Rng => ({
      state: new Uint32Array(4),
      nextUint32: () => u,
      nextFloat: () => u / 2 ** 32,
      clone: () => fixed(u),
    });
    expect(table.draw(fixed(0))).toBe(0);
    expect(table.draw(fixed(2 ** 30 - 1))).toBe(0);
    expect(table.draw(fixed(2 ** 30))).toBe(1);
    expect(table.draw(fixed(2 ** 31 - 1))).toBe(1);
    expect(table.draw(fixed(2 ** 31))).toBe(1);
    expect(table.draw(fixed(2 ** 32 - 1))).toBe(1);
    expect(Array.from(table.impliedProbabilities())).toEqual([0.25, 0.75]);
  });

  test('fill, fillLevels and draw consume the same stream, including across 256-draw blocks', () => {
    const p = [0.1, 0.2, 0, 0.3, 0.4];
    const table = new AliasTable(p);
    for (const length of [0, 1, 255, 256, 257, 1000]) {
      const rng = createRng(length);
      const reference = rng.clone();
      const filled = table.fill(new Uint32Array(length), rng);
      const drawn = Uint32Array.from({ length }, () => table.draw(reference));
      expect(filled).toEqual(drawn);
      expect(rng.state).toEqual(reference.state);
      expect(fillLevels(table, new Uint32Array(length), createRng(length))).toEqual(drawn);
    }
    // A sub-range leaves the rest of the array alone.
    const out = new Uint32Array(10).fill(99);
    table.fill(out, createRng(1), 3, 7);
    expect(Array.from(out.subarray(0, 3))).toEqual([99, 99, 99]);
    expect(Array.from(out.subarray(7))).toEqual([99, 99, 99]);
    expect(() => table.fill(out, createRng(1), 5, 11)).toThrow(RangeError);
  });

  test('fill and fillCounting draw what draw does at every length around the four-draw blocks', () => {
    const table = new AliasTable([0.1, 0.2, 0, 0.3, 0.4]);
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 253, 254, 255, 257, 258, 259, 1003]) {
      for (const start of [0, 1, 2, 3]) {
        if (start > length) continue;
        const reference = createRng(length + 7 * start);
        const expected = new Uint32Array(length).fill(9);
        for (let i = start; i < length; i++) expected[i] = table.draw(reference);

        const rng = createRng(length + 7 * start);
        const filled = table.fill(new Uint32Array(length).fill(9), rng, start, length);
        expect(filled).toEqual(expected);
        expect(rng.state).toEqual(reference.state);

        // fillCounting adds the histogram of what it drew to counts already there.
        const counting = createRng(length + 7 * start);
        const counts = Float64Array.of(5, 0, 0, 1, 2, 0, 0);
        const drawn = table.fillCounting(new Uint32Array(length).fill(9), counting, start, length, counts);
        expect(drawn).toEqual(expected);
        expect(counting.state).toEqual(reference.state);
        const added = histogram(expected.subarray(start), 7);
        expect(Array.from(counts)).toEqual([5, 0, 0, 1, 2, 0, 0].map((c, level) => c + added[level]));
      }
    }
    expect(() => table.fillCounting(new Uint32Array(4), createRng(1), 0, 4, new Float64Array(4))).toThrow(
      RangeError,
    );
    expect(() => table.fillCounting(new Uint32Array(4), createRng(1), 2, 5, new Float64Array(5))).toThrow(
      RangeError,
    );
  });

  test('fillAtCounting redraws what fillAt does and moves each count with its particle', () => {
    const table = new AliasTable([0.5, 0.25, 0.25]);
    const start = Uint32Array.from({ length: 600 }, (_, i) => i % 3);
    const indices = Uint32Array.from({ length: 5000 }, (_, k) => (k * 7919) % 600); // with repeats
    const plain = start.slice();
    const rng = createRng(5);
    table.fillAt(plain, indices, rng);

    const counted = start.slice();
    const counts = histogram(counted, 4);
    const countingRng = createRng(5);
    table.fillAtCounting(counted, indices, countingRng, indices.length, counts);
    expect(counted).toEqual(plain);
    expect(countingRng.state).toEqual(rng.state);
    expect(Array.from(counts)).toEqual(Array.from(histogram(counted, 4)));

    expect(() => table.fillAtCounting(counted, [0, 600], createRng(1), 2, counts)).toThrow(RangeError);
    expect(() => table.fillAtCounting(counted, [0], createRng(1), 1, new Float64Array(2))).toThrow(
      RangeError,
    );
  });

  test('fillAt redraws only the listed particles, with the same stream as draw', () => {
    const table = new AliasTable([0.5, 0.25, 0.25]);
    const out = new Uint32Array(600).fill(7);
    const indices = Uint32Array.from({ length: 300 }, (_, k) => 2 * k);
    const rng = createRng(5);
    const reference = rng.clone();
    table.fillAt(out, indices, rng);
    for (let k = 0; k < 300; k++) {
      expect(out[2 * k]).toBe(table.draw(reference));
      expect(out[2 * k + 1]).toBe(7);
    }
    expect(rng.state).toEqual(reference.state);
    expect(() => table.fillAt(out, [0, 600], createRng(1))).toThrow(RangeError);
  });

  test('rebuilds in place without allocating while the padded size does not grow', () => {
    const table = new AliasTable(normalise(Array.from({ length: 64 }, (_, i) => i + 1)));
    const entries = table.entries;
    table.rebuild([0.5, 0.5]);
    expect(table.entries).toBe(entries);
    expect(table.columnCount).toBe(2);
    expect(table.draw(createRng(1))).toBeLessThan(2);
    table.rebuild(normalise(Array.from({ length: 50 }, () => 1)));
    expect(table.entries).toBe(entries);
    table.rebuild(normalise(Array.from({ length: 65 }, () => 1)));
    expect(table.entries).not.toBe(entries);
    expect(table.columnCount).toBe(128);
  });

  test('a single level is always drawn', () => {
    const levels = sampleLevels([1], 1000, createRng(3));
    expect(levels.every((level) => level === 0)).toBe(true);
  });

  test('property: zero-probability levels are never drawn and the table reproduces p to 32-bit resolution', () => {
    const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(weights, fc.integer(), (w, seed) => {
        if (!w.some((x) => x > 0)) w[0] = 1;
        const p = normalise(w);
        const table = new AliasTable(p);
        const implied = table.impliedProbabilities();
        const tolerance = table.columnCount * 2 ** -32;
        for (let i = 0; i < p.length; i++) {
          if (p[i] === 0 && implied[i] !== 0) return false;
          if (Math.abs(implied[i] - p[i]) > tolerance) return false;
        }
        const levels = table.fill(new Uint32Array(2000), createRng(seed));
        return levels.every((level) => level < p.length && p[level] > 0);
      }),
      { numRuns: 300 },
    );
  });

  test('property: the same seed gives the same levels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (w, seed) => {
          const p = normalise(w);
          const first = sampleLevels(p, 500, createRng(seed));
          const second = sampleLevels(p, 500, createRng(seed));
          return first.every((level, i) => level === second[i]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('sampleLevels: input checks and output buffers', () => {
  test('rejects probabilities that are not a distribution, with a human message', () => {
    const rng = createRng(1);
    expect(() => sampleLevels([], 10, rng)).toThrow(InputError);
    expect(() => sampleLevels([0.5, -0.1, 0.6], 10, rng)).toThrow(/cannot be negative/);
    expect(() => sampleLevels([0.5, Number.NaN], 10, rng)).toThrow(/finite/);
    expect(() => sampleLevels([0.5, Number.POSITIVE_INFINITY], 10, rng)).toThrow(/finite/);
    expect(() => sampleLevels([0.5, 0.49], 10, rng)).toThrow(/sum to 0\.99, not 1/);
    expect(() => sampleLevels([0, 0], 10, rng)).toThrow(InputError);
    // Rounding-level differences are accepted.
    expect(() => sampleLevels([0.5, 0.5 + 5e-7], 10, rng)).not.toThrow();
  });

  test('rejects counts that are not whole non-negative numbers', () => {
    const rng = createRng(1);
    for (const count of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sampleLevels([1], count, rng)).toThrow(InputError);
    }
    expect(sampleLevels([1], 0, rng)).toHaveLength(0);
  });

  test('writes into a given buffer: itself when the length matches, its first entries otherwise', () => {
    const exact = new Uint32Array(100);
    expect(sampleLevels([0.5, 0.5], 100, createRng(1), exact)).toBe(exact);
    const longer = new Uint32Array(150).fill(9);
    const view = sampleLevels([0.5, 0.5], 100, createRng(1), longer);
    expect(view).toHaveLength(100);
    expect(view.buffer).toBe(longer.buffer);
    expect(Array.from(view)).toEqual(Array.from(exact));
    expect(longer[100]).toBe(9);
    expect(() => sampleLevels([1], 10, createRng(1), new Uint32Array(5))).toThrow(RangeError);
  });
});
