import { expect, test } from 'vitest';
import { en } from '../../strings/en.ts';
import { ru } from '../../strings/ru.ts';

const languageEn = en.lm;

import {
  formatTemperatureList,
  parseTemperatureList,
  type TemperatureListResult,
  temperatureProblemMessage,
} from './temperatureList.ts';

function temperatures(result: TemperatureListResult): number[] {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.temperatures;
}

function message(text: string): string {
  const result = parseTemperatureList(text);
  if (result.ok) throw new Error(`accepted ${text}`);
  return temperatureProblemMessage(languageEn, result.problem);
}

test('lists are read the ways people type them', () => {
  expect(temperatures(parseTemperatureList('0.2, 0.5, 1, 1.5'))).toEqual([0.2, 0.5, 1, 1.5]);
  expect(temperatures(parseTemperatureList(' 0 ;-1  .5,2e0 '))).toEqual([0, -1, 0.5, 2]);
  expect(temperatures(parseTemperatureList('−0.5, +5, -5'))).toEqual([-0.5, 5, -5]);
  expect(temperatures(parseTemperatureList('1 1'))).toEqual([1, 1]);
  expect(temperatures(parseTemperatureList('1,2,3,4,5,0'))).toHaveLength(6);
});

test('refused lists say why', () => {
  expect(message('')).toMatch(/at least one/);
  expect(message(' , ')).toMatch(/at least one/);
  expect(message('1,2,3,4,5,0,1')).toMatch(/at most 6 temperatures; there are 7/);
  expect(message('0.5, warm')).toMatch(/“warm” is not a number/);
  expect(message('0x10')).toMatch(/not a number/);
  expect(message('1, 5.01')).toMatch(/5\.01 is outside the range −5 to 5/);
  expect(message('-6')).toMatch(/outside/);
  expect(message('inf')).toMatch(/outside/);
  expect(message('1e400')).toMatch(/outside/);
});

test('the field shows a list that parses back to the same numbers', () => {
  for (const list of [[0.2, 0.5, 1, 1.5], [0, -2.5, 5], [1 / 3]]) {
    const shown = formatTemperatureList(list);
    const parsed = temperatures(parseTemperatureList(shown));
    parsed.forEach((t, i) => {
      expect(t).toBeCloseTo(list[i], 5);
    });
  }
  expect(formatTemperatureList([0.2, 0.5, 1, 1.5])).toBe('0.2, 0.5, 1, 1.5');
});

test('in Russian the comma is the decimal mark and never silently a separator', () => {
  const russian = (text: string) => parseTemperatureList(text, true);
  expect(temperatures(russian('0; 0,5; 1'))).toEqual([0, 0.5, 1]);
  expect(temperatures(russian('0, 0,5, 1'))).toEqual([0, 0.5, 1]);
  expect(temperatures(russian('0 0,5 1'))).toEqual([0, 0.5, 1]);
  expect(temperatures(russian('0,2;0,5;1,5'))).toEqual([0.2, 0.5, 1.5]);
  expect(temperatures(russian('0.5; −1'))).toEqual([0.5, -1]);
  const refused = russian('0,5,1');
  expect(refused).toEqual({ ok: false, problem: { kind: 'ambiguous-comma', text: '0,5,1' } });
  if (!refused.ok) {
    expect(temperatureProblemMessage(ru.lm, refused.problem)).toBe(
      '«0,5,1» можно прочитать по-разному: разделяйте температуры точкой с запятой, а дробную часть отделяйте запятой, например 0; 0,5; 1.',
    );
  }
});

test('each language shows the list in its own notation, and reads it back', () => {
  expect(formatTemperatureList([0, 0.5, 1], true)).toBe('0; 0,5; 1');
  expect(formatTemperatureList([0, 0.5, 1], false)).toBe('0, 0.5, 1');
  for (const decimalComma of [true, false]) {
    const shown = formatTemperatureList([-2.5, 0, 1 / 3], decimalComma);
    expect(temperatures(parseTemperatureList(shown, decimalComma))).toEqual([-2.5, 0, 0.333333]);
  }
});
