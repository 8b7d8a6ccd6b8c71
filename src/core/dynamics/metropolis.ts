/**
 * Metropolis dynamics between neighbouring energy levels.
 *
 * Every particle carries a level index. An attempted move proposes the next accessible level up or
 * down (probability 1/2 each) and accepts it with min(1, (g_j / g_i) e^{−(E_j − E_i)/T}). Because
 * "j is the upper neighbour of i" holds exactly when "i is the lower neighbour of j", the proposal
 * is symmetric, so this acceptance gives detailed balance p_i P(i→j) = p_j P(j→i) with
 * p_i ∝ g_i e^{−E_i/T}: the Boltzmann distribution is stationary. A proposal past the top or bottom
 * of the ladder is rejected (the particle stays), which keeps the proposal symmetric at the ends.
 * Moves are local, so relaxation is slow when the gaps are large compared with |T|: that is the
 * physics being shown, not a defect.
 *
 * "Neighbouring" means neighbouring in energy. The caller may pass levels in any order: prepare sorts
 * them by energy (ties by index) once and stores, for each level index, its neighbours' indices, so
 * the particles keep using the caller's own level indices and the step needs no mapping.
 *
 * Inaccessible levels (E = +∞ or g = 0) have p = 0 at every T, including T < 0, so they are left out
 * of the ladder: the neighbour of a level is the next *accessible* level. A zero-degeneracy level in
 * the middle of a spectrum therefore does not cut the ladder in two (which would make the dynamics
 * non-ergodic); it is skipped over. A particle found on an inaccessible level (e.g. left there by a
 * spectrum change) proposes its nearest accessible neighbours and always accepts, so it leaves and
 * never comes back.
 */
import { validateSpectrum } from '../distribution.ts';
import { InputError } from '../errors.ts';
import type { Rng } from '../rng.ts';

/** Acceptance is decided by 31 random bits (the 32nd chooses up or down). */
const ACCEPT_SCALE = 2147483648; // 2^31

/** fullSweep writes the generator state back every this many particles: a multiple of its groups of 4. */
const STATE_FLUSH = 256;

/**
 * Tables for one spectrum at one temperature. Entry 2i + d (d = 0 down, d = 1 up) describes the
 * move of a particle on level i in direction d: where it goes and the limit that 31 random bits v
 * must not exceed for it to be accepted. A missing neighbour is encoded as "go to i, never accept".
 */
export interface PreparedMetropolis {
  readonly levelCount: number;
  readonly temperature: number;
  /** Neighbour level index for entry 2i + d. */
  readonly neighbour: Uint32Array;
  /**
   * Acceptance limit for entry 2i + d: accept when 31 uniform random bits v satisfy v ≤ limit, which
   * has probability (limit + 1)/2^31. So −1 means never and 2^31 − 1 always; both fit an int32,
   * which keeps the hot loop in 32-bit integer arithmetic (a threshold of 2^31 would not).
   */
  readonly limit: Int32Array;
  /** Acceptance probability for entry 2i + d, exactly as computed before rounding (for display and tests). */
  readonly acceptance: Float64Array;
  /** Copies of the spectrum, so the temperature can be changed in place. */
  readonly energies: Float64Array;
  readonly degeneracies: Float64Array;
}

/**
 * Prepares Metropolis tables for a spectrum at a temperature. Levels may be in any order (see the
 * module comment). Energies may be +∞ (inaccessible) but not NaN or −∞; degeneracies must be finite
 * and ≥ 0 (0 = inaccessible; non-integers are accepted as weights), and `undefined` means g = 1 for
 * every level; at least one level must be accessible. Otherwise InputError, as for the distribution.
 * The temperature may be any number but NaN, including ±0 and ±∞ (T < 0 is a population inversion;
 * T = ±∞ makes every state equally likely; T = +0 / −0 freezes into the lowest / highest accessible
 * energy, ties shared in proportion to g).
 */
