/**
 * The texts of the engine's presets, by preset id and parameter id (core carries only the ids and the
 * physics), and the name of a chosen system in the current language.
 */
import type { PresetId, PresetParameterIds } from '../core/spectra/index.ts';
import type { SystemModel } from '../shared/model/system.ts';
import type { Strings } from './en.ts';

export interface PresetParameterText {
  /** Short label for an input, a symbol in TeX between dollars, e.g. "$n_{\\max}$" (mathText.ts). */
  label: string;
  /** The same symbol in plain text ("nₘₐₓ"), for messages, which are plain text. */
  symbol: string;
  description: string;
}

export interface PresetText<Id extends PresetId = PresetId> {
  name: string;
  description: string;
  parameters: Readonly<Record<PresetParameterIds[Id], PresetParameterText>>;
}

/** Every preset's text in one language: a missing preset or parameter is a type error. */
export type PresetTexts = { readonly [Id in PresetId]: PresetText<Id> };

/** The text of one parameter of a preset (a parameter id the preset does not have is a programming error). */
export function parameterText(
  strings: Strings,
  presetId: PresetId,
  parameterId: string,
): PresetParameterText {
  const parameters: Readonly<Record<string, PresetParameterText>> = strings.presets[presetId].parameters;
  const text = parameters[parameterId];
  if (!text) throw new Error(`The strings have no text for parameter ${parameterId} of preset ${presetId}.`);
  return text;
}

/** A preset's name and one parameter's symbol by their ids, for messages (an unknown id reads as itself). */
export function presetLabels(
  strings: Strings,
  presetId: string,
  parameterId?: string,
): { preset: string; parameter: string } {
  const text = (strings.presets as Readonly<Record<string, PresetText | undefined>>)[presetId];
  const parameters: Readonly<Record<string, PresetParameterText | undefined>> = text?.parameters ?? {};
  return {
    preset: text?.name ?? presetId,
    parameter: parameterId === undefined ? '' : (parameters[parameterId]?.symbol ?? parameterId),
  };
}

/** The name of the system as the current language says it. */
export function systemName(strings: Strings, system: SystemModel): string {
  switch (system.choice.kind) {
    case 'preset':
      return strings.presets[system.choice.presetId].name;
    case 'formula':
      return strings.customFormula;
    case 'list':
      return strings.energyList;
  }
}
