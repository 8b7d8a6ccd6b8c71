/**
 * The Einstein solid: N oscillators share q quanta (ε = 1). No temperature is imposed; quanta simply
 * hop between oscillators at random. Yet a single oscillator's number of quanta ends up distributed
 * as Boltzmann with 1/T = ln(1 + N/q) — the microcanonical origin of the softmax.
 *
 * A microstate is the vector (n_1, …, n_N) with Σ n_k = q; there are C(q + N − 1, N − 1) of them.
 *
 * The move: pick a donor i uniformly from all N oscillators; if n_i ≥ 1, move one quantum to a
 * receiver j picked uniformly from all N (j = i changes nothing); otherwise nothing happens.
 * Why the stationary distribution is uniform over microstates: a move that changes the microstate
 * takes s to s' = s − e_i + e_j (i ≠ j) with probability (1/N)(1/N), needing only n_i ≥ 1. The reverse
 * move s' → s takes a quantum from j back to i, which needs n'_j = n_j + 1 ≥ 1 — always true — and
 * also has probability (1/N)(1/N). So the transition matrix is symmetric, hence doubly stochastic, and
 * the uniform distribution is stationary. Any microstate can reach any other by single-quantum moves
 * (irreducible), and moves that change nothing (empty donor, j = i) make it aperiodic, so the chain
 * converges to that uniform distribution from any start.
 *
 * Counting microstates then gives one oscillator's marginal: fixing n_1 = n leaves q − n quanta among
 * N − 1 oscillators, so P(n) = C(q − n + N − 2, N − 2) / C(q + N − 1, N − 1). For large N and q this
 * tends to the geometric distribution (1 − x) xⁿ with x = q/(q + N), i.e. Boltzmann e^{−n/T}/Z with
 * 1/T = ln((q + N)/q) = ln(1 + N/q).
 */
import { InputError } from '../errors.ts';
import type { Rng } from '../rng.ts';

/** The most oscillators: drawing an index exactly (below) needs u · N < 2^53 for every 32-bit u. */
export const MAX_OSCILLATORS = 2097152; // 2^21
/** The most quanta: one oscillator may hold all of them, and the step relies on counts below 2^31. */
export const MAX_QUANTA = 2147483647; // 2^31 − 1

export interface EinsteinSolid {
  readonly oscillators: number;
  readonly totalQuanta: number;
  /**
   * Quanta on each oscillator. This is also each oscillator's level index on the ladder E_n = n ε,
   * so the view can draw it exactly like the particles of the other dynamics.
   */
  readonly quanta: Uint32Array;
}

/**
 * How the quanta start out.
 * - 'even': ⌊q/N⌋ each, and the q mod N left over go to distinct oscillators chosen at random (the
 *   most ordered start, far from equilibrium: watch the histogram spread into an exponential).
 * - 'concentrated': every quantum on oscillator 0.
 * - 'equilibrium': a microstate drawn uniformly (the stationary distribution itself, by "stars and
 *   bars": the positions of N − 1 bars among q + N − 1 slots). Costs one random number per slot,
 *   O(q + N): about 0.13 s for N = 10^6, q = 10^7, so meant for a "skip to equilibrium" button.
 */
export type EinsteinStart = 'even' | 'concentrated' | 'equilibrium';

function checkOscillators(oscillators: number): void {
  if (!Number.isInteger(oscillators) || oscillators < 1 || oscillators > MAX_OSCILLATORS) {
    throw new InputError('einstein.oscillators', { limit: MAX_OSCILLATORS, got: String(oscillators) });
  }
}

function checkQuanta(quanta: number): void {
  if (!Number.isInteger(quanta) || quanta < 0 || quanta > MAX_QUANTA) {
    throw new InputError('einstein.quanta', { limit: MAX_QUANTA, got: String(quanta) });
  }
}

/**
 * Selection sampling (Knuth's Algorithm S): calls `chosen(t)` for `k` slots t of 0..m−1 chosen
 * uniformly among all k-subsets, in increasing order. Slot t is taken with probability
 * (still needed)/(slots left), which makes every subset equally likely.
 */
function selectSorted(m: number, k: number, rng: Rng, chosen: (slot: number) => void): void {
  let needed = k;
  for (let t = 0; t < m && needed > 0; t++) {
    if ((m - t) * rng.nextFloat() < needed) {
      chosen(t);
      needed--;
    }
  }
}

/**
 * N oscillators sharing q quanta. Throws InputError unless N is a whole number in [1, 2^21] and q a
 * whole number in [0, 2^31 − 1]. The rng is used only by the 'even' and 'equilibrium' starts.
 */
