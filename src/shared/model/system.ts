/**
 * What the user chose as a system (a preset with parameters, a formula, a typed list) and the
 * spectrum it builds. Building can fail with an InputError; the caller keeps the last good system.
 */

import { InputError } from '../../core/errors.ts';
import {
  defaultParams,
  type EnergyUnit,
  type LabelledSpectrum,
  type PresetId,
  parseEnergyList,
  presetById,
  REDUCED,
  spectrumFromFormula,
} from '../../core/spectra/index.ts';
import type { Spectrum } from '../../core/types.ts';

export type SystemChoice =
  | { kind: 'preset'; presetId: PresetId; params: Record<string, number> }
  | { kind: 'formula'; energy: string; degeneracy: string; nFrom: number; nTo: number }
  | { kind: 'list'; text: string };

/** A system ready to simulate: levels sorted by energy, each with a label. */
export interface SystemModel {
  readonly choice: SystemChoice;
  readonly spectrum: Spectrum;
  readonly labels: readonly string[];
  readonly energyUnit: EnergyUnit;
  /**
   * Negative temperatures describe a population inversion only when the spectrum is bounded above
   * for real; a truncated infinite ladder would pile everything on the cut.
   */
  readonly allowsNegativeTemperature: boolean;
  /** The first excitation energy: the scale the temperature slider is built around. */
  readonly excitationEnergy: number;
}

const BOUNDED_PRESETS: ReadonlySet<PresetId> = new Set(['two-level', 'three-level']);

export function buildSystem(choice: SystemChoice): SystemModel {
  switch (choice.kind) {
    case 'preset': {
      const preset = presetById(choice.presetId);
      if (!preset) throw new Error(`Unknown preset ${choice.presetId}.`);
      return finish(choice, preset.build(choice.params), preset.energyUnit, BOUNDED_PRESETS.has(preset.id));
    }
    case 'formula': {
      const spectrum = spectrumFromFormula(choice.energy, choice.degeneracy, choice.nFrom, choice.nTo);
      const labels = Array.from(spectrum.energies, (_, i) => `n = ${choice.nFrom + i}`);
      return finish(choice, { ...spectrum, labels }, REDUCED, true);
    }
    case 'list': {
      const spectrum = parseEnergyList(choice.text);
      const labels = Array.from(spectrum.energies, (_, i) => `level ${i + 1}`);
      return finish(choice, { ...spectrum, labels }, REDUCED, true);
    }
  }
}

function finish(
  choice: SystemChoice,
  labelled: LabelledSpectrum,
  energyUnit: EnergyUnit,
  allowsNegativeTemperature: boolean,
): SystemModel {
  const order = Array.from(labelled.energies, (_, i) => i).sort(
    (a, b) => labelled.energies[a] - labelled.energies[b] || a - b,
  );
  const energies = Float64Array.from(order, (i) => labelled.energies[i]);
  const degeneracies = Float64Array.from(order, (i) => labelled.degeneracies[i]);
  const labels = order.map((i) => labelled.labels[i]);
  return {
    choice,
    spectrum: { energies, degeneracies },
    labels,
    energyUnit,
    allowsNegativeTemperature,
    excitationEnergy: firstExcitation(energies, degeneracies),
  };
}

function firstExcitation(energies: Float64Array, degeneracies: Float64Array): number {
  let ground = Number.POSITIVE_INFINITY;
  for (let i = 0; i < energies.length; i++) {
    if (degeneracies[i] > 0 && energies[i] < ground) ground = energies[i];
  }
  let next = Number.POSITIVE_INFINITY;
  for (let i = 0; i < energies.length; i++) {
    const e = energies[i];
    if (degeneracies[i] > 0 && e > ground && e < next && Number.isFinite(e)) next = e;
  }
  // A single accessible energy has no gap; any scale will do, so use the natural unit.
  return Number.isFinite(next) ? next - ground : 1;
}

/** A preset at its default parameters. */
export function presetSystem(presetId: PresetId): SystemModel {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`Unknown preset ${presetId}.`);
  return buildSystem({ kind: 'preset', presetId: preset.id, params: defaultParams(preset) });
}

/** Throws InputError unless `temperature` is one a system can be at (negative only where the spectrum is bounded). */
export function checkSystemTemperature(system: SystemModel, temperature: number): void {
  if (Number.isNaN(temperature)) throw new InputError('temperature.notANumber', { beta: false });
  // −0 too: the limit from below, where every particle sits on the top level of the ladder.
  if ((temperature < 0 || Object.is(temperature, -0)) && !system.allowsNegativeTemperature) {
    throw new InputError('temperature.negativeUnbounded', {});
  }
}
