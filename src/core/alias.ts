/**
 * Walker's alias method (in Vose's stable construction): O(K) to build, O(1) and one uint32 per draw.
 *
 * The column count is padded to a power of two, 2^bits, so a draw splits one 32-bit output u in two:
 * the high `bits` bits pick the column, the remaining 32 − bits low bits are compared with the column's
 * threshold. Taking the column from the high bits keeps it uniform even for generators whose low bits are
 * weak; sfc32's are fine, but the design should not depend on that.
 *
 * Resolution: a draw carries 32 bits, so every column is split between its own level and its alias in
 * steps of 2^-32 of total probability. Each level's probability is therefore reproduced to within 2^-33 per
 * column it occupies (at most K'·2^-33 in total variation: 7e-9 for K = 64, 1.2e-7 for K = 1024), far
 * below what any feasible number of draws can detect. Levels of probability exactly 0 are never drawn:
 * they get threshold "never" in their own column and are never chosen as an alias.
 */
import { validateProbabilities } from './distribution.ts';
import { type Counted, InputError } from './errors.ts';
import type { Rng } from './rng.ts';

/**
 * Beyond 2^20 levels the one-uint32 design leaves too few threshold bits (total variation up to 2^-13);
 * no spectrum or vocabulary in this app comes near it.
 */
export const MAX_ALIAS_LEVELS = 1 << 20;

/** Throws unless `count` is a non-negative safe integer (a number of particles or draws). */
export function validateCount(count: number, what: Counted = 'draws'): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new InputError('count.notWhole', { what, got: String(count) });
  }
}

const TWO_POW_32 = 4294967296;
/** A multiple of 4, so that blocks of whole groups of four stay whole (see GROUPS_OF_FOUR). */
const STATE_FLUSH = 256;
/*
 * GROUPS_OF_FOUR: fill and fillCounting take four draws per loop iteration. In Node 20, TurboFan
 * repeats a typed array's checks (map, detached buffer, bounds) at every access inside a loop instead
 * of hoisting them, and four draws in one iteration share them. Measured at 10^6 draws: fill
 * ≈ 2.9 → 2.3 ms. The draws are the same numbers in the same order as one draw per iteration, so the
 * stream does not change. The leftover (end − start) mod 4 draws are taken one at a time *before* the
 * groups, not after: code that first runs after a long loop deoptimises on every later call (see the
 * state flush in fill), and this way nothing but the flush follows the groups.
 */

export class AliasTable {
  /** Levels the table was built for (before padding). */
  levelCount = 0;
  /** log2 of the padded column count; at least 1 so that the column shift is below 32. */
  bits = 1;
  /**
   * Per column c, two int32 entries: [2c] = limit, [2c + 1] = alias XOR c.
   * A draw stays on column c when (u & mask) <= limit, so limit −1 means "always the alias" and
   * mask means "always c"; both fit in an int32, which a threshold of 2^(32−bits) would not for bits = 1.
   * Storing alias XOR c lets the hot loop choose without a branch: c ^ (entry & rejectMask).
   * Interleaving keeps both entries of a column in one cache line.
   */
  entries: Int32Array = new Int32Array(0);
  // Construction scratch, kept so that rebuilding a table of the same or smaller size allocates nothing.
  private scaled: Float64Array = new Float64Array(0);
  private small: Int32Array = new Int32Array(0);
  private large: Int32Array = new Int32Array(0);
  /** fillCounting's per-level tally, one entry per column (≥ levelCount). */
  private tally: Int32Array = new Int32Array(0);

  constructor(probabilities?: ArrayLike<number>) {
    if (probabilities !== undefined) this.rebuild(probabilities);
  }

  /** Number of columns, 2^bits ≥ levelCount. */
  get columnCount(): number {
    return 1 << this.bits;
  }

  /** Right shift that turns a uint32 into a column index. */
  get shift(): number {
    return 32 - this.bits;
  }

  /** The low bits of a uint32 that are compared with a column's limit. */
  get mask(): number {
    return 2 ** (32 - this.bits) - 1;
  }

