/**
 * Temperatures and energies as the physics readouts write them: in the chosen display unit, or, when that
 * is the system's own, as a number followed by the system's symbol (ε, ħω). Decimal commas in Russian.
 */
import {
  type DisplayUnit,
  type EnergyUnit,
  formatEnergy,
  formatTemperature,
} from '../../core/spectra/index.ts';
import { formatNumber, localizeNumbers } from '../../shared/ui/format.ts';

export function temperatureText(
  t: number,
  unit: DisplayUnit,
  energyUnit: EnergyUnit,
  digits: number,
): string {
  const value = formatTemperature(t, unit, energyUnit, digits);
  return localizeNumbers(unit === 'internal' ? `${value} ${energyUnit.symbol}` : value);
}

export function energyText(e: number, unit: DisplayUnit, energyUnit: EnergyUnit, digits: number): string {
  return unit === 'internal'
    ? `${formatNumber(e, digits)} ${energyUnit.symbol}`
    : localizeNumbers(formatEnergy(e, unit, energyUnit, digits));
}
