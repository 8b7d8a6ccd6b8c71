/**
 * The one animation loop: each frame it steps the visible screen's model, then lets that screen draw.
 * Hidden screens cost nothing, and a model never runs its own timer, so what a screen shows is always
 * what its model holds after the same steps.
 */
import { onDispose } from '../shared/ui/lifetime.ts';
import type { ScreenHandle } from './screen.ts';

/** Frames further apart than this (a background tab, a breakpoint) count as this long, so time resumes calmly. */
const MAX_FRAME_MS = 250;

export function startAppLoop(visibleScreen: () => ScreenHandle | null): void {
  let handle = 0;
  let last = 0;
  let previous: ScreenHandle | null = null;
  const frame = (now: number) => {
    const screen = visibleScreen();
    // A screen just shown starts from a zero step, not from the time it spent hidden.
    const deltaMs = last === 0 || screen !== previous ? 0 : Math.min(MAX_FRAME_MS, now - last);
    last = now;
    previous = screen;
    screen?.model?.step(deltaMs / 1000);
    screen?.drawFrame?.(deltaMs);
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  onDispose(() => cancelAnimationFrame(handle));
}
