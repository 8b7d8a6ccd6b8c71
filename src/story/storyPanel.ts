/**
 * The story panel: a non-modal region docked at the bottom of the window that walks through the story
 * steps, setting the app's state at each one. The page behind stays usable.
 *
 * Keyboard: Tab reaches Back, Next and Close in that order; Enter or Space presses them. Escape closes
 * the panel while focus is inside it, and the arrow keys (or Page Up / Page Down, as sent by presentation
 * clickers) step back and forth while focus is on the panel itself rather than on another control.
 * On opening and on every step, focus moves to the step's heading and a polite live region announces
 * "Step n of total: title". Closing returns focus to where it was before the panel opened.
 *
 * The app appends `root` outside the screens (to the body or the app root), so changing screens does not
 * hide it.
 */
import './story.css';
import { h } from '../shared/ui/dom.ts';
import {
  STORY_STEPS,
  type StoryActions,
  type StoryLanguage,
  type StoryStep,
  type StoryStrings,
} from './storySteps.ts';

export type { StoryActions, StoryStrings } from './storySteps.ts';

export interface StoryPanelOptions {
  actions: StoryActions;
  /** Read at every render, so a language switch shows on the next step (or at once with refresh()). */
  language: () => StoryLanguage;
  /** The panel's labels and the steps' texts; a function is read at every render, like `language`. */
  strings: StoryStrings | (() => StoryStrings);
  /** The steps to walk through; the app's story by default. */
  steps?: readonly StoryStep[];
  /** Called after the panel closes (by its Close button, Escape or close()). */
  onClose?: () => void;
}

export interface StoryPanel {
  root: HTMLElement;
  /** Opens the panel at the step it was left on (the first after finishing) and applies that step. */
  open(): void;
  close(): void;
  /** Shows and applies the step with this 0-based index, opening the panel if needed. */
  showStep(index: number): void;
  isOpen(): boolean;
  /** 0-based index of the current step. */
  currentStep(): number;
  /** Redraws the texts in the current language without applying the step again. */
  refresh(): void;
}

/** Keys that step through the story while focus is on the panel itself (not on a text field). */
const NEXT_KEYS = new Set(['ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp']);

export function createStoryPanel(options: StoryPanelOptions): StoryPanel {
  const steps = options.steps ?? STORY_STEPS;
  if (steps.length === 0) throw new Error('The story has no steps.');
  const texts = (): StoryStrings =>
    typeof options.strings === 'function' ? options.strings() : options.strings;

  const name = h('p', { class: 'story-name', id: 'story-name' });
  const position = h('p', { class: 'story-step', id: 'story-step' });
  const progress = h('span', { class: 'story-progress-fill' });
  const title = h('h2', { class: 'story-title', id: 'story-title', tabindex: -1 });
  const body = h('p', { class: 'story-body', id: 'story-body' });
  const back = h('button', { type: 'button', id: 'story-back' });
  const next = h('button', { type: 'button', id: 'story-next', class: 'primary' });
  const closeButton = h('button', { type: 'button', id: 'story-close' });
  const live = h('p', {
    class: 'visually-hidden',
    id: 'story-live',
    'aria-live': 'polite',
    'aria-atomic': 'true',
  });

  const root = h(
    'section',
    {
      class: 'story-panel',
      id: 'story-panel',
      role: 'region',
      'aria-labelledby': 'story-name story-title',
      'aria-describedby': 'story-body',
    },
    h('div', { class: 'story-top' }, name, position),
    h('div', { class: 'story-progress', 'aria-hidden': 'true' }, progress),
    title,
    body,
    h('div', { class: 'story-buttons' }, back, next, closeButton),
    live,
  );
  root.hidden = true;

  let index = 0;
  let open = false;
  let returnFocus: HTMLElement | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  function render(): void {
    const language = options.language();
    const { panel: text, steps: stepTexts } = texts();
    const step = stepTexts[steps[index].id];
    const n = index + 1;
    root.lang = language;
    name.textContent = text.heading;
    position.textContent = text.stepOf(n, steps.length);
    position.dataset.step = String(n);
    position.dataset.total = String(steps.length);
    progress.style.width = `${(100 * n) / steps.length}%`;
    title.textContent = step.title;
    body.textContent = step.body;
    back.textContent = text.back;
    next.textContent = text.next;
    closeButton.textContent = text.close;
    back.disabled = index === 0;
    const last = index === steps.length - 1;
    next.disabled = last;
    // On the last step Close is the way on, so it takes the primary look.
    closeButton.classList.toggle('primary', last);
  }

  function announce(): void {
    clearTimeout(announceTimer);
    live.textContent = '';
    const { panel, steps: stepTexts } = texts();
    const text = `${panel.stepOf(index + 1, steps.length)}: ${stepTexts[steps[index].id].title}`;
    // A short delay, so a region that has just become visible is in the accessibility tree first.
    announceTimer = setTimeout(() => {
      live.textContent = text;
    }, 60);
  }

  function show(target: number): void {
    index = Math.max(0, Math.min(steps.length - 1, Math.trunc(target)));
    if (!open) {
      const active = document.activeElement;
      returnFocus = active instanceof HTMLElement && !root.contains(active) ? active : null;
      open = true;
      root.hidden = false;
    }
    render();
    try {
      steps[index].apply(options.actions);
    } finally {
      title.focus();
      announce();
    }
  }

  function close(): void {
    if (!open) return;
    open = false;
    clearTimeout(announceTimer);
    live.textContent = '';
    const hadFocus = root.contains(document.activeElement);
    root.hidden = true;
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
    options.onClose?.();
  }

  back.addEventListener('click', () => {
    if (index > 0) show(index - 1);
  });
  next.addEventListener('click', () => {
    if (index < steps.length - 1) show(index + 1);
  });
  closeButton.addEventListener('click', close);
  root.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    // Arrows only where they mean nothing else: on the panel, its heading, its text or its buttons.
    const target = event.target;
    const onPanel = target === root || target === title || target instanceof HTMLButtonElement;
    if (!onPanel || event.shiftKey) return;
    if (NEXT_KEYS.has(event.key) && index < steps.length - 1) {
      event.preventDefault();
      show(index + 1);
    } else if (BACK_KEYS.has(event.key) && index > 0) {
      event.preventDefault();
      show(index - 1);
    }
  });

  return {
    root,
    open() {
      if (open) {
        title.focus();
        return;
      }
      show(index === steps.length - 1 ? 0 : index);
    },
    close,
    showStep: show,
    isOpen: () => open,
    currentStep: () => index,
    refresh() {
      if (open) render();
    },
  };
}
