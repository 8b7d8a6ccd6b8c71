import { thermodynamics } from '../core/thermodynamics.ts';
import type { SystemModel } from './system.ts';

const POINTS = 240;
/** The plotted range of T, in multiples of the first excitation energy (log-spaced). */
const RANGE_BELOW = 1 / 20;
const RANGE_ABOVE = 60;

export interface CurveSet {
  temperatures: number[];
  meanEnergy: number[];
  heatCapacity: number[];
  entropy: number[];
}

/** ⟨E⟩, C and S over a log range of positive temperatures around the system's energy scale. */
export function thermodynamicCurves(system: SystemModel): CurveSet {
  const low = system.excitationEnergy * RANGE_BELOW;
  const high = system.excitationEnergy * RANGE_ABOVE;
  const curves: CurveSet = { temperatures: [], meanEnergy: [], heatCapacity: [], entropy: [] };
  const { energies, degeneracies } = system.spectrum;
  for (let i = 0; i < POINTS; i++) {
    const t = low * (high / low) ** (i / (POINTS - 1));
    const result = thermodynamics(energies, t, degeneracies);
    curves.temperatures.push(t);
    curves.meanEnergy.push(result.meanEnergy);
    curves.heatCapacity.push(result.heatCapacity);
    curves.entropy.push(result.entropy);
  }
  return curves;
}
