/**
 * Preset systems as data: each one names its natural energy unit, describes its parameters
 * (with defaults and ranges the interface can turn into inputs) and builds a labelled spectrum.
 * Infinite ladders are truncated at a parameter the interface should show: the truncation is part
 * of what is being taught (hydrogen's partition function diverges without it).
 */
import { InputError } from '../errors.ts';
import type { Spectrum } from '../types.ts';
import { MAX_LEVELS } from './formula.ts';
import { ELECTRONVOLT, type EnergyUnit, REDUCED, WAVENUMBER } from './units.ts';

export type PresetId =
  | 'two-level'
  | 'three-level'
  | 'harmonic-oscillator'
  | 'co-vibration'
  | 'rigid-rotor'
  | 'box-1d'
  | 'box-3d'
  | 'hydrogen';

/**
 * The ids of each preset's parameters. The strings files key a preset's parameter texts on these, so a
 * parameter without a name or description in some language is a type error.
 */
export interface PresetParameterIds {
  'two-level': 'gap' | 'upperDegeneracy';
  'three-level': 'e2' | 'e3';
  'harmonic-oscillator': 'nMax';
  'co-vibration': 'vMax';
  'rigid-rotor': 'b' | 'jMax';
  'box-1d': 'nMax';
  'box-3d': 'maxSum';
  hydrogen: 'nMax';
}

/**
 * One number a preset is built from. Its label and description are text in the strings files, found by
 * the preset's id and this id.
 */
export interface PresetParameter<Id extends string = string> {
  /** Key in the params object passed to build. */
  readonly id: Id;
  /** True when only whole numbers are allowed. */
  readonly integer: boolean;
  readonly default: number;
  /** Inclusive range. */
  readonly min: number;
  readonly max: number;
  /** Unit of the parameter's value, shown next to the input ('' for counts). */
  readonly unit: string;
}

/** A spectrum with one human-readable quantum-number label per level ("J = 3", "(1,1,2)"). */
export interface LabelledSpectrum extends Spectrum {
  labels: string[];
}

export type PresetParams = Readonly<Record<string, number>>;

/** A preset system; its name and description are text in the strings files, found by id. */
export interface Preset {
  readonly id: PresetId;
  /** The unit energies come out in (and temperatures are read in). */
  readonly energyUnit: EnergyUnit;
  /** A temperature where the preset shows something interesting; reads with parseTemperature. */
  readonly suggestedTemperature: string;
  readonly parameters: readonly PresetParameter[];
  /** Builds the spectrum; missing parameters take their defaults. Throws InputError for bad values. */
  build(params?: Partial<PresetParams>): LabelledSpectrum;
}

/** Rydberg energy as used throughout the app (physics reference: E_n = −13.606 eV / n²). */
export const HYDROGEN_RYDBERG_EV = 13.606;
/** CO: rotational constant B and vibrational quantum ħω, in cm⁻¹. */
export const CO_ROTATIONAL_CONSTANT_CM = 1.9225;
export const CO_VIBRATION_CM = 2143;

const HBAR_OMEGA: EnergyUnit = { symbol: 'ħω', electronvolts: null };
const BOX_UNIT: EnergyUnit = { symbol: 'h²/8mL²', electronvolts: null };

/** Fills in defaults and checks every value, naming the preset and parameter (by id) in errors. */
function resolveParams(
  presetId: PresetId,
  parameters: readonly PresetParameter[],
  given: Partial<PresetParams> | undefined,
): Record<string, number> {
  const resolved: Record<string, number> = Object.create(null);
  if (given !== undefined && (given === null || typeof given !== 'object')) {
    throw new InputError('preset.parametersNotObject', { preset: presetId });
  }
  const known = new Set(parameters.map((p) => p.id));
  for (const key of Object.keys(given ?? {})) {
    if (!known.has(key)) {
      const ids = parameters.map((p) => p.id);
      throw new InputError('preset.unknownParameter', { preset: presetId, parameter: key, known: ids });
    }
  }
  for (const p of parameters) {
    const raw = given?.[p.id];
    const value = raw === undefined ? p.default : raw;
    const refuse = (integer: boolean) =>
      new InputError('preset.parameterRange', {
        preset: presetId,
        parameter: p.id,
        integer,
        min: p.min,
        max: p.max,
        got: String(value),
      });
    if (typeof value !== 'number' || !Number.isFinite(value)) throw refuse(false);
    if (p.integer && !Number.isInteger(value)) throw refuse(true);
    if (value < p.min || value > p.max) throw refuse(p.integer === true);
    resolved[p.id] = value;
  }
  return resolved;
}

