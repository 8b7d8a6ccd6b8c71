/**
 * The generation panel's list of temperatures as a person types it. The separator never doubles as the
 * decimal mark: in English "0.2, 0.5, 1" (commas, semicolons or spaces between numbers, a point in
 * them); in Russian "0,2; 0,5; 1" (semicolons or spaces between numbers, a comma or a point in them,
 * and a comma followed by a space also separates, so "0, 0,5, 1" reads as 0; 0,5; 1). What a comma
 * could mean either way ("0,5,1" in Russian) is refused with a message, never guessed. Parsing reports
 * what is wrong as data, so the message comes from the strings file in the panel's language.
 */
import { formatNumber, usesDecimalComma } from '../../shared/ui/format.ts';
import type { LanguageStrings } from '../../strings/en.ts';

export const MAX_TEMPERATURES = 6;
/** Beyond ±5 a character model is already uniform (or inverted) to the eye; the columns stop differing. */
export const TEMPERATURE_LIMIT = 5;

export type TemperatureProblem =
  | { kind: 'count'; count: number }
  | { kind: 'not-a-number'; text: string }
  | { kind: 'ambiguous-comma'; text: string }
  | { kind: 'out-of-range'; text: string };

export type TemperatureListResult =
  | { ok: true; temperatures: number[] }
  | { ok: false; problem: TemperatureProblem };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INFINITE = /^[+-]?(inf|infinity|∞)$/i;

/** Between numbers: in English a comma, semicolon or space; with a decimal comma, a semicolon, a space, or a comma before a space. */
const ENGLISH_SEPARATOR = /[\s,;]+/;
const DECIMAL_COMMA_SEPARATOR = /(?:;|,(?=\s|$)|\s)+/;

/** Numbers in a list; `decimalComma` (the Russian interface) reads "0,5" as one half. "−" is read as "-". */
export function parseTemperatureList(text: string, decimalComma = usesDecimalComma()): TemperatureListResult {
  const parts = text
    .replace(/\u2212/g, '-')
    .trim()
    .split(decimalComma ? DECIMAL_COMMA_SEPARATOR : ENGLISH_SEPARATOR)
    .filter((part) => part !== '');
  if (parts.length === 0 || parts.length > MAX_TEMPERATURES) {
    return { ok: false, problem: { kind: 'count', count: parts.length } };
  }
  const temperatures: number[] = [];
  for (const typed of parts) {
    if (decimalComma && (typed.match(/,/g) ?? []).length > 1)
      return { ok: false, problem: { kind: 'ambiguous-comma', text: typed.slice(0, 30) } };
    const part = decimalComma ? typed.replace(',', '.') : typed;
    if (INFINITE.test(part)) return { ok: false, problem: { kind: 'out-of-range', text: typed } };
    if (!DECIMAL.test(part))
      return { ok: false, problem: { kind: 'not-a-number', text: typed.slice(0, 30) } };
    const value = Number(part);
    if (!(Math.abs(value) <= TEMPERATURE_LIMIT))
      return { ok: false, problem: { kind: 'out-of-range', text: typed } };
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
    case 'ambiguous-comma':
      return strings.temperaturesAmbiguousComma(problem.text);
    case 'out-of-range':
      return strings.temperaturesOutOfRange(problem.text, String(TEMPERATURE_LIMIT));
  }
}

/** The list as the field shows it, in the interface's own notation; parsing this gives the same numbers back. */
export function formatTemperatureList(
  temperatures: readonly number[],
  decimalComma = usesDecimalComma(),
): string {
  return decimalComma
    ? temperatures.map((t) => formatTemperature(t).replace('.', ',')).join('; ')
    : temperatures.map((t) => formatTemperature(t)).join(', ');
}

/** Short and exact enough to tell columns apart; a plain "-" so that the field text parses back. */
export function formatTemperature(t: number): string {
  return String(Number(t.toPrecision(6)));
}

/** For headings: the typographic minus, as elsewhere on screen. */
export function displayTemperature(t: number): string {
  return formatNumber(t, 6);
}
