/**
 * Quantities with units, as teachers type them ("300 K", "25 meV", "1200 cm⁻¹", "2 THz"), converted
 * to the internal energy scale of the current system, where k_B = 1 and temperature is an energy.
 *
 * mathjs's Unit class does the reading of units and prefixes, on a private instance. Only
 * `Unit.parse` and conversions are used, never the expression evaluator, so the text cannot run
 * anything. We accept only "a number times a unit" whose dimension is a temperature, an energy,
 * an inverse length (wavenumber), a frequency or an energy per mole.
 */
import { create, type Unit, UnitDependencies } from 'mathjs';
import { type Dimension, InputError, type Quantity } from '../errors.ts';

/**
 * The energy unit of a system. `electronvolts` is the value of one internal unit in eV;
 * null means reduced units (ε, ħω, Δ, …) with no physical scale, where only plain numbers make sense.
 */
export interface EnergyUnit {
  symbol: string;
  electronvolts: number | null;
}

/** Boltzmann constant, eV/K (exact, SI 2019). */
export const BOLTZMANN_EV_PER_K = 8.617333262e-5;
/** Energy of one wavenumber h c · 1 cm⁻¹, in eV. */
export const EV_PER_WAVENUMBER = 1.239841984e-4;
/** Planck constant, eV·s. */
export const PLANCK_EV_S = 4.135667696e-15;
/** One electronvolt in joules (exact, SI 2019). */
export const JOULE_PER_EV = 1.602176634e-19;
/** Avogadro constant, 1/mol (exact, SI 2019). */
export const AVOGADRO = 6.02214076e23;
/** Kelvin value of 0 °C. */
const CELSIUS_OFFSET = 273.15;

/** Longest quantity text accepted, in characters. */
export const MAX_QUANTITY_LENGTH = 100;

/** Common energy units for presets and the interface. */
export const ELECTRONVOLT: EnergyUnit = { symbol: 'eV', electronvolts: 1 };
export const MILLIELECTRONVOLT: EnergyUnit = { symbol: 'meV', electronvolts: 1e-3 };
export const WAVENUMBER: EnergyUnit = { symbol: 'cm⁻¹', electronvolts: EV_PER_WAVENUMBER };
/** Energies measured in kelvin (E / k_B), as in many statistical-physics texts. */
export const KELVIN_ENERGY: EnergyUnit = { symbol: 'K', electronvolts: BOLTZMANN_EV_PER_K };
/** Reduced units: a generic energy ε with no physical scale. */
export const REDUCED: EnergyUnit = { symbol: 'ε', electronvolts: null };

// ---------------------------------------------------------------------------------------------
// The private mathjs instance
// ---------------------------------------------------------------------------------------------

const math = create({ UnitDependencies }, { number: 'number' });
const disabled = (name: string) => () => {
  throw new Error(`mathjs '${name}' is disabled in the unit sandbox`);
};
const MathUnit = math.Unit;

// mathjs 15 still defines the electronvolt with the 2010 CODATA value (1.602176565e-19 J). Use the
// exact SI value on our own instance so that "0.1 eV" and "1.602176634e-20 J" agree exactly.
for (const definition of Object.values(MathUnit.UNITS) as unknown as Array<{ value: number }>) {
  if (definition.value === 1.602176565e-19) definition.value = JOULE_PER_EV;
}
// Chemists' kcal/mol: the thermochemical calorie, with prefixes so that "kcal" exists.
MathUnit.createUnitSingle('cal', { definition: '4.184 J', prefixes: 'short' });

// After our own additions, lock the instance down as the mathjs security guide recommends.
math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    compile: disabled('compile'),
  },
  { override: true },
);

type Kind = 'temperature' | 'energy' | 'inverseLength' | 'frequency' | 'angularFrequency' | 'molarEnergy';

const ACCEPTED: ReadonlyArray<[Kind, Unit]> = [
  ['temperature', MathUnit.parse('K')],
  ['energy', MathUnit.parse('J')],
  ['inverseLength', MathUnit.parse('m^-1')],
  ['frequency', MathUnit.parse('Hz')],
  ['angularFrequency', MathUnit.parse('rad/s')],
  ['molarEnergy', MathUnit.parse('J/mol')],
];

