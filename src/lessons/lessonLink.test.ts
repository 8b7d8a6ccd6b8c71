import { expect, test } from 'vitest';
import { isInputError } from '../core/errors.ts';
import { LESSON_FORMAT, LESSON_VERSION, type Lesson } from './lesson.ts';
import { decodeLessonParameter, encodeLessonParameter, MAX_LESSON_PARAMETER } from './lessonLink.ts';

const LESSON: Lesson = {
  format: LESSON_FORMAT,
  version: LESSON_VERSION,
  title: 'Температура и токены',
  language: 'ru',
  slides: [
    { screen: 'physics', view: 'sys=two-level&T=-0.5&seed=3&play=0&step=4', caption: 'При $T = -0{,}5$' },
    { screen: 'language', view: 't=0.7&k=0&p=1', caption: "$p' = p^{1/t}/Z$" },
  ],
};

async function refusalCode(value: string): Promise<string> {
  try {
    await decodeLessonParameter(value);
  } catch (error) {
    if (isInputError(error)) return error.code;
    throw error;
  }
  throw new Error('was accepted');
}

async function deflated(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

test('a lesson goes into a link parameter and comes back the same', async () => {
  const value = await encodeLessonParameter(LESSON);
  expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(await decodeLessonParameter(value)).toEqual(LESSON);
});

test('a zip bomb is refused once its output passes the size limit', async () => {
  // 50 MB of spaces deflate to about 50 KB: small enough for an address, far too large inflated.
  const bomb = await deflated(`{"title": "${' '.repeat(50 * 1024 * 1024)}"}`);
  expect(bomb.length).toBeLessThan(MAX_LESSON_PARAMETER);
  expect(await refusalCode(bomb)).toBe('lesson.linkTooLarge');
});

test('damaged, overlong or invalid link parameters are refused', async () => {
  expect(await refusalCode('not base64!')).toBe('lesson.linkUnreadable');
  expect(await refusalCode('AAAA')).toBe('lesson.linkUnreadable');
  expect(await refusalCode('A'.repeat(MAX_LESSON_PARAMETER + 1))).toBe('lesson.linkTooLong');
  expect(await refusalCode(Buffer.from([0xff, 0xfe]).toString('base64url'))).toBe('lesson.linkUnreadable');
  expect(await refusalCode(await deflated('{"title": 1'))).toBe('import.notJson');
  expect(await refusalCode(await deflated(JSON.stringify({ ...LESSON, version: 9 })))).toBe('lesson.version');
  const badView = { ...LESSON, slides: [{ screen: 'physics', view: 'T=hot', caption: '' }] };
  expect(await refusalCode(await deflated(JSON.stringify(badView)))).toBe('lesson.badView');
});
