import { expect, test } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { buildSystem } from './system.ts';

test('levels are sorted by energy, with their labels and degeneracies', () => {
  const system = buildSystem({ kind: 'list', text: '2, 0:3, 1' });
  expect(Array.from(system.spectrum.energies)).toEqual([0, 1, 2]);
  expect(Array.from(system.spectrum.degeneracies)).toEqual([3, 1, 1]);
  expect(system.labels).toEqual(['level 2', 'level 3', 'level 1']);
  expect(system.excitationEnergy).toBe(1);
  expect(system.allowsNegativeTemperature).toBe(true);
});

test('a formula whose energies fall with n is sorted too', () => {
  const system = buildSystem({ kind: 'formula', energy: '-n', degeneracy: '1', nFrom: 0, nTo: 3 });
  expect(Array.from(system.spectrum.energies)).toEqual([-3, -2, -1, -0]);
  expect(system.labels[0]).toBe('n = 3');
});

test('truncated infinite ladders do not offer negative temperatures; two- and three-level systems do', () => {
  expect(
    buildSystem({ kind: 'preset', presetId: 'harmonic-oscillator', params: { nMax: 5 } })
      .allowsNegativeTemperature,
  ).toBe(false);
  expect(
    buildSystem({ kind: 'preset', presetId: 'two-level', params: { gap: 1, upperDegeneracy: 1 } })
      .allowsNegativeTemperature,
  ).toBe(true);
});

test('bad input is refused with an InputError', () => {
  expect(() =>
    buildSystem({ kind: 'formula', energy: 'import("x")', degeneracy: '1', nFrom: 0, nTo: 3 }),
  ).toThrow(InputError);
  expect(() => buildSystem({ kind: 'list', text: 'a, b' })).toThrow(InputError);
});
