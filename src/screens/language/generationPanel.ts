/**
 * Text generated side by side at several temperatures, one character per column per tick, so the effect
 * of temperature on text can be watched as it happens. Any change to what generation depends on (model,
 * context, sampler, temperatures, seed) starts the columns again, so the text on screen always belongs to
 * the settings on screen.
 */
import './language.css';
import { createFrameLoop } from '../../app/screen.ts';
import type { NgramModel } from '../../core/lm/ngram.ts';
import type { SamplerSettings } from '../../core/lm/pipeline.ts';
import { h } from '../../shared/ui/dom.ts';
import { parseSeed } from '../../shared/ui/dynamicsControls.ts';
import { createField, messageOf } from '../../shared/ui/field.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import { type ColumnView, createColumnView } from './generationColumn.ts';
import { GenerationRun, MAX_COLUMN_CHARACTERS } from './generationModel.ts';
import type { LanguageState } from './model.ts';
import { formatTemperatureList, parseTemperatureList, temperatureProblemMessage } from './temperatureList.ts';

/** Time between characters while playing: fast enough to feel alive, slow enough to read along. */
const STEP_INTERVAL_MS = 120;
/** After a stall (a slow frame), catch up by at most this many steps rather than jumping ahead. */
const MAX_STEPS_PER_FRAME = 2;

export interface GenerationPanel {
  root: HTMLElement;
  /** A hidden panel stops its timer. */
  setActive(active: boolean): void;
}

