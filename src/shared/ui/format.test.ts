import { afterEach, expect, test } from 'vitest';
import { formatShare, setNumberLocale } from './format.ts';

afterEach(() => setNumberLocale('en'));

test('a share is a percentage with two decimals, the same for theory and observation', () => {
  expect(formatShare(0.6321205588)).toBe('63.21%');
  expect(formatShare(0.65)).toBe('65.00%');
  expect(formatShare(1)).toBe('100.00%');
  expect(formatShare(0.0005)).toBe('0.05%');
});

test('a small share keeps two significant digits instead of reading as 0.00%', () => {
  expect(formatShare(3.2e-5)).toBe('0.0032%');
  expect(formatShare(4.5e-9)).toBe('4.5×10⁻⁷%');
  expect(formatShare(0)).toBe('0%');
  expect(formatShare(Number.NaN)).toBe('—');
});

test('Russian writes the decimal comma', () => {
  setNumberLocale('ru');
  expect(formatShare(0.6321205588)).toBe('63,21%');
  expect(formatShare(3.2e-5)).toBe('0,0032%');
});
