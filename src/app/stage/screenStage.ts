import type { ReadonlySignal } from '@preact/signals-core';

/** One large live value of the stage's strip ("T", "0,5 ħω"), read from the screen's model. */
export interface StageReadout {
  /** Names the readout's element (`stage-readout-<id>`), for tests and styles. */
  id: string;
  /** May hold formulas between dollar signs. */
  label: string;
  /** The value as the reader sees it: formatted, never "NaN" (an undefined value says so). */
  value: ReadonlySignal<string>;
  /** The value holds formulas (Z written as e^{…}); a token's text never does. */
  formula?: boolean;
}

/** The large temperature control: its element, and one step warmer or colder through the model's door. */
export interface StageTemperatureControl {
  root: HTMLElement;
  warmer(): void;
  colder(): void;
}

/** What a screen shows in stage mode: its canvases, a few large readouts, one temperature control. */
export interface ScreenStage {
  /** The canvases' hosts (one, or two side by side); the stage shows them in place of the page. */
  canvases: readonly HTMLElement[];
  readouts: readonly StageReadout[];
  temperature: StageTemperatureControl;
}
