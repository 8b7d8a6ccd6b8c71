import { describe, expect, test } from 'vitest';
import { splitMathText } from '../../shared/ui/mathSplit.ts';
import { howItWorks as en } from '../../strings/en/howItWorks.ts';
import { howItWorks as ru } from '../../strings/ru/howItWorks.ts';
import { HOW_IT_WORKS_SECTION_IDS, HOW_IT_WORKS_SECTIONS, loadHowItWorksText } from './content.ts';

const CYRILLIC = /[А-Яа-яЁё]/;
/** Common English words that would betray an untranslated sentence (ASCII word boundaries, so Cyrillic never matches). */
const ENGLISH_WORDS = /\b(the|and|of|is|are|to|with|for|in|at|on|it|this|that|from|by|as|not)\b/i;

/** A text without its formulas (TeX between dollars), which are the same in every language. */
function words(text: string): string {
  return splitMathText(text)
    .map((segment) => (segment.kind === 'text' ? segment.text : ' '))
    .join('');
}

function expectRussian(text: string): void {
  expect(text).toMatch(CYRILLIC);
  expect(words(text), text).not.toMatch(ENGLISH_WORDS);
}

function expectEnglish(text: string): void {
  expect(text, text).not.toMatch(CYRILLIC);
}

function all(): string[] {
  return HOW_IT_WORKS_SECTIONS.flatMap((section) => [
    en.sections[section.id].heading,
    ru.sections[section.id].heading,
    ...en.sections[section.id].paragraphs,
    ...ru.sections[section.id].paragraphs,
    ...(section.formulas ?? []),
  ]);
}

test('section ids are unique and usable in HTML ids', () => {
  const ids = HOW_IT_WORKS_SECTIONS.map((section) => section.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(HOW_IT_WORKS_SECTION_IDS);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
});

test('the page covers what it promises', () => {
  const ids = HOW_IT_WORKS_SECTIONS.map((section) => section.id);
  for (const id of ['model', 'formulas', 'sampler', 'dynamics', 'ngram', 'exact']) expect(ids).toContain(id);
  const english = HOW_IT_WORKS_SECTIONS.flatMap((section) => en.sections[section.id].paragraphs).join(' ');
  for (const term of [
    'degeneracy',
    'partition function',
    'k_B = 1',
    'Metropolis',
    'Einstein solid',
    'Kneser–Ney',
    'top-k',
    'top-p',
    'min-p',
    'typical-p',
    'llama.cpp',
    'Hugging Face',
    'log-sum-exp',
    'hydrogen',
    'multinomial',
  ]) {
    expect(english).toContain(term);
  }
  const russian = HOW_IT_WORKS_SECTIONS.flatMap((section) => ru.sections[section.id].paragraphs).join(' ');
  for (const term of [
    'статистической суммой',
    'кратностью вырождения',
    'теплоёмкость',
    'энтропия',
    'свободная энергия',
    'инверсная заселённость',
    'отрицательн',
    'токен',
    'жадное декодирование',
    'перплексия',
  ]) {
    expect(russian.toLowerCase()).toContain(term);
  }
  const formulas = HOW_IT_WORKS_SECTIONS.flatMap((section) => section.formulas ?? []).join('\n');
  for (const formula of ['Z = \\sum', 'U = ', 'C = ', 'S = ', 'F = ']) expect(formulas).toContain(formula);
});

describe.each(HOW_IT_WORKS_SECTIONS.map((section) => [section.id, section] as const))(
  'section %s',
  (_id, section) => {
    const english = en.sections[section.id];
    const russian = ru.sections[section.id];
    test('has a heading and paragraphs in both languages, paragraph for paragraph', () => {
      expect(english.heading.trim()).not.toBe('');
      expect(russian.heading.trim()).not.toBe('');
      expect(english.paragraphs.length).toBeGreaterThan(0);
      expect(russian.paragraphs.length).toBe(english.paragraphs.length);
      for (const paragraph of [...english.paragraphs, ...russian.paragraphs]) {
        expect(paragraph.trim()).not.toBe('');
      }
    });

    test('Russian is Russian, English is English', () => {
      expectRussian(russian.heading);
      for (const paragraph of russian.paragraphs) expectRussian(paragraph);
      expectEnglish(english.heading);
      for (const paragraph of english.paragraphs) expectEnglish(paragraph);
    });

    test('formulas are language-neutral and placed inside the section', () => {
      for (const formula of section.formulas ?? []) {
        expect(formula.trim()).not.toBe('');
        expect(formula).not.toMatch(CYRILLIC);
        // No words either (they would stay English on the Russian page): symbols, function names and
        // TeX commands only.
        const words = formula.replace(/\\[A-Za-z]+/g, ' ').match(/[A-Za-z]{4,}/g) ?? [];
        expect(words.filter((word) => word !== 'softmax')).toEqual([]);
      }
      if (section.formulasAfter !== undefined) {
        expect(Number.isInteger(section.formulasAfter)).toBe(true);
        expect(section.formulasAfter).toBeGreaterThanOrEqual(0);
        expect(section.formulasAfter).toBeLessThanOrEqual(english.paragraphs.length);
      }
    });
  },
);

test('title, contents label and introduction exist in both languages', () => {
  for (const key of ['title', 'contentsLabel', 'intro'] as const) {
    expectEnglish(en[key]);
    expect(en[key].trim()).not.toBe('');
    expectRussian(ru[key]);
  }
});

test('each language loads its own words', async () => {
  expect(await loadHowItWorksText('en')).toBe(en);
  expect(await loadHowItWorksText('ru')).toBe(ru);
});

test('the text is plain: no markup and no placeholders', () => {
  for (const text of [...all(), en.intro, ru.intro]) {
    expect(text).not.toMatch(/<[a-z/!]|&[a-z]+;|\$\{|\bundefined\b/i);
  }
});