export function createMetropolis(
  energies: ArrayLike<number>,
  degeneracies: ArrayLike<number> | undefined,
  temperature: number,
): PreparedMetropolis {
  // Same rules and messages as the distribution itself: no NaN or −∞ energy, degeneracies finite
  // and ≥ 0, at least one accessible level.
  validateSpectrum(energies, degeneracies);
  const levelCount = energies.length;
  // Entry 2i + d is formed with a shift, which must not overflow 31 bits.
  if (levelCount > 0x40000000) throw new InputError('metropolis.tooManyLevels', {});

  const prepared: PreparedMetropolis = {
    levelCount,
    temperature,
    neighbour: new Uint32Array(2 * levelCount),
    limit: new Int32Array(2 * levelCount),
    acceptance: new Float64Array(2 * levelCount),
    energies: Float64Array.from(energies),
    degeneracies:
      degeneracies === undefined ? new Float64Array(levelCount).fill(1) : Float64Array.from(degeneracies),
  };
  linkNeighbours(prepared);
  setMetropolisTemperature(prepared, temperature);
  return prepared;
}

function isAccessible(energy: number, degeneracy: number): boolean {
  return energy !== Number.POSITIVE_INFINITY && degeneracy > 0;
}

/** Fills `neighbour` from the energy order; a missing neighbour points at the level itself. */
function linkNeighbours(prepared: PreparedMetropolis): void {
  const { levelCount, energies, degeneracies, neighbour } = prepared;
  const order = Array.from({ length: levelCount }, (_, i) => i);
  // Ties are broken by index so the ladder is the same in every browser. Two infinite energies
  // compare as NaN (∞ − ∞), which is falsy, so they too fall back to index order, at the top.
  order.sort((x, y) => energies[x] - energies[y] || x - y);
  // Nearest accessible level below each rank (walking up) and above it (walking down).
  let below = -1;
  for (let rank = 0; rank < levelCount; rank++) {
    const i = order[rank];
    neighbour[2 * i] = below < 0 ? i : below;
    if (isAccessible(energies[i], degeneracies[i])) below = i;
  }
  let above = -1;
  for (let rank = levelCount - 1; rank >= 0; rank--) {
    const i = order[rank];
    neighbour[2 * i + 1] = above < 0 ? i : above;
    if (isAccessible(energies[i], degeneracies[i])) above = i;
  }
}

/**
 * Recomputes the acceptance tables for a new temperature without allocating (the view may call this
 * every frame while a slider is dragged). Throws InputError for NaN.
 */
export function setMetropolisTemperature(prepared: PreparedMetropolis, temperature: number): void {
  if (Number.isNaN(temperature)) throw new InputError('metropolis.temperature', {});
  const { levelCount, energies, degeneracies, neighbour, limit, acceptance } = prepared;
  // β = 1/T passes smoothly through T = ±∞ (β = ±0) and sends T = ±0 to β = ±∞, so one formula
  // covers every case once 0 · ∞ is defined as 0 below.
  const beta = 1 / temperature;
  for (let i = 0; i < levelCount; i++) {
    for (let d = 0; d < 2; d++) {
      const k = 2 * i + d;
      const j = neighbour[k];
      let a: number;
      if (j === i) {
        a = 0; // no neighbour that way: the proposal falls off the ladder and is rejected
      } else if (!isAccessible(energies[i], degeneracies[i])) {
        a = 1; // leave an inaccessible level unconditionally; the target j is always accessible
      } else {
        // ln of the acceptance ratio, in log space so that |ΔE/T| of 1e4 (or ∞) gives 0 or 1, not NaN.
        // Halving before subtracting keeps ΔE finite even for energies near ±1.8e308.
        const halfDE = energies[j] * 0.5 - energies[i] * 0.5;
        const betaDE = halfDE === 0 || beta === 0 ? 0 : 2 * (beta * halfDE);
        const logRatio = Math.log(degeneracies[j]) - Math.log(degeneracies[i]) - betaDE;
        a = logRatio >= 0 ? 1 : Math.exp(logRatio);
      }
      acceptance[k] = a;
      // Nearest representable probability: a multiple of 2^−31 (a > 0 smaller than 2^−32 rounds to never).
      limit[k] = Math.round(a * ACCEPT_SCALE) - 1;
    }
  }
  (prepared as { temperature: number }).temperature = temperature;
}

