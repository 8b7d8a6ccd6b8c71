/**
 * The Boltzmann distribution p_i = g_i e^{-E_i/T} / Z, and temperature sampling of a language model,
 * which is the same distribution with E_i = −ln p_i and g_i = 1.
 *
 * Everything is computed at inverse temperature β = 1/T. β passes smoothly through 0 (T = ±∞), and
 * JavaScript's 1/T already maps T = +0 to β = +∞ and T = −0 to β = −∞, so the temperature limits need
 * no cases of their own: β = ±0 and β = ±∞ are handled once, in the β domain.
 *
 * Error messages name levels and tokens by their 0-based index in the array they came from.
 */
import { InputError } from './errors.ts';

/** What a scan of a valid spectrum learns: the extreme energies among the levels that can be populated. */
export interface SpectrumRange {
  /** The lowest energy among accessible levels (finite energy and g > 0). */
  lowest: number;
  /** The highest finite energy among accessible levels. */
  highest: number;
  /** How many levels are accessible. */
  accessible: number;
}

/** The normalisation a fill produced, from which ln Z and the thermodynamics follow without a second pass. */
export interface BoltzmannNormalization {
  /** The energy the exponents were measured from: the lowest accessible level for β ≥ +0, the highest for β ≤ −0. */
  referenceEnergy: number;
  /** ln Σ_i g_i e^{−β (E_i − E_ref)}; always finite, so ln Z = logNormalizer − β E_ref. */
  logNormalizer: number;
}

/** The probabilities must sum to 1 within this (absolute) difference. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * Checks a spectrum and returns the energy range of its accessible levels. Throws InputError on an empty
 * spectrum, mismatched lengths, a NaN or −∞ energy, a NaN, infinite or negative degeneracy, or a
 * spectrum where no level is accessible (every energy +∞ or every degeneracy 0).
 */
export function validateSpectrum(
  energies: ArrayLike<number>,
  degeneracies?: ArrayLike<number>,
): SpectrumRange {
  const n = energies.length;
  if (n === 0) throw new InputError('spectrum.noLevels', {});
  if (degeneracies !== undefined && degeneracies.length !== n) {
    throw new InputError('spectrum.degeneracyCount', { energies: n, degeneracies: degeneracies.length });
  }
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  let accessible = 0;
  for (let i = 0; i < n; i++) {
    const e = energies[i];
    if (Number.isNaN(e)) throw new InputError('spectrum.energyNaN', { level: i });
    if (e === Number.NEGATIVE_INFINITY) {
      // Such a level would take all the weight at every temperature and leave Z infinite.
      throw new InputError('spectrum.energyMinusInfinity', { level: i });
    }
    let g = 1;
    if (degeneracies !== undefined) {
      g = degeneracies[i];
      if (Number.isNaN(g)) throw new InputError('spectrum.degeneracyNaN', { level: i });
      if (g < 0) throw new InputError('spectrum.degeneracyNegative', { level: i, value: g });
      if (g === Number.POSITIVE_INFINITY) {
        throw new InputError('spectrum.degeneracyInfinite', { level: i });
      }
    }
    if (g === 0 || e === Number.POSITIVE_INFINITY) continue;
    accessible++;
    if (e < lowest) lowest = e;
    if (e > highest) highest = e;
  }
  if (accessible === 0) {
    throw new InputError('spectrum.nothingPopulated', {});
  }
  return { lowest, highest, accessible };
}

/** `beta`: the value is the inverse temperature β rather than T. */
function checkTemperature(temperature: number, beta: boolean): void {
  if (Number.isNaN(temperature)) throw new InputError('temperature.notANumber', { beta });
}

function outputFor(n: number, out: Float64Array | undefined): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (out.length !== n) throw new RangeError(`Output array has length ${out.length}, expected ${n}.`);
  return out;
}

/**
 * The engine: validates, writes p_i into `out` and returns the normalisation. `out` may be the
 * `energies` array itself (each energy is read before its slot is overwritten), which is how
 * temperatureSoftmax avoids a second allocation. β must not be NaN.
 */
