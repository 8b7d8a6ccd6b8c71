import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeMathText, type MathSegment, plainMathText, splitMathText } from './mathSplit.ts';

/** Words with no dollar and no backslash: what a sentence around formulas is made of. */
const words = fc.string({ unit: fc.constantFrom('a', 'Б', ' ', '.', ',', '1', '→', '_', '^', '{', '}') });
/** A formula's source: anything but an unescaped dollar, and not blank. */
const tex = fc
  .array(fc.constantFrom('x', '_', '^', '{', '}', '\\frac', '\\$', '\\\\', ' ', '1', 'ω'), { minLength: 1 })
  .map((parts) => parts.join(''))
  .filter((source) => source.trim() !== '' && !/\\$/.test(source));

function texts(segments: readonly MathSegment[]): string {
  return segments.map((segment) => (segment.kind === 'text' ? segment.text : '')).join('');
}

describe('splitMathText', () => {
  test('words and inline formulas, in order', () => {
    expect(splitMathText('At $T \\to 0$ all goes to $E_0$.')).toEqual([
      { kind: 'text', text: 'At ' },
      { kind: 'math', tex: 'T \\to 0', display: false },
      { kind: 'text', text: ' all goes to ' },
      { kind: 'math', tex: 'E_0', display: false },
      { kind: 'text', text: '.' },
    ]);
  });

  test('a displayed formula between double dollars', () => {
    expect(splitMathText('$$Z = \\sum_i g_i$$')).toEqual([
      { kind: 'math', tex: 'Z = \\sum_i g_i', display: true },
    ]);
  });

  test('an escaped dollar is a dollar, in the words and inside a formula', () => {
    expect(splitMathText('costs \\$5, or $\\$5 \\cdot n$')).toEqual([
      { kind: 'text', text: 'costs $5, or ' },
      { kind: 'math', tex: '\\$5 \\cdot n', display: false },
    ]);
  });

  test('an unclosed or empty formula stays as its dollars', () => {
    expect(splitMathText('it costs 5$ and more')).toEqual([{ kind: 'text', text: 'it costs 5$ and more' }]);
    expect(splitMathText('$$$$')).toEqual([{ kind: 'text', text: '$$$$' }]);
    expect(splitMathText('$ $')).toEqual([{ kind: 'text', text: '$ $' }]);
  });

  test('never throws, and text without dollars is one text segment, unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const segments = splitMathText(text);
        for (const segment of segments) {
          if (segment.kind === 'math') expect(segment.tex.trim()).not.toBe('');
          else expect(segment.text).not.toBe('');
        }
        if (!/[$\\]/.test(text)) expect(segments).toEqual(text === '' ? [] : [{ kind: 'text', text }]);
      }),
    );
  });

  test('the words around formulas are preserved, and each formula comes back as written', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, tex)), words, (pairs, last) => {
        const text = pairs.map(([before, formula]) => `${before}$${formula}$`).join('') + last;
        const segments = splitMathText(text);
        expect(texts(segments)).toBe(pairs.map(([before]) => before).join('') + last);
        expect(segments.filter((segment) => segment.kind === 'math').map((segment) => segment.tex)).toEqual(
          pairs.map(([, formula]) => formula),
        );
      }),
    );
  });

  test('plain text for a CSV header: the words, and the formula with symbols for its commands', () => {
    expect(plainMathText('Theory $p$')).toBe('Theory p');
    expect(plainMathText('$E = -\\ln p$')).toBe('E = −ln p');
    expect(plainMathText('Mean energy $\\langle E \\rangle$')).toBe('Mean energy ⟨E⟩');
  });

  test('escaped text reads as itself', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        expect(splitMathText(escapeMathText(text))).toEqual([{ kind: 'text', text }]);
      }),
    );
  });
});
