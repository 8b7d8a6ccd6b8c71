import { describe, expect, test } from 'vitest';
import { layoutLadder } from './ladderLayout.ts';

const box = { top: 0, bottom: 100, minimumGap: 10, maxRows: 40 };

describe('layoutLadder', () => {
  test('evenly spaced energies are drawn to scale', () => {
    const layout = layoutLadder(Float64Array.of(0, 1, 2, 3), box);
    expect(layout.toScale).toBe(true);
    expect(Array.from(layout.rowY)).toEqual([100, 100 - 100 / 3, 100 - 200 / 3, 0].map(Math.fround));
  });

  test('crowded levels are pushed apart to the minimum gap and flagged as not to scale', () => {
    const hydrogen = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8], (n) => -13.6 / (n * n));
    const layout = layoutLadder(hydrogen, box);
    expect(layout.toScale).toBe(false);
    for (let r = 1; r < layout.rowY.length; r++) {
      expect(layout.rowY[r - 1] - layout.rowY[r]).toBeGreaterThanOrEqual(10 - 1e-4);
    }
  });

  test('levels past the cap share one overflow row at the top', () => {
    const energies = Float64Array.from({ length: 100 }, (_, i) => i);
    const layout = layoutLadder(energies, { ...box, bottom: 1000, maxRows: 10 });
    expect(layout.shownLevels).toBe(10);
    expect(layout.hasOverflow).toBe(true);
    expect(layout.rowY.length).toBe(11);
    expect(layout.rowOfLevel[9]).toBe(9);
    expect(layout.rowOfLevel[10]).toBe(10);
    expect(layout.rowOfLevel[99]).toBe(10);
    expect(layout.rowY[10]).toBeCloseTo(0, 4);
  });

  test('a single level and degenerate energies give finite rows', () => {
    expect(Array.from(layoutLadder(Float64Array.of(5), box).rowY)).toEqual([50]);
    const tied = layoutLadder(Float64Array.of(1, 1, 1), box);
    for (const y of tied.rowY) expect(Number.isFinite(y)).toBe(true);
    expect(tied.rowY[0] - tied.rowY[2]).toBeGreaterThanOrEqual(20 - 1e-4);
  });
});
