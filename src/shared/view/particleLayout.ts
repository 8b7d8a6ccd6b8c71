/**
 * Where each particle is drawn: the CPU half of the particle view.
 *
 * Pure TypeScript over typed arrays, no pixi and no DOM, so it can be unit-tested and
 * benchmarked in Node. `ParticleLayer` uploads what `writeTargets` writes as per-instance
 * vertex data.
 *
 * Particle i sits on level `levels[i]`. Each level is a horizontal row centred on `rowY[level]`.
 * Particles on a level are packed from the left in index order: the particle's slot is its rank
 * among the particles on the same level. Slots fill `subRows` sub-rows column by column
 * (slot s goes to column floor(s / subRows), sub-row s % subRows), so a row's length is
 * proportional to its occupancy, and the column pitch is chosen so that even a row holding every
 * particle fits in `width`.
 */

/** Geometry of the rows, in the layer's local pixels. */
export interface RowLayout {
  /** The y of each level's row centre; its length is the number of levels. */
  readonly rowY: Float32Array;
  /** The x where every row starts. */
  readonly left: number;
  /** The room a row has; a row holding every particle fills it. */
  readonly width: number;
  /** The height of the band a row's sub-rows are stacked in, centred on its rowY. */
  readonly rowHeight: number;
  /** The largest distance between neighbouring particles, so that few particles do not spread out. */
  readonly maxPitch?: number;
  /** Sub-rows per row; chosen from the particle count and the row's aspect when absent. */
  readonly subRows?: number;
}

/** The spacing `writeTargets` used for a given particle count. */
export interface LayoutMetrics {
  /** Sub-rows stacked in each row. */
  subRows: number;
  /** Columns a row holding every particle needs: ceil(count / subRows). */
  columns: number;
  /** Distance between neighbouring columns. */
  pitchX: number;
  /** Distance between neighbouring sub-rows. */
  pitchY: number;
  /** Diameter of a dot. */
  dotSize: number;
  /** The x of the centre of column 0. */
  firstX: number;
}

export const DEFAULT_MAX_PITCH = 12;
/** The smallest dot drawn, in pixels. */
export const MIN_DOT_SIZE = 1;
/** A dot's diameter as a share of the pitch, leaving a gap between neighbours. */
export const DOT_FILL = 0.8;
/** Sub-rows are never closer than this, in pixels. */
const MIN_SUB_ROW_PITCH = 1;