/**
 * Advances every particle by `sweeps` attempted Metropolis moves on average, in place.
 *
 * Each whole sweep visits the particles in order, one attempt each (a systematic scan: particles do
 * not interact, so each particle's own chain is what matters, and every attempt satisfies detailed
 * balance). A fractional remainder f gives one more attempt to each particle independently with
 * probability f, choosing the particles by geometric skips so the cost is proportional to f·N.
 * So `sweeps = 0.25` is a quarter sweep per frame and `sweeps = 3` three sweeps per frame.
 *
 * With `counts` (the occupancy of `levels` before the call, at least levelCount entries), the step
 * keeps it equal to the occupancy after, so the caller need not recount. The last pass that visits
 * every particle tallies where they end up (one increment per particle, fused into the pass), and a
 * geometric-skip pass after it moves the counts of just the particles it picks. The moves are the same
 * with or without it.
 *
 * Throws InputError unless sweeps is finite and > 0, and RangeError when it meets a particle whose
 * level is not a level of the prepared spectrum (the caller must remap particles when the spectrum
 * changes); particles before the offending one have then already moved, and `counts` is no longer
 * meaningful. Any `sweeps` above METROPOLIS_COIN_SCAN_ABOVE (0.28) visits, and so checks, every
 * particle; a smaller one checks only the particles it picks, since checking the rest would cost what
 * skipping them saves.
 */
export function metropolisStep(
  levels: Uint32Array,
  prepared: PreparedMetropolis,
  sweeps: number,
  rng: Rng,
  counts?: Float64Array,
): void {
  if (!(sweeps > 0) || !Number.isFinite(sweeps)) {
    throw new InputError('metropolis.sweeps', { got: String(sweeps) });
  }
  const { levelCount } = prepared;
  if (counts && counts.length < levelCount) {
    throw new RangeError(`The counts array holds ${counts.length} levels; the spectrum has ${levelCount}.`);
  }
  const whole = Math.floor(sweeps);
  const fraction = sweeps - whole;
  const coin = fraction > METROPOLIS_COIN_SCAN_ABOVE;
  const tally = counts ? tallyScratch(levelCount) : null;
  for (let s = 0; s < whole; s++) {
    const last = s === whole - 1 && !coin;
    fullSweep(levels, prepared, rng, last ? tally : null);
  }
  if (coin) coinSweep(levels, prepared, fraction, rng, tally);
  if (counts && tally && (coin || whole > 0)) {
    for (let level = 0; level < levelCount; level++) counts[level] = tally[level];
  }
  if (fraction > 0 && !coin) skipSweep(levels, prepared, fraction, rng, counts ?? null);
}

/** Per-level int32 tally for the counting passes, grown as needed and reused (zeroed by each pass). */
let tallyBuffer = new Int32Array(64);

function tallyScratch(levelCount: number): Int32Array {
  if (tallyBuffer.length < levelCount) tallyBuffer = new Int32Array(levelCount);
  return tallyBuffer;
}

/**
 * For a fractional sweep f, above this a coin per particle (two numbers and an attempt for every
 * particle, ≈ 4.3 ms at 10^6 whatever f) is cheaper than one logarithm per chosen particle (geometric
 * skipping, ≈ 15 ns per attempt). Both choose the same random subset law. Crossover measured with
 * bench/dynamics.bench.ts at about 0.28.
 */
export const METROPOLIS_COIN_SCAN_ABOVE = 0.28;

