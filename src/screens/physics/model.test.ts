import { expect, test } from 'vitest';
import { defaultParams, PRESETS } from '../../core/spectra/index.ts';
import { buildSystem } from '../../shared/model/system.ts';
import { createPhysicsModel, displayUnitsFor, listedDisplayUnit } from './model.ts';

test('no system lists a unit twice; CO and hydrogen list their own unit by its physical name', () => {
  for (const preset of PRESETS) {
    const system = buildSystem({ kind: 'preset', presetId: preset.id, params: defaultParams(preset) });
    const units = displayUnitsFor(system);
    const names = units.map((unit) => (unit === 'internal' ? system.energyUnit.symbol : unit));
    expect(new Set(names).size, preset.id).toBe(names.length);
    expect(displayUnitsFor(system)).toContain(listedDisplayUnit(system, 'internal'));
  }
});

test('a system switch records the temperature it moved; a link’s switch (announce = false) does not', () => {
  const state = createPhysicsModel();
  expect(state.temperature.value).toBe(1);
  state.chooseSystem({ kind: 'preset', presetId: 'two-level', params: { gap: 1, upperDegeneracy: 1 } });
  expect(state.temperature.value).toBe(0.5);
  expect(state.temperatureMove.value).toMatchObject({ previous: 1, next: 0.5 });
  state.chooseSystem({ kind: 'preset', presetId: 'three-level', params: { e2: 1, e3: 1.8 } });
  expect(state.temperatureMove.value).toBeNull();
  state.chooseSystem({ kind: 'preset', presetId: 'harmonic-oscillator', params: { nMax: 40 } }, false);
  expect(state.temperatureMove.value).toBeNull();
});
