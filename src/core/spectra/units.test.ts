import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import {
  AVOGADRO,
  BOLTZMANN_EV_PER_K,
  DISPLAY_UNITS,
  type DisplayUnit,
  ELECTRONVOLT,
  type EnergyUnit,
  EV_PER_WAVENUMBER,
  electronvoltsToInternal,
  formatEnergy,
  formatTemperature,
  internalToElectronvolts,
  internalToKelvin,
  JOULE_PER_EV,
  KELVIN_ENERGY,
  kelvinToInternal,
  MAX_QUANTITY_LENGTH,
  MILLIELECTRONVOLT,
  PLANCK_EV_S,
  parseEnergy,
  parseTemperature,
  REDUCED,
  WAVENUMBER,
} from './units.ts';

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

const eV = (text: string) => parseTemperature(text, ELECTRONVOLT);

describe('parseTemperature: plain numbers are internal units', () => {
  it.each([
    ['2', 2],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['-3', -3],
    ['+3', 3],
    ['−3', -3],
    ['  7  ', 7],
    ['0', 0],
    ['inf', Number.POSITIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['+inf', Number.POSITIVE_INFINITY],
    ['∞', Number.POSITIVE_INFINITY],
    ['-inf', Number.NEGATIVE_INFINITY],
    ['-∞', Number.NEGATIVE_INFINITY],
    ['−∞', Number.NEGATIVE_INFINITY],
  ])('%j → %d', (text, expected) => {
    expect(parseTemperature(text, ELECTRONVOLT)).toBe(expected);
    expect(parseTemperature(text, REDUCED)).toBe(expected);
    expect(parseTemperature(text, WAVENUMBER)).toBe(expected);
  });

  it('keeps the sign of -0 (the T → 0− side)', () => {
    expect(Object.is(parseTemperature('-0', REDUCED), -0)).toBe(true);
  });
});

describe('parseTemperature: quantities with units', () => {
  it('300 K is 0.025852 eV', () => {
    expect(eV('300 K')).toBeCloseTo(0.025852, 6);
    expect(eV('300 K')).toBe(300 * BOLTZMANN_EV_PER_K);
  });

  it('1200 cm^-1 is 0.14878 eV in every spelling', () => {
    for (const text of [
      '1200 cm^-1',
      '1200 cm⁻¹',
      '1200 1/cm',
      '1200/cm',
      '1200 cm-1',
      '1200 cm^(-1)',
      '1200cm^-1',
    ]) {
      expect(eV(text)).toBeCloseTo(0.14878, 5);
      expect(eV(text)).toBeCloseTo(1200 * EV_PER_WAVENUMBER, 15);
    }
    expect(eV('120 mm^-1')).toBeCloseTo(1200 * EV_PER_WAVENUMBER, 15);
  });

  // What a Russian keyboard types: Cyrillic letters for the same units.
  it.each([
    ['300 К', '300 K'],
    ['300К', '300 K'],
    ['5 мК', '5 mK'],
    ['300 кельвинов', '300 K'],
    ['25 °С', '25 °C'],
    ['25°С', '25 °C'],
    ['25 мэВ', '25 meV'],
    ['0.1 эВ', '0.1 eV'],
    ['2 мкэВ', '2 ueV'],
    ['1 кэВ', '1 keV'],
    ['1200 см⁻¹', '1200 cm⁻¹'],
    ['1200 см^-1', '1200 cm^-1'],
    ['1200 см-1', '1200 cm-1'],
    ['1200 1/см', '1200 1/cm'],
    ['2 ТГц', '2 THz'],
    ['30 ГГц', '30 GHz'],
    ['1e-21 Дж', '1e-21 J'],
    ['1 зДж', '1 zJ'],
    ['1 кДж/моль', '1 kJ/mol'],
    ['1 ккал/моль', '1 kcal/mol'],
    ['1e13 рад/с', '1e13 rad/s'],
  ])('the Russian spelling %j is %j', (russian, latin) => {
    expect(eV(russian)).toBe(eV(latin));
  });

  it('in a cm⁻¹ system 300 K is 208.5 cm⁻¹', () => {
    expect(parseTemperature('300 K', WAVENUMBER)).toBeCloseTo(208.51, 2);
  });

  it.each([
    ['300K', 300 * BOLTZMANN_EV_PER_K],
    ['300 kelvin', 300 * BOLTZMANN_EV_PER_K],
    ['-300 K', -300 * BOLTZMANN_EV_PER_K],
    ['−300 K', -300 * BOLTZMANN_EV_PER_K],
    ['4 mK', 4e-3 * BOLTZMANN_EV_PER_K],
    ['25 meV', 0.025],
    ['0.1 eV', 0.1],
    ['1 keV', 1000],
    ['2 µeV', 2e-6],
    ['2 μeV', 2e-6],
    ['2 ueV', 2e-6],
    ['1 electronvolt', 1],
    ['2 THz', 2e12 * PLANCK_EV_S],
    ['5 GHz', 5e9 * PLANCK_EV_S],
    ['1e12 rad/s', (1e12 * PLANCK_EV_S) / (2 * Math.PI)],
    ['4e-21 J', 4e-21 / JOULE_PER_EV],
    ['4 zJ', 4e-21 / JOULE_PER_EV],
    ['1.602176634e-20 J', 0.1],
    ['27 °C', 300.15 * BOLTZMANN_EV_PER_K],
    ['27°C', 300.15 * BOLTZMANN_EV_PER_K],
    ['27 ℃', 300.15 * BOLTZMANN_EV_PER_K],
    ['300 degC', 573.15 * BOLTZMANN_EV_PER_K],
    ['27 celsius', 300.15 * BOLTZMANN_EV_PER_K],
    ['-273.15 °C', 0],
    ['32 °F', 273.15 * BOLTZMANN_EV_PER_K],
    ['1 kJ/mol', 1000 / AVOGADRO / JOULE_PER_EV],
    ['1 kcal/mol', 4184 / AVOGADRO / JOULE_PER_EV],
  ])('%j → %d eV', (text, expected) => {
    expect(eV(text)).toBeCloseTo(expected, 12);
    expect(eV(text) / expected || 1).toBeCloseTo(1, 12);
  });

  it('1 kJ/mol is about 0.010364 eV (1 eV = 96.485 kJ/mol)', () => {
    expect(eV('96.485332 kJ/mol')).toBeCloseTo(1, 6);
  });

  it('converts into the internal unit of the system', () => {
    expect(parseTemperature('25 meV', MILLIELECTRONVOLT)).toBeCloseTo(25, 12);
    expect(parseTemperature('300 K', KELVIN_ENERGY)).toBeCloseTo(300, 10);
    expect(parseTemperature('1200 cm^-1', WAVENUMBER)).toBeCloseTo(1200, 10);
    expect(parseTemperature('2 THz', { symbol: 'THz', electronvolts: 1e12 * PLANCK_EV_S })).toBeCloseTo(
      2,
      12,
    );
  });
});

describe('parseTemperature and parseEnergy: errors', () => {
  it.each([
    ['5 m', "'5 m' is a length; type a temperature (300 K) or an energy (25 meV)."],
    ['5 kg', "'5 kg' is a mass; type a temperature (300 K) or an energy (25 meV)."],
    ['3 s', "'3 s' is a time;"],
    ['5 deg', "'5 deg' is an angle;"],
    ['1 K^-1', "'1 K^-1' is an inverse temperature;"],
    ['5 K/K', "'5 K/K' is a pure number (its units cancel);"],
    [
      '5 m/s^3',
      "'5 m/s^3' is neither a temperature nor an energy; type a temperature (300 K) or an energy (25 meV).",
    ],
    ['1 THz THz', 'is neither a temperature nor an energy'],
    ['3 foo', "Unknown unit 'foo' in '3 foo'. Try K, °C, meV, eV, cm⁻¹, THz, J or kJ/mol."],
    ['300 k', "Unknown unit 'k' in '300 k'. Did you mean 'K'?"],
    ['25 mev', "Did you mean 'meV'?"],
    ['300 к', "Unknown unit 'к' in '300 к'. Did you mean 'К'?"],
    ['25 мэв', "Did you mean 'мэВ'?"],
    ['2 тгц', "Did you mean 'ТГц'?"],
    ['3 фыв', "Unknown unit 'фыв' in '3 фыв'. Try K, °C, meV, eV, cm⁻¹, THz, J or kJ/mol."],
    ['300 Kelvin', "Did you mean 'kelvin'?"],
    ['300 5 K', "'300 5 K' is not a number followed by a unit"],
    ['K', "'K' is not a number or a quantity; type a temperature (300 K) or an energy (25 meV)."],
    ['abc', "'abc' is not a number or a quantity"],
    ['NaN', "'NaN' is not a number or a quantity"],
    ['1 + 2', "Cannot read the unit '+ 2' in '1 + 2'"],
    ['0,5', "'0,5': write decimals with a point, for example 0.5"],
    ['1,5 K', 'write decimals with a point'],
    ['', 'Temperature is empty; type a temperature (300 K) or an energy (25 meV).'],
    ['   ', 'Temperature is empty'],
    ['1e400', "Temperature '1e400' is too large."],
    ['1e400 K', "Temperature '1e400 K' is too large."],
    ['1e308 J', "Temperature '1e308 J' is too large."],
    [
      '-300 °C',
      "'-300 °C' is below absolute zero. A negative absolute temperature (population inversion) is written in kelvin, for example -300 K.",
    ],
    ['-500 °F', 'below absolute zero'],
    ['inf K', "'inf K' is not a number or a quantity"],
    ['300 K; evaluate("1")', 'Cannot read the unit'],
    ['createUnit("x")', 'is not a number or a quantity'],
    ['1 x', "Unknown unit 'x'"],
    ['import({})', 'is not a number or a quantity'],
    ['2 cm.constructor', 'Cannot read the unit'],
    ['1 constructor', "Unknown unit 'constructor'"],
    ['1 toString', "Unknown unit 'toString'"],
    ['1 __proto__', 'Cannot read the unit'],
  ])('%j → %s', (text, message) => {
    expect(inputErrorOf(() => parseTemperature(text, ELECTRONVOLT)).message).toContain(message);
  });

  it(`caps the text at ${MAX_QUANTITY_LENGTH} characters`, () => {
    const ok = `300${' '.repeat(MAX_QUANTITY_LENGTH - 5)}K`;
    expect(ok.length).toBe(MAX_QUANTITY_LENGTH - 1);
    expect(eV(ok)).toBeCloseTo(0.025852, 6);
    expect(inputErrorOf(() => eV(`1${' '.repeat(MAX_QUANTITY_LENGTH)}`)).message).toBe(
      `Temperature is too long (${MAX_QUANTITY_LENGTH + 1} characters; the limit is ${MAX_QUANTITY_LENGTH}).`,
    );
    expect(() => eV('9'.repeat(1 << 20))).toThrow(InputError);
  });

  it('refuses physical quantities in a reduced-units system, and says why', () => {
    expect(inputErrorOf(() => parseTemperature('300 K', REDUCED)).message).toBe(
      "This system is in reduced units (ε) with no physical scale, so '300 K' cannot be converted. Type a plain number: the temperature in units of ε, with Boltzmann’s constant taken as 1.",
    );
    expect(inputErrorOf(() => parseEnergy('1 eV', { symbol: 'ħω', electronvolts: null })).message).toContain(
      'the energy in units of ħω',
    );
    // A wrong unit is reported as such even in reduced units.
    expect(() => parseTemperature('5 m', REDUCED)).toThrow('is a length');
  });

  it('parseEnergy: same syntax, finite results only, temperature means k_B T', () => {
    expect(parseEnergy('25 meV', ELECTRONVOLT)).toBeCloseTo(0.025, 15);
    expect(parseEnergy('300 K', ELECTRONVOLT)).toBeCloseTo(0.025852, 6);
    expect(parseEnergy('-2', REDUCED)).toBe(-2);
    expect(inputErrorOf(() => parseEnergy('inf', ELECTRONVOLT)).message).toBe(
      "Energy must be finite (got 'inf').",
    );
    expect(inputErrorOf(() => parseEnergy('5 m', ELECTRONVOLT)).message).toBe(
      "'5 m' is a length; type an energy (25 meV, 1200 cm⁻¹) or a temperature (300 K).",
    );
    expect(inputErrorOf(() => parseEnergy('', ELECTRONVOLT)).message).toContain('Energy is empty');
  });

  it('rejects a malformed EnergyUnit as a programming error', () => {
    expect(() => parseTemperature('1', { symbol: 'x', electronvolts: 0 })).toThrow(Error);
    expect(() => parseTemperature('1', { symbol: 'x', electronvolts: Number.NaN })).not.toThrow(InputError);
  });

  it('never returns NaN and never throws anything but InputError (fuzz)', () => {
    const pieces = fc.constantFrom(
      ...'0123456789.eE+-−/^() °⁻¹²,;'.split(''),
      'K',
      'mK',
      'eV',
      'meV',
      'cm',
      'THz',
      'J',
      'mol',
      'kJ',
      'degC',
      'inf',
      '∞',
      'm',
      's',
      'foo',
    );
    const quantity = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
    for (const unit of [ELECTRONVOLT, WAVENUMBER, REDUCED]) {
      fc.assert(
        fc.property(fc.oneof(quantity, fc.string({ maxLength: 120 })), (text) => {
          for (const parse of [parseTemperature, parseEnergy]) {
            try {
              const value = parse(text, unit);
              if (Number.isNaN(value)) return false;
              if (parse === parseEnergy && !Number.isFinite(value)) return false;
            } catch (error) {
              if (!(error instanceof InputError)) return false;
            }
          }
          return true;
        }),
        { numRuns: 300 },
      );
    }
  }, 60_000);
});

describe('converters', () => {
  it('kelvin ↔ internal ↔ eV', () => {
    expect(internalToKelvin(300 * BOLTZMANN_EV_PER_K, ELECTRONVOLT)).toBeCloseTo(300, 10);
    expect(kelvinToInternal(300, WAVENUMBER)).toBeCloseTo(208.51, 2);
    expect(internalToKelvin(kelvinToInternal(123.4, WAVENUMBER) ?? Number.NaN, WAVENUMBER)).toBeCloseTo(
      123.4,
      10,
    );
    expect(internalToElectronvolts(1200, WAVENUMBER)).toBeCloseTo(0.14878, 5);
    expect(electronvoltsToInternal(0.025, MILLIELECTRONVOLT)).toBeCloseTo(25, 12);
    expect(internalToKelvin(Number.POSITIVE_INFINITY, ELECTRONVOLT)).toBe(Number.POSITIVE_INFINITY);
  });

  it('return null for a system with no physical scale', () => {
    expect(internalToKelvin(1, REDUCED)).toBeNull();
    expect(kelvinToInternal(300, REDUCED)).toBeNull();
    expect(internalToElectronvolts(1, REDUCED)).toBeNull();
    expect(electronvoltsToInternal(1, REDUCED)).toBeNull();
  });
});

describe('formatTemperature / formatEnergy', () => {
  const t300 = 300 * BOLTZMANN_EV_PER_K;

  it.each([
    ['K', '300 K'],
    ['°C', '26.85 °C'],
    ['meV', '25.852 meV'],
    ['eV', '0.025852 eV'],
    ['cm⁻¹', '208.51 cm⁻¹'],
    ['THz', '6.25099 THz'],
    ['J', '4.14195e-21 J'],
    ['kJ/mol', '2.49434 kJ/mol'],
    ['internal', '0.025852'],
  ] as Array<[DisplayUnit, string]>)('300 K shown in %s is %j', (unit, text) => {
    expect(formatTemperature(t300, unit, ELECTRONVOLT)).toBe(text);
  });

  it('handles infinities, -0, NaN, negative Celsius, reduced units and precision', () => {
    expect(formatTemperature(Number.POSITIVE_INFINITY, 'K', ELECTRONVOLT)).toBe('∞');
    expect(formatTemperature(Number.NEGATIVE_INFINITY, 'K', ELECTRONVOLT)).toBe('-∞');
    expect(formatTemperature(-0, 'internal', REDUCED)).toBe('-0');
    expect(formatTemperature(-0, 'K', ELECTRONVOLT)).toBe('-0 K');
    expect(formatTemperature(Number.NaN, 'K', ELECTRONVOLT)).toBe('—');
    expect(formatTemperature(-t300, '°C', ELECTRONVOLT)).toBe('-300 K');
    expect(formatTemperature(2.5, 'K', REDUCED)).toBe('2.5');
    expect(formatTemperature(1 / 3, 'internal', REDUCED, 3)).toBe('0.333');
    expect(formatEnergy(1200, 'eV', WAVENUMBER)).toBe('0.148781 eV');
    expect(formatEnergy(1e-9, 'eV', ELECTRONVOLT)).toBe('1e-9 eV');
    expect(() => formatTemperature(1, 'K', ELECTRONVOLT, 0)).toThrow(Error);
  });

  it('every display unit reads back with parseTemperature', () => {
    for (const unit of DISPLAY_UNITS) {
      expect(parseTemperature(formatTemperature(t300, unit, ELECTRONVOLT), ELECTRONVOLT)).toBeCloseTo(
        t300,
        6,
      );
    }
  });

  it('parseTemperature(formatTemperature(x)) ≈ x (property)', () => {
    const systems: EnergyUnit[] = [ELECTRONVOLT, WAVENUMBER, MILLIELECTRONVOLT, KELVIN_ENERGY, REDUCED];
    const units = DISPLAY_UNITS.filter((u) => u !== '°C');
    const magnitude = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        magnitude,
        fc.boolean(),
        fc.constantFrom(...systems),
        fc.constantFrom(...units),
        (m, negative, system, unit) => {
          const x = negative ? -m : m;
          const back = parseTemperature(formatTemperature(x, unit, system), system);
          return Math.abs(back - x) <= 1e-5 * Math.abs(x);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it('Celsius round trip for ordinary temperatures (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), (kelvin) => {
        const x = kelvin * BOLTZMANN_EV_PER_K;
        const back = parseTemperature(formatTemperature(x, '°C', ELECTRONVOLT), ELECTRONVOLT);
        return Math.abs(back - x) <= 1e-3 * BOLTZMANN_EV_PER_K + 1e-5 * x;
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('infinite temperatures read back', () => {
    for (const x of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(parseTemperature(formatTemperature(x, 'K', ELECTRONVOLT), ELECTRONVOLT)).toBe(x);
    }
  });
});
