/**
 * Plays a lesson in stage mode: each slide's view goes into the models (through the same doors as a
 * link), and the stage shows the caption and "3 / 10" in an overlay with Previous, Next and End. The
 * clicker's keys move through the slides through the stage's navigator. Made once by the app, outside
 * any rendering, so a language switch keeps the lesson where it is (refresh() rewrites its texts).
 *
 * Slides are applied one at a time, in order: a press of Next while a slide still waits for the
 * language model moves the target on, and only the newest target is applied once the wait is over, so
 * a fast clicker never ends on an older slide's screen.
 */
import { effect, type ReadonlySignal, signal } from '@preact/signals-core';
import type { AppModels } from '../app/models.ts';
import type { StageMode } from '../app/stage/stageMode.ts';
import { h } from '../shared/ui/dom.ts';
import { setMathText } from '../shared/ui/mathText.ts';
import type { LessonStrings } from '../strings/en/lessons.ts';
import type { Lesson } from './lesson.ts';
import { applySlide } from './slideView.ts';

export interface LessonPlayer {
  readonly playing: ReadonlySignal<boolean>;
  play(lesson: Lesson, start?: number): void;
  stop(): void;
  /** Writes the overlay's texts again in the current language. */
  refresh(): void;
}

interface PlayerOptions {
  stage: StageMode;
  models: AppModels;
  strings(): LessonStrings;
}

/** A caption's paragraphs (separated by a blank line), each typeset; the first is the slide's heading. */
export function renderCaption(host: HTMLElement, caption: string): void {
  const paragraphs = caption.split(/\n\s*\n/).filter((text) => text.trim() !== '');
  host.replaceChildren(
    ...paragraphs.map((text, index) => {
      const paragraph = h('p', { class: index === 0 && paragraphs.length > 1 ? 'lesson-caption-title' : '' });
      setMathText(paragraph, text.trim());
      return paragraph;
    }),
  );
}

export function createLessonPlayer(options: PlayerOptions): LessonPlayer {
  const { stage, models } = options;
  const playing = signal(false);
  let lesson: Lesson | null = null;
  let wanted = 0;
  let applied = -1;
  let applying = false;
  let stopWatchingStage: (() => void) | null = null;
  let returnFocus: HTMLElement | null = null;

  const title = h('p', { class: 'lesson-overlay-title', id: 'lesson-title' });
  const caption = h('div', { class: 'lesson-caption', id: 'lesson-caption' });
  const position = h('p', { class: 'lesson-position', id: 'lesson-position', 'aria-live': 'polite' });
  const refused = h('p', { class: 'lesson-refused', id: 'lesson-refused', role: 'status' });
  const previous = h('button', { type: 'button', id: 'lesson-previous' });
  const next = h('button', { type: 'button', id: 'lesson-next', class: 'primary' });
  const end = h('button', { type: 'button', id: 'lesson-end' });
  const overlay = h(
    'section',
    { class: 'lesson-overlay', id: 'lesson-overlay', 'aria-labelledby': 'lesson-title' },
    h('div', { class: 'lesson-overlay-top' }, title, position),
    caption,
    refused,
    h('div', { class: 'lesson-overlay-buttons' }, previous, next, end),
  );

  function render(): void {
    if (!lesson) return;
    const texts = options.strings();
    const total = lesson.slides.length;
    overlay.lang = lesson.language ?? document.documentElement.lang;
    title.textContent = lesson.title || texts.untitled;
    position.textContent = texts.position(wanted + 1, total);
    position.setAttribute('aria-label', texts.positionLabel(wanted + 1, total));
    renderCaption(caption, lesson.slides[wanted].caption);
    previous.textContent = texts.previous;
    next.textContent = texts.next;
    end.textContent = texts.end;
    previous.disabled = wanted === 0;
    next.disabled = wanted === total - 1;
    overlay.dataset.slide = String(wanted + 1);
    overlay.dataset.total = String(total);
  }

  async function applyWanted(): Promise<void> {
    while (lesson && applied !== wanted) {
      const target = wanted;
      const current = lesson;
      delete overlay.dataset.applied;
      let names: string[];
      try {
        names = await applySlide(current.slides[target], models);
      } catch {
        // An unexpected failure of a model: the slide is shown as far as it went, and the lesson goes on.
        names = ['?'];
      }
      if (lesson !== current) return;
      applied = target;
      refused.textContent = names.length > 0 ? options.strings().slideRefused(names.join(', ')) : '';
    }
    if (lesson) overlay.dataset.applied = String(applied + 1);
  }

  function go(index: number): void {
    if (!lesson) return;
    const target = Math.max(0, Math.min(lesson.slides.length - 1, index));
    if (target === wanted && applied === wanted) return;
    wanted = target;
    render();
    if (applying) return;
    applying = true;
    void applyWanted().finally(() => {
      applying = false;
      // A move that came in while the last apply was finishing.
      if (lesson && applied !== wanted) go(wanted);
    });
  }

  const navigator = { next: () => go(wanted + 1), previous: () => go(wanted - 1) };
  previous.addEventListener('click', navigator.previous);
  next.addEventListener('click', navigator.next);
  end.addEventListener('click', () => stop());

  function stop(): void {
    if (!lesson) return;
    lesson = null;
    playing.value = false;
    stopWatchingStage?.();
    stopWatchingStage = null;
    stage.setSlideNavigator(null);
    stage.setOverlay(null);
    overlay.remove();
    if (stage.active.peek()) stage.leave();
    if (returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
  }

  return {
    playing,
    play(chosen, start = 0) {
      if (chosen.slides.length === 0) return;
      if (!lesson) {
        const active = document.activeElement;
        returnFocus = active instanceof HTMLElement ? active : null;
      }
      lesson = chosen;
      applied = -1;
      wanted = -1;
      playing.value = true;
      stage.enter();
      stage.setSlideNavigator(navigator);
      stage.setOverlay(overlay);
      // The stage shows the overlay in its caption strip and turns the clicker's page keys into `navigator`.
      // Leaving the stage (Escape, its own button) ends the lesson.
      stopWatchingStage ??= effect(() => {
        if (!stage.active.value) queueMicrotask(() => !stage.active.peek() && stop());
      });
      go(start);
      next.focus();
    },
    stop,
    refresh: render,
  };
}