export function fillBoltzmannAtBeta(
  energies: ArrayLike<number>,
  beta: number,
  degeneracies: ArrayLike<number> | undefined,
  out: Float64Array,
): BoltzmannNormalization {
  const range = validateSpectrum(energies, degeneracies);
  const n = energies.length;
  // Measuring from the level that dominates as |β| → ∞ makes every exponent ≤ 0 before the degeneracy,
  // so the only thing left to overflow is the gap itself, handled below.
  const inverted = beta < 0 || Object.is(beta, -0);
  const reference = inverted ? range.highest : range.lowest;
  const halfReference = reference * 0.5;
  const magnitude = Math.abs(beta);
  if (magnitude === 0 || magnitude === Number.POSITIVE_INFINITY) {
    return fillFlat(energies, degeneracies, magnitude === 0 ? undefined : reference, out, reference);
  }

  let maxLog = Number.NEGATIVE_INFINITY;
  let maxIndex = 0;
  for (let i = 0; i < n; i++) {
    const e = energies[i];
    const g = degeneracies === undefined ? 1 : degeneracies[i];
    if (g === 0 || e === Number.POSITIVE_INFINITY) {
      out[i] = Number.NEGATIVE_INFINITY;
      continue;
    }
    // Halving first keeps the gap finite even for energies spanning ±1.8e308; doubling after the
    // product can only overflow to +∞, which correctly means "unpopulated".
    const halfGap = inverted ? halfReference - e * 0.5 : e * 0.5 - halfReference;
    let reduced = halfGap * magnitude;
    reduced += reduced;
    const x = (g === 1 ? 0 : Math.log(g)) - reduced;
    out[i] = x;
    if (x > maxLog) {
      maxLog = x;
      maxIndex = i;
    }
  }

  // maxLog is finite: the reference level has reduced = 0 and a finite ln g. The largest term is exactly 1;
  // summing the rest apart lets log1p keep full relative precision in ln Z (and so in S) when T is low.
  out[maxIndex] = Number.NEGATIVE_INFINITY;
  let rest = 0;
  for (let i = 0; i < n; i++) {
    const d = out[i] - maxLog;
    // e^d underflows to 0 below about −745; skipping the call there is most of the speed on long ladders.
    const w = d < -746 ? 0 : Math.exp(d);
    out[i] = w;
    rest += w;
  }
  out[maxIndex] = 1;
  const sum = 1 + rest;
  // sum ≥ 1, so the division is safe and every result lies in [0, 1].
  for (let i = 0; i < n; i++) out[i] /= sum;
  return { referenceEnergy: reference, logNormalizer: maxLog + Math.log1p(rest) };
}

const TWO_POW_MINUS_64 = 2 ** -64;

/**
 * β = 0 and β = ±∞: p_i = g_i / Σg over the accessible levels (`only` undefined) or over the levels at
 * energy `only`. Dividing the degeneracies directly, rather than going through logs, makes the shares
 * exact (3 and 1 give 0.75 and 0.25) and avoids ∞ · 0 in β (E − E_ref).
 */
function fillFlat(
  energies: ArrayLike<number>,
  degeneracies: ArrayLike<number> | undefined,
  only: number | undefined,
  out: Float64Array,
  reference: number,
): BoltzmannNormalization {
  const n = energies.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = energies[i];
    const inSupport = only === undefined ? e !== Number.POSITIVE_INFINITY : e === only;
    const g = inSupport ? (degeneracies === undefined ? 1 : degeneracies[i]) : 0;
    out[i] = g;
    sum += g;
  }
  let logScale = 0;
  if (sum === Number.POSITIVE_INFINITY) {
    // Σg beyond the double range: a power-of-two rescale is exact and brings it back for any n < 2^64.
    sum = 0;
    for (let i = 0; i < n; i++) {
      out[i] *= TWO_POW_MINUS_64;
      sum += out[i];
    }
    logScale = 64 * Math.LN2;
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return { referenceEnergy: reference, logNormalizer: Math.log(sum) + logScale };
}

