/**
 * Thermodynamics of a discrete spectrum in the canonical ensemble (k_B = 1):
 *   ln Z,  U = ⟨E⟩,  C = (⟨E²⟩ − ⟨E⟩²)/T²,  S = −Σ p ln(p/g) = ln Z + U/T,  F = −T ln Z = U − T S.
 *
 * All of it is read off the normalisation the distribution engine already computed, measured from a
 * reference level, so nothing overflows at extreme energies or temperatures and nothing is NaN.
 *
 * Conventions in the limits (these are the limits of the formulas, not special definitions):
 * - T = ±0: U = F = energy of the occupied ground (top, for −0) level, S = ln of its total degeneracy,
 *   C = 0; logZ = −E_ref/T is −∞ or +∞ unless that energy is exactly 0 (then ln g).
 * - T = ±∞: p ∝ g, S = ln Σg, C = 0 (Var/T² → 0), logZ = ln Σg, and F = −T ln Σg is −∞ at T = +∞ and
 *   +∞ at T = −∞. When Σg is exactly 1 (one state), F = U instead.
 * - Only ln Z and F can be infinite away from those limits, and only when their true value exceeds the
 *   double range (e.g. E/T beyond 1.8e308); U, C and S are always finite.
 */
import { type BoltzmannNormalization, fillBoltzmannAtBeta } from './distribution.ts';
import { InputError } from './errors.ts';

export interface Thermodynamics {
  /** ln Z. May be ±∞ at T = ±0 or when |E/T| exceeds the double range; never NaN. */
  logZ: number;
  /** U = ⟨E⟩. */
  meanEnergy: number;
  /** C = Var(E)/T², always ≥ 0 and finite. */
  heatCapacity: number;
  /** S = −Σ p ln(p/g) in nats (the Gibbs entropy over states). */
  entropy: number;
  /**
   * F = −T ln Z = U − T S. ∓∞ at T = ±∞ (see the module notes), and ±∞ when the true value is beyond
   * the double range (|T ln Z| > 1.8e308); finite otherwise, including at T = ±0.
   */
  freeEnergy: number;
}

/** `beta`: the value is the inverse temperature β rather than T. */
function checkNumber(value: number, beta: boolean): void {
  if (Number.isNaN(value)) throw new InputError('temperature.notANumber', { beta });
}

function scratchFor(n: number, out: Float64Array | undefined): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (out.length !== n) throw new RangeError(`Output array has length ${out.length}, expected ${n}.`);
  return out;
}

function logZFrom(norm: BoltzmannNormalization, beta: number): number {
  // ln Z = ln Σ g e^{−β(E−E_ref)} − β E_ref; the guard avoids ∞ · 0 when the reference energy is 0 at T = ±0.
  return norm.referenceEnergy === 0 ? norm.logNormalizer : norm.logNormalizer - beta * norm.referenceEnergy;
}

function compute(
  energies: ArrayLike<number>,
  beta: number,
  temperature: number,
  degeneracies: ArrayLike<number> | undefined,
  p: Float64Array,
): Thermodynamics {
  const norm = fillBoltzmannAtBeta(energies, beta, degeneracies, p);
  const reference = norm.referenceEnergy;
  const logNormalizer = norm.logNormalizer;
  const n = energies.length;
  const frozen = beta === Number.POSITIVE_INFINITY || beta === Number.NEGATIVE_INFINITY;

  // Half-gaps from the reference stay finite for any pair of finite energies, and only populated levels
  // enter (an E = +∞ level has p = 0, and 0 · ∞ would be NaN).
  const halfReference = reference * 0.5;
  let halfShift = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    if (pi > 0) halfShift += pi * (energies[i] * 0.5 - halfReference);
  }
  // Adding halves before doubling cannot overflow: U/2 lies between two halved energies.
  const meanEnergy = 2 * (halfReference + halfShift);

  // C = β² Var(E), summed as (β (E − U))² around U so a large common offset in the energies costs no
  // precision. Populated levels have |β (E − U)| of a few thousand at most, so the square is finite.
  let heatCapacity = 0;
  if (!frozen && beta !== 0) {
    const halfMean = meanEnergy * 0.5;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const pi = p[i];
      if (pi > 0) {
        const h = beta * (energies[i] * 0.5 - halfMean);
        sum += pi * h * h;
      }
    }
    heatCapacity = 4 * sum;
  }

  // S = ln Z + βU = logNormalizer + β (U − E_ref); the second term is ⟨β(E − E_ref)⟩ ≥ 0 over populated
  // levels, which is 0 exactly when T = ±0 (all weight on the reference) or T = ±∞.
  const excitation = frozen ? 0 : beta * halfShift * 2;
  const entropy = logNormalizer + excitation;

  let freeEnergy: number;
  if (temperature === Number.POSITIVE_INFINITY || temperature === Number.NEGATIVE_INFINITY) {
    // −T ln Z with ln Z → ln Σg: infinite unless Σg = 1, where the next order, U, is the whole answer.
    freeEnergy = logNormalizer === 0 ? meanEnergy : -temperature * logNormalizer;
  } else {
    // −T ln Z = E_ref − T · logNormalizer; at T = ±0 this is exactly the reference energy.
    freeEnergy = reference - temperature * logNormalizer;
  }

  return { logZ: logZFrom(norm, beta), meanEnergy, heatCapacity, entropy, freeEnergy };
}

/**
 * ln Z, U, C, S and F at temperature T (k_B = 1); finite at T = ±0 and consistent at T = ±∞ (see the
 * module notes). Pass `probabilities` (length = number of levels) to receive p_i as well, so a caller that
 * needs both does one pass instead of two.
 */
export function thermodynamics(
  energies: ArrayLike<number>,
  temperature: number,
  degeneracies?: ArrayLike<number>,
  probabilities?: Float64Array,
): Thermodynamics {
  checkNumber(temperature, false);
  return compute(
    energies,
    1 / temperature,
    temperature,
    degeneracies,
    scratchFor(energies.length, probabilities),
  );
}

/** thermodynamics at inverse temperature β = 1/T; β = ±0 is T = ±∞ and β = ±∞ is T = ±0. */
export function thermodynamicsAtBeta(
  energies: ArrayLike<number>,
  beta: number,
  degeneracies?: ArrayLike<number>,
  probabilities?: Float64Array,
): Thermodynamics {
  checkNumber(beta, true);
  return compute(energies, beta, 1 / beta, degeneracies, scratchFor(energies.length, probabilities));
}

/** ln Z = ln Σ g_i e^{−E_i/T}, by log-sum-exp. ±∞ at T = ±0 unless the dominant energy is 0. */
export function logPartitionFunction(
  energies: ArrayLike<number>,
  temperature: number,
  degeneracies?: ArrayLike<number>,
): number {
  checkNumber(temperature, false);
  return logPartitionFunctionAtBeta(energies, 1 / temperature, degeneracies);
}

/** ln Z at inverse temperature β. */
export function logPartitionFunctionAtBeta(
  energies: ArrayLike<number>,
  beta: number,
  degeneracies?: ArrayLike<number>,
): number {
  checkNumber(beta, true);
  const norm = fillBoltzmannAtBeta(energies, beta, degeneracies, new Float64Array(energies.length));
  return logZFrom(norm, beta);
}
