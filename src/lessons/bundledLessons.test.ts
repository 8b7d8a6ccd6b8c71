import { describe, expect, test } from 'vitest';
import { applyLanguageLink, applyParallelLink, applyPhysicsLink } from '../app/link/linkSync.ts';
import { parseLink } from '../app/link/urlSchema.ts';
import { createLanguageScreenModel } from '../screens/language/model.ts';
import { createParallelScreenModel } from '../screens/parallel/model.ts';
import { createPhysicsModel } from '../screens/physics/model.ts';
import type { Locale } from '../strings/index.ts';
import { BUNDLED_LESSON_IDS, loadBundledLesson } from './bundledLessons.ts';
import type { Lesson } from './lesson.ts';

const LOCALES: readonly Locale[] = ['en', 'ru'];
const CYRILLIC = /[А-Яа-яЁё]/;
/** Common English words that have no business in a Russian sentence. */
const ENGLISH_WORDS = /\b(the|and|of|is|are|to|with|for|in|at|on|it|this|that|from)\b/i;

/** The caption without its formulas (the text between dollar signs). */
const prose = (caption: string) => caption.replace(/\$[^$]*\$/g, ' ');
const formulas = (caption: string) => [...caption.matchAll(/\$([^$]*)\$/g)].map((match) => match[1]);

const lessons = new Map<string, Lesson>();
for (const locale of LOCALES) {
  for (const id of BUNDLED_LESSON_IDS) lessons.set(`${locale}/${id}`, await loadBundledLesson(locale, id));
}
const lessonOf = (locale: Locale, id: string) => lessons.get(`${locale}/${id}`) as Lesson;

describe.each(BUNDLED_LESSON_IDS)('the bundled lesson %s', (id) => {
  test.each(LOCALES)('passes the lesson format in %s, in its own language', (locale) => {
    const lesson = lessonOf(locale, id);
    expect(lesson.language).toBe(locale);
    expect(lesson.title.trim().length).toBeGreaterThan(0);
    expect(lesson.slides.length).toBeGreaterThanOrEqual(id === 'tour' ? 8 : 6);
  });

  test.each(LOCALES)('every slide of %s applies to the models with nothing refused', (locale) => {
    const physics = createPhysicsModel();
    const parallel = createParallelScreenModel();
    const language = createLanguageScreenModel(locale);
    for (const [index, slide] of lessonOf(locale, id).slides.entries()) {
      const { settings, rejected } = parseLink(slide.view);
      const refused = [
        ...rejected,
        ...applyPhysicsLink(settings, physics),
        ...applyParallelLink(settings, parallel),
        ...applyLanguageLink(settings, language),
      ];
      expect(refused, `slide ${index + 1}`).toEqual([]);
    }
  });

  test('the English and Russian lessons show the same views, slide by slide', () => {
    const strip = (lesson: Lesson) => lesson.slides.map(({ screen, view }) => ({ screen, view }));
    expect(strip(lessonOf('ru', id))).toEqual(strip(lessonOf('en', id)));
  });

  test.each(LOCALES)(
    'captions in %s: a title line, then two to five sentences; formulas closed',
    (locale) => {
      for (const slide of lessonOf(locale, id).slides) {
        const [title, body, ...rest] = slide.caption.split('\n\n');
        expect(rest).toEqual([]);
        expect(title.length).toBeLessThanOrEqual(80);
        const sentences = prose(body)
          .split(/[.!?](?:\s|$)/)
          .filter((part) => part.trim().length > 0).length;
        expect(sentences, body).toBeGreaterThanOrEqual(2);
        expect(sentences, body).toBeLessThanOrEqual(5);
        expect((slide.caption.match(/\$/g) ?? []).length % 2, slide.caption).toBe(0);
        // Powers and subscripts are written in TeX between dollar signs, never as plain text.
        expect(prose(slide.caption), slide.caption).not.toMatch(/[\^_\\]/);
        expect(slide.caption).not.toMatch(/<[a-z/]|\$\{|undefined|NaN/i);
      }
    },
  );

  test('Russian text is Russian, with decimal commas; English is English, with points', () => {
    for (const slide of lessonOf('ru', id).slides) {
      expect(prose(slide.caption)).toMatch(CYRILLIC);
      expect(prose(slide.caption)).not.toMatch(ENGLISH_WORDS);
      expect(prose(slide.caption), slide.caption).not.toMatch(/\d\.\d/);
      for (const formula of formulas(slide.caption)) expect(formula, slide.caption).not.toMatch(/\d\.\d/);
    }
    for (const slide of lessonOf('en', id).slides) {
      expect(slide.caption).not.toMatch(CYRILLIC);
      expect(slide.caption, slide.caption).not.toMatch(/\d\{,\}\d|\d,\d/);
    }
  });
});

test('the tour keeps its story: temperature 1 first, then infinite and zero, negative temperatures last', () => {
  const views = lessonOf('en', 'tour').slides.map((slide) => ({
    screen: slide.screen,
    ...parseLink(slide.view).settings,
  }));
  expect(views[0]).toMatchObject({ screen: 'language', t: 1 });
  expect(views[1]).toMatchObject({ screen: 'parallel', pt: Number.POSITIVE_INFINITY });
  expect(views[2]).toMatchObject({ screen: 'parallel', pt: 0.02 });
  expect(views[3]).toMatchObject({ screen: 'physics', sys: 'harmonic-oscillator', T: 1 });
  expect(views[6]).toMatchObject({ screen: 'physics', sys: 'two-level', T: -0.5 });
  expect(views[7]).toMatchObject({ screen: 'language', t: -1 });
});

test('the seed story covers t = 1, t → ∞, t → 0, the physics, entropy and perplexity', () => {
  const views = lessonOf('en', 'seed-story').slides.map((slide) => parseLink(slide.view).settings);
  const languageTemperatures = views.map((view) => view.t).filter((t) => t !== undefined);
  expect(languageTemperatures).toEqual(expect.arrayContaining([1, Number.POSITIVE_INFINITY, 0]));
  const text = lessonOf('en', 'seed-story')
    .slides.map((slide) => slide.caption)
    .join(' ');
  for (const word of ['argmax', 'Boltzmann', 'entropy', 'perplexity'])
    expect(text.toLowerCase()).toContain(word.toLowerCase());
});

test('the physics lesson covers two levels, the Schottky peak, negative temperature and the Einstein solid', () => {
  const slides = lessonOf('en', 'physics').slides.map((slide) => ({
    ...parseLink(slide.view).settings,
    caption: slide.caption,
  }));
  expect(
    slides.some(
      (s) => s.sys === 'two-level' && /Schottky/.test(s.caption) && Math.abs((s.T ?? 0) - 0.4168) < 1e-3,
    ),
  ).toBe(true);
  expect(slides.some((s) => s.sys === 'two-level' && (s.T ?? 0) < 0)).toBe(true);
  expect(slides.some((s) => s.dyn === 'einstein' && /Einstein/.test(s.caption))).toBe(true);
});

test('the check above does catch a view the models refuse', () => {
  const physics = createPhysicsModel();
  const { settings } = parseLink('sys=harmonic-oscillator&T=-0.5');
  expect(applyPhysicsLink(settings, physics)).toEqual(['T']);
});