/** Names for dimensions people are likely to type by mistake, for the error message. */
const DIMENSION_NAMES: ReadonlyArray<[Unit, Dimension]> = (
  [
    ['m', 'length'],
    ['kg', 'mass'],
    ['s', 'time'],
    ['m^2', 'area'],
    ['m^3', 'volume'],
    ['m/s', 'speed'],
    ['m/s^2', 'acceleration'],
    ['N', 'force'],
    ['Pa', 'pressure'],
    ['W', 'power'],
    ['A', 'current'],
    ['V', 'voltage'],
    ['C', 'charge'],
    ['ohm', 'resistance'],
    ['T', 'magneticField'],
    ['mol', 'amountOfSubstance'],
    ['rad', 'angle'],
    ['bit', 'information'],
    ['cd', 'luminousIntensity'],
    ['J/K', 'entropy'],
    ['J s', 'action'],
    ['K^-1', 'inverseTemperature'],
    ['J^-1', 'inverseEnergy'],
    ['kg/m^3', 'density'],
  ] as const
).map(([unit, name]) => [MathUnit.parse(unit), name]);

const UNIT_SUGGESTIONS = [
  'K',
  'mK',
  'kelvin',
  'degC',
  'celsius',
  'degF',
  'eV',
  'meV',
  'ueV',
  'keV',
  'J',
  'zJ',
  'Hz',
  'GHz',
  'THz',
  'cm^-1',
  'kJ/mol',
  'kcal/mol',
  'К',
  'мК',
  'эВ',
  'мэВ',
  'ТГц',
  'ГГц',
  'Дж',
];

/**
 * Units under their Russian names, as a Russian keyboard types them ("300 К", "25 мэВ", "1200 см⁻¹",
 * "2 ТГц"): each word of Cyrillic letters in the unit is read as its SI symbol. Prefixes are part of
 * the word (мэВ = meV), as in Russian usage; "К" is the kelvin only in capitals, like "K".
 */
const RUSSIAN_UNITS: Readonly<Record<string, string>> = {
  К: 'K',
  мК: 'mK',
  мкК: 'uK',
  нК: 'nK',
  кельвин: 'K',
  кельвина: 'K',
  кельвинов: 'K',
  эВ: 'eV',
  мэВ: 'meV',
  мкэВ: 'ueV',
  кэВ: 'keV',
  МэВ: 'MeV',
  Дж: 'J',
  мДж: 'mJ',
  кДж: 'kJ',
  зДж: 'zJ',
  Гц: 'Hz',
  кГц: 'kHz',
  МГц: 'MHz',
  ГГц: 'GHz',
  ТГц: 'THz',
  м: 'm',
  см: 'cm',
  мм: 'mm',
  моль: 'mol',
  кал: 'cal',
  ккал: 'kcal',
  рад: 'rad',
  с: 's',
};

// ---------------------------------------------------------------------------------------------
// Reading text
// ---------------------------------------------------------------------------------------------

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity|∞)$/i;
const LEADING_NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/s;

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁻': '-',
  '⁺': '+',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Rewrites the usual typographic spellings into what mathjs reads. */
