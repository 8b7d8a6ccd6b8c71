import { thermodynamics } from '../../core/thermodynamics.ts';
import type { SystemModel } from '../../shared/model/system.ts';
import { SLIDER_STEPS, sliderMaximum, sliderToTemperature } from '../../shared/model/temperatureScale.ts';

/** Points per half of the scale (T > 0, and T < 0 for a bounded spectrum). */
const POINTS_PER_HALF = 240;

export interface CurveSet {
  /** Positions on the temperature sliders' scale (temperatureScale.ts): 0 is T = 0, SLIDER_STEPS is T = ∞. */
  positions: number[];
  temperatures: number[];
  meanEnergy: number[];
  heatCapacity: number[];
  entropy: number[];
}

/**
 * ⟨E⟩, C and S along the temperature sliders' scale: from T = 0 through T = ∞ and, for a bounded
 * spectrum, on through the negative temperatures, so every temperature the slider can set is plotted.
 */
export function thermodynamicCurves(system: SystemModel): CurveSet {
  const maximum = sliderMaximum(system.allowsNegativeTemperature);
  const points = (POINTS_PER_HALF * maximum) / SLIDER_STEPS;
  const curves: CurveSet = { positions: [], temperatures: [], meanEnergy: [], heatCapacity: [], entropy: [] };
  const { energies, degeneracies } = system.spectrum;
  for (let i = 0; i <= points; i++) {
    const position = (maximum * i) / points;
    const t = sliderToTemperature(position, system.excitationEnergy);
    const result = thermodynamics(energies, t, degeneracies);
    curves.positions.push(position);
    curves.temperatures.push(t);
    curves.meanEnergy.push(result.meanEnergy);
    curves.heatCapacity.push(result.heatCapacity);
    curves.entropy.push(result.entropy);
  }
  return curves;
}