function outOfRange(particle: number, level: number, levelCount: number): RangeError {
  return new RangeError(
    `Particle ${particle} is on level ${level}, but the spectrum has ${levelCount} levels.`,
  );
}

// The sweeps below share one attempt, written out in each loop because V8 will not reliably inline a
// helper that has to update four state locals:
//   u: one sfc32 output (rng.ts's recurrence; state kept in int32 locals and written back at the end
//      or before throwing). Top bit: direction (k = 2·level + bit). Low 31 bits v: accept iff
//      v ≤ limit[k], i.e. the sign bit of limit[k] − v (which fits an int32) is clear.
//   The move is written without a branch: accept/reject is a coin the CPU cannot predict, and a
//   mispredicted branch per particle costs more than an unconditional store.

/**
 * One attempt per particle, in order. With `tally`, also counts the level each particle ends on into
 * tally[0..levelCount) (zeroed first): int32 increments, which V8 does faster than float64 ones.
 *
 * Four particles per iteration: in Node 20, TurboFan repeats a typed array's checks (map, detached
 * buffer, bounds) at every access inside a loop instead of hoisting them, and four attempts in one
 * iteration share them. Measured at 10^6 particles: 3.8 → 2.6 ms. The attempts, their random numbers
 * and their order are exactly those of one particle per iteration. The n mod 4 particles that do not
 * fill a group go first, one at a time, so that nothing but the state write-back follows the groups:
 * on a long first call V8 compiles the loop mid-run (OSR), and in Node 20 code after it that has never
 * run deoptimises on every later call (see AliasTable.fill).
 */
function fullSweep(
  levels: Uint32Array,
  prepared: PreparedMetropolis,
  rng: Rng,
  tally: Int32Array | null,
): void {
  const { neighbour, limit, levelCount } = prepared;
  const n = levels.length;
  if (tally) tally.fill(0, 0, levelCount);
  const state = rng.state;
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  let p = 0;
  const head = n % 4;
  for (; p < head; p++) {
    const level = levels[p];
    if (level >= levelCount) {
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      throw outOfRange(p, level, levelCount);
    }
    const u = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + u) | 0;
    const k = (level << 1) | (u >>> 31);
    const reject = (limit[k] - (u & 0x7fffffff)) >> 31;
    const moved = level ^ ((level ^ neighbour[k]) & ~reject);
    levels[p] = moved;
    if (tally) tally[moved]++;
  }
  for (;;) {
    // The state is written back every STATE_FLUSH particles, for the reason AliasTable.fill gives.
    const stop = Math.min(n, p + STATE_FLUSH);
    for (; p < stop; p += 4) {
      const l0 = levels[p];
      const l1 = levels[p + 1];
      const l2 = levels[p + 2];
      const l3 = levels[p + 3];
      if (l0 >= levelCount || l1 >= levelCount || l2 >= levelCount || l3 >= levelCount) {
        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = counter;
        throwInGroup(levels, prepared, rng, p);
      }
      let u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      let k = (l0 << 1) | (u >>> 31);
      const m0 = l0 ^ ((l0 ^ neighbour[k]) & ~((limit[k] - (u & 0x7fffffff)) >> 31));
      levels[p] = m0;
      u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      k = (l1 << 1) | (u >>> 31);
      const m1 = l1 ^ ((l1 ^ neighbour[k]) & ~((limit[k] - (u & 0x7fffffff)) >> 31));
      levels[p + 1] = m1;
      u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      k = (l2 << 1) | (u >>> 31);
      const m2 = l2 ^ ((l2 ^ neighbour[k]) & ~((limit[k] - (u & 0x7fffffff)) >> 31));
      levels[p + 2] = m2;
      u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      k = (l3 << 1) | (u >>> 31);
      const m3 = l3 ^ ((l3 ^ neighbour[k]) & ~((limit[k] - (u & 0x7fffffff)) >> 31));
      levels[p + 3] = m3;
      if (tally) {
        tally[m0]++;
        tally[m1]++;
        tally[m2]++;
        tally[m3]++;
      }
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = counter;
    if (p >= n) return;
  }
}