  /**
   * Rebuilds the table for new probabilities (validated as by validateProbabilities). Allocates only when
   * the padded column count grows beyond anything this table has held, so it can be called every frame.
   */
  rebuild(probabilities: ArrayLike<number>): this {
    const sum = validateProbabilities(probabilities);
    const levelCount = probabilities.length;
    if (levelCount > MAX_ALIAS_LEVELS) {
      throw new InputError('alias.tooManyLevels', { limit: MAX_ALIAS_LEVELS, got: levelCount });
    }
    let bits = 1;
    while (1 << bits < levelCount) bits++;
    const columns = 1 << bits;
    if (this.scaled.length < columns) {
      this.scaled = new Float64Array(columns);
      this.small = new Int32Array(columns);
      this.large = new Int32Array(columns);
      this.entries = new Int32Array(2 * columns);
      this.tally = new Int32Array(columns);
    }
    this.levelCount = levelCount;
    this.bits = bits;

    const scaled = this.scaled;
    const small = this.small;
    const large = this.large;
    const entries = this.entries;
    // Dividing by the measured sum (not 1) makes the columns add up even when the input is off by rounding.
    const scale = columns / sum;
    let smallCount = 0;
    let largeCount = 0;
    let mostLikely = 0;
    for (let i = 0; i < columns; i++) {
      const w = i < levelCount ? probabilities[i] * scale : 0;
      scaled[i] = w;
      if (w > scaled[mostLikely]) mostLikely = i;
      if (w < 1) small[smallCount++] = i;
      else large[largeCount++] = i;
    }

    const resolution = TWO_POW_32 / columns; // 2^(32 − bits): the number of threshold values per column
    const full = resolution - 1;
    while (smallCount > 0 && largeCount > 0) {
      const s = small[--smallCount];
      const l = large[largeCount - 1];
      // Round to nearest: the column keeps s with probability (limit + 1) / resolution ≈ scaled[s].
      const limit = Math.min(full, Math.round(scaled[s] * resolution) - 1);
      entries[2 * s] = limit;
      entries[2 * s + 1] = l ^ s;
      // Subtracting the deficit (1 − w_s) rather than adding and subtracting 1 loses less to rounding.
      const remaining = scaled[l] - (1 - scaled[s]);
      scaled[l] = remaining;
      if (remaining < 1) {
        largeCount--;
        small[smallCount++] = l;
      }
    }
    // What is left would be exactly 1 in exact arithmetic; rounding only decides which list it sits in.
    while (largeCount > 0) {
      const l = large[--largeCount];
      entries[2 * l] = full;
      entries[2 * l + 1] = 0;
    }
    while (smallCount > 0) {
      const s = small[--smallCount];
      if (scaled[s] > 0) {
        entries[2 * s] = full;
        entries[2 * s + 1] = 0;
      } else {
        // Only reachable through extreme rounding: a zero level must still never be drawn, so give its
        // column to the most likely level instead.
        entries[2 * s] = -1;
        entries[2 * s + 1] = mostLikely ^ s;
      }
    }
    return this;
  }

  /** One level index, using one rng.nextUint32(). Convenient, but prefer fill() for many draws. */
  draw(rng: Rng): number {
    const u = rng.nextUint32() | 0;
    const column = u >>> (32 - this.bits);
    const j = column << 1;
    const reject = (this.entries[j] - (u & this.mask)) >> 31;
    return column ^ (this.entries[j + 1] & reject);
  }

  /**
   * Writes one level index into out[start..end). Consumes exactly end − start generator outputs, the
   * same ones draw() would have used, so fill and draw can be mixed without changing the stream.
   */
  fill(out: Uint32Array, rng: Rng, start = 0, end: number = out.length): Uint32Array {
    checkRange(out.length, start, end);
    const state = rng.state;
    // sfc32 inlined in locals: several times faster than a method call per number (see rng.ts).
    // Everything is kept as int32 (| 0) so that V8 stays on 32-bit integer arithmetic.
    let a = state[0] | 0;
    let b = state[1] | 0;
    let c = state[2] | 0;
    let counter = state[3] | 0;
    const entries = this.entries;
    const shift = 32 - this.bits;
    const mask = this.mask;
    let i = start;
    // The (end − start) mod 4 draws that do not fill a group of four come first, one at a time (see
    // GROUPS_OF_FOUR); every block after them is whole groups.
    const head = start + ((end - start) % 4);
    for (; i < head; i++) {
      const u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      const column = u >>> shift;
      const j = column << 1;
      // Branch-free: the accept/alias choice is a coin flip the CPU cannot predict. The difference
      // limit − (u & mask) lies in [−2^31, 2^31), so its sign bit is exactly "reject".
      const reject = (entries[j] - (u & mask)) >> 31;
      out[i] = column ^ (entries[j + 1] & reject);
    }
    for (;;) {
      // The state is written back every STATE_FLUSH draws, not only at the end: on a long first call V8
      // compiles the loop mid-run (OSR) before the code after it has ever executed, and in Node 20 that
      // code then deoptimises on every later call, making the loop up to 5× slower. Running the write-back
      // early gives it type feedback first. It costs four stores per 256 draws.
      const stop = Math.min(end, i + STATE_FLUSH);
      for (; i < stop; i += 4) {
        let u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        let column = u >>> shift;
        let j = column << 1;
        out[i] = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        column = u >>> shift;
        j = column << 1;
        out[i + 1] = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        column = u >>> shift;
        j = column << 1;
        out[i + 2] = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        column = u >>> shift;
        j = column << 1;
        out[i + 3] = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
      }
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      if (i >= end) return out;
    }
  }

