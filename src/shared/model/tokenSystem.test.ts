import { expect, test } from 'vitest';
import { boltzmannProbabilities, temperatureSoftmax } from '../../core/distribution.ts';
import { buildTokenSystem, visibleToken } from './tokenSystem.ts';

test('tokens become levels with E = −ln p, most likely first; the Boltzmann distribution at T = t is temperature sampling', () => {
  const p = [0.1, 0.6, 0.3];
  const { system, tokenOfLevel } = buildTokenSystem(['a', 'b', 'c'], p, null);
  expect(Array.from(tokenOfLevel)).toEqual([1, 2, 0]);
  expect(system.labels).toEqual(['b', 'c', 'a']);
  for (const t of [0.5, 1, 2, -1]) {
    const physics = boltzmannProbabilities(system.spectrum.energies, t, system.spectrum.degeneracies);
    const sampling = temperatureSoftmax(p, t);
    tokenOfLevel.forEach((token, level) => {
      expect(physics[level]).toBeCloseTo(sampling[token], 12);
    });
  }
});

test('removed tokens keep their place but can never be drawn; zero-probability tokens are left out', () => {
  const removed = Uint8Array.of(0, 0, 1, 0);
  const { system, tokenOfLevel } = buildTokenSystem(['a', 'b', 'c', 'd'], [0.5, 0.3, 0.2, 0], removed);
  expect(tokenOfLevel.length).toBe(3);
  expect(Array.from(system.spectrum.degeneracies)).toEqual([1, 1, 0]);
  expect(boltzmannProbabilities(system.spectrum.energies, -5, system.spectrum.degeneracies)[2]).toBe(0);
});

test('whitespace is shown as visible symbols', () => {
  expect(visibleToken(' ')).toBe('␣');
  expect(visibleToken('a\nb')).toBe('a↵b');
  expect(visibleToken('')).toBe('∅');
});
