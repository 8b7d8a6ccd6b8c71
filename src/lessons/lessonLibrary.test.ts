import { expect, test } from 'vitest';
import { isInputError } from '../core/errors.ts';
import { createLessonLibrary, LESSONS_STORAGE_KEY, playableSlides } from './lessonLibrary.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const slide = (caption: string) => ({ screen: 'physics' as const, view: 'T=1&seed=2', caption });

test('every change is kept in storage and read back by a new library (a reload)', () => {
  const storage = memoryStorage();
  const library = createLessonLibrary(storage);
  const id = library.create('Heat', 'en');
  library.addSlide(id, slide('one'));
  library.addSlide(id, slide('two'));
  library.addSlide(id, slide('three'));
  library.moveSlide(id, 2, -1);
  library.setCaption(id, 0, 'first, edited: $T = 1$');
  library.removeSlide(id, 1);
  library.rename(id, 'Heat and cold');
  const reloaded = createLessonLibrary(storage);
  expect(reloaded.lessons.value).toHaveLength(1);
  const lesson = reloaded.get(id);
  expect(lesson?.title).toBe('Heat and cold');
  expect(lesson?.slides.map((s) => s.caption)).toEqual(['first, edited: $T = 1$', 'two']);
  expect(reloaded.selectedId.value).toBe(id);
  reloaded.remove(id);
  expect(createLessonLibrary(storage).lessons.value).toEqual([]);
});

test('moving a slide past either end changes nothing', () => {
  const library = createLessonLibrary(memoryStorage());
  const id = library.create('x');
  library.addSlide(id, slide('a'));
  library.addSlide(id, slide('b'));
  library.moveSlide(id, 0, -1);
  library.moveSlide(id, 1, 1);
  expect(library.get(id)?.slides.map((s) => s.caption)).toEqual(['a', 'b']);
});

test('a change the lesson format refuses is refused at the door and nothing changes', () => {
  const library = createLessonLibrary(memoryStorage());
  const id = library.create('x');
  library.addSlide(id, slide('a'));
  const attempts = [
    () => library.addSlide(id, { ...slide('b'), view: 'T=warm' }),
    () => library.setCaption(id, 0, 'x'.repeat(2001)),
    () => library.rename(id, 'x'.repeat(201)),
  ];
  for (const attempt of attempts) {
    let refused: unknown;
    try {
      attempt();
    } catch (error) {
      refused = error;
    }
    expect(isInputError(refused)).toBe(true);
  }
  expect(library.get(id)?.slides).toEqual([slide('a')]);
  expect(library.get(id)?.title).toBe('x');
});

test('storage that refuses to write is reported, and the lessons stay in memory', () => {
  const library = createLessonLibrary({
    getItem: () => null,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
  });
  const id = library.create('kept');
  expect(library.saveFailed.value).toBe(true);
  expect(library.get(id)?.title).toBe('kept');
});

test('storage edited into junk loses only the broken entries', () => {
  const storage = memoryStorage();
  const library = createLessonLibrary(storage);
  const id = library.create('good');
  const stored = JSON.parse(storage.items.get(LESSONS_STORAGE_KEY) ?? '');
  stored.lessons.push({ id: 'bad', lesson: { format: 'x' } }, null, { id: '__proto__' });
  storage.items.set(LESSONS_STORAGE_KEY, JSON.stringify(stored));
  expect(createLessonLibrary(storage).lessons.value.map((entry) => entry.id)).toEqual([id]);
  storage.items.set(LESSONS_STORAGE_KEY, '{not json');
  expect(createLessonLibrary(storage).lessons.value).toEqual([]);
});

test('an empty lesson cannot be played', () => {
  const library = createLessonLibrary(memoryStorage());
  const lesson = library.get(library.create('empty'));
  let code = '';
  try {
    if (lesson) playableSlides(lesson);
  } catch (error) {
    if (isInputError(error)) code = error.code;
  }
  expect(code).toBe('lesson.empty');
});
