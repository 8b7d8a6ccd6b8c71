/**
 * The generation panel's list of temperatures as a person types it: "0.2, 0.5, 1, 1.5". Parsing reports
 * what is wrong as data, so the message comes from the strings file in the panel's language.
 */
import { formatNumber } from '../format.ts';
import type { LanguageStrings } from '../strings/en.ts';

export const MAX_TEMPERATURES = 6;
/** Beyond ±5 a character model is already uniform (or inverted) to the eye; the columns stop differing. */
export const TEMPERATURE_LIMIT = 5;

export type TemperatureProblem =
  | { kind: 'count'; count: number }
  | { kind: 'not-a-number'; text: string }
  | { kind: 'out-of-range'; text: string };

export type TemperatureListResult =
  | { ok: true; temperatures: number[] }
  | { ok: false; problem: TemperatureProblem };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INFINITE = /^[+-]?(inf|infinity|∞)$/i;

/** Numbers separated by commas, semicolons or spaces; "−" (the minus sign) is read as "-". */
export function parseTemperatureList(text: string): TemperatureListResult {
  const parts = text
    .replace(/\u2212/g, '-')
    .split(/[\s,;]+/)
    .filter((part) => part !== '');
  if (parts.length === 0 || parts.length > MAX_TEMPERATURES) {
    return { ok: false, problem: { kind: 'count', count: parts.length } };
  }
  const temperatures: number[] = [];
  for (const part of parts) {
    if (INFINITE.test(part)) return { ok: false, problem: { kind: 'out-of-range', text: part } };
    if (!DECIMAL.test(part)) return { ok: false, problem: { kind: 'not-a-number', text: part.slice(0, 30) } };
    const value = Number(part);
    if (!(Math.abs(value) <= TEMPERATURE_LIMIT))
      return { ok: false, problem: { kind: 'out-of-range', text: part } };
    temperatures.push(value);
  }
  return { ok: true, temperatures };
}

export function temperatureProblemMessage(strings: LanguageStrings, problem: TemperatureProblem): string {
  switch (problem.kind) {
    case 'count':
      return strings.temperaturesCount(MAX_TEMPERATURES, problem.count);
    case 'not-a-number':
      return strings.temperaturesNotANumber(problem.text);
    case 'out-of-range':
      return strings.temperaturesOutOfRange(problem.text, String(TEMPERATURE_LIMIT));
  }
}

/** The list as the field shows it; parsing this gives the same numbers back. */
export function formatTemperatureList(temperatures: readonly number[]): string {
  return temperatures.map((t) => formatTemperature(t)).join(', ');
}

/** Short and exact enough to tell columns apart; a plain "-" so that the field text parses back. */
export function formatTemperature(t: number): string {
  return String(Number(t.toPrecision(6)));
}

/** For headings: the typographic minus, as elsewhere on screen. */
export function displayTemperature(t: number): string {
  return formatNumber(t, 6);
}