interface PresetDefinition<Id extends PresetId> extends Omit<Preset, 'build' | 'id' | 'parameters'> {
  readonly id: Id;
  readonly parameters: readonly PresetParameter<PresetParameterIds[Id]>[];
  make(params: Readonly<Record<PresetParameterIds[Id], number>>): LabelledSpectrum;
}

function definePreset<Id extends PresetId>(definition: PresetDefinition<Id>): Preset {
  const { make, ...data } = definition;
  const preset: Preset = {
    ...data,
    // resolveParams gives every parameter of the definition a checked value, so each id is present.
    build: (params) =>
      make(
        resolveParams(definition.id, definition.parameters, params) as Record<PresetParameterIds[Id], number>,
      ),
  };
  return Object.freeze(preset);
}

/** A ladder of levels k = first, …, last with energy(k), degeneracy(k) and label(k). */
function ladder(
  first: number,
  last: number,
  energy: (k: number) => number,
  degeneracy: (k: number) => number,
  label: (k: number) => string,
): LabelledSpectrum {
  const count = last - first + 1;
  const energies = new Float64Array(count);
  const degeneracies = new Float64Array(count);
  const labels: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const k = first + i;
    energies[i] = energy(k);
    degeneracies[i] = degeneracy(k);
    labels[i] = label(k);
  }
  return { energies, degeneracies, labels };
}

/**
 * Levels of a particle in a cubic box in units of h²/8mL²: every distinct sum s = nx²+ny²+nz² ≤ maxSum
 * (n ≥ 1) with its degeneracy, the number of ordered triples. Truncating by energy (not by n per
 * axis) keeps every included level's degeneracy complete.
 */
export function cubicBoxLevels(maxSum: number): LabelledSpectrum {
  const counts = new Uint32Array(maxSum + 1);
  const triples = new Map<number, string[]>();
  const nMax = Math.floor(Math.sqrt(Math.max(0, maxSum - 2)));
  for (let x = 1; x <= nMax; x++) {
    for (let y = 1; y <= nMax; y++) {
      const xy = x * x + y * y;
      if (xy + 1 > maxSum) break;
      for (let z = 1; z <= nMax; z++) {
        const s = xy + z * z;
        if (s > maxSum) break;
        counts[s] += 1;
        if (x <= y && y <= z) {
          const list = triples.get(s);
          const text = `(${x},${y},${z})`;
          if (list) list.push(text);
          else triples.set(s, [text]);
        }
      }
    }
  }
  const energies: number[] = [];
  const degeneracies: number[] = [];
  const labels: string[] = [];
  for (let s = 3; s <= maxSum; s++) {
    if (counts[s] === 0) continue; // not a sum of three positive squares
    energies.push(s);
    degeneracies.push(counts[s]);
    labels.push((triples.get(s) ?? []).join(' or '));
  }
  return { energies: Float64Array.from(energies), degeneracies: Float64Array.from(degeneracies), labels };
}

const LADDER_MAX = MAX_LEVELS - 1; // n from 0 to LADDER_MAX is MAX_LEVELS levels

