import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng } from './rng.ts';
import { chiSquareTest } from './statistics.ts';

describe('createRng', () => {
  test('the same seed gives the same stream; another seed another stream', () => {
    const first = createRng(42);
    const second = createRng(42);
    const other = createRng(43);
    const a = Array.from({ length: 8 }, () => first.nextUint32());
    const b = Array.from({ length: 8 }, () => second.nextUint32());
    const c = Array.from({ length: 8 }, () => other.nextUint32());
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('clone continues the same sequence independently', () => {
    const rng = createRng(7);
    rng.nextUint32();
    const copy = rng.clone();
    expect(copy.nextUint32()).toBe(rng.nextUint32());
    copy.nextUint32();
    expect(copy.state).not.toEqual(rng.state);
  });

  test('non-finite seeds are rejected', () => {
    expect(() => createRng(Number.NaN)).toThrow(/finite/);
    expect(() => createRng(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  test('uint32 outputs are integers in [0, 2^32) and floats lie in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const u = rng.nextUint32();
          const x = rng.nextFloat();
          if (!Number.isInteger(u) || u < 0 || u >= 2 ** 32) return false;
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });

  test('floats are uniform over 100 bins and high bytes over 256 bins (seeded chi-square)', () => {
    const rng = createRng(2026);
    const floatBins = new Float64Array(100);
    const byteBins = new Float64Array(256);
    for (let i = 0; i < 1_000_000; i++) {
      floatBins[Math.floor(rng.nextFloat() * 100)]++;
      byteBins[rng.nextUint32() >>> 24]++;
    }
    expect(chiSquareTest(floatBins, new Float64Array(100).fill(0.01)).pValue).toBeGreaterThan(1e-4);
    expect(chiSquareTest(byteBins, new Float64Array(256).fill(1 / 256)).pValue).toBeGreaterThan(1e-4);
  });
});
