import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeSlots,
  DEFAULT_MAX_PITCH,
  easeInOut,
  LayoutScratch,
  layoutMetrics,
  type RowLayout,
  settlePositions,
  writeTargets,
} from './particleLayout.ts';

function rows(levelCount: number, top = 40, gap = 60): Float32Array {
  const rowY = new Float32Array(levelCount);
  for (let l = 0; l < levelCount; l++) rowY[l] = top + l * gap;
  return rowY;
}

function layoutFor(levelCount: number, extra: Partial<RowLayout> = {}): RowLayout {
  return { rowY: rows(levelCount), left: 30, width: 800, rowHeight: 40, ...extra };
}

/** Checks every geometric promise the layout makes and returns per-level occupancy. */
function checkTargets(levels: Uint32Array, count: number, layout: RowLayout): Uint32Array {
  const out = new Float32Array(2 * count + 2).fill(Number.NaN);
  const scratch = new LayoutScratch();
  const m = writeTargets(levels, count, layout, out, scratch);
  const levelCount = layout.rowY.length;
  const slots = new Uint32Array(count);
  const counts = computeSlots(levels, count, levelCount, slots);

  for (const value of [m.pitchX, m.pitchY, m.dotSize, m.firstX]) expect(Number.isFinite(value)).toBe(true);
  expect(m.pitchX).toBeLessThanOrEqual(layout.maxPitch ?? DEFAULT_MAX_PITCH);
  expect(m.dotSize).toBeGreaterThanOrEqual(1);

  const tolerance = 1e-3;
  const half = layout.rowHeight / 2;
  const r = m.dotSize / 2;
  let bad = 0;
  for (let i = 0; i < count; i++) {
    const x = out[2 * i];
    const y = out[2 * i + 1];
    const level = levels[i];
    const column = Math.floor(slots[i] / m.subRows);
    const sub = slots[i] % m.subRows;
    const ok =
      Number.isFinite(x) &&
      Number.isFinite(y) &&
      // whole dots stay inside the row's room and band
      x - r >= layout.left - tolerance &&
      x + r <= layout.left + layout.width + tolerance &&
      y - r >= layout.rowY[level] - half - tolerance &&
      y + r <= layout.rowY[level] + half + tolerance &&
      // position follows from the rank on the level
      Math.abs(x - (m.firstX + column * m.pitchX)) <= tolerance * Math.max(1, Math.abs(x)) &&
      Math.abs(y - (layout.rowY[level] + (sub - (m.subRows - 1) / 2) * m.pitchY)) <= tolerance;
    if (!ok) bad++;
  }
  expect(bad).toBe(0);
  // Nothing written past the count.
  expect(Number.isNaN(out[2 * count])).toBe(true);
  expect(Array.from(scratch.counts.subarray(0, levelCount))).toEqual(Array.from(counts));
  return counts;
}

describe('computeSlots', () => {
  it('ranks each particle among those on its level, in index order', () => {
    const levels = Uint32Array.from([2, 0, 2, 2, 1, 0, 4]);
    const slots = new Uint32Array(levels.length);
    const counts = computeSlots(levels, levels.length, 5, slots);
    expect(Array.from(slots)).toEqual([0, 0, 1, 2, 0, 1, 0]);
    expect(Array.from(counts)).toEqual([2, 1, 3, 0, 1]);
  });

  it('only reads the first count particles and reuses countsOut', () => {
    const levels = Uint32Array.from([1, 1, 1, 0]);
    const slots = new Uint32Array(4).fill(99);
    const countsOut = new Uint32Array(8).fill(7);
    const counts = computeSlots(levels, 2, 2, slots, countsOut);
    expect(counts).toBe(countsOut);
    expect(Array.from(slots)).toEqual([0, 1, 99, 99]);
    expect(Array.from(counts.subarray(0, 2))).toEqual([0, 2]);
  });

  it('agrees with a naive count for random level assignments', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { maxLength: 300 }), (raw) => {
        const levels = Uint32Array.from(raw);
        const slots = new Uint32Array(levels.length);
        computeSlots(levels, levels.length, 7, slots);
        for (let i = 0; i < levels.length; i++) {
          let rank = 0;
          for (let j = 0; j < i; j++) if (levels[j] === levels[i]) rank++;
          if (slots[i] !== rank) return false;
        }
        return true;
      }),
    );
  });

  it('rejects a level the layout does not have', () => {
    expect(() => computeSlots(Uint32Array.from([0, 3]), 2, 3, new Uint32Array(2))).toThrow(RangeError);
  });
});

