import type { ScreenShortcuts } from './shortcuts.ts';
import type { ScreenStage } from './stage/screenStage.ts';

/** What the app loop steps while a screen is visible: its model's time moves on by `dtSeconds`. */
export interface SteppedModel {
  step(dtSeconds: number): void;
}

/** What the navigation and the app loop need from a mounted screen. */
export interface ScreenHandle {
  /** Stepped by the app loop while the screen is visible; a hidden screen's model waits. */
  model?: SteppedModel;
  /** Draws one animation frame after the model's step (moves in flight, a generation's next token). */
  drawFrame?(deltaMs: number): void;
  /** What the keyboard shortcuts do on this screen. */
  shortcuts?: ScreenShortcuts;
  /** What stage mode shows of this screen; a screen without it keeps its page in stage mode. */
  stage?: ScreenStage;
}
