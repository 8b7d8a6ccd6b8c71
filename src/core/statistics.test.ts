import { describe, expect, test } from 'vitest';
import {
  chiSquareSurvival,
  chiSquareTest,
  FIT_P_VALUE_THRESHOLD,
  fitIsConsistent,
  klDivergence,
  logGamma,
  upperRegularizedGamma,
} from './statistics.ts';

describe('logGamma', () => {
  test.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [101, 363.73937555556347],
  ])('ln Γ(%d)', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 10);
  });
});

describe('chi-square survival function', () => {
  test.each([
    [3.841458820694124, 1, 0.05],
    [6.634896601021214, 1, 0.01],
    [18.307038053275146, 10, 0.05],
    [124.3421134, 100, 0.05],
    [0, 3, 1],
  ])('P(χ² ≥ %d | k = %d) = %d', (statistic, k, expected) => {
    expect(chiSquareSurvival(statistic, k)).toBeCloseTo(expected, 6);
  });

  test('Q(1, x) = e^{-x}', () => {
    for (const x of [0.1, 1, 5, 30]) expect(upperRegularizedGamma(1, x)).toBeCloseTo(Math.exp(-x), 12);
  });
});

describe('chiSquareTest', () => {
  test('counts exactly at expectation give statistic 0 and p-value 1', () => {
    const result = chiSquareTest([250, 500, 250], [0.25, 0.5, 0.25]);
    expect(result.statistic).toBe(0);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.pValue).toBeCloseTo(1, 12);
  });

  test('a hand-computed case', () => {
    // (60−50)²/50 + (40−50)²/50 = 4, one degree of freedom.
    const result = chiSquareTest([60, 40], [0.5, 0.5]);
    expect(result.statistic).toBeCloseTo(4, 12);
    expect(result.pValue).toBeCloseTo(0.0455002638963584, 8);
  });

  test('levels with small expected counts are pooled', () => {
    const result = chiSquareTest([98, 1, 1], [0.98, 0.01, 0.01]);
    expect(result.degreesOfFreedom).toBe(1);
    expect(result.statistic).toBeCloseTo(0, 12);
  });

  test('an observation on a forbidden level fails outright', () => {
    expect(chiSquareTest([10, 1], [1, 0]).pValue).toBe(0);
  });

  test('no observations carry no evidence', () => {
    expect(chiSquareTest([0, 0], [0.5, 0.5]).pValue).toBe(1);
  });

  test('mismatched lengths are rejected', () => {
    expect(() => chiSquareTest([1], [0.5, 0.5])).toThrow(/1 counts but 2 probabilities/);
  });
});

describe('klDivergence', () => {
  test('zero for a perfect match, positive otherwise, infinite on a forbidden level', () => {
    expect(klDivergence([1, 1], [0.5, 0.5])).toBe(0);
    expect(klDivergence([3, 1], [0.5, 0.5])).toBeCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), 12);
    expect(klDivergence([1, 1], [1, 0])).toBe(Number.POSITIVE_INFINITY);
  });
});

test('the fit verdict has one threshold: above it consistent, at or below it not', () => {
  expect(FIT_P_VALUE_THRESHOLD).toBe(0.01);
  expect(fitIsConsistent(0.31)).toBe(true);
  expect(fitIsConsistent(0.0100001)).toBe(true);
  expect(fitIsConsistent(0.01)).toBe(false);
  expect(fitIsConsistent(0.0025)).toBe(false);
  expect(fitIsConsistent(0)).toBe(false);
});
