/** Texts several screens show on readouts and axes. */
import type { Thermodynamics } from '../../core/thermodynamics.ts';
import type { Strings } from '../../strings/en.ts';
import { formatNumber, texNumber } from './format.ts';

/** Short labels for the histogram axis: the quantum number without its name ("n = 3" → "3"). */
export function axisLabel(label: string): string {
  const match = /^[A-Za-zν_ ]+\s*=\s*(.+)$/.exec(label);
  return match ? match[1] : label;
}

/**
 * Z as a reader should see it, as text for setMathText (it may hold a formula). ln Z can be far beyond double range (hydrogen at low T): Z is shown as
 * e^{ln Z} then. At T = ±0 the engine's ln Z is exactly ±∞ unless the occupied level has E = 0, because Z
 * is Σ g e^(−E/T) with the energies as given (not measured from the ground level): Z → g₀·e^(−E₀/T),
 * which is 0 for E₀ > 0 (the oscillator's ½ħω, every token's −ln p), g₀ for E₀ = 0, ∞ for E₀ < 0. Its
 * value is that limit, with the g₀ and E₀ it comes from; at T = ±0 the engine's S is ln g₀ and ⟨E⟩ is E₀.
 */
export function formatPartitionFunction(thermo: Thermodynamics, strings: Strings): string {
  const { logZ } = thermo;
  if (Number.isNaN(logZ)) return '—';
  if (Math.abs(logZ) < 700) return formatNumber(Math.exp(logZ), 5);
  if (Number.isFinite(logZ)) return `$e^{${texNumber(formatNumber(logZ, 6))}}$`;
  return strings.partitionLimit(
    logZ > 0 ? '∞' : '0',
    formatNumber(Math.exp(thermo.entropy), 4),
    formatNumber(thermo.meanEnergy, 4),
  );
}
