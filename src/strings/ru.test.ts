import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ENERGY_LIST_SYNTAX, PRESETS } from '../core/spectra/index.ts';
import { CORPORA } from '../lm/corpora.ts';
import { buildSystem } from '../shared/model/system.ts';
import { splitMathText } from '../shared/ui/mathSplit.ts';
import { en } from './en.ts';
import { parameterText } from './presetText.ts';
import { countOf, levelLabelRu, plural, ru } from './ru.ts';

const CYRILLIC = /[а-яё]/i;
/**
 * Latin words a Russian physics or ML text legitimately contains: names of products and formats, the
 * sampler settings, things a person types (inf, a Tab key), function names, units. Anything else of three
 * or more Latin letters in a Russian string is English left behind.
 */
const LATIN_ALLOWED = new Set([
  'Boltzmann',
  'Lab',
  'CSV',
  'PNG',
  'PDF',
  'JSON',
  'WebGL',
  'OpenAI',
  'Hugging',
  'Face',
  'vLLM',
  'llama',
  'cpp',
  'top',
  'Top',
  'min',
  'typical',
  'inf',
  'Tab',
  // Keys as printed on keyboards and presentation clickers.
  'Esc',
  'Page',
  'Down',
  'Ctrl',
  'argmax',
  'generate',
  'meV',
  'max',
  // A real model: its file format, the runtime, model names and the word a Hugging Face link contains.
  'GGUF',
  'gguf',
  'WebAssembly',
  'SmolLM',
  'TinyStories',
  'resolve',
]);

/** The Latin words of a text outside its formulas (TeX commands such as \\frac are not words). */
function englishWords(text: string): string[] {
  const words = splitMathText(text)
    .map((segment) => (segment.kind === 'text' ? segment.text : ' '))
    .join('');
  return (words.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((word) => !LATIN_ALLOWED.has(word));
}

/** Every leaf of a strings object with its path: strings, and what functions give for sample arguments. */
function leaves(value: unknown, path: string[] = []): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  return [[path.join('.'), value]];
}

/** The shape of a strings object: every key path with the kind of its value. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (Array.isArray(value)) return [`${path}: array/${value.length}`];
  if (value !== null && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape((value as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return [`${path}: ${typeof value}`];
}

// Preset texts hold symbols as labels (Δ, n_max); they have a test of their own below. The error and
// note tables take real parameters, so messages.test.ts checks them with real errors.
const withoutPresets = <T extends { presets: unknown }>(strings: T) => ({
  ...strings,
  presets: {},
  errors: {},
  notes: {},
});

/** What every function gives for a few sample arguments (numbers as numbers and as text). */
function samples(fn: (...args: never[]) => unknown): string[] {
  const results: string[] = [];
  for (const n of [0, 1, 2, 5, 21, 1234]) {
    const args = Array.from({ length: fn.length }, () => n) as never[];
    const text = Array.from({ length: fn.length }, () => String(n)) as never[];
    results.push(String(fn(...args)), String(fn(...text)));
  }
  return results;
}

/** Functions that only put symbols or numbers together ("t = 0,5", "E = −ln p") or pass text through. */
const FORMAT_ONLY = new Set([
  // "3 / 10", a slide's place in its lesson.
  'lessons.position',
  'levelLabel',
  'corpusTitle',
  'internalUnit',
  'plotAxisTemperature',
  'tokenLevelLabel',
  'stageTopToken',
  'compareLegendTopP',
  'compareLegendMinP',
  'lm.stageTitle',
  'lm.stageNumber',
  'lm.tokenTitle',
  'lm.tokenTitleFinal',
  'lm.columnTitle',
  'lm.temperaturesOutOfRange',
  'lm.otherTokens',
  'lm.otherTokensFinal',
]);
/** Strings that read the same in both languages. */
const SAME_AS_ENGLISH = new Set([
  'appTitle',
  'tableEnergyNats',
  'linkedTemperatureLabel',
  'lm.stageNames.top-k',
  'lm.stageNames.top-p',
  'lm.stageNames.min-p',
  'lm.stageNames.typical-p',
]);

