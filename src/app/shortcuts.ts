/**
 * Keyboard shortcuts for the visible screen, and the dialog that lists them. Keys act only when the
 * focus is not in a text field or a control that uses the key itself (typing "r" in a formula must type).
 */
import { h } from '../shared/ui/dom.ts';
import { onDispose } from '../shared/ui/lifetime.ts';
import type { Strings } from '../strings/en.ts';

export interface ScreenShortcuts {
  playPause(): void;
  step(): void;
  reset(): void;
  hotter(): void;
  colder(): void;
}

export interface GlobalShortcuts {
  toggleProjector(): void;
  toggleFullscreen(): void;
  startStory(): void;
  toggleStage(): void;
}

export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' &&
      (target as HTMLInputElement).type !== 'checkbox' &&
      (target as HTMLInputElement).type !== 'radio')
  );
}

export function shortcutList(strings: Strings): [string, string][] {
  return [
    ['Space', strings.shortcutPlayPause],
    ['S', strings.shortcutStep],
    ['R', strings.shortcutReset],
    ['↑  +', strings.shortcutHotter],
    ['↓  −', strings.shortcutColder],
    ['P', strings.shortcutProjector],
    ['F', strings.shortcutFullscreen],
    ['T', strings.shortcutStory],
    ['G', strings.shortcutStage],
    ['PgUp  PgDn  ←  →', strings.shortcutStageTemperature],
    ['B  .', strings.shortcutBlank],
    ['?', strings.shortcutHelp],
  ];
}

export function createHelpDialog(strings: Strings): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'primary', id: 'help-close' }, strings.close);
  const dialog = h(
    'dialog',
    { id: 'help-dialog', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, strings.shortcutsHeading),
    h(
      'table',
      { class: 'data-table shortcut-table' },
      h(
        'tbody',
        {},
        ...shortcutList(strings).map(([key, action]) =>
          h('tr', {}, h('th', { scope: 'row' }, h('kbd', {}, key)), h('td', {}, action)),
        ),
      ),
    ),
    h('p', { class: 'note' }, strings.shortcutsNote),
    h('p', { class: 'note' }, strings.stageKeysNote),
    h('div', { class: 'button-row' }, close),
  );
  close.addEventListener('click', () => dialog.close());
  return dialog;
}

/** Listens for the shortcuts until the current rendering ends. */
export function installShortcuts(
  screen: () => ScreenShortcuts | null,
  global: GlobalShortcuts,
  help: HTMLDialogElement,
): void {
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key === '?') {
      event.preventDefault();
      if (help.open) help.close();
      else help.showModal();
      return;
    }
    if (help.open || typingInto(event.target)) return;
    const target = event.target as HTMLElement | null;
    const onSlider = target instanceof HTMLInputElement && target.type === 'range';
    const current = screen();
    const actions: Record<string, (() => void) | undefined> = {
      ' ': target instanceof HTMLButtonElement ? undefined : current?.playPause,
      s: current?.step,
      r: current?.reset,
      '+': current?.hotter,
      '=': current?.hotter,
      '-': current?.colder,
      ArrowUp: onSlider ? undefined : current?.hotter,
      ArrowDown: onSlider ? undefined : current?.colder,
      p: global.toggleProjector,
      f: global.toggleFullscreen,
      t: global.startStory,
      g: global.toggleStage,
    };
    const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  document.addEventListener('keydown', onKey);
  onDispose(() => document.removeEventListener('keydown', onKey));
}
