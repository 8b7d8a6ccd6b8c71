/**
 * The Lessons panel: a non-modal region at the side of the window where a teacher builds lessons from
 * the app itself. The page stays usable behind it, so one sets up a view, writes its caption here and
 * adds it as a slide, then sets up the next. Slides can be shown, moved up and down, re-captioned and
 * deleted; a lesson can be played, exported to a file, imported from one and shared as a link. The
 * lessons themselves live in the library (made once by the app), so this panel is drawn again on a
 * language switch without losing anything.
 */
import './lessons.css';
import type { Signal } from '@preact/signals-core';
import type { AppModels } from '../app/models.ts';
import { InputError } from '../core/errors.ts';
import { h } from '../shared/ui/dom.ts';
import { download } from '../shared/ui/exportData.ts';
import { messageOf } from '../shared/ui/field.ts';
import { effect, onDispose } from '../shared/ui/lifetime.ts';
import type { Strings } from '../strings/en.ts';
import type { Locale } from '../strings/index.ts';
import { BUNDLED_LESSON_IDS, loadBundledLesson } from './bundledLessons.ts';
import { LESSON_LIMITS, type Lesson, type LessonScreen, lessonText, parseLessonText } from './lesson.ts';
import type { LessonLibrary } from './lessonLibrary.ts';
import { encodeLessonParameter, LESSON_PARAMETER } from './lessonLink.ts';
import { type LessonPlayer, renderCaption } from './lessonPlayer.ts';
import { applySlide, captureSlide } from './slideView.ts';

interface PanelOptions {
  library: LessonLibrary;
  player: LessonPlayer;
  models: AppModels;
  strings: Strings;
  locale: Locale;
  /** Open or closed; app state, so a language switch keeps the panel open. */
  open: Signal<boolean>;
}

export function screenName(strings: Strings, screen: LessonScreen): string {
  return {
    physics: strings.screenPhysics,
    language: strings.screenLanguage,
    parallel: strings.screenParallel,
    how: strings.howItWorks,
  }[screen];
}