describe('the Russian strings', () => {
  test('have exactly the keys of the English ones, with the same kinds of values', () => {
    expect(shape(ru)).toEqual(shape(en));
  });

  test('are a full literal, not a copy of the English', () => {
    const source = readFileSync(new URL('./ru.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\.\.\.en\b/);
  });

  test('every string is Russian, with no English words left in it', () => {
    for (const [path, value] of leaves(withoutPresets(ru))) {
      if (typeof value === 'function') {
        if (FORMAT_ONLY.has(path)) continue;
        for (const text of samples(value as (...args: never[]) => unknown)) {
          // An empty text is how "nothing to say" is written (no other tokens to mention).
          if (text === '') continue;
          expect(text, path).toMatch(CYRILLIC);
          expect(englishWords(text), `${path}: ${text}`).toEqual([]);
        }
      } else {
        const texts = Array.isArray(value) ? value.map(String) : [String(value)];
        for (const text of texts) {
          expect(englishWords(text), `${path}: ${text}`).toEqual([]);
          if (!SAME_AS_ENGLISH.has(path)) expect(text, path).toMatch(CYRILLIC);
        }
      }
    }
  });

  test('every preset has a Russian name, description and parameter descriptions', () => {
    for (const preset of PRESETS) {
      const text = ru.presets[preset.id];
      expect(text?.name, preset.id).toMatch(CYRILLIC);
      expect(text?.description, preset.id).toMatch(CYRILLIC);
      expect(englishWords(`${text?.name} ${text?.description}`), preset.id).toEqual([]);
      for (const parameter of preset.parameters) {
        const { label, description } = parameterText(ru, preset.id, parameter.id);
        expect(description, `${preset.id}.${parameter.id}`).toMatch(CYRILLIC);
        // Labels are symbols (Δ, g₁, n_max), written the same in both languages.
        expect(label).toBe(parameterText(en, preset.id, parameter.id).label);
      }
    }
  });

  test('every bundled corpus has a Russian title', () => {
    for (const corpus of CORPORA) {
      const title = ru.corpusTitle(corpus.id, corpus.title);
      expect(title, corpus.id).toMatch(CYRILLIC);
      expect(englishWords(title), corpus.id).toEqual([]);
    }
    expect(ru.corpusTitle('xx-new', 'A new text')).toBe('A new text');
  });

  test('the energy list hint is the engine’s syntax, in each language', () => {
    expect(en.energyListHint).toBe(ENERGY_LIST_SYNTAX);
    expect(ru.energyListHint).toMatch(CYRILLIC);
  });
});

describe('plural', () => {
  const token = (n: number) => `${n} ${plural(n, 'токен', 'токена', 'токенов')}`;

  test.each([
    [0, '0 токенов'],
    [1, '1 токен'],
    [2, '2 токена'],
    [4, '4 токена'],
    [5, '5 токенов'],
    [11, '11 токенов'],
    [12, '12 токенов'],
    [14, '14 токенов'],
    [21, '21 токен'],
    [22, '22 токена'],
    [25, '25 токенов'],
    [101, '101 токен'],
    [111, '111 токенов'],
    [112, '112 токенов'],
    [1002, '1002 токена'],
    [1.5, '1.5 токена'],
  ])('%d', (n, expected) => {
    expect(token(n)).toBe(expected);
  });

  test('formatted counts are read back for the plural', () => {
    expect(countOf('482\u202f243')).toBe(482243);
    expect(countOf('1,5')).toBe(1.5);
    expect(countOf('3×10⁶')).toBe(0);
    expect(ru.trainingStatusReady('21', '5', 'x')).toContain('21 символ за');
    expect(ru.trainingStatusReady('482\u202f243', '5', 'x')).toContain('482\u202f243 символа за');
    expect(ru.trainingStatusReady('11\u202f839', '5', 'x')).toContain('11\u202f839 символов за');
    expect(ru.pastedSummary('1', 'x')).toBe('1 токен — x');
    expect(ru.lm.keptValue(3, 21)).toBe('3 из 21 токена');
    expect(ru.lm.keptValue(3, 12)).toBe('3 из 12 токенов');
    expect(ru.tableMoreLevels(3)).toBe('Ещё 3 уровня');
    expect(ru.lm.stageRemoved('top-k 2', 5, 2)).toBe('top-k 2: удалено 5 токенов, осталось 2.');
    expect(ru.lm.stageRemoved('top-k 1', 21, 1)).toBe('top-k 1: удалён 21 токен, остался 1.');
  });
});

describe('level labels', () => {
  test.each([
    ['ground', 'основной'],
    ['excited', 'возбуждённый'],
    ['level 1 (ground)', 'уровень 1 (основной)'],
    ['level 2', 'уровень 2'],
    ['level 17', 'уровень 17'],
    ['n = 3', 'n = 3'],
    ['J = 5', 'J = 5'],
    ['v = 2', 'v = 2'],
    ['(1,1,2)', '(1,1,2)'],
    ['(1,1,2) or (1,2,1)', '(1,1,2) или (1,2,1)'],
    ['␣', '␣'],
    ['e', 'e'],
  ])('%s', (label, expected) => {
    expect(levelLabelRu(label)).toBe(expected);
  });

  test('every label the engine and the typed lists make reads as Russian or as a quantum number', () => {
    const labels = [
      ...PRESETS.flatMap((preset) => preset.build().labels),
      ...buildSystem({ kind: 'list', text: '0, 1, 2.5' }).labels,
      ...buildSystem({ kind: 'formula', energy: 'n^2', degeneracy: '1', nFrom: 0, nTo: 3 }).labels,
    ];
    for (const label of labels) {
      const russian = ru.levelLabel(label);
      expect(englishWords(russian), label).toEqual([]);
    }
  });
});
