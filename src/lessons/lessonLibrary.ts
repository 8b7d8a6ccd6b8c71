/**
 * The teacher's lessons, kept in the browser's storage under a versioned key. Made once by the app
 * (outside any rendering), so a language switch loses nothing; every change is checked by the lesson's
 * own door (parseLesson) before it is kept, and written to storage at once, so a reload loses nothing.
 */
import { batch, type ReadonlySignal, signal } from '@preact/signals-core';
import { InputError } from '../core/errors.ts';
import {
  checkSlide,
  emptyLesson,
  type Lesson,
  type LessonLanguage,
  parseLesson,
  type Slide,
} from './lesson.ts';

export const LESSONS_STORAGE_KEY = 'boltzmann-lab.lessons.v1';

export interface StoredLesson {
  id: string;
  lesson: Lesson;
}

type LessonStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LessonLibrary {
  readonly lessons: ReadonlySignal<readonly StoredLesson[]>;
  /** The lesson the panel works on. */
  readonly selectedId: ReadonlySignal<string | null>;
  select(id: string | null): void;
  /** Set when the last change could not be written to storage (it is kept in memory all the same). */
  readonly saveFailed: ReadonlySignal<boolean>;
  create(title: string, language?: LessonLanguage): string;
  rename(id: string, title: string): void;
  remove(id: string): void;
  addSlide(id: string, slide: Slide): void;
  setCaption(id: string, index: number, caption: string): void;
  moveSlide(id: string, index: number, offset: -1 | 1): void;
  removeSlide(id: string, index: number): void;
  /** Adds a lesson read from a file or a link, as a new lesson of its own. */
  add(lesson: Lesson): string;
  get(id: string): Lesson | null;
}

function readStored(storage: LessonStorage | null): StoredLesson[] {
  let text: string | null = null;
  try {
    text = storage?.getItem(LESSONS_STORAGE_KEY) ?? null;
  } catch {
    return [];
  }
  if (text === null) return [];
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return [];
  }
  const entries = (stored as { lessons?: unknown } | null)?.lessons;
  if (!Array.isArray(entries)) return [];
  const lessons: StoredLesson[] = [];
  for (const entry of entries) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(id)) continue;
    try {
      lessons.push({ id, lesson: parseLesson((entry as { lesson: unknown }).lesson) });
    } catch {
      // Storage edited by hand into something no lesson is: that one is left out, the others stay.
    }
  }
  return lessons;
}

export function createLessonLibrary(storage: LessonStorage | null): LessonLibrary {
  const lessons = signal<readonly StoredLesson[]>(readStored(storage));
  const selectedId = signal<string | null>(lessons.peek()[0]?.id ?? null);
  const saveFailed = signal(false);
  let counter = 0;

  function newId(): string {
    counter++;
    return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  }

  function save(next: readonly StoredLesson[]): void {
    lessons.value = next;
    try {
      storage?.setItem(LESSONS_STORAGE_KEY, JSON.stringify({ version: 1, lessons: next }));
      saveFailed.value = false;
    } catch {
      saveFailed.value = true;
    }
  }

  function find(id: string): Lesson {
    const found = lessons.peek().find((entry) => entry.id === id);
    if (!found) throw new Error(`No lesson ${id}`);
    return found.lesson;
  }

  /** Checks the changed lesson at the door before it replaces the old one. */
  function change(id: string, edit: (lesson: Lesson) => Lesson): void {
    const next = parseLesson(edit(find(id)));
    save(lessons.peek().map((entry) => (entry.id === id ? { id, lesson: next } : entry)));
  }

  function add(lesson: Lesson): string {
    const id = newId();
    const checked = parseLesson(lesson);
    // One change for whoever draws the list: the new lesson, already chosen.
    batch(() => {
      save([...lessons.peek(), { id, lesson: checked }]);
      selectedId.value = id;
    });
    return id;
  }

  return {
    lessons,
    selectedId,
    select(id) {
      selectedId.value = id;
    },
    saveFailed,
    create: (title, language) => add(emptyLesson(title, language)),
    rename(id, title) {
      change(id, (lesson) => ({ ...lesson, title }));
    },
    remove(id) {
      const remaining = lessons.peek().filter((entry) => entry.id !== id);
      batch(() => {
        save(remaining);
        if (selectedId.peek() === id) selectedId.value = remaining[0]?.id ?? null;
      });
    },
    addSlide(id, slide) {
      change(id, (lesson) => {
        const slides = [...lesson.slides, checkSlide(slide, lesson.slides.length + 1)];
        return { ...lesson, slides };
      });
    },
    setCaption(id, index, caption) {
      change(id, (lesson) => ({
        ...lesson,
        slides: lesson.slides.map((slide, i) => (i === index ? { ...slide, caption } : slide)),
      }));
    },
    moveSlide(id, index, offset) {
      change(id, (lesson) => {
        const target = index + offset;
        if (index < 0 || target < 0 || target >= lesson.slides.length) return lesson;
        const slides = [...lesson.slides];
        [slides[index], slides[target]] = [slides[target], slides[index]];
        return { ...lesson, slides };
      });
    },
    removeSlide(id, index) {
      change(id, (lesson) => ({ ...lesson, slides: lesson.slides.filter((_, i) => i !== index) }));
    },
    add,
    get(id) {
      return lessons.peek().find((entry) => entry.id === id)?.lesson ?? null;
    },
  };
}

/** The lesson's slides, or a refusal when there is nothing to play. */
export function playableSlides(lesson: Lesson): Slide[] {
  if (lesson.slides.length === 0) throw new InputError('lesson.empty', {});
  return lesson.slides;
}