/** A file name from a lesson's title: letters, digits and dashes. */
function fileName(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem || 'lesson'}.json`;
}

/** The address that opens a lesson. */
export async function lessonLink(lesson: Lesson): Promise<string> {
  const parameter = await encodeLessonParameter(lesson);
  return `${location.origin}${location.pathname}?${LESSON_PARAMETER}=${parameter}`;
}

export function createLessonsPanel(options: PanelOptions): HTMLElement {
  const { library, player, models, strings, open } = options;
  const texts = strings.lessons;
  const button = (id: string, label: string, attributes: Record<string, string> = {}) =>
    h('button', { type: 'button', id, ...attributes }, label);

  const closeButton = button('lessons-close', texts.close);
  const lessonSelect = h('select', { id: 'lesson-select' });
  const newButton = button('lesson-new', texts.newLesson);
  const titleInput = h('input', {
    type: 'text',
    id: 'lesson-title-input',
    maxlength: LESSON_LIMITS.title,
    autocomplete: 'off',
  });
  const titleError = h('p', { class: 'field-error', id: 'lesson-title-error', role: 'alert' });
  const deleteButton = button('lesson-delete', texts.deleteLesson);
  const confirmArea = h('div', { class: 'lesson-confirm', id: 'lesson-confirm' });
  const captionInput = h('textarea', {
    id: 'slide-caption',
    rows: 3,
    maxlength: LESSON_LIMITS.caption,
    'aria-describedby': 'slide-caption-hint',
  });
  const addButton = button('slide-add', texts.addSlide, { class: 'primary' });
  const addError = h('p', { class: 'field-error', id: 'slide-add-error', role: 'alert' });
  const addNote = h('p', { class: 'lesson-status lesson-note', id: 'slide-add-note', role: 'status' });
  const slidesHeading = h('h3', { id: 'slides-heading' });
  const slideList = h('ol', { class: 'slide-list', id: 'slide-list', 'aria-labelledby': 'slides-heading' });
  const playButton = button('lesson-play', texts.play, { class: 'primary' });
  const exportButton = button('lesson-export', texts.exportFile);
  const shareButton = button('lesson-share', texts.shareLink);
  const shareStatus = h('p', { class: 'lesson-status', id: 'lesson-share-status', role: 'status' });
  // The file input itself is hidden behind its label, which looks like the other buttons: the browser
  // would otherwise write "Choose file" in its own language beside the panel's.
  const importInput = h('input', {
    type: 'file',
    id: 'lesson-import',
    class: 'visually-hidden',
    accept: '.json,application/json',
  });
  const importError = h('p', { class: 'field-error', id: 'lesson-import-error', role: 'alert' });
  const importStatus = h('p', { class: 'lesson-status', id: 'lesson-import-status', role: 'status' });
  const bundledList = h('ul', { class: 'bundled-lessons', id: 'bundled-lessons' });
  const storageWarning = h('p', { class: 'field-error', id: 'lessons-storage-error', role: 'alert' });

  const editor = h(
    'div',
    { class: 'lesson-editor', id: 'lesson-editor' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'lesson-title-input' }, texts.titleLabel),
      titleInput,
      titleError,
    ),
    h('div', { class: 'button-row' }, deleteButton),
    confirmArea,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'slide-caption' }, texts.captionLabel),
      captionInput,
      h(
        'p',
        { class: 'field-hint', id: 'slide-caption-hint' },
        texts.captionHint,
        ' ',
        h('code', {}, '$p_i = g_i e^{-E_i/T}/Z$'),
      ),
    ),
    h('div', { class: 'button-row' }, addButton),
    addError,
    addNote,
    slidesHeading,
    slideList,
    h('div', { class: 'button-row' }, playButton, exportButton, shareButton),
    shareStatus,
  );
  const noLessons = h('p', { class: 'note', id: 'lessons-none' }, texts.noLessons);

  const root = h(
    'section',
    { class: 'lessons-panel', id: 'lessons-panel', role: 'region', 'aria-labelledby': 'lessons-heading' },
    h('div', { class: 'lessons-top' }, h('h2', { id: 'lessons-heading' }, texts.heading), closeButton),
    storageWarning,
    h(
      'div',
      { class: 'lesson-choice' },
      h('label', { for: 'lesson-select' }, texts.lessonLabel),
      lessonSelect,
      newButton,
    ),
    noLessons,
    editor,
    h(
      'div',
      { class: 'lesson-import' },
      importInput,
      h('label', { for: 'lesson-import', class: 'button-like', id: 'lesson-import-label' }, texts.importFile),
      importError,
      importStatus,
    ),
    h('h3', {}, texts.bundledHeading),
    bundledList,
  );

  let editing: number | null = null;
  let confirming = false;
  /** What to focus after the next redraw (a control of a slide that moved, for instance). */
  let focusAfterRender: string | null = null;

  const selected = (): { id: string; lesson: Lesson } | null => {
    const id = library.selectedId.value;
    const lesson = id === null ? null : library.get(id);
    return id !== null && lesson ? { id, lesson } : null;
  };

  /** Runs a library change; a refusal is shown in `errorHost` and changes nothing. */
  function attempt(errorHost: HTMLElement, change: () => void): boolean {
    try {
      change();
      errorHost.textContent = '';
      return true;
    } catch (error) {
      errorHost.textContent = messageOf(strings, error);
      return false;
    }
  }

  function slideItem(id: string, lesson: Lesson, index: number): HTMLElement {
    const slide = lesson.slides[index];
    const n = index + 1;
    const count = lesson.slides.length;
    const item = h('li', { class: 'slide-item', 'data-index': index });
    const show = button(`slide-show-${n}`, texts.show, {
      class: 'slide-show',
      'aria-label': texts.showLabel(n),
    });
    const up = button(`slide-up-${n}`, '↑', {
      class: 'slide-up',
      'aria-label': texts.moveUp(n),
      title: texts.moveUp(n),
    });
    const down = button(`slide-down-${n}`, '↓', {
      class: 'slide-down',
      'aria-label': texts.moveDown(n),
      title: texts.moveDown(n),
    });
    const edit = button(`slide-edit-${n}`, texts.editCaption, {
      class: 'slide-edit',
      'aria-label': texts.editCaptionLabel(n),
    });
    const remove = button(`slide-delete-${n}`, texts.deleteSlide, {
      class: 'slide-delete',
      'aria-label': texts.deleteSlideLabel(n),
    });
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    show.addEventListener('click', () => void applySlide(slide, models));
    // The focus follows the slide that moved (the library's change redraws the list at once).
    up.addEventListener('click', () => {
      focusAfterRender = index - 1 === 0 ? `#slide-down-${n - 1}` : `#slide-up-${n - 1}`;
      library.moveSlide(id, index, -1);
    });
    down.addEventListener('click', () => {
      focusAfterRender = index + 1 === count - 1 ? `#slide-up-${n + 1}` : `#slide-down-${n + 1}`;
      library.moveSlide(id, index, 1);
    });
    edit.addEventListener('click', () => {
      editing = index;
      focusAfterRender = `#slide-caption-edit-${n}`;
      draw();
    });
    remove.addEventListener('click', () => {
      if (editing === index) editing = null;
      focusAfterRender = count > 1 ? `#slide-show-${Math.min(n, count - 1)}` : '#slide-caption';
      library.removeSlide(id, index);
    });
    const caption = h('div', { class: 'slide-caption', id: `slide-caption-${n}` });
    renderCaption(caption, slide.caption);
    item.append(
      h('p', { class: 'slide-label' }, texts.slideLabel(n, screenName(strings, slide.screen))),
      caption,
    );
    if (editing === index) {
      const area = h('textarea', {
        id: `slide-caption-edit-${n}`,
        class: 'slide-caption-edit',
        rows: 3,
        maxlength: LESSON_LIMITS.caption,
        'aria-label': texts.captionOf(n),
      });
      area.value = slide.caption;
      const error = h('p', { class: 'field-error', role: 'alert' });
      const save = button(`slide-save-${n}`, texts.saveCaption, { class: 'primary' });
      const cancel = button(`slide-cancel-${n}`, texts.cancel);
      save.addEventListener('click', () => {
        editing = null;
        focusAfterRender = `#slide-edit-${n}`;
        if (!attempt(error, () => library.setCaption(id, index, area.value))) {
          editing = index;
          focusAfterRender = null;
        }
      });
      cancel.addEventListener('click', () => {
        editing = null;
        focusAfterRender = `#slide-edit-${n}`;
        draw();
      });
      item.append(area, error, h('div', { class: 'button-row' }, save, cancel));
    } else {
      item.append(h('div', { class: 'button-row slide-buttons' }, show, up, down, edit, remove));
    }
    return item;
  }

  function draw(): void {
    const entries = library.lessons.value;
    const current = selected();
    lessonSelect.replaceChildren(
      ...entries.map(({ id, lesson }) => h('option', { value: id }, lesson.title || texts.untitled)),
    );
    lessonSelect.disabled = entries.length === 0;
    noLessons.hidden = entries.length > 0;
    editor.hidden = current === null;
    storageWarning.textContent = library.saveFailed.value
      ? messageOf(strings, new InputError('lesson.notSaved', {}))
      : '';
    storageWarning.hidden = !library.saveFailed.value;
    if (current) {
      lessonSelect.value = current.id;
      if (document.activeElement !== titleInput) titleInput.value = current.lesson.title;
      const count = current.lesson.slides.length;
      slidesHeading.textContent = texts.slidesHeading(count);
      slideList.replaceChildren(
        ...current.lesson.slides.map((_, index) => slideItem(current.id, current.lesson, index)),
      );
      if (count === 0) slideList.append(h('li', { class: 'note' }, texts.noSlides));
      playButton.disabled = count === 0;
      shareButton.disabled = count === 0;
      confirmArea.replaceChildren();
      if (confirming) {
        const yes = button('lesson-delete-confirm', texts.confirmDeleteYes, { class: 'danger' });
        const keep = button('lesson-delete-keep', texts.keep);
        yes.addEventListener('click', () => {
          confirming = false;
          focusAfterRender = '#lesson-new';
          library.remove(current.id);
        });
        keep.addEventListener('click', () => {
          confirming = false;
          focusAfterRender = '#lesson-delete';
          draw();
        });
        confirmArea.append(
          h('p', {}, texts.confirmDelete(current.lesson.title || texts.untitled, count)),
          h('div', { class: 'button-row' }, yes, keep),
        );
      }
    }
    if (focusAfterRender) {
      const target = root.querySelector<HTMLElement>(focusAfterRender);
      focusAfterRender = null;
      target?.focus();
    }
  }

  effect(draw);
  effect(() => {
    root.hidden = !open.value;
  });

  closeButton.addEventListener('click', () => {
    open.value = false;
    document.getElementById('lessons-open')?.focus();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !player.playing.peek()) {
      event.preventDefault();
      closeButton.click();
    }
  });
  lessonSelect.addEventListener('change', () => {
    editing = null;
    confirming = false;
    library.select(lessonSelect.value);
  });
  newButton.addEventListener('click', () => {
    editing = null;
    confirming = false;
    focusAfterRender = '#lesson-title-input';
    library.create(texts.defaultTitle(library.lessons.peek().length + 1), options.locale);
  });
  titleInput.addEventListener('input', () => {
    const current = selected();
    if (current) attempt(titleError, () => library.rename(current.id, titleInput.value));
  });
  deleteButton.addEventListener('click', () => {
    confirming = true;
    focusAfterRender = '#lesson-delete-keep';
    draw();
  });
  addButton.addEventListener('click', () => {
    const current = selected();
    if (!current) return;
    const added = attempt(addError, () =>
      library.addSlide(current.id, captureSlide(models, captionInput.value)),
    );
    if (added) captionInput.value = '';
    // A paused view whose steps cannot be replayed comes back as a fresh draw, not as these particles.
    const { particles } = models.physics;
    const exact = particles.playing.peek() || particles.replayableSteps.peek() >= 0;
    addNote.textContent = added && !exact ? texts.notReplayable : '';
  });
  playButton.addEventListener('click', () => {
    const current = selected();
    if (current && current.lesson.slides.length > 0) player.play(current.lesson);
  });
  exportButton.addEventListener('click', () => {
    const current = selected();
    if (!current) return;
    download(
      new Blob([lessonText(current.lesson)], { type: 'application/json' }),
      fileName(current.lesson.title),
    );
  });
  shareButton.addEventListener('click', async () => {
    const current = selected();
    if (!current) return;
    const url = await lessonLink(current.lesson);
    shareButton.dataset.link = url;
    try {
      await navigator.clipboard.writeText(url);
      shareStatus.textContent = texts.linkCopied;
    } catch {
      window.prompt(texts.linkCopyFailed, url);
    }
  });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    importStatus.textContent = '';
    try {
      // A file far beyond the limit is refused by its size, before it is read.
      const text =
        file.size > LESSON_LIMITS.bytes * 4 ? ' '.repeat(LESSON_LIMITS.bytes + 1) : await file.text();
      const lesson = parseLessonText(text);
      library.add(lesson);
      importError.textContent = '';
      importStatus.textContent = texts.imported(lesson.title || texts.untitled);
    } catch (error) {
      importError.textContent = messageOf(strings, error);
    }
  });

  // The bundled lessons of this language, listed once they have loaded.
  let disposed = false;
  onDispose(() => {
    disposed = true;
  });
  void Promise.all(BUNDLED_LESSON_IDS.map((id) => loadBundledLesson(options.locale, id))).then((lessons) => {
    if (disposed) return;
    bundledList.replaceChildren(
      ...lessons.map((lesson, index) => {
        const id = BUNDLED_LESSON_IDS[index];
        const play = button(`bundled-play-${id}`, texts.playBundled, {
          'aria-label': texts.playBundledLabel(lesson.title),
        });
        const copy = button(`bundled-copy-${id}`, texts.copyBundled, {
          'aria-label': texts.copyBundledLabel(lesson.title),
        });
        play.addEventListener('click', () => player.play(lesson));
        copy.addEventListener('click', () => {
          focusAfterRender = '#lesson-title-input';
          library.add(lesson);
        });
        return h(
          'li',
          { class: 'bundled-lesson' },
          h('span', { class: 'bundled-title' }, lesson.title),
          h('span', { class: 'button-row' }, play, copy),
        );
      }),
    );
  });

  return root;
}
