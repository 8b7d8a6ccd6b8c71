/**
 * The guided story as data: short steps that each set the app to what they talk about. A step's
 * `apply` only calls StoryActions, which the app implements against its real state, so the steps stay
 * pure and can be checked in Node with a recording fake.
 *
 * Every step is self-contained: it chooses its screen, its system and its temperature (and, on the
 * language screen, resets the truncation stages), so Back lands on the same picture as Next did and a
 * step looks right whatever the user changed in between.
 */

export type StoryLanguage = 'en' | 'ru';
export type StoryScreen = 'physics' | 'language' | 'parallel';

/** What a step may do to the app. Implemented by the app; every call is synchronous from the story's side. */
export interface StoryActions {
  /** Shows a screen (the same as choosing its tab). */
  goTo(screen: StoryScreen): void;
  /**
   * Chooses a preset system (an id of src/core/spectra/presets.ts, such as 'three-level') for the physics
   * side of the screen last chosen with goTo: the physics screen, or the left half of the side-by-side
   * screen. Missing params take the preset's defaults.
   */
  setPhysicsSystem(presetId: string, params?: Record<string, number>): void;
  /** Temperature of the physics screen, in the system's internal units (k_B = 1); ±Infinity allowed. */
  setPhysicsTemperature(t: number): void;
  /** Sampling temperature t of the language-model screen; 0 is greedy, ±Infinity uniform, negative inverts. */
  setLanguageTemperature(t: number): void;
  /** The one temperature T = t of the side-by-side screen. */
  setLinkedTemperature(t: number): void;
  /** Truncation stages of the language-model sampler: topK 0 = off, topP 1 = off, minP 0 = off. */
  setSampler(change: { topK?: number; topP?: number; minP?: number }): void;
  /** Plays or pauses the particles of the current screen. */
  setPlaying(playing: boolean): void;
  /**
   * Draws attention to an element of the current screen (scrolls it into view, highlights it). It should
   * not take keyboard focus: the story panel moves focus to its own heading right after `apply`.
   */
  focus(selector: string): void;
}

/** The names of every StoryActions method, for fakes and checks. */
export const STORY_ACTION_NAMES = [
  'goTo',
  'setPhysicsSystem',
  'setPhysicsTemperature',
  'setLanguageTemperature',
  'setLinkedTemperature',
  'setSampler',
  'setPlaying',
  'focus',
] as const satisfies readonly (keyof StoryActions)[];

// Compile-time check that the list above names every method of StoryActions.
type MissingActionName = Exclude<keyof StoryActions, (typeof STORY_ACTION_NAMES)[number]>;
const everyActionNamed: [MissingActionName] extends [never] ? true : false = true;
void everyActionNamed;

/** Ids of the steps, in order; the strings files key each step's title and body on them. */
export const STORY_STEP_IDS = [
  'temperature-one',
  'infinite-temperature',
  'zero-temperature',
  'boltzmann-origin',
  'entropy-perplexity',
  'truncation',
  'population-inversion',
  'least-likely-first',
] as const;
export type StoryStepId = (typeof STORY_STEP_IDS)[number];

export interface StoryStep {
  /** Stable identifier (for links and tests); the step's texts are found by it in the strings. */
  id: StoryStepId;
  /** Sets the app to what the step describes. */
  apply(actions: StoryActions): void;
}

/** A step's text in one language. */
export interface StoryStepText {
  title: string;
  /** Two to four short sentences of plain text (formulas as text, such as p = g·e^(−E/T)/Z). */
  body: string;
}

/** The labels of the story panel in one language. */
export interface StoryPanelStrings {
  /** Name of the panel, e.g. "Guided tour". */
  heading: string;
  next: string;
  back: string;
  close: string;
  /** "Step 3 of 8". */
  stepOf(n: number, total: number): string;
}

/** Everything the tour says in one language (src/strings/<language>/story.ts): a missing step is a type error. */
export interface StoryStrings {
  panel: StoryPanelStrings;
  steps: Readonly<Record<StoryStepId, StoryStepText>>;
}

/** The three-level system of the side-by-side screen (the preset's defaults, spelled out). */
const THREE_LEVEL = { e2: 1, e3: 1.8 };
/** Every truncation stage off, so the language screen shows temperature alone. */
const NO_TRUNCATION = { topK: 0, topP: 1, minP: 0 };

export const STORY_STEPS: readonly StoryStep[] = [
  {
    id: 'temperature-one',
    apply(actions) {
      actions.goTo('language');
      actions.setSampler(NO_TRUNCATION);
      actions.setLanguageTemperature(1);
      actions.focus('#lm-temperature-input');
    },
  },
  {
    id: 'infinite-temperature',
    apply(actions) {
      actions.goTo('parallel');
      actions.setPhysicsSystem('three-level', THREE_LEVEL);
      actions.setLinkedTemperature(Number.POSITIVE_INFINITY);
      actions.focus('#linked-temperature');
    },
  },
  {
    id: 'zero-temperature',
    apply(actions) {
      actions.goTo('parallel');
      actions.setPhysicsSystem('three-level', THREE_LEVEL);
      actions.setLinkedTemperature(0.02);
      actions.focus('#linked-temperature');
    },
  },
  {
    id: 'boltzmann-origin',
    apply(actions) {
      actions.goTo('physics');
      actions.setPhysicsSystem('harmonic-oscillator', { nMax: 20 });
      actions.setPhysicsTemperature(1);
      actions.setPlaying(true);
    },
  },
  {
    id: 'entropy-perplexity',
    apply(actions) {
      actions.goTo('parallel');
      actions.setPhysicsSystem('three-level', THREE_LEVEL);
      actions.setLinkedTemperature(1.5);
      actions.focus('#mapping-perplexity');
    },
  },
  {
    id: 'truncation',
    apply(actions) {
      actions.goTo('language');
      actions.setSampler({ topK: 0, topP: 0.9, minP: 0 });
      actions.setLanguageTemperature(1);
      actions.focus('#sampler-controls');
    },
  },
  {
    id: 'population-inversion',
    apply(actions) {
      actions.goTo('physics');
      actions.setPhysicsSystem('two-level', { gap: 1, upperDegeneracy: 1 });
      actions.setPhysicsTemperature(-0.5);
      actions.setPlaying(true);
      actions.focus('#temperature-controls');
    },
  },
  {
    id: 'least-likely-first',
    apply(actions) {
      actions.goTo('language');
      actions.setSampler(NO_TRUNCATION);
      actions.setLanguageTemperature(-1);
      actions.focus('#lm-temperature-input');
    },
  },
];
