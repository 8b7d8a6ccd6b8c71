/** Number formatting for readouts: never "NaN", readable at a glance, exact where it matters. */

let decimalComma = false;

/** Readouts follow the interface language: Russian writes 0,5 where English writes 0.5. */
export function setNumberLocale(locale: 'en' | 'ru'): void {
  decimalComma = locale === 'ru';
}

/** True when the interface writes decimals with a comma (Russian), so a comma cannot separate a list. */
export function usesDecimalComma(): boolean {
  return decimalComma;
}

function localize(text: string): string {
  const signed = text.replace('-', '−');
  return decimalComma ? signed.replace('.', ',') : signed;
}

/** A number written by the engine (e.g. "300.5 K") with the current language's decimal mark. */
export function localizeNumbers(text: string): string {
  return decimalComma ? text.replace(/(\d)\.(\d)/g, '$1,$2') : text;
}

/** Text typed with a decimal comma ("0,5") read as a number would be: "0.5". Lists separated by ", " are left alone. */
export function acceptDecimalComma(text: string): string {
  return text.replace(/(\d),(\d)/g, '$1.$2');
}

/** One formatter for every count: toLocaleString builds a new one per call, and tables format counts every frame. */
const GROUPED = new Intl.NumberFormat('en-US');

/** A particle count: plain digits up to a million (grouped), scientific beyond. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 1e7 && Number.isInteger(n)) return GROUPED.format(n).replace(/,/g, '\u202f');
  return formatNumber(n, 4);
}

/** A number with `digits` significant digits; scientific notation outside [1e-3, 1e6). */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '—';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e6) return localize(String(Number(x.toPrecision(digits))));
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${localize(String(Number(mantissa)))}×10${superscript(exponent)}`;
}

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '+': '',
};

function superscript(exponent: string): string {
  return Array.from(exponent, (c) => SUPERSCRIPTS[c] ?? c).join('');
}

const FROM_SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  Object.entries(SUPERSCRIPTS)
    .filter(([, sup]) => sup !== '')
    .map(([plain, sup]) => [sup, plain]),
);

/**
 * A number as the readouts write it ("1.5×10⁻⁵", "1,5", "482 243", "−∞") as TeX for a formula
 * ("1.5 \times 10^{-5}", "1{,}5": the braces keep TeX from spacing a decimal comma as punctuation).
 */
export function texNumber(formatted: string): string {
  return formatted
    .replace(/×10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)/g, (_, exponent: string) => {
      const digits = Array.from(exponent, (c) => FROM_SUPERSCRIPT[c] ?? c).join('');
      return `\\times 10^{${digits}}`;
    })
    .replace(/,/g, '{,}')
    .replace(/\u202f/g, '\\,')
    .replace(/−/g, '-')
    .replace(/∞/g, '\\infty');
}

/**
 * A share of the whole as a percentage with two decimals ("63.21%"), the one format of an occupancy
 * table's theory and observed columns, so the two read side by side. Below 0.01% it keeps two
 * significant digits ("0.0032%", "4.5×10⁻⁷%") so that a small probability never reads as 0.00%;
 * only an exact zero is "0%".
 */
export function formatShare(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const percent = p * 100;
  if (percent === 0) return '0%';
  if (Math.abs(percent) >= 0.01) return `${localize(percent.toFixed(2))}%`;
  return `${formatNumber(percent, 2)}%`;
}

/** A probability as a percentage with sensible precision. */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const percent = p * 100;
  if (percent === 0) return '0%';
  if (percent >= 10) return `${localize(percent.toFixed(1))}%`;
  if (percent >= 0.01) return `${localize(String(Number(percent.toPrecision(3))))}%`;
  return `${formatNumber(percent, 2)}%`;
}