  /**
   * fill(), and also adds one to counts[level] for every level drawn, so a caller that keeps an
   * occupancy histogram need not recount the whole array afterwards. Same draws, same stream. `counts`
   * needs at least levelCount entries. A separate method so that plain fill pays nothing for it.
   */
  fillCounting(out: Uint32Array, rng: Rng, start: number, end: number, counts: Float64Array): Uint32Array {
    checkRange(out.length, start, end);
    checkCounts(counts, this.levelCount);
    // Tallied in int32: V8 increments Int32Array elements faster than Float64Array ones (measured at
    // 10^6 draws: ≈ 0.4 ms against ≈ 0.9 ms on top of the draws). Every level drawn is below
    // levelCount ≤ the column count the tally is sized for.
    const tally = this.tally;
    const levelCount = this.levelCount;
    tally.fill(0, 0, levelCount);
    const state = rng.state;
    let a = state[0] | 0;
    let b = state[1] | 0;
    let c = state[2] | 0;
    let counter = state[3] | 0;
    const entries = this.entries;
    const shift = 32 - this.bits;
    const mask = this.mask;
    let i = start;
    const head = start + ((end - start) % 4); // as in fill()
    for (; i < head; i++) {
      const u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      const column = u >>> shift;
      const j = column << 1;
      const level = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
      out[i] = level;
      tally[level]++;
    }
    let firstBlock = true;
    for (;;) {
      const stop = Math.min(end, i + STATE_FLUSH);
      for (; i < stop; i += 4) {
        let u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        let column = u >>> shift;
        let j = column << 1;
        let level = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        out[i] = level;
        tally[level]++;
        u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        column = u >>> shift;
        j = column << 1;
        level = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        out[i + 1] = level;
        tally[level]++;
        u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        column = u >>> shift;
        j = column << 1;
        level = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        out[i + 2] = level;
        tally[level]++;
        u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        column = u >>> shift;
        j = column << 1;
        level = column ^ (entries[j + 1] & ((entries[j] - (u & mask)) >> 31));
        out[i + 3] = level;
        tally[level]++;
      }
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      // The tally goes into counts (and restarts from 0) after the first block as well as after the
      // last, for the reason the state is flushed early (see fill): code that first runs after a long
      // loop deoptimises on every later call. One more pass over the levels per call.
      if (firstBlock || i >= end) {
        for (let level = 0; level < levelCount; level++) {
          counts[level] += tally[level];
          tally[level] = 0;
        }
        firstBlock = false;
      }
      if (i >= end) return out;
    }
  }

  /**
   * Redraws only the listed particles: out[indices[k]] for k < count. For heat-bath dynamics, where a
   * fraction of the particles is resampled each step. Same stream discipline as fill().
   */
  fillAt(
    out: Uint32Array,
    indices: ArrayLike<number>,
    rng: Rng,
    count: number = indices.length,
  ): Uint32Array {
    checkRange(indices.length, 0, count);
    const state = rng.state;
    let a = state[0] | 0;
    let b = state[1] | 0;
    let c = state[2] | 0;
    let counter = state[3] | 0;
    const entries = this.entries;
    const shift = 32 - this.bits;
    const mask = this.mask;
    const length = out.length;
    let k = 0;
    for (;;) {
      const stop = Math.min(count, k + STATE_FLUSH); // see fill() for why the state is flushed in blocks
      for (; k < stop; k++) {
        const index = indices[k];
        // A typed array silently ignores out-of-range writes; a wrong index is a bug worth hearing about.
        if (!(index >= 0 && index < length)) break;
        const u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        const column = u >>> shift;
        const j = column << 1;
        const reject = (entries[j] - (u & mask)) >> 31;
        out[index] = column ^ (entries[j + 1] & reject);
      }
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      if (k < stop) throw new RangeError(`Particle index ${indices[k]} is outside 0..${length - 1}.`);
      if (k >= count) return out;
    }
  }