/** Cubic ease-in-out on [0, 1]; the vertex shaders use the same formula. */
export function easeInOut(t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  if (t < 0.5) return 4 * t * t * t;
  const u = 2 - 2 * t;
  return 1 - 0.5 * u * u * u;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

/** The number of sub-rows used for `count` particles when the layout does not fix it. */
export function chooseSubRows(count: number, layout: RowLayout): number {
  const width = Math.max(0, finiteOr(layout.width, 0));
  const rowHeight = Math.max(0, finiteOr(layout.rowHeight, 0));
  const maxSubRows = Math.max(1, Math.floor(rowHeight / MIN_SUB_ROW_PITCH));
  if (layout.subRows !== undefined) {
    return Math.min(maxSubRows, Math.max(1, Math.floor(finiteOr(layout.subRows, 1))));
  }
  const maxPitch = Math.max(0, finiteOr(layout.maxPitch, DEFAULT_MAX_PITCH));
  // One line of dots while every particle fits at the widest spacing.
  if (count * maxPitch <= width || width <= 0) return 1;
  // Otherwise about square cells: pitchX = width * S / count and pitchY = rowHeight / S agree
  // when S^2 = rowHeight * count / width.
  const square = Math.round(Math.sqrt((rowHeight * count) / width));
  return Math.min(maxSubRows, Math.max(1, square));
}

function newMetrics(): LayoutMetrics {
  return { subRows: 1, columns: 0, pitchX: 0, pitchY: 0, dotSize: MIN_DOT_SIZE, firstX: 0 };
}

/**
 * The spacing for `count` particles: every dot centre lies in [left, left + width] and, whenever
 * width is at least one dot, every dot lies inside it too; sub-rows lie within rowY ± rowHeight / 2.
 */
export function layoutMetrics(
  count: number,
  layout: RowLayout,
  out: LayoutMetrics = newMetrics(),
): LayoutMetrics {
  const n = Math.max(0, Math.floor(finiteOr(count, 0)));
  const left = finiteOr(layout.left, 0);
  const width = Math.max(0, finiteOr(layout.width, 0));
  const rowHeight = Math.max(0, finiteOr(layout.rowHeight, 0));
  const maxPitch = Math.max(0, finiteOr(layout.maxPitch, DEFAULT_MAX_PITCH));
  const subRows = chooseSubRows(n, layout);
  const columns = Math.max(1, Math.ceil(n / subRows));

  const pitchY = Math.min(rowHeight / subRows, maxPitch);
  let pitchX = Math.min(maxPitch, width / columns);
  const dotSize = Math.max(MIN_DOT_SIZE, DOT_FILL * Math.min(pitchX, pitchY));
  // A dot wider than its column (only the minimum dot is) would poke out at the ends: tighten.
  if (dotSize > pitchX && columns > 1) {
    pitchX = Math.min(pitchX, Math.max(0, width - dotSize) / (columns - 1));
  }
  const firstX = left + Math.min(Math.max(pitchX, dotSize), width) / 2;

  out.subRows = subRows;
  out.columns = columns;
  out.pitchX = pitchX;
  out.pitchY = pitchY;
  out.dotSize = dotSize;
  out.firstX = firstX;
  return out;
}

function checkLevel(level: number, index: number, levelCount: number): never {
  throw new RangeError(
    `Particle ${index} is on level ${level}, but the layout has ${levelCount} level${levelCount === 1 ? '' : 's'}.`,
  );
}

/** Throws for the first of levels[start..start + 4) that is not below levelCount. */
function checkBlock(levels: Uint32Array, start: number, levelCount: number): void {
  for (let i = start; i < start + 4; i++) if (levels[i] >= levelCount) checkLevel(levels[i], i, levelCount);
}

/**
 * Ranks each particle among the particles on its level, in index order, in one O(count) pass.
 * Writes the ranks to `slotsOut[0..count)` and the occupancy of each level to `countsOut`,
 * which it returns (allocated when absent or too short).
 */
export function computeSlots(
  levels: Uint32Array,
  count: number,
  levelCount: number,
  slotsOut: Uint32Array,
  countsOut?: Uint32Array,
): Uint32Array {
  if (count > levels.length || count > slotsOut.length) {
    throw new RangeError(`computeSlots: count ${count} exceeds the arrays given.`);
  }
  const counts = countsOut && countsOut.length >= levelCount ? countsOut : new Uint32Array(levelCount);
  counts.fill(0, 0, levelCount);
  for (let i = 0; i < count; i++) {
    const level = levels[i];
    if (level >= levelCount) checkLevel(level, i, levelCount);
    slotsOut[i] = counts[level]++;
  }
  return counts;
}

/** Scratch that `writeTargets` reuses between calls. */
export class LayoutScratch {
  /**
   * Occupancy of each level after the last `writeTargets` (whole numbers; float64 because V8 runs
   * the hot loop faster on doubles than on uint32 elements).
   */
  counts: Float64Array = new Float64Array(16);
  /** The y of sub-row 0 on each level. */
  rowTop: Float64Array = new Float64Array(16);
  readonly metrics: LayoutMetrics = newMetrics();

  ensureLevels(levelCount: number): void {
    if (this.counts.length < levelCount) {
      const size = Math.max(levelCount, this.counts.length * 2);
      this.counts = new Float64Array(size);
      this.rowTop = new Float64Array(size);
    }
  }
}

/**
 * Writes the target centre of particle i to out[2i], out[2i + 1] for i < count, in one pass.
 * `out` must hold at least 2 * count floats. Returns the metrics used (owned by `scratch`);
 * `scratch.counts` holds each level's occupancy afterwards.
 */
export function writeTargets(
  levels: Uint32Array,
  count: number,
  layout: RowLayout,
  out: Float32Array,
  scratch: LayoutScratch = new LayoutScratch(),
): LayoutMetrics {
  if (count > levels.length || 2 * count > out.length) {
    throw new RangeError(`writeTargets: count ${count} exceeds the arrays given.`);
  }
  const rowY = layout.rowY;
  const levelCount = rowY.length;
  const m = layoutMetrics(count, layout, scratch.metrics);
  scratch.ensureLevels(levelCount);
  const counts = scratch.counts;
  const rowTop = scratch.rowTop;

  const subRows = m.subRows;
  const pitchX = m.pitchX;
  const pitchY = m.pitchY;
  const firstX = m.firstX;
  const topOffset = -0.5 * (subRows - 1) * pitchY;
  for (let l = 0; l < levelCount; l++) {
    counts[l] = 0;
    rowTop[l] = rowY[l] + topOffset;
  }
  // (s + 0.5) / subRows is at least 0.5 / subRows away from an integer, far more than the
  // rounding error, so its floor is floor(s / subRows) without an integer division.
  const invSubRows = 1 / subRows;
  // The count mod 4 particles that do not fill a block of four go first, one at a time, so that
  // nothing but `return` follows the blocks: on a long first call V8 compiles the block loop mid-run
  // (OSR), and code after it that has never run has no type feedback; in Node 20 that code then
  // deoptimises on every later call (measured: one deopt per call, at 10^6 particles).
  let i = 0;
  const head = count % 4;
  for (; i < head; i++) {
    const level = levels[i];
    if (level >= levelCount) checkLevel(level, i, levelCount);
    const s = counts[level];
    counts[level] = s + 1;
    const column = Math.floor((s + 0.5) * invSubRows);
    out[2 * i] = firstX + column * pitchX;
    out[2 * i + 1] = rowTop[level] + (s - column * subRows) * pitchY;
  }
  // Then four particles per iteration, each placed exactly as above and in index order (so two of
  // them on one level get consecutive slots). In Node 20, TurboFan repeats a typed array's checks
  // (map, detached buffer, bounds) at every access inside a loop instead of hoisting them; four
  // particles in one iteration share them. Measured at 10^6 particles: 4.5 → 3.0 ms.
  for (; i < count; i += 4) {
    const l0 = levels[i];
    const l1 = levels[i + 1];
    const l2 = levels[i + 2];
    const l3 = levels[i + 3];
    if (l0 >= levelCount || l1 >= levelCount || l2 >= levelCount || l3 >= levelCount) {
      checkBlock(levels, i, levelCount);
    }
    let s = counts[l0];
    counts[l0] = s + 1;
    let column = Math.floor((s + 0.5) * invSubRows);
    out[2 * i] = firstX + column * pitchX;
    out[2 * i + 1] = rowTop[l0] + (s - column * subRows) * pitchY;
    s = counts[l1];
    counts[l1] = s + 1;
    column = Math.floor((s + 0.5) * invSubRows);
    out[2 * i + 2] = firstX + column * pitchX;
    out[2 * i + 3] = rowTop[l1] + (s - column * subRows) * pitchY;
    s = counts[l2];
    counts[l2] = s + 1;
    column = Math.floor((s + 0.5) * invSubRows);
    out[2 * i + 4] = firstX + column * pitchX;
    out[2 * i + 5] = rowTop[l2] + (s - column * subRows) * pitchY;
    s = counts[l3];
    counts[l3] = s + 1;
    column = Math.floor((s + 0.5) * invSubRows);
    out[2 * i + 6] = firstX + column * pitchX;
    out[2 * i + 7] = rowTop[l3] + (s - column * subRows) * pitchY;
  }
  return m;
}

/**
 * Where particles are drawn now, part-way through a move from `from` to `to` at linear progress
 * `progress`: writes from + (to - from) * easeInOut(progress) into `from` for the first `count`
 * particles (2 floats each).
 */
export function settlePositions(from: Float32Array, to: Float32Array, count: number, progress: number): void {
  const n = 2 * count;
  const e = easeInOut(progress);
  if (e >= 1) {
    from.set(to.subarray(0, n));
    return;
  }
  if (e <= 0) return;
  for (let k = 0; k < n; k++) {
    const a = from[k];
    from[k] = a + (to[k] - a) * e;
  }
}
