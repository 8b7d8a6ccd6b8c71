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

export interface PresetParameter {
  /** Key in the params object passed to build. */
  readonly id: string;
  /** Short label for an input, e.g. "n_max". */
  readonly label: string;
  readonly description: string;
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

export interface Preset {
  readonly id: PresetId;
  /** English display name. */
  readonly name: string;
  readonly description: string;
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

/** Fills in defaults and checks every value, naming the preset and parameter in errors. */
function resolveParams(
  preset: string,
  name: string,
  parameters: readonly PresetParameter[],
  given: Partial<PresetParams> | undefined,
): Record<string, number> {
  const resolved: Record<string, number> = Object.create(null);
  if (given !== undefined && (given === null || typeof given !== 'object')) {
    throw new InputError('preset.parametersNotObject', { preset, name });
  }
  const known = new Set(parameters.map((p) => p.id));
  for (const key of Object.keys(given ?? {})) {
    if (!known.has(key)) {
      const ids = parameters.map((p) => p.id);
      throw new InputError('preset.unknownParameter', { preset, name, parameter: key, known: ids });
    }
  }
  for (const p of parameters) {
    const raw = given?.[p.id];
    const value = raw === undefined ? p.default : raw;
    const refuse = (integer: boolean) =>
      new InputError('preset.parameterRange', {
        preset,
        name,
        parameter: p.label,
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

interface PresetDefinition extends Omit<Preset, 'build'> {
  make(params: Readonly<Record<string, number>>): LabelledSpectrum;
}

function definePreset(definition: PresetDefinition): Preset {
  const { make, ...data } = definition;
  const preset: Preset = {
    ...data,
    build: (params) => make(resolveParams(definition.id, definition.name, definition.parameters, params)),
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
    name: 'Two-level system',
    description:
      'A ground state at energy 0 and an excited level at Δ (a spin in a magnetic field, a defect with two configurations). ' +
      'Its heat capacity has a peak near T ≈ 0.42 Δ (the Schottky anomaly); at negative temperature the upper level is the more populated.',
    energyUnit: REDUCED,
    suggestedTemperature: '0.5',
    parameters: [
      {
        id: 'gap',
        label: 'Δ',
        description: 'Energy of the excited level above the ground state.',
        integer: false,
        default: 1,
        min: 0,
        max: 1e6,
        unit: 'ε',
      },
      {
        id: 'upperDegeneracy',
        label: 'g₁',
        description: 'Number of states in the excited level.',
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
    name: 'Three-level system',
    description:
      'Levels at 0, E₂ and E₃, as in a three-level laser: pumping to level 3 and fast decay to level 2 can make level 2 more ' +
      'populated than level 1, a population inversion that only a negative temperature describes in equilibrium.',
    energyUnit: REDUCED,
    suggestedTemperature: '0.5',
    parameters: [
      {
        id: 'e2',
        label: 'E₂',
        description: 'Energy of level 2.',
        integer: false,
        default: 1,
        min: 0,
        max: 1e6,
        unit: 'ε',
      },
      {
        id: 'e3',
        label: 'E₃',
        description: 'Energy of level 3.',
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
    name: 'Harmonic oscillator',
    description:
      'E_n = (n + 1/2) ħω with one state per level. The ladder is infinite; it is cut at n_max, which only matters once T is ' +
      'comparable to n_max ħω. Mean energy above the ground state: ħω/(e^{ħω/T} − 1).',
    energyUnit: HBAR_OMEGA,
    suggestedTemperature: '1',
    parameters: [
      {
        id: 'nMax',
        label: 'n_max',
        description: 'Highest level kept.',
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
    name: 'CO molecule: vibration',
    description:
      `The stretching vibration of carbon monoxide as a harmonic oscillator, E_v = (v + 1/2) ħω with ħω = ${CO_VIBRATION_CM} cm⁻¹. ` +
      'At room temperature almost every molecule is in v = 0 (ħω/k_B ≈ 3080 K).',
    energyUnit: WAVENUMBER,
    suggestedTemperature: '3000 K',
    parameters: [
      {
        id: 'vMax',
        label: 'v_max',
        description: 'Highest vibrational level kept.',
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
    name: 'Rigid rotor (CO rotation)',
    description:
      'E_J = B J(J + 1) with degeneracy 2J + 1 (the M states). With CO’s B = 1.9225 cm⁻¹ the most populated level at 300 K is ' +
      'J = 7: degeneracy grows while the Boltzmann factor falls. The ladder is cut at J_max.',
    energyUnit: WAVENUMBER,
    suggestedTemperature: '300 K',
    parameters: [
      {
        id: 'b',
        label: 'B',
        description: 'Rotational constant.',
        integer: false,
        default: CO_ROTATIONAL_CONSTANT_CM,
        min: 0.001,
        max: 100,
        unit: 'cm⁻¹',
      },
      {
        id: 'jMax',
        label: 'J_max',
        description: 'Highest rotational level kept.',
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
    name: 'Particle in a 1D box',
    description:
      'E_n = n² h²/(8mL²) for n = 1, 2, …, one state per level; cut at n_max. The gaps grow with n.',
    energyUnit: BOX_UNIT,
    suggestedTemperature: '10',
    parameters: [
      {
        id: 'nMax',
        label: 'n_max',
        description: 'Highest level kept.',
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
    name: 'Particle in a 3D cubic box',
    description:
      'E = (nx² + ny² + nz²) h²/(8mL²) with nx, ny, nz ≥ 1. A level is every distinct value of the sum; its degeneracy is the ' +
      'number of (nx, ny, nz) giving it, e.g. 3 for (1,1,2), (1,2,1), (2,1,1). Levels up to E_max are kept.',
    energyUnit: BOX_UNIT,
    suggestedTemperature: '20',
    parameters: [
      {
        id: 'maxSum',
        label: 'E_max',
        description: 'Highest energy kept, as nx² + ny² + nz².',
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
    name: 'Hydrogen atom',
    description:
      `E_n = −${HYDROGEN_RYDBERG_EV} eV / n² with degeneracy 2n² (spin included), cut at n_max. Without the cut the partition ` +
      'function diverges: the degeneracy grows faster than the Boltzmann factor falls, so at any T > 0 enough high levels win. ' +
      'Raise n_max and watch.',
    energyUnit: ELECTRONVOLT,
    suggestedTemperature: '10000 K',
    parameters: [
      {
        id: 'nMax',
        label: 'n_max',
        description: 'Highest principal quantum number kept.',
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