  /**
   * fillAt() that keeps an occupancy histogram exact: for each listed particle, counts[old level] − 1 and
   * counts[new level] + 1. `counts` must hold the occupancy of `out` before the call (so every old level
   * is below its length) and at least levelCount entries. Same draws, same stream as fillAt.
   */
  fillAtCounting(
    out: Uint32Array,
    indices: ArrayLike<number>,
    rng: Rng,
    count: number,
    counts: Float64Array,
  ): Uint32Array {
    checkRange(indices.length, 0, count);
    checkCounts(counts, this.levelCount);
    const state = rng.state;
    let a = state[0] | 0;
    let b = state[1] | 0;
    let c = state[2] | 0;
    let counter = state[3] | 0;
    const entries = this.entries;
    const shift = 32 - this.bits;
    const mask = this.mask;
    const length = out.length;
    let k = 0;
    for (;;) {
      const stop = Math.min(count, k + STATE_FLUSH); // see fill() for why the state is flushed in blocks
      for (; k < stop; k++) {
        const index = indices[k];
        if (!(index >= 0 && index < length)) break;
        const u = (a + b + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + u) | 0;
        const column = u >>> shift;
        const j = column << 1;
        const reject = (entries[j] - (u & mask)) >> 31;
        const level = column ^ (entries[j + 1] & reject);
        // Unconditional, like the draw: when the level does not change the two updates cancel.
        counts[out[index]]--;
        counts[level]++;
        out[index] = level;
      }
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      if (k < stop) throw new RangeError(`Particle index ${indices[k]} is outside 0..${length - 1}.`);
      if (k >= count) return out;
    }
  }

  /**
   * The distribution the table actually samples (exactly, given a uniform uint32), which differs from the
   * requested one only by the 32-bit resolution described above. For tests and for showing the error.
   */
  impliedProbabilities(out: Float64Array = new Float64Array(this.levelCount)): Float64Array {
    out.fill(0);
    const columns = this.columnCount;
    const resolution = TWO_POW_32 / columns;
    for (let column = 0; column < columns; column++) {
      const keep = (this.entries[2 * column] + 1) / resolution;
      const alias = column ^ this.entries[2 * column + 1];
      if (keep > 0) out[column] += keep / columns;
      if (keep < 1) out[alias] += (1 - keep) / columns;
    }
    return out;
  }
}

/** A histogram to count into must have a slot for every level the table can draw. */
function checkCounts(counts: Float64Array, levelCount: number): void {
  if (counts.length < levelCount) {
    throw new RangeError(
      `The counts array holds ${counts.length} levels; the table draws from ${levelCount}.`,
    );
  }
}

function checkRange(length: number, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    throw new RangeError(`Range ${start}..${end} does not fit an array of length ${length}.`);
  }
}

export function createAliasTable(probabilities: ArrayLike<number>): AliasTable {
  return new AliasTable(probabilities);
}

/** Convenience wrapper for dynamics code that holds a table: same as table.fill(out, rng). */
export function fillLevels(table: AliasTable, out: Uint32Array, rng: Rng): Uint32Array {
  return table.fill(out, rng, 0, out.length);
}

// sampleLevels rebuilds this one table on every call, so repeated calls allocate nothing once it has
// grown to the largest K seen. Safe because JavaScript runs one call at a time.
const sharedTable = new AliasTable();

/**
 * One level index per particle, drawn independently from `probabilities`. Writes into `out` when given
 * (its length must be at least `count`; only the first `count` entries are written, and the result is
 * `out` itself when the lengths match, otherwise a view of its first `count` entries).
 */
export function sampleLevels(
  probabilities: ArrayLike<number>,
  count: number,
  rng: Rng,
  out?: Uint32Array,
): Uint32Array {
  validateCount(count, 'particles');
  if (out !== undefined && out.length < count) {
    throw new RangeError(`The output array holds ${out.length} entries but ${count} draws were asked for.`);
  }
  sharedTable.rebuild(probabilities);
  const target =
    out === undefined ? new Uint32Array(count) : out.length === count ? out : out.subarray(0, count);
  return sharedTable.fill(target, rng, 0, count);
}
