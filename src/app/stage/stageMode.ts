/**
 * Stage mode: the current screen's picture fills the projector, with a strip of large readouts and one
 * large temperature control. It is app state, kept outside any rendering, so a language switch or a
 * theme change keeps the stage up. A playing lesson lends the stage its slide navigation and caption.
 */
import { type ReadonlySignal, signal } from '@preact/signals-core';

/** What a playing lesson does with the clicker's page keys. */
export interface SlideNavigator {
  next(): void;
  previous(): void;
}

export interface StageMode {
  readonly active: ReadonlySignal<boolean>;
  enter(): void;
  leave(): void;
  toggle(): void;
  /** While a lesson plays, PageUp / PageDown move through its slides instead of the temperature. */
  readonly slideNavigator: ReadonlySignal<SlideNavigator | null>;
  setSlideNavigator(navigator: SlideNavigator | null): void;
  /** An element the stage shows in its caption strip (a lesson's caption and slide counter), or none. */
  readonly overlay: ReadonlySignal<HTMLElement | null>;
  setOverlay(element: HTMLElement | null): void;
  /** The screen blanked to black (a clicker's B), so that the room looks at the speaker; leaving unblanks. */
  readonly blanked: ReadonlySignal<boolean>;
  setBlanked(on: boolean): void;
}

export function createStageMode(): StageMode {
  const active = signal(false);
  const slideNavigator = signal<SlideNavigator | null>(null);
  const overlay = signal<HTMLElement | null>(null);
  const blanked = signal(false);
  return {
    active,
    enter: () => {
      active.value = true;
    },
    leave: () => {
      active.value = false;
      blanked.value = false;
    },
    toggle: () => {
      active.value = !active.peek();
      blanked.value = false;
    },
    slideNavigator,
    setSlideNavigator: (navigator) => {
      slideNavigator.value = navigator;
    },
    overlay,
    setOverlay: (element) => {
      overlay.value = element;
    },
    blanked,
    setBlanked: (on) => {
      blanked.value = on && active.peek();
    },
  };
}