export function createEinsteinSolid(
  oscillators: number,
  quanta: number,
  rng: Rng,
  start: EinsteinStart = 'even',
): EinsteinSolid {
  checkOscillators(oscillators);
  checkQuanta(quanta);
  const perOscillator = new Uint32Array(oscillators);
  if (start === 'even') {
    const base = Math.floor(quanta / oscillators);
    perOscillator.fill(base);
    selectSorted(oscillators, quanta - base * oscillators, rng, (k) => {
      perOscillator[k]++;
    });
  } else if (start === 'concentrated') {
    perOscillator[0] = quanta;
  } else if (start === 'equilibrium') {
    // Slots 0..q+N−2 hold q stars and N − 1 bars; oscillator k gets the stars between bar k−1 and
    // bar k. Uniform bar positions give a uniform microstate.
    let oscillator = 0;
    let previousBar = -1;
    selectSorted(quanta + oscillators - 1, oscillators - 1, rng, (slot) => {
      perOscillator[oscillator++] = slot - previousBar - 1;
      previousBar = slot;
    });
    perOscillator[oscillator] = quanta + oscillators - 2 - previousBar;
  } else {
    throw new InputError('einstein.start', { start: String(start) });
  }
  return { oscillators, totalQuanta: quanta, quanta: perOscillator };
}

/**
 * Performs `moves` attempted moves in place (see the module comment; an attempt whose donor is empty
 * does nothing but still counts). `moves` must be a whole number ≥ 0 (InputError otherwise).
 * N moves give every oscillator one donor chance on average, a natural "sweep" per frame.
 */
