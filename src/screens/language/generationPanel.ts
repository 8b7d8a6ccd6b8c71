/**
 * Text generated side by side at several temperatures, one character per column per tick, so the effect
 * of temperature on text can be watched as it happens. The run lives in the model (generation.ts); this
 * panel shows it and turns its fields into calls.
 */
import './language.css';
import { h, textInput } from '../../shared/ui/dom.ts';
import { parseSeed } from '../../shared/ui/dynamicsControls.ts';
import { createField, messageOf, submit } from '../../shared/ui/field.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import type { ColumnsRun } from './generation.ts';
import { type ColumnView, createColumnView } from './generationColumn.ts';
import { MAX_COLUMN_CHARACTERS } from './generationRun.ts';
import type { LanguageScreenModel } from './model.ts';
import { formatTemperatureList, parseTemperatureList, temperatureProblemMessage } from './temperatureList.ts';
import { MAX_COLUMN_TOKENS, TokenGenerationRun } from './tokenGenerationRun.ts';

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

export function createGenerationPanel(state: LanguageScreenModel, allStrings: Strings): HTMLElement {
  const strings = allStrings.lm;
  const temperaturesInput = textInput('generation-temperatures');
  const temperaturesField = createField(
    strings.temperaturesLabel,
    temperaturesInput,
    strings.temperaturesHint,
  );
  // What the list was read as, in the interface's own notation, so that a misread comma shows at once.
  const temperaturesRead = h('p', { class: 'field-hint', id: 'generation-temperatures-read' });
  const seedInput = textInput('generation-seed', 'numeric');
  const seedField = createField(strings.seedLabel, seedInput, strings.seedHint);
  const play = h('button', { type: 'button', id: 'generation-play', class: 'primary' }, strings.play);
  const stepButton = h('button', { type: 'button', id: 'generation-step' }, strings.step);
  const resetButton = h('button', { type: 'button', id: 'generation-reset' }, strings.reset);
  const status = h('p', { class: 'note generation-status', role: 'status' });
  const empty = h('p', { class: 'note generation-empty', id: 'generation-empty' }, strings.generationNoModel);
  const columnsHost = h('div', { class: 'generation-columns' });
  const intro = h('p', { class: 'note' }, strings.generationIntro);
  const controls = h(
    'div',
    { class: 'generation-controls' },
    temperaturesField.root,
    temperaturesRead,
    seedField.root,
    h('div', { class: 'button-row' }, play, stepButton, resetButton),
  );
  // Everything but the heading and the "train a model first" note, which take turns.
  const body = h('div', {}, intro, controls, status, columnsHost);
  const root = h(
    'section',
    { class: 'panel generation-panel', id: 'generation-panel' },
    h('h2', {}, strings.generationHeading),
    empty,
    body,
  );

  const { generation } = state;
  let views: ColumnView[] = [];
  let shownRun: ColumnsRun | null = null;
  let shownUnit = '';

  effect(() => {
    const { run, context, temperatures } = generation.snapshot.value;
    empty.hidden = generation.status.value.kind !== 'no-model';
    body.hidden = !empty.hidden;
    if (run !== shownRun) {
      shownRun = run;
      const current = views.map((view) => view.temperature);
      const unit = run instanceof TokenGenerationRun ? 'tokens' : 'characters';
      const maxSteps = run?.maxSteps ?? 0;
      const lengthText =
        unit === 'tokens'
          ? (n: number) => strings.columnTokens(n, maxSteps)
          : (n: number) => strings.columnLength(n, maxSteps);
      // The column views are rebuilt only when the temperatures or the unit changed.
      if (!sameNumbers(current, temperatures) || unit !== shownUnit) {
        shownUnit = unit;
        views = temperatures.map((t) => createColumnView(strings, t, lengthText));
        columnsHost.replaceChildren(...views.map((view) => view.root));
      }
      for (const [c, view] of views.entries())
        view.reset(context, run?.columns[c]?.greedy ?? view.temperature === 0);
    }
    for (const [c, column] of (run?.columns ?? []).entries()) views[c]?.show(column);
  });

  effect(() => {
    const current = generation.status.value;
    const { run } = generation.snapshot.value;
    const tokens = run instanceof TokenGenerationRun;
    intro.textContent = tokens ? strings.generationIntroTokens : strings.generationIntro;
    play.disabled = run === null;
    stepButton.disabled = run === null;
    resetButton.disabled = run === null;
    play.textContent = current.kind === 'playing' ? strings.pause : strings.play;
    const texts = {
      playing: () => strings.generationPlaying,
      paused: (length: number) =>
        tokens ? strings.generationPausedTokens(length) : strings.generationPaused(length),
      finished: () =>
        tokens
          ? strings.generationFinishedTokens(MAX_COLUMN_TOKENS)
          : strings.generationFinished(MAX_COLUMN_CHARACTERS),
    };
    status.textContent =
      current.kind === 'playing'
        ? texts.playing()
        : current.kind === 'paused'
          ? texts.paused(current.length)
          : current.kind === 'finished'
            ? texts.finished()
            : current.kind === 'refused'
              ? messageOf(allStrings, current.error)
              : '';
  });

  effect(() => {
    const temperatures = state.generationTemperatures.value;
    const seed = state.generationSeed.value;
    // Never overwrite what someone is typing, nor a refused value they still need to correct.
    temperaturesRead.textContent = strings.temperaturesRead(formatTemperatureList(temperatures));
    if (document.activeElement !== temperaturesInput && !temperaturesInput.hasAttribute('aria-invalid')) {
      temperaturesInput.value = formatTemperatureList(temperatures);
    }
    if (document.activeElement !== seedInput && !seedInput.hasAttribute('aria-invalid')) {
      seedInput.value = String(seed);
    }
  });

  temperaturesInput.addEventListener('change', () => {
    const parsed = parseTemperatureList(temperaturesInput.value);
    if (!parsed.ok) {
      temperaturesField.setError(temperatureProblemMessage(strings, parsed.problem));
      return;
    }
    submit(temperaturesField, allStrings, () => state.generationTemperatures.set(parsed.temperatures));
  });
  seedInput.addEventListener('change', () => {
    submit(seedField, allStrings, () => {
      const seed = parseSeed(seedInput.value);
      // The same seed again still starts over: that is what someone re-entering it expects.
      if (seed === state.generationSeed.peek()) generation.restart();
      else state.generationSeed.set(seed);
    });
  });
  play.addEventListener('click', () => generation.togglePlaying());
  stepButton.addEventListener('click', () => generation.stepOnce());
  resetButton.addEventListener('click', () => generation.restart());

  return root;
}
