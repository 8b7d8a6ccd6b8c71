import { describe, expect, test } from 'vitest';
import { defaultParams, presetById } from '../../core/spectra/index.ts';
import { einsteinRefusal, MAX_EINSTEIN_QUANTA, parseQuanta } from '../../shared/model/einstein.ts';
import { buildSystem } from '../../shared/model/system.ts';
import { createPhysicsModel } from './model.ts';

function presetSystem(id: string) {
  const preset = presetById(id);
  if (!preset) throw new Error(`No preset ${id}.`);
  return buildSystem({ kind: 'preset', presetId: preset.id, params: defaultParams(preset) });
}

test('quanta are read as whole numbers from 0 to the maximum, with or without grouping', () => {
  expect(parseQuanta('2000')).toBe(2000);
  expect(parseQuanta(' 2 000 ')).toBe(2000);
  expect(parseQuanta('1e6')).toBe(1e6);
  expect(parseQuanta('0')).toBe(0);
  expect(parseQuanta(String(MAX_EINSTEIN_QUANTA))).toBe(MAX_EINSTEIN_QUANTA);
  for (const bad of ['', '-1', '2.5', 'many', '1e8', 'NaN', 'Infinity', '0x10'])
    expect(parseQuanta(bad)).toBeNull();
});

test('the Einstein solid needs a harmonic oscillator and every oscillator drawn', () => {
  expect(einsteinRefusal(presetSystem('harmonic-oscillator'), 2000)).toBeNull();
  expect(einsteinRefusal(presetSystem('co-vibration'), 1e6)).toBeNull();
  expect(einsteinRefusal(presetSystem('two-level'), 2000)).toBe('system');
  expect(einsteinRefusal(presetSystem('harmonic-oscillator'), 1e6 + 1)).toBe('particles');
});

describe('the simulator state with the Einstein solid', () => {
  test('the temperature follows N and q: T = ħω / ln(1 + N/q)', () => {
    const state = createPhysicsModel();
    state.particles.setDynamics('einstein');
    expect(state.particles.einstein.value).toEqual({ quanta: 2000, start: 'even' });
    expect(state.temperature.value).toBeCloseTo(1 / Math.LN2, 12);
    state.particles.quanta.set(6000); // N/q = 1/3
    expect(state.temperature.value).toBeCloseTo(1 / Math.log(4 / 3), 12);
    state.particles.particleCount.set(500);
    expect(state.temperature.value).toBeCloseTo(1 / Math.log(1 + 500 / 6000), 12);
    state.particles.quanta.set(0);
    expect(state.temperature.value).toBe(0);
    state.particles.quanta.set(2000);
    state.particles.particleCount.set(2000);
    state.setTemperature(5); // as a shortcut or a link might
    expect(state.temperature.value).toBeCloseTo(1 / Math.LN2, 12);
  });

  test('in the CO vibration the quantum is ħω of CO, so T is that over ln(1 + N/q)', () => {
    const state = createPhysicsModel();
    state.chooseSystem({ kind: 'preset', presetId: 'co-vibration', params: { vMax: 10 } });
    state.particles.setDynamics('einstein');
    expect(state.temperature.value).toBeCloseTo(state.system.value.excitationEnergy / Math.LN2, 9);
  });

  test('leaving the oscillator hands over to the heat bath; more oscillators than are drawn are refused', () => {
    const state = createPhysicsModel();
    state.particles.setDynamics('einstein');
    state.chooseSystem({ kind: 'preset', presetId: 'two-level', params: {} });
    expect(state.particles.dynamics.value).toBe('heat-bath');
    expect(state.particles.einstein.value).toBeNull();

    state.chooseSystem({ kind: 'preset', presetId: 'harmonic-oscillator', params: { nMax: 20 } });
    state.particles.setDynamics('einstein');
    expect(() => state.particles.particleCount.set(2e6)).toThrow();
    expect(state.particles.particleCount.value).toBe(2000);
    expect(state.particles.dynamics.value).toBe('einstein');
  });

  test('other dynamics leave the temperature alone', () => {
    const state = createPhysicsModel();
    state.setTemperature(0.7);
    state.particles.quanta.set(10);
    expect(state.temperature.value).toBe(0.7);
    expect(state.particles.einstein.value).toBeNull();
  });
});
