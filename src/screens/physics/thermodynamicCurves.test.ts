import { expect, test } from 'vitest';
import { defaultParams, presetById } from '../../core/spectra/index.ts';
import { buildSystem } from '../../shared/model/system.ts';
import { thermodynamicCurves } from './thermodynamicCurves.ts';

test('the plotted range shows the Schottky peak of the two-level system inside it', () => {
  const preset = presetById('two-level');
  if (!preset) throw new Error('missing preset');
  const curves = thermodynamicCurves(
    buildSystem({ kind: 'preset', presetId: 'two-level', params: defaultParams(preset) }),
  );
  const peak = curves.heatCapacity.indexOf(Math.max(...curves.heatCapacity));
  expect(peak).toBeGreaterThan(10);
  expect(peak).toBeLessThan(curves.temperatures.length - 10);
  expect(curves.temperatures[peak]).toBeGreaterThan(0);
  expect(curves.temperatures[peak]).toBeCloseTo(0.4168, 1);
  expect(curves.heatCapacity[peak]).toBeCloseTo(0.4392, 3);
});

test('every plotted value is finite, for every preset', () => {
  for (const id of [
    'two-level',
    'three-level',
    'harmonic-oscillator',
    'co-vibration',
    'rigid-rotor',
    'box-1d',
    'box-3d',
    'hydrogen',
  ] as const) {
    const preset = presetById(id);
    if (!preset) throw new Error(`missing preset ${id}`);
    const curves = thermodynamicCurves(
      buildSystem({ kind: 'preset', presetId: id, params: defaultParams(preset) }),
    );
    for (const series of [curves.positions, curves.meanEnergy, curves.heatCapacity, curves.entropy]) {
      expect(series.every(Number.isFinite), id).toBe(true);
    }
  }
});

test('a bounded spectrum is plotted from T = 0 through T = ∞ into negative temperatures; an unbounded one to ∞', () => {
  const twoLevel = presetById('two-level');
  const oscillator = presetById('harmonic-oscillator');
  if (!twoLevel || !oscillator) throw new Error('missing preset');
  const bounded = thermodynamicCurves(
    buildSystem({ kind: 'preset', presetId: 'two-level', params: defaultParams(twoLevel) }),
  );
  expect(bounded.temperatures[0]).toBe(0);
  expect(bounded.temperatures).toContain(Number.POSITIVE_INFINITY);
  expect(bounded.temperatures.at(-1)).toBeCloseTo(-0.05, 12);
  // Inverted at negative T: more than half the energy gap on average; S peaks at T = ∞ (ln 2).
  expect(bounded.meanEnergy.at(-1)).toBeGreaterThan(0.99);
  expect(Math.max(...bounded.entropy)).toBeCloseTo(Math.log(2), 12);
  const unbounded = thermodynamicCurves(
    buildSystem({ kind: 'preset', presetId: 'harmonic-oscillator', params: defaultParams(oscillator) }),
  );
  expect(unbounded.temperatures.at(-1)).toBe(Number.POSITIVE_INFINITY);
  expect(unbounded.temperatures.every((t) => t >= 0)).toBe(true);
});
