import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { MAX_LEVELS } from './formula.ts';
import {
  CO_ROTATIONAL_CONSTANT_CM,
  cubicBoxLevels,
  defaultParams,
  type LabelledSpectrum,
  PRESETS,
  type Preset,
  presetById,
} from './presets.ts';
import { parseTemperature } from './units.ts';

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

function preset(id: string): Preset {
  const found = presetById(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

/** Boltzmann weights p_i ∝ g_i exp(−E_i/T), computed inline with a max shift. */
function boltzmann(spectrum: LabelledSpectrum, temperature: number): number[] {
  const logs = [...spectrum.energies].map((e, i) => Math.log(spectrum.degeneracies[i]) - e / temperature);
  const max = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - max));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

const argmax = (values: number[]) => values.indexOf(Math.max(...values));

describe('PRESETS', () => {
  it('has the required systems with unique ids', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'two-level',
      'three-level',
      'harmonic-oscillator',
      'rigid-rotor',
      'box-1d',
      'box-3d',
      'hydrogen',
    ]) {
      expect(ids).toContain(id);
    }
    expect(presetById('nope')).toBeUndefined();
    expect(presetById('constructor')).toBeUndefined();
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_, p) => {
    it('is well-formed data', () => {
      expect(p.energyUnit.symbol.length).toBeGreaterThan(0);
      for (const param of p.parameters) {
        expect(param.min).toBeLessThanOrEqual(param.default);
        expect(param.default).toBeLessThanOrEqual(param.max);
        if (param.integer) expect(Number.isInteger(param.default)).toBe(true);
      }
      expect(Number.isFinite(parseTemperature(p.suggestedTemperature, p.energyUnit))).toBe(true);
      expect(Object.isFrozen(p)).toBe(true);
    });

    it('builds a valid labelled spectrum from defaults', () => {
      const s = p.build();
      expect(s.energies).toBeInstanceOf(Float64Array);
      expect(s.degeneracies.length).toBe(s.energies.length);
      expect(s.labels.length).toBe(s.energies.length);
      expect(s.energies.every(Number.isFinite)).toBe(true);
      expect(s.degeneracies.every((g) => Number.isFinite(g) && g >= 0)).toBe(true);
      expect(s.degeneracies.some((g) => g > 0)).toBe(true);
      expect(s).toEqual(p.build(defaultParams(p)));
    });

    it(`stays within ${MAX_LEVELS} levels at the largest parameters`, () => {
      const largest = Object.fromEntries(p.parameters.map((param) => [param.id, param.max]));
      const s = p.build(largest);
      expect(s.energies.length).toBeLessThanOrEqual(MAX_LEVELS);
      expect(s.energies.every(Number.isFinite)).toBe(true);
      expect(s.degeneracies.every(Number.isFinite)).toBe(true);
    });

    it('validates every parameter', () => {
      for (const param of p.parameters) {
        const below = inputErrorOf(() => p.build({ [param.id]: param.min - 1 }));
        expect(below.code).toBe('preset.parameterRange');
        expect(below.params).toMatchObject({
          preset: p.id,
          parameter: param.id,
          min: param.min,
          max: param.max,
        });
        expect(() => p.build({ [param.id]: param.max + 1 })).toThrow(InputError);
        expect(() => p.build({ [param.id]: Number.NaN })).toThrow(InputError);
        expect(() => p.build({ [param.id]: Number.POSITIVE_INFINITY })).toThrow(InputError);
        expect(() => p.build({ [param.id]: '3' as unknown as number })).toThrow(InputError);
        if (param.integer) {
          expect(inputErrorOf(() => p.build({ [param.id]: param.default + 0.5 })).params).toMatchObject({
            integer: true,
          });
        }
      }
      const unknown = inputErrorOf(() => p.build({ bogus: 1 }));
      expect(unknown.code).toBe('preset.unknownParameter');
      expect(unknown.params).toMatchObject({ preset: p.id, parameter: 'bogus' });
    });
  });
});

describe('two-level and three-level systems', () => {
  it('two-level: 0 and Δ, with an optional degenerate upper level', () => {
    const s = preset('two-level').build({ gap: 2.5, upperDegeneracy: 3 });
    expect([...s.energies]).toEqual([0, 2.5]);
    expect([...s.degeneracies]).toEqual([1, 3]);
    expect(s.labels).toEqual(['ground', 'excited']);
    expect(preset('two-level').energyUnit.electronvolts).toBeNull();
  });

  it('three-level: 0, E₂, E₃ (default 0, 1, 1.8)', () => {
    expect([...preset('three-level').build().energies]).toEqual([0, 1, 1.8]);
    expect([...preset('three-level').build({ e2: 0.5, e3: 3 }).energies]).toEqual([0, 0.5, 3]);
  });
});

describe('harmonic oscillator', () => {
  it('E_n = n + 1/2 in units of ħω, g = 1, n = 0 … n_max', () => {
    const s = preset('harmonic-oscillator').build({ nMax: 4 });
    expect([...s.energies]).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
    expect([...s.degeneracies]).toEqual([1, 1, 1, 1, 1]);
    expect(s.labels[0]).toBe('n = 0');
    expect(preset('harmonic-oscillator').build({ nMax: 0 }).energies.length).toBe(1);
    expect(preset('harmonic-oscillator').build({ nMax: MAX_LEVELS - 1 }).energies.length).toBe(MAX_LEVELS);
  });

  it('CO vibration: (v + 1/2) 2143 cm⁻¹; at 300 K nearly everything is in v = 0', () => {
    const p = preset('co-vibration');
    const s = p.build({ vMax: 3 });
    expect([...s.energies]).toEqual([1071.5, 3214.5, 5357.5, 7500.5]);
    expect(p.energyUnit.symbol).toBe('cm⁻¹');
    const weights = boltzmann(s, parseTemperature('300 K', p.energyUnit));
    expect(weights[0]).toBeGreaterThan(0.9999);
  });
});

