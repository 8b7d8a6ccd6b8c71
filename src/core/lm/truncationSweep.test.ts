import { describe, expect, test } from 'vitest';
import { createRng } from '../rng.ts';
import { NEUTRAL_SETTINGS, type SamplerOrder } from './pipeline.ts';
import {
  compareAt,
  comparedSettings,
  sweepTemperatures,
  sweepTopPMinP,
  type TruncationSweep,
  type TruncationSweepSettings,
} from './truncationSweep.ts';

// p = [0.7, 0.2, 0.1], top-p 0.8, min-p 0.2, worked by hand:
// t = 1:   p itself. top-p: 0.7 < 0.8, 0.7 + 0.2 = 0.9 ≥ 0.8, keeps 2 (mass 0.9). min-p: bar 0.2 · 0.7 = 0.14, keeps 0.7, 0.2.
// t = 2:   ∝ √p = 0.83666, 0.44721, 0.31623 (sum 1.60010): 0.52288, 0.27949, 0.19763.
//          top-p: 0.52288 + 0.27949 = 0.80237 ≥ 0.8, keeps 2. min-p: bar 0.2 · 0.52288 = 0.10458, keeps all 3.
// t = 0.5: ∝ p² = 0.49, 0.04, 0.01 (sum 0.54): 0.907407, 0.074074, 0.018519.
//          top-p: 0.907407 ≥ 0.8, keeps 1. min-p: bar 0.181481, keeps 1.
const P = [0.7, 0.2, 0.1];
const SETTINGS = { topP: 0.8, minP: 0.2 };

/** The sweep, and the pipeline run at each of its temperatures (compareAt), side by side. */
function bothWays(p: number[], settings: TruncationSweepSettings, temperatures: number[]): TruncationSweep[] {
  const sweep = sweepTopPMinP(p, settings, temperatures);
  for (let j = 0; j < temperatures.length; j++) {
    const single = compareAt(p, settings, temperatures[j]);
    expect(sweep.topP.kept[j], `top-p kept at t = ${temperatures[j]}`).toBe(single.topP.kept[0]);
    expect(sweep.minP.kept[j], `min-p kept at t = ${temperatures[j]}`).toBe(single.minP.kept[0]);
    expect(sweep.topP.mass[j]).toBeCloseTo(single.topP.mass[0], 10);
    expect(sweep.minP.mass[j]).toBeCloseTo(single.minP.mass[0], 10);
  }
  return [sweep];
}

describe('sweepTopPMinP', () => {
  test('temperature first: the cuts are made on the tempered distribution, so they move with t', () => {
    const [sweep] = bothWays(P, { ...SETTINGS, order: 'temperature-first' }, [1, 2, 0.5]);
    expect(Array.from(sweep.topP.kept)).toEqual([2, 2, 1]);
    expect(Array.from(sweep.minP.kept)).toEqual([2, 3, 1]);
    const masses = [
      [sweep.topP.mass[0], 0.9],
      [sweep.minP.mass[0], 0.9],
      [sweep.topP.mass[1], 0.80237],
      [sweep.minP.mass[1], 1],
      [sweep.topP.mass[2], 0.907407],
      [sweep.minP.mass[2], 0.907407],
    ];
    for (const [actual, expected] of masses) expect(actual).toBeCloseTo(expected, 5);
  });

  test('temperature last: the cuts are made on the model’s own p, so the kept set is the same at every t', () => {
    const [sweep] = bothWays(P, { ...SETTINGS, order: 'temperature-last' }, [1, 2, 0.5]);
    expect(Array.from(sweep.topP.kept)).toEqual([2, 2, 2]);
    expect(Array.from(sweep.minP.kept)).toEqual([2, 2, 2]);
    // The same two tokens hold 0.9 at t = 1, 0.52288 + 0.27949 at t = 2, 0.907407 + 0.074074 at t = 0.5.
    const expected = [0.9, 0.80237, 0.981481];
    expected.forEach((mass, j) => {
      expect(sweep.topP.mass[j]).toBeCloseTo(mass, 5);
      expect(sweep.minP.mass[j]).toBeCloseTo(mass, 5);
    });
  });

  test('a confident distribution: top-p fills its share from the tail, min-p keeps only the close rivals', () => {
    // 0.85 then 15 tokens of 0.01: top-p 0.9 needs 0.85 + 5 · 0.01 = 0.9, six tokens; min-p 0.1 has its bar at
    // 0.085 and keeps the favourite alone.
    const p = [0.85, ...new Array<number>(15).fill(0.01)];
    const [sweep] = bothWays(p, { topP: 0.9, minP: 0.1, order: 'temperature-first' }, [1]);
    expect(sweep.topP.kept[0]).toBe(6);
    expect(sweep.minP.kept[0]).toBe(1);
    expect(sweep.topP.mass[0]).toBeCloseTo(0.9, 12);
    expect(sweep.minP.mass[0]).toBeCloseTo(0.85, 12);
  });

  test('agrees with the sampler pipeline on random distributions, in both orders', () => {
    const rng = createRng(2026);
    const orders: SamplerOrder[] = ['temperature-first', 'temperature-last'];
    for (let trial = 0; trial < 200; trial++) {
      const size = 1 + Math.floor(rng.nextFloat() * 60);
      // Heavy-tailed weights, with a few exact ties and zeros, like a character model's.
      const p = Array.from({ length: size }, () => {
        const u = rng.nextFloat();
        return u < 0.05 ? 0 : u < 0.1 ? 0.25 : Math.exp(-8 * rng.nextFloat());
      });
      if (!p.some((x) => x > 0)) p[0] = 1;
      const total = p.reduce((a, b) => a + b, 0);
      const settings = {
        topP: 0.05 + 0.9 * rng.nextFloat(),
        minP: 0.01 + 0.5 * rng.nextFloat(),
        order: orders[trial % 2],
      };
      const temperatures = [0.05 + 3 * rng.nextFloat(), 0.05 + 3 * rng.nextFloat()];
      bothWays(
        p.map((x) => x / total),
        settings,
        temperatures,
      );
    }
  });

  test('the chart’s temperatures run from 0.05 to 3 in steps of 0.05', () => {
    const temperatures = sweepTemperatures();
    expect(temperatures.length).toBe(60);
    expect(temperatures[0]).toBe(0.05);
    expect(temperatures[19]).toBe(1);
    expect(temperatures[59]).toBe(3);
  });

  test('the sampler’s own top-p and min-p are compared; 0.9 and 0.1 stand in for a stage that is off', () => {
    expect(comparedSettings(NEUTRAL_SETTINGS)).toEqual({ topP: 0.9, minP: 0.1, order: 'temperature-first' });
    expect(
      comparedSettings({ ...NEUTRAL_SETTINGS, topP: 0.95, minP: 0.05, order: 'temperature-last' }),
    ).toEqual({
      topP: 0.95,
      minP: 0.05,
      order: 'temperature-last',
    });
  });
});