/**
 * A group of four from `start` holds a level out of range: makes the attempts before it one at a
 * time, through `rng` (whose state the caller has written back), so that those particles move as
 * they would have, then throws for it.
 */
function throwInGroup(levels: Uint32Array, prepared: PreparedMetropolis, rng: Rng, start: number): never {
  const { neighbour, limit, levelCount } = prepared;
  for (let p = start; ; p++) {
    const level = levels[p];
    if (level >= levelCount) throw outOfRange(p, level, levelCount);
    const u = rng.nextUint32() | 0;
    const k = (level << 1) | (u >>> 31);
    if ((limit[k] - (u & 0x7fffffff)) >> 31 === 0) levels[p] = neighbour[k];
  }
}

/**
 * One attempt for each particle independently with probability f: a coin (one more number) each.
 * With `tally`, counts the level each particle ends on, as fullSweep does.
 */
function coinSweep(
  levels: Uint32Array,
  prepared: PreparedMetropolis,
  f: number,
  rng: Rng,
  tally: Int32Array | null,
): void {
  const { neighbour, limit, levelCount } = prepared;
  const n = levels.length;
  if (tally) tally.fill(0, 0, levelCount);
  // Attempt when the coin's top 31 bits are below f·2^31 (to the nearest 2^−31; capped so that
  // f just below 1 still fits). The difference of two numbers in [0, 2^31) fits an int32, and its
  // sign bit is "attempt".
  const coinLimit = Math.min(Math.round(f * 2147483648), 2147483647);
  const state = rng.state;
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  for (let p = 0; p < n; p++) {
    const level = levels[p];
    if (level >= levelCount) {
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      throw outOfRange(p, level, levelCount);
    }
    const coin = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + coin) | 0;
    const u = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + u) | 0;
    const k = (level << 1) | (u >>> 31);
    // Sign bit set (−1) when the Metropolis test rejects or the coin says "no attempt".
    const reject = ((limit[k] - (u & 0x7fffffff)) | ~((coin >>> 1) - coinLimit)) >> 31;
    const moved = level ^ ((level ^ neighbour[k]) & ~reject);
    levels[p] = moved;
    if (tally) tally[moved]++;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = counter;
}

/**
 * One attempt for each particle independently with probability f, for small f: the gaps between
 * chosen particles are independent Geometric(f) numbers, drawn by inversion ⌊ln U / ln(1 − f)⌋, so
 * the cost is proportional to f·N.
 */
function skipSweep(
  levels: Uint32Array,
  prepared: PreparedMetropolis,
  f: number,
  rng: Rng,
  counts: Float64Array | null,
): void {
  const { neighbour, limit, levelCount } = prepared;
  const n = levels.length;
  const inverseLogKeep = 1 / Math.log1p(-f);
  const state = rng.state;
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  let p = -1;
  for (;;) {
    const gap = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + gap) | 0;
    // U = (gap + 1/2) / 2^32 lies strictly inside (0, 1), so the logarithm is finite.
    p += 1 + Math.floor(Math.log(((gap >>> 0) + 0.5) * 2.3283064365386963e-10) * inverseLogKeep);
    if (p >= n) break;
    const level = levels[p];
    if (level >= levelCount) {
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = counter;
      throw outOfRange(p, level, levelCount);
    }
    const u = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + u) | 0;
    const k = (level << 1) | (u >>> 31);
    const reject = (limit[k] - (u & 0x7fffffff)) >> 31;
    const moved = level ^ ((level ^ neighbour[k]) & ~reject);
    levels[p] = moved;
    if (counts) {
      // Unconditional, like the move: a rejected attempt takes one from a level and gives it back.
      counts[level]--;
      counts[moved]++;
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = counter;
}