interface RunInputs {
  model: NgramModel;
  context: string;
  sampler: SamplerSettings;
  temperatures: readonly number[];
  seed: number;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

export function createGenerationPanel(state: LanguageState, allStrings: Strings): GenerationPanel {
  const strings = allStrings.lm;
  const temperaturesInput = h('input', {
    type: 'text',
    id: 'generation-temperatures',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const temperaturesField = createField(
    strings.temperaturesLabel,
    temperaturesInput,
    strings.temperaturesHint,
  );
  // What the list was read as, in the interface's own notation, so that a misread comma shows at once.
  const temperaturesRead = h('p', { class: 'field-hint', id: 'generation-temperatures-read' });
  const seedInput = h('input', {
    type: 'text',
    id: 'generation-seed',
    inputmode: 'numeric',
    autocomplete: 'off',
  });
  const seedField = createField(strings.seedLabel, seedInput, strings.seedHint);
  const play = h('button', { type: 'button', id: 'generation-play', class: 'primary' }, strings.play);
  const stepButton = h('button', { type: 'button', id: 'generation-step' }, strings.step);
  const resetButton = h('button', { type: 'button', id: 'generation-reset' }, strings.reset);
  const status = h('p', { class: 'note generation-status', role: 'status' });
  const empty = h('p', { class: 'note generation-empty', id: 'generation-empty' }, strings.generationNoModel);
  const columnsHost = h('div', { class: 'generation-columns' });
  const controls = h(
    'div',
    { class: 'generation-controls' },
    temperaturesField.root,
    temperaturesRead,
    seedField.root,
    h('div', { class: 'button-row' }, play, stepButton, resetButton),
  );
  // Everything but the heading and the "train a model first" note, which take turns.
  const body = h(
    'div',
    {},
    h('p', { class: 'note' }, strings.generationIntro),
    controls,
    status,
    columnsHost,
  );
  const root = h(
    'section',
    { class: 'panel generation-panel', id: 'generation-panel' },
    h('h2', {}, strings.generationHeading),
    empty,
    body,
  );

  let inputs: RunInputs | null = null;
  let run: GenerationRun | null = null;
  let views: ColumnView[] = [];
  let playing = false;
  let active = false;
  let elapsed = 0;

  const loop = createFrameLoop((deltaMs) => {
    elapsed = Math.min(elapsed + deltaMs, STEP_INTERVAL_MS * MAX_STEPS_PER_FRAME);
    while (playing && elapsed >= STEP_INTERVAL_MS) {
      elapsed -= STEP_INTERVAL_MS;
      advance();
    }
  });

  function refreshControls(): void {
    const usable = run !== null;
    play.disabled = !usable;
    stepButton.disabled = !usable;
    resetButton.disabled = !usable;
    play.textContent = playing ? strings.pause : strings.play;
    if (playing) loop.start();
    else loop.stop();
    if (!active) loop.stop();
  }

  function setPlaying(next: boolean): void {
    if (next === playing) return;
    playing = next && run !== null;
    elapsed = 0;
    if (run !== null) {
      status.textContent = playing ? strings.generationPlaying : strings.generationPaused(run.length);
    }
    refreshControls();
  }

  function advance(): void {
    if (run === null) return;
    run.step();
    run.columns.forEach((column, c) => {
      views[c].show(column);
    });
    if (run.finished) {
      playing = false;
      status.textContent = strings.generationFinished(MAX_COLUMN_CHARACTERS);
      refreshControls();
    }
  }

  /** A fresh run from `inputs`; the column views are rebuilt only when the temperatures changed. */
  function restart(): void {
    status.textContent = '';
    if (inputs === null) {
      run = null;
      playing = false;
      empty.hidden = false;
      body.hidden = true;
      refreshControls();
      return;
    }
    const { model, context, sampler, temperatures, seed } = inputs;
    empty.hidden = true;
    body.hidden = false;
    try {
      run = new GenerationRun(model, context, sampler, temperatures, seed);
    } catch (error) {
      run = null;
      playing = false;
      status.textContent = messageOf(allStrings, error);
    }
    const current = views.map((view) => view.temperature);
    if (!sameNumbers(current, temperatures)) {
      views = temperatures.map((t) => createColumnView(strings, t, MAX_COLUMN_CHARACTERS));
      columnsHost.replaceChildren(...views.map((view) => view.root));
    }
    for (const view of views) view.reset(context);
    elapsed = 0;
    if (run !== null && playing) status.textContent = strings.generationPlaying;
    refreshControls();
  }

  effect(() => {
    const model = state.model.value;
    const temperatures = state.generationTemperatures.value;
    const seed = state.generationSeed.value;
    inputs = model
      ? { model, context: state.context.value, sampler: state.sampler.value, temperatures, seed }
      : null;
    // Never overwrite what someone is typing, nor a refused value they still need to correct.
    temperaturesRead.textContent = strings.temperaturesRead(formatTemperatureList(temperatures));
    if (document.activeElement !== temperaturesInput && !temperaturesInput.hasAttribute('aria-invalid')) {
      temperaturesInput.value = formatTemperatureList(temperatures);
    }
    if (document.activeElement !== seedInput && !seedInput.hasAttribute('aria-invalid')) {
      seedInput.value = String(seed);
    }
    restart();
  });

  temperaturesInput.addEventListener('change', () => {
    const parsed = parseTemperatureList(temperaturesInput.value);
    if (!parsed.ok) {
      temperaturesField.setError(temperatureProblemMessage(strings, parsed.problem));
      return;
    }
    temperaturesField.setError(null);
    state.generationTemperatures.value = parsed.temperatures;
  });
  seedInput.addEventListener('change', () => {
    try {
      const seed = parseSeed(seedInput.value);
      seedField.setError(null);
      // The same seed again still starts over: that is what someone re-entering it expects.
      if (seed === state.generationSeed.peek()) restart();
      else state.generationSeed.value = seed;
    } catch (error) {
      seedField.setError(messageOf(allStrings, error));
    }
  });
  play.addEventListener('click', () => {
    if (!playing && run?.finished) restart();
    setPlaying(!playing);
  });
  stepButton.addEventListener('click', () => {
    setPlaying(false);
    if (run?.finished) restart();
    advance();
  });
  resetButton.addEventListener('click', () => restart());

  return {
    root,
    setActive(next) {
      active = next;
      refreshControls();
    },
  };
}
