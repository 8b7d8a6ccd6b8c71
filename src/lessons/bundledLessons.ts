/**
 * The lessons that come with the app (the guided tour among them), one JSON file a lesson a language
 * under src/strings/<language>/lessons/. They are data, read through the same door as any imported
 * lesson, and loaded only when asked for.
 */
import type { Locale } from '../strings/index.ts';
import { type Lesson, parseLesson } from './lesson.ts';

export const BUNDLED_LESSON_IDS = ['tour', 'seed-story', 'physics'] as const;
export type BundledLessonId = (typeof BUNDLED_LESSON_IDS)[number];

const FILES = import.meta.glob<unknown>('../strings/*/lessons/*.json', { import: 'default' });

export async function loadBundledLesson(locale: Locale, id: BundledLessonId): Promise<Lesson> {
  const load = FILES[`../strings/${locale}/lessons/${id}.json`];
  if (!load) throw new Error(`No bundled lesson ${locale}/${id}`);
  return parseLesson(await load());
}