export function einsteinStep(solid: EinsteinSolid, moves: number, rng: Rng): void {
  if (!Number.isSafeInteger(moves) || moves < 0) {
    throw new InputError('einstein.moves', { got: String(moves) });
  }
  const q = solid.quanta;
  const n = q.length;
  // Uniform index in [0, n) by Lemire's multiply-shift with rejection: x = u·n (exact, < 2^53) is
  // split into high = ⌊x / 2^32⌋ (the index) and low = x mod 2^32; rejecting low < 2^32 mod n removes
  // the small excess some indices would otherwise get (up to n/2^32 relative: 2e-4 at 10^6),
  // so the choice is exactly uniform, as the stationarity argument requires. Rejection is rare.
  const reject = 4294967296 % n;
  const state = rng.state;
  // sfc32 state in locals: rng.ts's recurrence inlined, written back at the end.
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  let u = 0;
  let x = 0;
  for (let m = 0; m < moves; m++) {
    let i = 0;
    do {
      u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      x = (u >>> 0) * n;
      i = (x * 2.3283064365386963e-10) | 0; // < 2^21, so | 0 is the floor
    } while (x - i * 4294967296 < reject);
    let j = 0;
    do {
      u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      x = (u >>> 0) * n;
      j = (x * 2.3283064365386963e-10) | 0;
    } while (x - j * 4294967296 < reject);
    // Without a branch: whether the donor is empty is a coin flip the CPU cannot predict, so the
    // receiver is always drawn and `has` (1 if n_i ≥ 1, else 0) is moved. For i = j the two lines
    // cancel, as they should.
    const donor = q[i];
    const has = -donor >>> 31; // exact because donor ≤ MAX_QUANTA < 2^31
    q[i] = donor - has;
    q[j] += has;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = counter;
}

/**
 * Puts the oscillators on a drawn ladder of counts.length levels whose top level also holds every
 * oscillator with more quanta (a drawn ladder is finite; the quanta are not): levels[k] = min(n_k, top)
 * with top = counts.length − 1, and counts[l] = how many oscillators are on level l. One sequential
 * pass, meant once per step. Tracking the two oscillators of every move instead would cost each move
 * more than this pass costs per oscillator (measured at N = 10^6: about twice the plain step, against
 * a few milliseconds), and the levels need a pass anyway.
 */
export function placeOnLadder(solid: EinsteinSolid, levels: Uint32Array, counts: Float64Array): void {
  if (levels.length !== solid.oscillators || counts.length === 0) {
    throw new RangeError(
      `${levels.length} levels for ${solid.oscillators} oscillators, on a ladder of ${counts.length} levels.`,
    );
  }
  const q = solid.quanta;
  const top = counts.length - 1;
  counts.fill(0);
  for (let k = 0; k < q.length; k++) {
    const level = Math.min(q[k], top);
    levels[k] = level;
    counts[level]++;
  }
}

/**
 * The temperature the solid settles at in the large-N limit, T = ε / ln(1 + N/q) (ε = 1, k_B = 1).
 * q = 0 gives 0 (everything in the ground state).
 */
export function einsteinTemperature(oscillators: number, quanta: number): number {
  checkOscillators(oscillators);
  checkQuanta(quanta);
  return 1 / Math.log1p(oscillators / quanta);
}

/**
 * The exact finite-size distribution of one oscillator's quanta under the uniform distribution over
 * microstates: entry n (n < nMax) is P(n) = C(q − n + N − 2, N − 2) / C(q + N − 1, N − 1), and the
 * last entry, nMax, pools the tail P(n ≥ nMax) = C(q − nMax + N − 1, N − 1) / C(q + N − 1, N − 1)
 * (fix nMax quanta on the oscillator and share the rest freely). Length nMax + 1, the same bins as
 * einsteinHistogram, so the two go straight into chiSquareTest.
 *
 * The binomials overflow long before realistic N and q, so nothing is computed as a binomial. Nor as
 * a difference of ln Γ: at N ~ 10^6 those are ~10^7 and their difference keeps only ~10 digits (the
 * result summed to 1 + 3e-10). Instead the tail T(n) = P(n' ≥ n) follows the exact ratio
 * T(n + 1) = T(n) · (q − n)/(q − n + N − 1) from T(0) = 1, and P(n) = T(n) − T(n + 1)
 * = T(n) · (N − 1)/(q − n + N − 1). Every factor lies in [0, 1], so nothing overflows; the relative
 * error grows only like n·2^−53; and T underflows to 0 only where the true value is below 1e-308.
 * The bins sum to 1 to rounding, because P(n) + T(n + 1) = T(n) telescopes.
 */
export function einsteinMarginal(
  oscillators: number,
  quanta: number,
  nMax: number,
  out?: Float64Array,
): Float64Array {
  checkOscillators(oscillators);
  checkQuanta(quanta);
  checkNMax(nMax);
  const result = histogramOutput(nMax, out);
  result.fill(0);
  if (oscillators === 1) {
    // One oscillator holds everything (the ratio below would be 0/0 at n = q).
    result[Math.min(quanta, nMax)] = 1;
    return result;
  }
  const others = oscillators - 1;
  let tail = 1; // T(n)
  for (let n = 0; n < nMax && n <= quanta; n++) {
    const slots = quanta - n + others;
    result[n] = (tail * others) / slots;
    tail *= (quanta - n) / slots; // becomes exactly 0 at n = q: nobody holds more than q
  }
  result[nMax] = tail;
  return result;
}

/**
 * The Boltzmann distribution at the solid's temperature 1/T = ln(1 + N/q) on the ladder E_n = n + 1/2,
 * in the bins of einsteinMarginal: entry n (n < nMax) is (1 − x) xⁿ with x = e^{−1/T} = q/(q + N), and
 * entry nMax pools the tail x^nMax. It is the large-N limit of einsteinMarginal (which is exact for
 * finite N: the two differ by O(1/N), e.g. P(0) = (N − 1)/(q + N − 1) against N/(q + N)).
 */
export function einsteinBoltzmann(
  oscillators: number,
  quanta: number,
  nMax: number,
  out?: Float64Array,
): Float64Array {
  checkOscillators(oscillators);
  checkQuanta(quanta);
  checkNMax(nMax);
  const result = histogramOutput(nMax, out);
  const x = quanta / (quanta + oscillators);
  let power = 1; // xⁿ
  for (let n = 0; n < nMax; n++) {
    result[n] = (1 - x) * power;
    power *= x;
  }
  result[nMax] = power;
  return result;
}

function checkNMax(nMax: number): void {
  if (!Number.isInteger(nMax) || nMax < 0 || nMax > 1e7) {
    throw new InputError('einstein.histogramBin', { got: String(nMax) });
  }
}

function histogramOutput(nMax: number, out: Float64Array | undefined): Float64Array {
  if (out === undefined) return new Float64Array(nMax + 1);
  if (out.length !== nMax + 1) {
    throw new RangeError(`Output array has length ${out.length}, expected ${nMax + 1}.`);
  }
  return out;
}

/**
 * How many oscillators hold n quanta, for n = 0..nMax − 1, with the last entry (nMax) counting every
 * oscillator with nMax or more (overflow pooled). Pass `out` (length nMax + 1) to reuse an array
 * between frames; it is overwritten, not added to.
 */
export function einsteinHistogram(quanta: ArrayLike<number>, nMax: number, out?: Float64Array): Float64Array {
  checkNMax(nMax);
  const result = histogramOutput(nMax, out);
  result.fill(0);
  for (let k = 0; k < quanta.length; k++) {
    const n = quanta[k];
    result[Math.min(n, nMax)]++;
  }
  return result;
}
