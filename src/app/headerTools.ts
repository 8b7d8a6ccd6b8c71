import { h } from '../shared/ui/dom.ts';
import type { Strings } from '../strings/en.ts';
import { applyPreferences, type DisplayPreferences, savePreferences } from './preferences.ts';

export interface HeaderToolActions {
  stageButton: HTMLElement;
  copyLink: HTMLElement;
  /** Lays out the printed handout of the current view and prints it. */
  handoutButton: HTMLElement;
  languageSelect: HTMLElement;
  openStory(): void;
  openLessons(): void;
  openHelp(): void;
  /** Display preferences changed: the canvas must be drawn again with the new tokens. */
  rerender(): void;
}

function toggle(id: string, label: string, pressed: boolean, onToggle: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', id, 'aria-pressed': String(pressed) }, label);
  button.addEventListener('click', onToggle);
  return button;
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** The header's buttons: tour, lessons, stage, display preferences, full screen, shortcuts, link, handout and language. */
export function createHeaderTools(
  strings: Strings,
  preferences: DisplayPreferences,
  actions: HeaderToolActions,
): HTMLElement {
  const change = (next: DisplayPreferences) => {
    Object.assign(preferences, next);
    applyPreferences(preferences);
    savePreferences(preferences);
    actions.rerender();
  };
  const story = h('button', { type: 'button', id: 'story-open', class: 'primary' }, strings.storyButton);
  story.addEventListener('click', actions.openStory);
  const lessons = h('button', { type: 'button', id: 'lessons-open' }, strings.lessons.openButton);
  lessons.addEventListener('click', actions.openLessons);
  const help = h(
    'button',
    {
      type: 'button',
      id: 'help-open',
      'aria-label': strings.helpButtonLabel,
      title: strings.helpButtonLabel,
    },
    `⌨ ${strings.helpButton}`,
  );
  help.addEventListener('click', actions.openHelp);
  const fullscreen = h('button', { type: 'button', id: 'fullscreen-toggle' }, strings.fullscreenButton);
  fullscreen.addEventListener('click', toggleFullscreen);
  return h(
    'div',
    { class: 'header-tools' },
    story,
    lessons,
    actions.stageButton,
    toggle('projector-toggle', strings.projectorButton, preferences.projector, () =>
      change({ ...preferences, projector: !preferences.projector }),
    ),
    toggle('palette-toggle', strings.colourBlindButton, preferences.colourBlind, () =>
      change({ ...preferences, colourBlind: !preferences.colourBlind }),
    ),
    fullscreen,
    help,
    actions.copyLink,
    actions.handoutButton,
    actions.languageSelect,
  );
}