function normalize(text: string): string {
  return (
    text
      .trim()
      .replace(/[\u00a0\u2009\u202f]/g, ' ') // no-break and thin spaces
      .replace(/[\u2212\u2012\u2013]/g, '-') // minus sign and dashes
      .replace(/\s+/g, ' ')
      .replace(/(?:°|º|˚)\s*C\b|℃/g, 'degC')
      // The Celsius sign typed with a Cyrillic С (JavaScript's \b does not see Cyrillic letters).
      .replace(/(?:°|º|˚)\s*С(?![\p{L}])/gu, 'degC')
      .replace(/(?:°|º|˚)\s*F\b|℉/g, 'degF')
      .replace(/[µμ]/g, 'u')
      .replace(/[·⋅×∙]/g, '*')
      .replace(/[⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => `^${[...run].map((c) => SUPERSCRIPTS[c]).join('')}`)
      .replace(/[А-Яа-яЁё]+/g, (word) => RUSSIAN_UNITS[word] ?? word)
  );
}

/** Rewrites spectroscopists' spellings of an inverse unit: "1/cm", "/cm", "cm-1", "cm^(-1)". */
function normalizeUnit(unit: string): string {
  return unit
    .replace(/^1?\s*\/\s*([A-Za-z]+)$/, '$1^-1')
    .replace(/^([A-Za-z]+)\s*-\s*(\d+)$/, '$1^-$2')
    .replace(/\^\s*\(\s*([+-]?\d+(?:\.\d+)?)\s*\)/g, '^$1');
}

interface QuantityContext {
  /** What is being typed, for messages (which also say what to type instead). */
  quantity: Quantity;
  allowInfinite: boolean;
}

const TEMPERATURE_CONTEXT: QuantityContext = { quantity: 'temperature', allowInfinite: true };
const ENERGY_CONTEXT: QuantityContext = { quantity: 'energy', allowInfinite: false };

function checkEnergyUnit(energyUnit: EnergyUnit): void {
  const ev = energyUnit?.electronvolts;
  if (ev !== null && !(typeof ev === 'number' && Number.isFinite(ev) && ev > 0)) {
    // The unit comes from code (a preset), not from the user.
    throw new Error(
      `invalid EnergyUnit: electronvolts must be a positive number or null (got ${String(ev)})`,
    );
  }
}

function describeDimension(quantity: Unit): Dimension | null {
  for (const [reference, name] of DIMENSION_NAMES) if (quantity.equalBase(reference)) return name;
  if (quantity.dimensions.every((d) => d === 0)) return 'pureNumber';
  return null;
}

function unknownUnit(unit: string, shown: string): InputError {
  const suggestion = UNIT_SUGGESTIONS.find((u) => u.toLowerCase() === unit.toLowerCase()) ?? null;
  return new InputError('quantity.unknownUnit', { unit, text: shown, suggestion });
}

/** Converts a physical quantity to electronvolts, or throws an InputError saying why not. */
function quantityToElectronvolts(quantity: Unit, original: string, context: QuantityContext): number {
  const kind = ACCEPTED.find(([, reference]) => quantity.equalBase(reference))?.[0];
  switch (kind) {
    case 'temperature': {
      const kelvin = quantity.toNumber('K');
      const hasOffset = quantity.units.some((component) => component.unit.offset !== 0);
      // Offset scales (°C, °F) cannot express negative absolute temperature sensibly.
      if (hasOffset && kelvin < 0) {
        throw new InputError('quantity.belowAbsoluteZero', { text: original });
      }
      return kelvin * BOLTZMANN_EV_PER_K;
    }
    case 'energy':
      return quantity.toNumber('eV');
    case 'inverseLength':
      return quantity.toNumber('cm^-1') * EV_PER_WAVENUMBER;
    case 'frequency':
      return quantity.toNumber('Hz') * PLANCK_EV_S;
    case 'angularFrequency':
      return (quantity.toNumber('rad/s') * PLANCK_EV_S) / (2 * Math.PI);
    case 'molarEnergy':
      return quantity.toNumber('J/mol') / AVOGADRO / JOULE_PER_EV;
    default: {
      const dimension = describeDimension(quantity);
      const { quantity: kind } = context;
      throw dimension === null
        ? new InputError('quantity.neither', { quantity: kind, text: original })
        : new InputError('quantity.wrongDimension', { quantity: kind, text: original, dimension });
    }
  }
}

function parseQuantity(text: string, energyUnit: EnergyUnit, context: QuantityContext): number {
  checkEnergyUnit(energyUnit);
  const { quantity: kind } = context;
  if (typeof text !== 'string') throw new InputError('quantity.notText', { quantity: kind });
  if (text.length > MAX_QUANTITY_LENGTH) {
    throw new InputError('quantity.tooLong', {
      quantity: kind,
      length: text.length,
      limit: MAX_QUANTITY_LENGTH,
    });
  }
  const normalized = normalize(text);
  const shown = text.trim();
  const tooLarge = () => new InputError('quantity.tooLarge', { quantity: kind, text: shown });
  if (normalized === '') throw new InputError('quantity.empty', { quantity: kind });

  // A plain number is already in internal units (k_B = 1), physical scale or not.
  if (PLAIN_NUMBER.test(normalized)) {
    const value = Number(normalized);
    if (!Number.isFinite(value)) throw tooLarge();
    return value;
  }
  const infinity = INFINITY.exec(normalized);
  if (infinity) {
    if (!context.allowInfinite) throw new InputError('quantity.notFinite', { quantity: kind, text: shown });
    return infinity[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }

  if (/^[+-]?\d+,\d+/.test(normalized)) {
    throw new InputError('quantity.decimalComma', { text: shown });
  }
  const parts = LEADING_NUMBER.exec(normalized);
  if (!parts) {
    throw new InputError('quantity.notQuantity', { quantity: kind, text: shown });
  }
  const value = Number(parts[1]);
  const unitText = normalizeUnit(parts[2]);
  if (!Number.isFinite(value)) throw tooLarge();

  // A Cyrillic word left over is no Russian unit name we know (mathjs would only say it cannot read it).
  const unknownRussian = /[А-Яа-яЁё]+/.exec(unitText);
  if (unknownRussian) throw unknownUnit(unknownRussian[0], shown);
  let quantity: Unit;
  try {
    const valueless = MathUnit.parse(unitText);
    // "300 5 K" would otherwise read as 300 K: the unit part must not carry its own number.
    if (valueless.value !== null)
      throw new InputError('quantity.notNumberAndUnit', { quantity: kind, text: shown });
    quantity = new MathUnit(value, unitText);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : '';
    const unknown = /Unit "(.*)" not found/.exec(message);
    if (unknown) throw unknownUnit(unknown[1], shown);
    throw new InputError('quantity.unreadableUnit', { quantity: kind, unit: parts[2], text: shown });
  }

  const electronvolts = quantityToElectronvolts(quantity, shown, context);
  if (energyUnit.electronvolts === null) {
    throw new InputError('quantity.reducedUnits', { quantity: kind, symbol: energyUnit.symbol, text: shown });
  }
  const internal = electronvolts / energyUnit.electronvolts;
  if (!Number.isFinite(internal)) throw tooLarge();
  return internal;
}

/**
 * A temperature typed by a user, in the internal energy units of a system (k_B = 1).
 * Accepts a plain number (already internal, including inf, ∞, -inf), or a number times a unit of
 * temperature (K, mK, °C, degC, °F), energy (eV, meV, J, …), wavenumber (cm⁻¹, 1/cm, cm-1),
 * frequency (THz, E = h f), angular frequency (rad/s, E = ħω) or molar energy (kJ/mol, kcal/mol),
 * also under their Russian names (К, °С, мэВ, см⁻¹, ТГц, кДж/моль).
 * Negative absolute temperatures (population inversion) are allowed. Never returns NaN.
 */
export function parseTemperature(text: string, energyUnit: EnergyUnit): number {
  return parseQuantity(text, energyUnit, TEMPERATURE_CONTEXT);
}

/**
 * An energy typed by a user, in the internal energy units of a system. Same syntax as
 * parseTemperature (a temperature means k_B T), but the result must be finite.
 */
export function parseEnergy(text: string, energyUnit: EnergyUnit): number {
  return parseQuantity(text, energyUnit, ENERGY_CONTEXT);
}

// ---------------------------------------------------------------------------------------------
// Converters and formatting for readouts
// ---------------------------------------------------------------------------------------------

/** The value in eV of an internal energy, or null for a system with no physical scale. */
export function internalToElectronvolts(valueInternal: number, energyUnit: EnergyUnit): number | null {
  checkEnergyUnit(energyUnit);
  return energyUnit.electronvolts === null ? null : valueInternal * energyUnit.electronvolts;
}

/** An energy in eV in internal units, or null for a system with no physical scale. */
export function electronvoltsToInternal(electronvolts: number, energyUnit: EnergyUnit): number | null {
  checkEnergyUnit(energyUnit);
  return energyUnit.electronvolts === null ? null : electronvolts / energyUnit.electronvolts;
}

/** The temperature in kelvin of an internal temperature, or null for a system with no physical scale. */
export function internalToKelvin(valueInternal: number, energyUnit: EnergyUnit): number | null {
  const ev = internalToElectronvolts(valueInternal, energyUnit);
  return ev === null ? null : ev / BOLTZMANN_EV_PER_K;
}

/** A temperature in kelvin in internal units, or null for a system with no physical scale. */
export function kelvinToInternal(kelvin: number, energyUnit: EnergyUnit): number | null {
  return electronvoltsToInternal(kelvin * BOLTZMANN_EV_PER_K, energyUnit);
}

/** Units a readout can show. 'internal' is a plain number in the system's own unit. */
export type DisplayUnit = 'internal' | 'K' | '°C' | 'meV' | 'eV' | 'cm⁻¹' | 'THz' | 'J' | 'kJ/mol';
export const DISPLAY_UNITS: readonly DisplayUnit[] = [
  'internal',
  'K',
  '°C',
  'meV',
  'eV',
  'cm⁻¹',
  'THz',
  'J',
  'kJ/mol',
];

/** Electronvolts per one display unit (°C is handled through kelvin). */
const EV_PER_DISPLAY_UNIT: Readonly<Record<Exclude<DisplayUnit, 'internal' | '°C'>, number>> = {
  K: BOLTZMANN_EV_PER_K,
  meV: 1e-3,
  eV: 1,
  'cm⁻¹': EV_PER_WAVENUMBER,
  THz: PLANCK_EV_S * 1e12,
  J: 1 / JOULE_PER_EV,
  'kJ/mol': 1e3 / AVOGADRO / JOULE_PER_EV,
};

/** A number with `digits` significant digits, shortest form, readable by parseTemperature. */
function formatNumber(value: number, digits: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(Number(value.toPrecision(digits)));
}

function formatQuantity(
  valueInternal: number,
  displayUnit: DisplayUnit,
  energyUnit: EnergyUnit,
  digits: number,
): string {
  checkEnergyUnit(energyUnit);
  if (!Number.isInteger(digits) || digits < 1 || digits > 17)
    throw new Error(`digits must be 1–17 (got ${digits})`);
  if (Number.isNaN(valueInternal)) return '—';
  if (valueInternal === Number.POSITIVE_INFINITY) return '∞';
  if (valueInternal === Number.NEGATIVE_INFINITY) return '-∞';
  // Without a physical scale only the internal number exists.
  if (displayUnit === 'internal' || energyUnit.electronvolts === null)
    return formatNumber(valueInternal, digits);
  const electronvolts = valueInternal * energyUnit.electronvolts;
  if (displayUnit === '°C') {
    const kelvin = electronvolts / BOLTZMANN_EV_PER_K;
    // Negative absolute temperatures have no sensible Celsius reading; show kelvin instead.
    if (kelvin < 0 || Object.is(kelvin, -0)) return `${formatNumber(kelvin, digits)} K`;
    return `${formatNumber(kelvin - CELSIUS_OFFSET, digits)} °C`;
  }
  return `${formatNumber(electronvolts / EV_PER_DISPLAY_UNIT[displayUnit], digits)} ${displayUnit}`;
}

/**
 * A readout of an internal temperature in a display unit, e.g. "300 K", "25.852 meV", "∞".
 * The text reads back with parseTemperature. For a system with no physical scale, and for
 * displayUnit 'internal', it is a plain number; a negative temperature asked in °C is shown in K.
 * NaN shows as '—'.
 */
export function formatTemperature(
  valueInternal: number,
  displayUnit: DisplayUnit,
  energyUnit: EnergyUnit,
  significantDigits = 6,
): string {
  return formatQuantity(valueInternal, displayUnit, energyUnit, significantDigits);
}

/** A readout of an internal energy in a display unit; same conventions as formatTemperature. */
export function formatEnergy(
  valueInternal: number,
  displayUnit: DisplayUnit,
  energyUnit: EnergyUnit,
  significantDigits = 6,
): string {
  return formatQuantity(valueInternal, displayUnit, energyUnit, significantDigits);
}
