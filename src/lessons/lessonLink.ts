/**
 * A lesson shared as a link: its JSON text, deflated (CompressionStream 'deflate-raw') and written in
 * base64url, in a `lesson=` parameter. Reading one is as careful as reading a file: the compressed text
 * has a length cap, and inflating stops as soon as the output passes the lesson's size limit, so a small
 * link that would inflate to gigabytes (a zip bomb) is refused after reading at most that much.
 */
import { InputError } from '../core/errors.ts';
import { LESSON_LIMITS, type Lesson, lessonText, parseLessonText } from './lesson.ts';

export const LESSON_PARAMETER = 'lesson';
/** Far above what a full lesson deflates to, far below what an address can hold. */
export const MAX_LESSON_PARAMETER = 400_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new InputError('lesson.linkUnreadable', {});
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new InputError('lesson.linkUnreadable', {});
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new InputError('lesson.linkTooLarge', { limit: LESSON_LIMITS.bytes / 1024 });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** The `lesson=` parameter's value for a lesson. */
export async function encodeLessonParameter(lesson: Lesson): Promise<string> {
  const text = new TextEncoder().encode(lessonText(lesson));
  const deflated = await collect(
    streamOf(text).pipeThrough(new CompressionStream('deflate-raw')),
    Number.POSITIVE_INFINITY,
  );
  return toBase64Url(deflated);
}

/** Reads a `lesson=` parameter's value; refuses a damaged, oversized or invalid lesson with an InputError. */
export async function decodeLessonParameter(value: string): Promise<Lesson> {
  if (value.length > MAX_LESSON_PARAMETER) {
    throw new InputError('lesson.linkTooLong', { length: value.length, limit: MAX_LESSON_PARAMETER });
  }
  const deflated = fromBase64Url(value);
  let inflated: Uint8Array;
  try {
    inflated = await collect(
      streamOf(deflated).pipeThrough(new DecompressionStream('deflate-raw')),
      LESSON_LIMITS.bytes,
    );
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('lesson.linkUnreadable', {});
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new InputError('lesson.linkUnreadable', {});
  }
  return parseLessonText(text);
}