export const PRESETS: readonly Preset[] = Object.freeze([
  definePreset({
    id: 'two-level',
    energyUnit: REDUCED,
    suggestedTemperature: '0.5',
    parameters: [
      {
        id: 'gap',
        integer: false,
        default: 1,
        min: 0,
        max: 1e6,
        unit: 'ε',
      },
      {
        id: 'upperDegeneracy',
        integer: true,
        default: 1,
        min: 1,
        max: 1000,
        unit: '',
      },
    ],
    make: (p) => ({
      energies: Float64Array.of(0, p.gap),
      degeneracies: Float64Array.of(1, p.upperDegeneracy),
      labels: ['ground', 'excited'],
    }),
  }),
  definePreset({
    id: 'three-level',
    energyUnit: REDUCED,
    suggestedTemperature: '0.5',
    parameters: [
      {
        id: 'e2',
        integer: false,
        default: 1,
        min: 0,
        max: 1e6,
        unit: 'ε',
      },
      {
        id: 'e3',
        integer: false,
        default: 1.8,
        min: 0,
        max: 1e6,
        unit: 'ε',
      },
    ],
    make: (p) => ({
      energies: Float64Array.of(0, p.e2, p.e3),
      degeneracies: Float64Array.of(1, 1, 1),
      labels: ['level 1 (ground)', 'level 2', 'level 3'],
    }),
  }),
  definePreset({
    id: 'harmonic-oscillator',
    energyUnit: HBAR_OMEGA,
    suggestedTemperature: '1',
    parameters: [
      {
        id: 'nMax',
        integer: true,
        default: 20,
        min: 0,
        max: LADDER_MAX,
        unit: '',
      },
    ],
    make: (p) =>
      ladder(
        0,
        p.nMax,
        (n) => n + 0.5,
        () => 1,
        (n) => `n = ${n}`,
      ),
  }),
  definePreset({
    id: 'co-vibration',
    energyUnit: WAVENUMBER,
    suggestedTemperature: '3000 K',
    parameters: [
      {
        id: 'vMax',
        integer: true,
        default: 10,
        min: 0,
        max: LADDER_MAX,
        unit: '',
      },
    ],
    make: (p) =>
      ladder(
        0,
        p.vMax,
        (v) => (v + 0.5) * CO_VIBRATION_CM,
        () => 1,
        (v) => `v = ${v}`,
      ),
  }),
  definePreset({
    id: 'rigid-rotor',
    energyUnit: WAVENUMBER,
    suggestedTemperature: '300 K',
    parameters: [
      {
        id: 'b',
        integer: false,
        default: CO_ROTATIONAL_CONSTANT_CM,
        min: 0.001,
        max: 100,
        unit: 'cm⁻¹',
      },
      {
        id: 'jMax',
        integer: true,
        default: 50,
        min: 0,
        max: LADDER_MAX,
        unit: '',
      },
    ],
    make: (p) =>
      ladder(
        0,
        p.jMax,
        (j) => p.b * j * (j + 1),
        (j) => 2 * j + 1,
        (j) => `J = ${j}`,
      ),
  }),
  definePreset({
    id: 'box-1d',
    energyUnit: BOX_UNIT,
    suggestedTemperature: '10',
    parameters: [
      {
        id: 'nMax',
        integer: true,
        default: 20,
        min: 1,
        max: MAX_LEVELS,
        unit: '',
      },
    ],
    make: (p) =>
      ladder(
        1,
        p.nMax,
        (n) => n * n,
        () => 1,
        (n) => `n = ${n}`,
      ),
  }),
  definePreset({
    id: 'box-3d',
    energyUnit: BOX_UNIT,
    suggestedTemperature: '20',
    parameters: [
      {
        id: 'maxSum',
        integer: true,
        default: 100,
        min: 3,
        max: 10_000,
        unit: 'h²/8mL²',
      },
    ],
    make: (p) => cubicBoxLevels(p.maxSum),
  }),
  definePreset({
    id: 'hydrogen',
    energyUnit: ELECTRONVOLT,
    suggestedTemperature: '10000 K',
    parameters: [
      {
        id: 'nMax',
        integer: true,
        default: 10,
        min: 1,
        max: MAX_LEVELS,
        unit: '',
      },
    ],
    make: (p) =>
      ladder(
        1,
        p.nMax,
        (n) => -HYDROGEN_RYDBERG_EV / (n * n),
        (n) => 2 * n * n,
        (n) => `n = ${n}`,
      ),
  }),
]);

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The default value of every parameter of a preset. */
export function defaultParams(preset: Preset): Record<string, number> {
  return Object.fromEntries(preset.parameters.map((p) => [p.id, p.default]));
}
