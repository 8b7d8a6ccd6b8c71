/**
 * Names and descriptions of systems in the current language. The engine's presets carry English text;
 * a language's strings may override any of it by preset id.
 */
import type { Preset } from '../core/spectra/index.ts';
import type { SystemModel } from '../shared/model/system.ts';
import type { Strings } from './en.ts';

export interface PresetText {
  name: string;
  description: string;
  parameterLabel(id: string, fallback: string): string;
  parameterDescription(id: string, fallback: string): string;
}

export function presetText(strings: Strings, preset: Preset): PresetText {
  const override = strings.presets[preset.id];
  return {
    name: override?.name ?? preset.name,
    description: override?.description ?? preset.description,
    parameterLabel: (id, fallback) => override?.parameters?.[id]?.label ?? fallback,
    parameterDescription: (id, fallback) => override?.parameters?.[id]?.description ?? fallback,
  };
}

/** The name of the system as the current language says it. */
export function systemName(strings: Strings, system: SystemModel): string {
  switch (system.choice.kind) {
    case 'preset':
      return strings.presets[system.choice.presetId]?.name ?? system.name;
    case 'formula':
      return strings.customFormula;
    case 'list':
      return strings.energyList;
  }
}
