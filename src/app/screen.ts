import { onDispose } from '../shared/ui/lifetime.ts';
import type { ScreenShortcuts } from './shortcuts.ts';

/** What the navigation needs from a mounted screen. */
export interface ScreenHandle {
  /** A hidden screen stops its animation loop, so only the visible one costs anything. */
  setActive(active: boolean): void;
  /** What the keyboard shortcuts do on this screen. */
  shortcuts?: ScreenShortcuts;
}

export interface FrameLoop {
  start(): void;
  stop(): void;
}

/** A requestAnimationFrame loop that passes the time since the last frame (capped, so a background tab resumes calmly). */
export function createFrameLoop(frame: (deltaMs: number) => void): FrameLoop {
  let handle = 0;
  onDispose(() => {
    cancelAnimationFrame(handle);
    handle = 0;
  });
  let last = 0;
  const run = (now: number) => {
    const deltaMs = last === 0 ? 0 : Math.min(250, now - last);
    last = now;
    frame(deltaMs);
    handle = requestAnimationFrame(run);
  };
  return {
    start() {
      if (handle !== 0) return;
      last = 0;
      handle = requestAnimationFrame(run);
    },
    stop() {
      cancelAnimationFrame(handle);
      handle = 0;
    },
  };
}
