import { describe, expect, test } from 'vitest';
import { CodedError } from '../core/errors.ts';
import { scatterDistribution } from './probabilities.ts';

describe('scatterDistribution', () => {
  test('puts each probability at its token id and renormalises float32 rounding', () => {
    const p = scatterDistribution(
      [
        { token: 2, p: Math.fround(0.5) },
        { token: 0, p: Math.fround(0.3) },
        { token: 1, p: Math.fround(0.200005) },
      ],
      3,
    );
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(p[2]).toBeGreaterThan(p[0]);
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(p[2] / p[0]).toBeCloseTo(Math.fround(0.5) / Math.fround(0.3), 12);
  });
  test('refuses an overflowed softmax (NaN or Infinity) with model.badDistribution', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = (() => {
        try {
          scatterDistribution(
            [
              { token: 1, p: bad },
              { token: 0, p: 0 },
            ],
            2,
          );
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(CodedError);
      expect((error as CodedError).toMessage()).toEqual({
        code: 'model.badDistribution',
        params: { token: 1 },
      });
    }
  });
  test('refuses a list that does not cover the vocabulary once', () => {
    expect(() => scatterDistribution([{ token: 0, p: 1 }], 2)).toThrow();
    expect(() =>
      scatterDistribution(
        [
          { token: 0, p: 0.5 },
          { token: 0, p: 0.5 },
        ],
        2,
      ),
    ).toThrow();
  });
});
