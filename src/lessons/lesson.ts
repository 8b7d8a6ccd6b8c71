/**
 * A lesson: a title and a list of slides, each a whole view of the app (its screen and the settings its
 * link would carry) with a caption the teacher wrote. This module is the lesson's format and the only
 * door into it: every lesson that comes from a file, a link, the browser's storage or the bundled data
 * is read by parseLessonText / parseLesson, which refuse anything hostile or oversized with a coded
 * InputError and never throw anything else. No DOM here, so it is tested in Node.
 */
import * as v from 'valibot';
import { parseLink } from '../app/link/urlSchema.ts';
import { type ErrorParams, InputError, type LessonFieldKind } from '../core/errors.ts';
import { classifyJsonError } from '../core/lm/importDistribution.ts';

export const LESSON_FORMAT = 'boltzmann-lab-lesson';
export const LESSON_VERSION = 1;

export const LESSON_LIMITS = {
  slides: 100,
  title: 200,
  caption: 2000,
  /** A view is a link's query string; the app writes about 400 characters, a long formula list more. */
  view: 8000,
  /** The lesson as JSON text, in UTF-8 bytes. */
  bytes: 256 * 1024,
} as const;

/** The screens a slide can show, by the id in the address's hash. */
export const LESSON_SCREENS = ['physics', 'language', 'parallel', 'how'] as const;
export type LessonScreen = (typeof LESSON_SCREENS)[number];
export const LESSON_LANGUAGES = ['en', 'ru'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

export interface Slide {
  screen: LessonScreen;
  /** The settings as the app's link writes them (a query string without the '?'). */
  view: string;
  /** The teacher's text; may hold inline TeX between dollar signs. */
  caption: string;
}

export interface Lesson {
  format: typeof LESSON_FORMAT;
  version: typeof LESSON_VERSION;
  title: string;
  /** The language the captions are written in. */
  language?: LessonLanguage;
  slides: Slide[];
}

/** Keys that reach an object's prototype when a careless reader copies them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const KIND_OF_TYPE: Record<string, LessonFieldKind> = {
  string: 'text',
  number: 'number',
  array: 'list',
  object: 'object',
  literal: 'choice',
  picklist: 'choice',
};

const SLIDE_SHAPE = v.object({ screen: v.string(), view: v.string(), caption: v.string() });
const LESSON_SHAPE = v.object({
  title: v.string(),
  language: v.optional(v.string()),
  slides: v.array(SLIDE_SHAPE),
});

function refuse<C extends keyof ErrorParams>(code: C, params: ErrorParams[C]): never {
  throw new InputError(code, params);
}

/** "slides[3].caption" from valibot's path of keys. */
function pathText(issue: v.BaseIssue<unknown>): string {
  let text = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Reads a lesson from JSON text (a file, a link, the browser's storage). */
export function parseLessonText(text: unknown): Lesson {
  if (typeof text !== 'string') refuse('lesson.notObject', {});
  // A string's UTF-8 size is at least its length, so a long one is refused before it is encoded.
  if (text.length > LESSON_LIMITS.bytes || utf8Length(text) > LESSON_LIMITS.bytes) {
    refuse('lesson.tooLarge', {
      kilobytes: Math.ceil(utf8Length(text) / 1024),
      limit: LESSON_LIMITS.bytes / 1024,
    });
  }
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return item;
    });
  } catch (error) {
    // Deep nesting makes the parser itself overflow the stack.
    if (error instanceof RangeError) refuse('lesson.tooDeep', {});
    refuse('import.notJson', classifyJsonError(error, text));
  }
  if (forbidden !== null) refuse('lesson.forbiddenKey', { key: forbidden });
  return parseLesson(value);
}

/** Checks a value read from JSON (or built by the app) and returns a clean copy of it. */
export function parseLesson(value: unknown): Lesson {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse('lesson.notObject', {});
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (FORBIDDEN_KEYS.has(key)) refuse('lesson.forbiddenKey', { key });
  if (record.format !== LESSON_FORMAT) refuse('lesson.format', {});
  if (record.version !== LESSON_VERSION) {
    refuse('lesson.version', { version: String(record.version).slice(0, 20), supported: LESSON_VERSION });
  }
  if (Array.isArray(record.slides) && record.slides.length > LESSON_LIMITS.slides) {
    refuse('lesson.tooManySlides', { count: record.slides.length, limit: LESSON_LIMITS.slides });
  }
  const result = v.safeParse(LESSON_SHAPE, value);
  if (!result.success) {
    const issue = result.issues[0];
    refuse('lesson.field', { path: pathText(issue), expected: KIND_OF_TYPE[issue.type] ?? 'text' });
  }
  const { title, language, slides } = result.output;
  if (title.length > LESSON_LIMITS.title) {
    refuse('lesson.titleTooLong', { length: title.length, limit: LESSON_LIMITS.title });
  }
  if (language !== undefined && !(LESSON_LANGUAGES as readonly string[]).includes(language)) {
    refuse('lesson.language', { language: language.slice(0, 20) });
  }
  const lesson: Lesson = {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    title,
    ...(language === undefined ? {} : { language: language as LessonLanguage }),
    slides: slides.map((slide, index) => checkSlide(slide, index + 1)),
  };
  const size = utf8Length(lessonText(lesson));
  if (size > LESSON_LIMITS.bytes) {
    refuse('lesson.tooLarge', { kilobytes: Math.ceil(size / 1024), limit: LESSON_LIMITS.bytes / 1024 });
  }
  return lesson;
}

/** Checks one slide (numbered from 1 in messages) and returns a clean copy. */
export function checkSlide(
  slide: Slide | { screen: string; view: string; caption: string },
  number: number,
): Slide {
  if (!(LESSON_SCREENS as readonly string[]).includes(slide.screen)) {
    refuse('lesson.unknownScreen', { slide: number, screen: slide.screen.slice(0, 40) });
  }
  if (slide.caption.length > LESSON_LIMITS.caption) {
    refuse('lesson.captionTooLong', {
      slide: number,
      length: slide.caption.length,
      limit: LESSON_LIMITS.caption,
    });
  }
  if (slide.view.length > LESSON_LIMITS.view) {
    refuse('lesson.viewTooLong', { slide: number, length: slide.view.length, limit: LESSON_LIMITS.view });
  }
  const { rejected } = parseLink(slide.view);
  if (rejected.length > 0) refuse('lesson.badView', { slide: number, parameters: rejected.slice(0, 10) });
  return { screen: slide.screen as LessonScreen, view: slide.view, caption: slide.caption };
}

/** The lesson as the JSON text a file holds (and a link compresses). */
export function lessonText(lesson: Lesson): string {
  return `${JSON.stringify(lesson, null, 2)}\n`;
}

/** A new, empty lesson. */
export function emptyLesson(title: string, language?: LessonLanguage): Lesson {
  return parseLesson({
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    title,
    ...(language ? { language } : {}),
    slides: [],
  });
}
