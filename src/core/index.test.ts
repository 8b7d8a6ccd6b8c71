import { expect, test } from 'vitest';
import * as core from './index.ts';

test('the engine exports the API later issues build on', () => {
  for (const name of [
    'boltzmannProbabilities',
    'temperatureSoftmax',
    'thermodynamics',
    'createRng',
    'sampleLevels',
    'sampleCounts',
    'spectrumFromFormula',
    'heatBathStep',
    'metropolisStep',
    'einsteinStep',
    'parseTemperature',
    'PRESETS',
  ]) {
    expect(core, name).toHaveProperty(name);
  }
  const rng = core.createRng(1);
  const p = core.boltzmannProbabilities([0, 1], 1);
  expect(core.sampleLevels(p, 10, rng)).toHaveLength(10);
  expect(Array.from(core.sampleCounts(p, 1e12, rng)).reduce((a, b) => a + b)).toBe(1e12);
  const { energies, degeneracies } = core.spectrumFromFormula('n', '1', 0, 3);
  expect(Array.from(energies)).toEqual([0, 1, 2, 3]);
  expect(Array.from(degeneracies)).toEqual([1, 1, 1, 1]);
});