describe('rigid rotor (CO)', () => {
  const rotor = preset('rigid-rotor');

  it('E_J = B J(J+1), g = 2J + 1 with B = 1.9225 cm⁻¹', () => {
    const s = rotor.build({ jMax: 3 });
    const b = CO_ROTATIONAL_CONSTANT_CM;
    expect([...s.energies]).toEqual([0, 2 * b, 6 * b, 12 * b]);
    expect([...s.degeneracies]).toEqual([1, 3, 5, 7]);
    expect(s.labels).toEqual(['J = 0', 'J = 1', 'J = 2', 'J = 3']);
    expect(rotor.energyUnit.symbol).toBe('cm⁻¹');
  });

  it('at 300 K the most populated level is J = 7', () => {
    const s = rotor.build();
    const temperature = parseTemperature('300 K', rotor.energyUnit);
    expect(temperature).toBeCloseTo(208.51, 2);
    // p_J ∝ (2J+1) exp(−B J(J+1)/kT), computed directly.
    const direct = Array.from(
      { length: 51 },
      (_, j) => (2 * j + 1) * Math.exp((-1.9225 * j * (j + 1)) / temperature),
    );
    expect(argmax(direct)).toBe(7);
    expect(argmax(boltzmann(s, temperature))).toBe(7);
    expect(s.labels[argmax(boltzmann(s, temperature))]).toBe('J = 7');
  });

  it('a different B moves the peak (H₂-like B = 60.85 cm⁻¹ peaks at J = 1)', () => {
    const s = rotor.build({ b: 60.85, jMax: 20 });
    expect(argmax(boltzmann(s, parseTemperature('300 K', rotor.energyUnit)))).toBe(1);
  });
});

describe('particle in a box', () => {
  it('1D: E_n = n², n = 1 … n_max', () => {
    const s = preset('box-1d').build({ nMax: 4 });
    expect([...s.energies]).toEqual([1, 4, 9, 16]);
    expect([...s.degeneracies]).toEqual([1, 1, 1, 1]);
    expect(s.labels[0]).toBe('n = 1');
  });

  it('3D: degeneracies by counting triples', () => {
    const s = preset('box-3d').build({ maxSum: 30 });
    const g = new Map([...s.energies].map((e, i) => [e, s.degeneracies[i]]));
    expect(g.get(3)).toBe(1);
    expect(g.get(6)).toBe(3);
    expect(g.get(9)).toBe(3);
    expect(g.get(11)).toBe(3);
    expect(g.get(12)).toBe(1);
    expect(g.get(14)).toBe(6);
    expect(g.get(27)).toBe(4); // (1,1,5) ×3 and (3,3,3) ×1: an "accidental" degeneracy
    // Sums that are not three positive squares are not levels.
    for (const missing of [4, 5, 7, 8, 10, 13, 15, 16, 20, 23, 25, 28]) expect(g.has(missing)).toBe(false);
    expect([...s.energies].slice(0, 6)).toEqual([3, 6, 9, 11, 12, 14]);
    expect(s.labels.slice(0, 6)).toEqual(['(1,1,1)', '(1,1,2)', '(1,2,2)', '(1,1,3)', '(2,2,2)', '(1,2,3)']);
    expect(s.labels[[...s.energies].indexOf(27)]).toBe('(1,1,5) or (3,3,3)');
  });

  it('3D: the total number of states equals a brute-force count of triples', () => {
    for (const maxSum of [3, 10, 57, 300]) {
      let brute = 0;
      for (let x = 1; x * x < maxSum; x++)
        for (let y = 1; y * y < maxSum; y++)
          for (let z = 1; z * z < maxSum; z++) if (x * x + y * y + z * z <= maxSum) brute++;
      const s = cubicBoxLevels(maxSum);
      expect(s.degeneracies.reduce((a, b) => a + b, 0)).toBe(brute);
      expect(Math.max(...s.energies)).toBeLessThanOrEqual(maxSum);
    }
    expect(cubicBoxLevels(3).energies.length).toBe(1);
  });
});

describe('hydrogen', () => {
  it('E_n = −13.606 eV / n², g = 2n², in eV', () => {
    const p = preset('hydrogen');
    const s = p.build({ nMax: 3 });
    expect(s.energies[0]).toBeCloseTo(-13.606, 12);
    expect(s.energies[1]).toBeCloseTo(-3.4015, 12);
    expect(s.energies[2]).toBeCloseTo(-13.606 / 9, 12);
    expect([...s.degeneracies]).toEqual([2, 8, 18]);
    expect(s.labels).toEqual(['n = 1', 'n = 2', 'n = 3']);
    expect(p.energyUnit).toEqual({ symbol: 'eV', electronvolts: 1 });
  });

  it('truncation matters: at 10⁴ K the excited population grows with n_max', () => {
    const p = preset('hydrogen');
    const temperature = parseTemperature('10000 K', p.energyUnit);
    const excited = (nMax: number) => 1 - boltzmann(p.build({ nMax }), temperature)[0];
    expect(excited(10)).toBeLessThan(1e-3);
    expect(excited(10_000)).toBeGreaterThan(excited(10));
  });
});
