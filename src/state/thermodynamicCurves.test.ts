import { expect, test } from 'vitest';
import { defaultParams, presetById } from '../core/spectra/index.ts';
import { buildSystem } from './system.ts';
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
    for (const series of [curves.temperatures, curves.meanEnergy, curves.heatCapacity, curves.entropy]) {
      expect(series.every(Number.isFinite), id).toBe(true);
    }
  }
});
