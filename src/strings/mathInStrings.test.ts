import temml from 'temml';
import { describe, expect, test } from 'vitest';
import { HOW_IT_WORKS_SECTIONS } from '../screens/howItWorks/content.ts';
import { splitMathText } from '../shared/ui/mathSplit.ts';
import { howItWorks as howItWorksEn } from './en/howItWorks.ts';
import { en } from './en.ts';
import { howItWorks as howItWorksRu } from './ru/howItWorks.ts';
import { ru } from './ru.ts';

/** Every text of a strings object: its strings, and what its functions give for a few sample arguments. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return [0, 1, 2.5, 1234].flatMap((n) => {
      try {
        const asNumbers = String(fn(...Array.from({ length: fn.length }, () => n)));
        const asText = String(fn(...Array.from({ length: fn.length }, () => String(n))));
        return [
          [path, asNumbers],
          [path, asText],
        ] as [string, string][];
      } catch {
        return []; // the error tables take parameter objects: messages.test.ts renders them with real ones
      }
    });
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
  }
  return [];
}

function formulasOf(text: string): string[] {
  return splitMathText(text).flatMap((segment) => (segment.kind === 'math' ? [segment.tex] : []));
}

const SOURCES: [string, unknown][] = [
  ['en', en],
  ['ru', ru],
  ['en how it works', howItWorksEn],
  ['ru how it works', howItWorksRu],
  [
    'displayed formulas',
    HOW_IT_WORKS_SECTIONS.map((section) => (section.formulas ?? []).map((f) => `$${f}$`)),
  ],
];

describe.each(SOURCES)('every formula in %s', (_name, source) => {
  test('is TeX that Temml reads without an error', () => {
    let formulas = 0;
    for (const [path, text] of texts(source)) {
      for (const tex of formulasOf(text)) {
        formulas++;
        expect(() => temml.renderToString(tex, { throwOnError: true }), `${path}: ${tex}`).not.toThrow();
      }
    }
    expect(formulas).toBeGreaterThan(0);
  });
});

describe('a formula written in the words of both languages', () => {
  test('is the same formula in Russian as in English, paragraph for paragraph', () => {
    // A formula may differ only in the decimal comma ({,} for TeX's comma) and the units' names.
    const normal = (tex: string) => tex.replace(/\{,\}/g, '.').replace('\\text{эВ}', '\\text{eV}');
    const formulaSet = (text: string) => [...new Set(formulasOf(text).map(normal))].sort();
    for (const [id, section] of Object.entries(howItWorksEn.sections)) {
      const russian = howItWorksRu.sections[id as keyof typeof howItWorksRu.sections];
      section.paragraphs.forEach((paragraph, i) => {
        expect(formulaSet(russian.paragraphs[i]), `${id}[${i}]`).toEqual(formulaSet(paragraph));
      });
    }
  });
});
