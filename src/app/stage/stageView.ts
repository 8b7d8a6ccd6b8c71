/**
 * What stage mode looks like: the visible screen's canvases fill the viewport, with a caption strip
 * on top (only while a lesson lends one), a strip of large live readouts above the canvases, and the
 * large temperature control with a "leave" button below them. The canvases are moved here from their
 * page and back again, so the same pixi scenes keep drawing; the rest of the app is hidden, not destroyed.
 */
import { type ReadonlySignal, signal, untracked } from '@preact/signals-core';
import { h } from '../../shared/ui/dom.ts';
import { effect, onDispose } from '../../shared/ui/lifetime.ts';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import type { Strings } from '../../strings/en.ts';
import type { ScreenHandle } from '../screen.ts';
import type { ScreenStage } from './screenStage.ts';
import type { StageMode } from './stageMode.ts';
import './stage.css';

export function createStageView(
  stage: StageMode,
  screen: ReadonlySignal<ScreenHandle | null>,
  strings: Strings,
): HTMLElement {
  const caption = h('div', { class: 'stage-caption', id: 'stage-caption' });
  const canvases = h('div', {
    class: 'stage-canvases',
    id: 'stage-canvases',
    role: 'group',
    'aria-label': strings.stageCanvasesLabel,
  });
  const readouts = h('dl', {
    class: 'stage-readouts',
    id: 'stage-readouts',
    'aria-label': strings.stageReadoutsLabel,
  });
  const control = h('div', { class: 'stage-control', id: 'stage-control' });
  const leave = h('button', { type: 'button', class: 'stage-leave', id: 'stage-leave' }, strings.stageLeave);
  leave.addEventListener('click', () => stage.leave());
  const blank = h('div', { class: 'stage-blank', id: 'stage-blank' });
  const root = h(
    'section',
    { class: 'stage-view', id: 'stage-view', 'aria-label': strings.stageRegionLabel, tabindex: -1 },
    caption,
    readouts,
    canvases,
    h('div', { class: 'stage-bar' }, control, leave),
    blank,
  );
  root.hidden = true;

  /** The stage's content while it is up, with the elements its readouts are written into. */
  const shown = signal<{ content: ScreenStage; values: HTMLElement[] } | null>(null);
  effect(() => {
    const current = shown.value;
    if (!current) return;
    current.content.readouts.forEach((readout, i) => {
      const text = readout.value.value;
      if (readout.formula) setMathText(current.values[i], text);
      else if (current.values[i].textContent !== text) current.values[i].textContent = text;
    });
  });

  /** Undoes what putUp did, newest first: canvases back to their pages, readouts taken down. */
  const undo: (() => void)[] = [];
  function takeDown(): void {
    while (undo.length > 0) undo.pop()?.();
  }

  function putUp(content: ScreenStage): void {
    for (const host of content.canvases) {
      const placeholder = document.createComment('stage');
      host.replaceWith(placeholder);
      // The scene draws its labels and particles for a lecture hall while its host is marked so.
      host.dataset.onStage = '';
      canvases.append(host);
      undo.push(() => {
        delete host.dataset.onStage;
        placeholder.replaceWith(host);
      });
    }
    const values = content.readouts.map((readout) => h('dd', { id: `stage-readout-${readout.id}` }));
    readouts.replaceChildren(
      ...content.readouts.map((readout, i) =>
        h('div', { class: 'stage-readout' }, mathElement('dt', readout.label), values[i]),
      ),
    );
    shown.value = { content, values };
    undo.push(() => {
      shown.value = null;
      readouts.replaceChildren();
    });
    control.append(content.temperature.root);
    undo.push(() => content.temperature.root.remove());
    root.hidden = false;
    document.documentElement.dataset.stage = 'on';
    undo.push(() => {
      root.hidden = true;
      delete document.documentElement.dataset.stage;
    });
    // The focus goes to the stage itself, not to its slider: the page's one-letter shortcuts (G, P,
    // Space) stay live, and the stage's keys move the temperature a whole stage step.
    root.focus();
  }

  let keptFocus: HTMLElement | null = null;
  effect(() => {
    const content = stage.active.value ? screen.value?.stage : undefined;
    untracked(() => {
      const wasUp = undo.length > 0;
      // Taking the stage down hides it, which drops a focus inside it (a lesson's Next, while its slide
      // changes the screen, and stays down until the new screen has mounted): it comes back with the stage.
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && focused !== root && root.contains(focused)) keptFocus = focused;
      takeDown();
      if (content) {
        putUp(content);
        if (keptFocus?.isConnected && root.contains(keptFocus)) keptFocus.focus();
        keptFocus = null;
      } else if (!stage.active.peek()) {
        keptFocus = null;
        if (wasUp) document.getElementById('stage-toggle')?.focus();
      }
    });
  });
  onDispose(takeDown);

  effect(() => {
    const element = stage.overlay.value;
    caption.replaceChildren(...(element ? [element] : []));
    caption.hidden = element === null;
  });
  effect(() => {
    blank.hidden = !stage.blanked.value;
  });
  return root;
}

/** The header's button that enters stage mode (G does the same). */
export function createStageButton(stage: StageMode, strings: Strings): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      id: 'stage-toggle',
      title: strings.stageButtonLabel,
      'aria-label': strings.stageButtonLabel,
    },
    strings.stageButton,
  );
  button.addEventListener('click', () => stage.toggle());
  effect(() => button.setAttribute('aria-pressed', String(stage.active.value)));
  return button;
}
