/**
 * Splits text with formulas into words and TeX. Inline TeX stands between single dollars ("at $T \to 0$"),
 * a displayed formula between double ones ("$$Z = \sum_i g_i e^{-E_i/T}$$"). A dollar meant as a dollar is
 * written `\$`, in the words and inside a formula alike (TeX itself reads `\$` as a dollar sign); in the
 * words `\\` is one backslash, and any other backslash is itself. A dollar that opens a formula nobody
 * closes is kept as a literal dollar, so no text can make the split fail.
 */

export type MathSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

/** The position of the dollar (or "$$") that closes a formula opened before `from`, or -1. */
function closingDollar(text: string, from: number, display: boolean): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++; // whatever follows a backslash is part of a TeX command (`\$`, `\\`), never a delimiter
      continue;
    }
    if (c !== '$') continue;
    if (!display) return i;
    if (text[i + 1] === '$') return i;
  }
  return -1;
}

export function splitMathText(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let words = '';
  const flushWords = () => {
    if (words !== '') segments.push({ kind: 'text', text: words });
    words = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '$' || text[i + 1] === '\\')) {
      words += text[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      words += c;
      i++;
      continue;
    }
    const display = text[i + 1] === '$';
    const start = i + (display ? 2 : 1);
    const end = closingDollar(text, start, display);
    const tex = end < 0 ? '' : text.slice(start, end);
    if (end < 0 || tex.trim() === '') {
      // Not a formula: an unclosed dollar, or "$$" / "$ $" with nothing between.
      words += '$';
      i++;
      continue;
    }
    flushWords();
    segments.push({ kind: 'math', tex, display });
    i = end + (display ? 2 : 1);
  }
  flushWords();
  return segments;
}

/** Text that must read as itself (a token, a name someone typed): its dollars and backslashes escaped. */
export function escapeMathText(text: string): string {
  return text.replace(/[\\$]/g, '\\$&');
}

/** TeX commands a plain-text reader knows by their symbol. */
const PLAIN_COMMANDS: Readonly<Record<string, string>> = {
  ln: 'ln',
  max: 'max',
  min: 'min',
  langle: '⟨',
  rangle: '⟩',
  infty: '∞',
  to: '→',
  pm: '±',
  sum: 'Σ',
  sigma: 'σ',
  chi: 'χ',
  hbar: 'ħ',
  omega: 'ω',
  Delta: 'Δ',
};

/**
 * The text as plain text, for where no formula can be typeset (a CSV header, a file name): the words as
 * they are and each formula's TeX with its dollars, braces and the common commands turned into symbols.
 */
export function plainMathText(text: string): string {
  return splitMathText(text)
    .map((segment) =>
      segment.kind === 'text'
        ? segment.text
        : segment.tex
            .replace(/\\([A-Za-z]+)/g, (whole, name: string) => PLAIN_COMMANDS[name] ?? whole)
            .replace(/\\,/g, ' ')
            .replace(/[{}]/g, '')
            .replace(/-/g, '−')
            .replace(/⟨ /g, '⟨')
            .replace(/ ⟩/g, '⟩'),
    )
    .join('');
}
