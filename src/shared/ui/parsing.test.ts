import { expect, test } from 'vitest';
import { checkParticleCount } from '../../core/simulation.ts';
import { parseSeed } from './dynamicsControls.ts';
import { formatCount, formatNumber, formatPercent } from './format.ts';
import {
  PARTICLE_SLIDER_POSITIONS,
  parseParticleCount,
  particleCountAtSliderPosition,
} from './particleControls.ts';

test('particle counts are read the ways people type them', () => {
  expect(parseParticleCount('2000')).toBe(2000);
  expect(parseParticleCount('1e6')).toBe(1e6);
  expect(parseParticleCount('1 000 000')).toBe(1e6);
  expect(parseParticleCount('10^24')).toBe(1e24);
  for (const bad of ['0', '-5', '2.5', 'lots', '1e25', '', 'Infinity'])
    expect(() => parseParticleCount(bad)).toThrow(/whole number/);
});

test('every position of the particle slider is a whole count the engine takes, each larger than the last', () => {
  const counts = Array.from({ length: PARTICLE_SLIDER_POSITIONS }, (_, position) =>
    particleCountAtSliderPosition(position),
  );
  for (const n of counts) expect(() => checkParticleCount(n)).not.toThrow();
  for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1]);
  expect(counts.slice(0, 9)).toEqual([1, 2, 3, 6, 10, 18, 32, 56, 100]);
  expect(counts.at(-1)).toBe(1e24);
});

test('seeds are whole numbers in the 32-bit range', () => {
  expect(parseSeed('42')).toBe(42);
  for (const bad of ['-1', '4294967296', '1.5', 'abc', '']) expect(() => parseSeed(bad)).toThrow(/seed/);
});

test('numbers on screen are never NaN and stay readable', () => {
  expect(formatNumber(Number.NaN)).toBe('—');
  expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  expect(formatNumber(1.23456e-7, 3)).toBe('1.23×10⁻⁷');
  expect(formatNumber(-0.5)).toBe('−0.5');
  expect(formatCount(1e24)).toBe('1×10²⁴');
  expect(formatPercent(0.6321)).toBe('63.2%');
  expect(formatPercent(Number.NaN)).toBe('—');
});
