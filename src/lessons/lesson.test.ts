import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ErrorCode, isInputError } from '../core/errors.ts';
import {
  LESSON_FORMAT,
  LESSON_LIMITS,
  LESSON_SCREENS,
  LESSON_VERSION,
  type Lesson,
  lessonText,
  parseLesson,
  parseLessonText,
} from './lesson.ts';

const VIEW = 'sys=two-level&p.gap=1&p.upperDegeneracy=1&T=0.5&N=2000&dyn=heat-bath&seed=7&play=0&step=3';

function lesson(
  slides: Lesson['slides'] = [{ screen: 'physics', view: VIEW, caption: 'At $T = 0.5$' }],
): Lesson {
  return { format: LESSON_FORMAT, version: LESSON_VERSION, title: 'Two levels', language: 'en', slides };
}

/** The code of the InputError that `read` throws; fails the test if it throws anything else or nothing. */
function refusal(read: () => unknown): ErrorCode {
  try {
    read();
  } catch (error) {
    if (isInputError(error)) return error.code;
    throw error;
  }
  throw new Error('was accepted');
}

test('a lesson survives its own JSON text unchanged', () => {
  const original = lesson();
  expect(parseLessonText(lessonText(original))).toEqual(original);
});

test('unknown keys are dropped, the rest kept', () => {
  const text = JSON.stringify({ ...lesson(), extra: 1, slides: [{ ...lesson().slides[0], note: 'x' }] });
  expect(parseLessonText(text)).toEqual(lesson());
});

describe('hostile or broken lessons are refused with a code', () => {
  test.each([
    ['not JSON', '{"title": ', 'import.notJson'],
    ['a list', '[]', 'lesson.notObject'],
    ['a number', '42', 'lesson.notObject'],
    ['null', 'null', 'lesson.notObject'],
    ['no format', JSON.stringify({ ...lesson(), format: undefined }), 'lesson.format'],
    ['another version', JSON.stringify({ ...lesson(), version: 2 }), 'lesson.version'],
    ['a title that is a number', JSON.stringify({ ...lesson(), title: 5 }), 'lesson.field'],
    ['slides that are an object', JSON.stringify({ ...lesson(), slides: {} }), 'lesson.field'],
    [
      'a caption that is a list',
      JSON.stringify(lesson([{ screen: 'physics', view: '', caption: [] as never }])),
      'lesson.field',
    ],
    [
      'an unknown screen',
      JSON.stringify(lesson([{ screen: 'admin' as never, view: '', caption: '' }])),
      'lesson.unknownScreen',
    ],
    [
      'a bad view',
      JSON.stringify(lesson([{ screen: 'physics', view: 'T=warm&N=-5', caption: '' }])),
      'lesson.badView',
    ],
    [
      'a hostile view',
      JSON.stringify(lesson([{ screen: 'physics', view: 'sys=%3Cimg%20src%3Dx%3E', caption: '' }])),
      'lesson.badView',
    ],
    ['an unknown language', JSON.stringify({ ...lesson(), language: 'xx' }), 'lesson.language'],
    [
      'a __proto__ key',
      `{"__proto__": {"polluted": 1}, ${lessonText(lesson()).slice(1)}`,
      'lesson.forbiddenKey',
    ],
    [
      'a nested __proto__ key',
      lessonText(lesson()).replace('"caption"', '"__proto__": {}, "caption"'),
      'lesson.forbiddenKey',
    ],
    [
      'a constructor key',
      lessonText(lesson()).replace('"title"', '"constructor": 1, "title"'),
      'lesson.forbiddenKey',
    ],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'lesson.tooDeep'],
  ] as const)('%s', (_name, text, code) => {
    expect(refusal(() => parseLessonText(text))).toBe(code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('limits: slides, title, caption, view and the whole size', () => {
    const slide = lesson().slides[0];
    expect(refusal(() => parseLesson(lesson(Array(LESSON_LIMITS.slides + 1).fill(slide))))).toBe(
      'lesson.tooManySlides',
    );
    expect(parseLesson(lesson(Array(LESSON_LIMITS.slides).fill(slide))).slides).toHaveLength(100);
    expect(refusal(() => parseLesson({ ...lesson(), title: 'x'.repeat(LESSON_LIMITS.title + 1) }))).toBe(
      'lesson.titleTooLong',
    );
    const long = { ...slide, caption: 'x'.repeat(LESSON_LIMITS.caption + 1) };
    expect(refusal(() => parseLesson(lesson([long])))).toBe('lesson.captionTooLong');
    const longView = { ...slide, view: `fl=${'1,'.repeat(5000)}` };
    expect(refusal(() => parseLesson(lesson([longView])))).toBe('lesson.viewTooLong');
    expect(refusal(() => parseLessonText(' '.repeat(LESSON_LIMITS.bytes + 1)))).toBe('lesson.tooLarge');
    // Fewer characters than the limit, more bytes: the size is counted in UTF-8.
    expect(refusal(() => parseLessonText(`"${'я'.repeat(LESSON_LIMITS.bytes / 2)}"`))).toBe(
      'lesson.tooLarge',
    );
    // Each slide within its limits, the whole beyond 256 KB.
    const full = { ...slide, caption: 'я'.repeat(LESSON_LIMITS.caption) };
    expect(refusal(() => parseLesson(lesson(Array(LESSON_LIMITS.slides).fill(full))))).toBe(
      'lesson.tooLarge',
    );
  });
});

const slideArbitrary = fc.record({
  screen: fc.constantFrom(...LESSON_SCREENS),
  view: fc
    .record({
      T: fc.double({ min: -100, max: 100, noNaN: true }),
      seed: fc.nat({ max: 0xffff_ffff }),
      step: fc.nat({ max: 10_000 }),
      N: fc.integer({ min: 1, max: 100_000 }),
    })
    .map((settings) =>
      new URLSearchParams(Object.entries(settings).map(([k, x]) => [k, String(x)])).toString(),
    ),
  caption: fc.string({ maxLength: 300, unit: 'grapheme' }),
});

const lessonArbitrary = fc.record({
  format: fc.constant(LESSON_FORMAT),
  version: fc.constant(LESSON_VERSION),
  title: fc.string({ maxLength: LESSON_LIMITS.title }),
  language: fc.constantFrom('en' as const, 'ru' as const),
  slides: fc.array(slideArbitrary, { maxLength: 12 }),
});

test('export → parse gives back the same lesson (property)', () => {
  fc.assert(
    fc.property(lessonArbitrary, (generated) => {
      expect(parseLessonText(lessonText(generated))).toEqual(generated);
    }),
  );
});

test('arbitrary junk never throws anything but a refusal (property)', () => {
  const junk = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    lessonArbitrary.chain((generated) =>
      fc.tuple(fc.nat({ max: 2000 }), fc.string({ maxLength: 8 })).map(([at, text]) => {
        const valid = lessonText(generated);
        return valid.slice(0, at % (valid.length + 1)) + text + valid.slice(at % (valid.length + 1));
      }),
    ),
    lessonArbitrary.map((generated) =>
      JSON.stringify({
        ...generated,
        slides: generated.slides.map((slide) => ({ ...slide, view: `${slide.view}&N=x` })),
      }),
    ),
  );
  fc.assert(
    fc.property(junk, (text) => {
      try {
        const read = parseLessonText(text);
        // Whatever is accepted is a clean lesson of the format, and reads back as itself.
        expect(read.format).toBe(LESSON_FORMAT);
        expect(parseLessonText(lessonText(read))).toEqual(read);
      } catch (error) {
        expect(isInputError(error), String(error)).toBe(true);
      }
    }),
  );
});