describe('writeTargets', () => {
  it('writes nothing and stays finite for no particles', () => {
    const layout = layoutFor(5);
    checkTargets(new Uint32Array(0), 0, layout);
    const m = layoutMetrics(0, layout);
    expect(m.subRows).toBe(1);
  });

  it('places a single particle at the start of its row', () => {
    const layout = layoutFor(3);
    const out = new Float32Array(2);
    const m = writeTargets(Uint32Array.from([2]), 1, layout, out);
    expect(out[0]).toBeCloseTo(m.firstX);
    expect(out[0]).toBeGreaterThanOrEqual(layout.left);
    expect(out[1]).toBeCloseTo(layout.rowY[2]);
    checkTargets(Uint32Array.from([2]), 1, layout);
  });

  it('lays few particles in one line at the widest pitch, rows as long as their occupancy', () => {
    const layout = layoutFor(5, { maxPitch: 12 });
    const levels = new Uint32Array(50);
    const occupancy = [20, 15, 0, 10, 5];
    let i = 0;
    for (let l = 0; l < occupancy.length; l++) for (let k = 0; k < occupancy[l]; k++) levels[i++] = l;
    const out = new Float32Array(100);
    const m = writeTargets(levels, 50, layout, out);
    expect(m.subRows).toBe(1);
    expect(m.pitchX).toBe(12);
    const counts = checkTargets(levels, 50, layout);
    expect(Array.from(counts)).toEqual(occupancy);
    for (let l = 0; l < occupancy.length; l++) {
      let maxX = -Infinity;
      for (let p = 0; p < 50; p++) if (levels[p] === l) maxX = Math.max(maxX, out[2 * p]);
      if (occupancy[l] === 0) expect(maxX).toBe(-Infinity);
      else expect(maxX - m.firstX).toBeCloseTo((occupancy[l] - 1) * 12, 3);
    }
  });

  it('makes row lengths proportional to occupancy', () => {
    const layout = layoutFor(4);
    const count = 20_000;
    const share = [0.5, 0.3, 0.15, 0.05];
    const levels = new Uint32Array(count);
    let i = 0;
    for (let l = 0; l < share.length; l++) for (let k = 0; k < share[l] * count; k++) levels[i++] = l;
    // interleave so slots are not simply the index
    for (let k = count - 1; k > 0; k--) {
      const j = (k * 7919) % (k + 1);
      const t = levels[k];
      levels[k] = levels[j];
      levels[j] = t;
    }
    const out = new Float32Array(2 * count);
    const m = writeTargets(levels, count, layout, out);
    expect(m.subRows).toBeGreaterThan(1);
    const maxX = new Float64Array(share.length).fill(-Infinity);
    for (let p = 0; p < count; p++) maxX[levels[p]] = Math.max(maxX[levels[p]], out[2 * p]);
    const lengths = Array.from(maxX, (x) => x - m.firstX + m.pitchX);
    for (let l = 0; l < share.length; l++) {
      // ceil(n / subRows) columns: proportional to within one column
      expect(Math.abs(lengths[l] - (share[l] * count * m.pitchX) / m.subRows)).toBeLessThanOrEqual(
        m.pitchX + 1e-3,
      );
    }
    checkTargets(levels, count, layout);
  });

  it('fits every particle in the width when all are on one level, including a million', () => {
    for (const count of [1, 2, 3, 5, 77, 2000, 123_457, 1_000_000]) {
      const layout = layoutFor(3);
      const levels = new Uint32Array(count).fill(1);
      checkTargets(levels, count, layout);
    }
  });

  it('keeps a million particles inside their rows, with empty levels and the minimum dot', () => {
    const count = 1_000_000;
    const layout = layoutFor(8, { width: 600, rowHeight: 30 });
    const levels = new Uint32Array(count);
    for (let i = 0; i < count; i++) levels[i] = i % 3 === 0 ? 0 : i % 7 === 0 ? 5 : 2;
    const counts = checkTargets(levels, count, layout);
    expect(counts[1]).toBe(0);
    expect(counts[7]).toBe(0);
    expect(layoutMetrics(count, layout).dotSize).toBe(1);
  });

  it('holds for random counts, levels and geometry', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(5), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        (raw, width, rowHeight, maxPitch, subRows) => {
          const levels = Uint32Array.from(raw);
          checkTargets(levels, levels.length, layoutFor(6, { width, rowHeight, maxPitch, subRows }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays finite for degenerate geometry', () => {
    const levels = Uint32Array.from([0, 0, 1, 0]);
    for (const extra of [{ width: 0 }, { rowHeight: 0 }, { width: Number.NaN }, { maxPitch: 0 }]) {
      const out = new Float32Array(8);
      const m = writeTargets(levels, 4, layoutFor(2, extra), out);
      expect(out.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(m.dotSize)).toBe(true);
    }
  });

  it('rejects levels beyond rowY and arrays that are too short', () => {
    expect(() => writeTargets(Uint32Array.from([0, 5]), 2, layoutFor(3), new Float32Array(4))).toThrow(
      RangeError,
    );
    expect(() => writeTargets(Uint32Array.from([0, 1]), 2, layoutFor(3), new Float32Array(3))).toThrow(
      RangeError,
    );
  });

  it('names the first particle on a level beyond rowY, wherever it falls in a block of four', () => {
    for (const bad of [0, 3, 4, 6, 9]) {
      const levels = Uint32Array.from({ length: 10 }, (_, i) => i % 3);
      levels[bad] = 3;
      if (bad < 9) levels[9] = 4; // a later bad level must not be the one named
      expect(() => writeTargets(levels, 10, layoutFor(3), new Float32Array(20))).toThrow(
        new RegExp(`^Particle ${bad} is on level 3,`),
      );
    }
  });

  it('reuses its scratch across calls with more levels', () => {
    const scratch = new LayoutScratch();
    const out = new Float32Array(200);
    const levels = new Uint32Array(100);
    for (let i = 0; i < 100; i++) levels[i] = i % 40;
    writeTargets(levels, 100, layoutFor(40), out, scratch);
    expect(scratch.counts.length).toBeGreaterThanOrEqual(40);
    expect(scratch.counts[39]).toBe(2);
    writeTargets(levels, 10, layoutFor(40), out, scratch);
    expect(scratch.counts[39]).toBe(0);
  });
});

describe('easing and settling', () => {
  it('eases in and out from 0 to 1, symmetrically and monotonically', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(-1)).toBe(0);
    expect(easeInOut(2)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    let previous = 0;
    for (let k = 1; k <= 100; k++) {
      const t = k / 100;
      const e = easeInOut(t);
      expect(e).toBeGreaterThanOrEqual(previous);
      expect(e + easeInOut(1 - t)).toBeCloseTo(1, 12);
      previous = e;
    }
    expect(easeInOut(0.1)).toBeLessThan(0.1);
  });

  it('settles positions to where the move has got to', () => {
    const from = Float32Array.from([0, 0, 10, 10, 5, 5]);
    const to = Float32Array.from([100, 20, 10, 30, 7, 7]);
    const half = Float32Array.from(from);
    settlePositions(half, to, 2, 0.5);
    expect(Array.from(half)).toEqual([50, 10, 10, 20, 5, 5]);
    const done = Float32Array.from(from);
    settlePositions(done, to, 3, 1);
    expect(Array.from(done)).toEqual(Array.from(to));
    const none = Float32Array.from(from);
    settlePositions(none, to, 3, 0);
    expect(Array.from(none)).toEqual(Array.from(from));
  });
});