/**
 * The Boltzmann distribution at inverse temperature β = 1/T (k_B = 1). β = ±0 gives p ∝ g, β = +∞ puts
 * everything on the lowest accessible level(s), β = −∞ on the highest finite one(s), ties shared in
 * proportion to g. Pass `out` to reuse an array between frames.
 */
export function boltzmannProbabilitiesAtBeta(
  energies: ArrayLike<number>,
  beta: number,
  degeneracies?: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkTemperature(beta, true);
  const result = outputFor(energies.length, out);
  fillBoltzmannAtBeta(energies, beta, degeneracies, result);
  return result;
}

/**
 * p_i = g_i e^{−E_i/T} / Z (k_B = 1). Exact in every limit: T = +0 (or a T so small that 1/T
 * overflows) gives the ground level(s), T = −0 the top finite level(s), T = ±∞ gives p ∝ g, and T < 0
 * inverts the populations. Levels with E = +∞ or g = 0 get exactly 0 at every T.
 */
export function boltzmannProbabilities(
  energies: ArrayLike<number>,
  temperature: number,
  degeneracies?: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  checkTemperature(temperature, false);
  const result = outputFor(energies.length, out);
  fillBoltzmannAtBeta(energies, 1 / temperature, degeneracies, result);
  return result;
}

/**
 * Checks that `probabilities` is a distribution: non-empty, every entry finite and ≥ 0, and the sum
 * within PROBABILITY_SUM_TOLERANCE of 1. Throws InputError otherwise. Returns the sum.
 */
export function validateProbabilities(probabilities: ArrayLike<number>): number {
  const n = probabilities.length;
  if (n === 0) throw new InputError('probabilities.none', {});
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    if (Number.isNaN(p)) throw new InputError('probabilities.notANumber', { index: i });
    if (p < 0) throw new InputError('probabilities.negative', { index: i, value: p });
    if (p === Number.POSITIVE_INFINITY) {
      throw new InputError('probabilities.infinite', { index: i });
    }
    sum += p;
  }
  if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) {
    throw new InputError('probabilities.sum', { sum, tolerance: PROBABILITY_SUM_TOLERANCE });
  }
  return sum;
}

/**
 * Temperature sampling: p'_i = softmax(ln p_i / t), which is the Boltzmann distribution at T = t of
 * energies E_i = −ln p_i (E = +∞ where p = 0, so those tokens stay at exactly 0 for every t).
 * t = 1 returns p; t → 0+ is argmax with ties shared equally; t → 0− puts everything on the least
 * likely token(s) with p > 0; t = ±∞ is uniform over tokens with p > 0.
 */
export function temperatureSoftmax(
  probabilities: ArrayLike<number>,
  t: number,
  out?: Float64Array,
): Float64Array {
  const sum = validateProbabilities(probabilities);
  checkTemperature(t, false);
  const n = probabilities.length;
  const result = outputFor(n, out);
  if (t === 1) {
    // softmax(ln p) is p itself; skipping the log/exp round trip avoids its ~1e-13 error on tiny p.
    for (let i = 0; i < n; i++) result[i] = probabilities[i] / sum;
    return result;
  }
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    result[i] = p === 0 ? Number.POSITIVE_INFINITY : -Math.log(p);
  }
  fillBoltzmannAtBeta(result, 1 / t, undefined, result);
  return result;
}

/** Shannon entropy −Σ p ln p in nats (entries equal to 0 contribute 0). Validates like validateProbabilities. */
export function entropyNats(probabilities: ArrayLike<number>): number {
  validateProbabilities(probabilities);
  let h = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (p > 0) h -= p * Math.log(p);
  }
  // Rounding can leave −1e-17 for a one-hot distribution; entropy is never negative.
  return Math.max(h, 0);
}

/** Entropy in bits: nats / ln 2. */
export function entropyBits(probabilities: ArrayLike<number>): number {
  return entropyNats(probabilities) / Math.LN2;
}

/** e^H: the effective number of equally likely choices (1 for a certain outcome, k for uniform over k). */
export function perplexity(probabilities: ArrayLike<number>): number {
  return Math.exp(entropyNats(probabilities));
}
