import type { ScreenHandle } from '../../app/screen.ts';
import { parseTemperature, REDUCED } from '../../core/spectra/index.ts';
import { h, textInput } from '../../shared/ui/dom.ts';
import { createField, onCommit, submit } from '../../shared/ui/field.ts';
import { acceptDecimalComma, formatNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import { createParticleStage } from '../../shared/ui/particleStage.ts';
import { axisLabel, formatPartitionFunction } from '../../shared/ui/readoutText.ts';
import { createTemperatureSlider } from '../../shared/ui/temperatureSlider.ts';
import type { Strings } from '../../strings/en.ts';
import { systemName } from '../../strings/presetText.ts';
import {
  PARALLEL_SYSTEMS,
  type ParallelScreenModel,
  type ParallelSystemId,
  PHYSICS_SYSTEMS,
} from './model.ts';
import { createParallelStage } from './stage.ts';

type MappingRow = keyof Strings['mappingRows'];

/** What pressing "Show" on a row of the dictionary does: the temperature it sets, and maybe a system. */
const DEMONSTRATIONS: Record<MappingRow, { temperature: number; system?: 'degenerate' }> = {
  energy: { temperature: 1 },
  temperature: { temperature: 0.5 },
  partition: { temperature: 1 },
  ground: { temperature: 0.02 },
  hot: { temperature: Number.POSITIVE_INFINITY },
  degeneracy: { temperature: 1, system: 'degenerate' },
  entropy: { temperature: 1.5 },
  perplexity: { temperature: 1.5 },
  negative: { temperature: -1 },
};

/** The physics ladder and the token ladder under one temperature, and the dictionary between them. */
export async function mountParallelScreen(
  host: HTMLElement,
  model: ParallelScreenModel,
  strings: Strings,
): Promise<ScreenHandle> {
  const { temperature, physicsSystem, physics, tokens } = model;

  const physicsStage = await createParticleStage(physics, strings, {
    idPrefix: 'pp-',
    stageLabel: strings.parallelPhysicsLabel,
    ladderLabels: (system) =>
      system.labels.map(
        (label, i) =>
          `${strings.levelLabel(label)} · E ${formatNumber(system.spectrum.energies[i], 3)} · g ${system.spectrum.degeneracies[i]}`,
      ),
    axisLabels: (system) => system.labels.map((label) => axisLabel(strings.levelLabel(label))),
    overflowLabel: strings.higherLevels,
    lumpedNote: strings.levelsLumpedNote,
  });
  const tokenStage = await createParticleStage(tokens, strings, {
    idPrefix: 'pt-',
    stageLabel: strings.parallelTokensLabel,
    ladderLabels: (system) =>
      system.labels.map(
        (label, i) => `${strings.levelLabel(label)} · E ${formatNumber(system.spectrum.energies[i], 3)}`,
      ),
    axisLabels: (system) => [...system.labels],
    overflowLabel: strings.tokenOverflow,
    lumpedNote: strings.tokensLumpedNote,
  });

  // One temperature control, on the scale of every temperature slider (all energy scales here are 1).
  const sliderField = createTemperatureSlider({
    id: 'linked-temperature-slider',
    label: strings.linkedTemperatureSliderLabel,
    symbol: 'T = t',
    temperature,
    energyScale: () => 1,
    allowsNegative: () => physics.system.value.allowsNegativeTemperature,
    format: (t) => formatNumber(t, 4),
    onInput: (t) => {
      textField.setError(null);
      temperature.set(t);
    },
  });
  const slider = sliderField.input;
  const text = textInput('linked-temperature-input', 'decimal');
  const textField = createField(strings.linkedTemperatureLabel, text, strings.lmTemperatureHint);
  const applyText = () => {
    submit(textField, strings, () =>
      temperature.set(parseTemperature(acceptDecimalComma(text.value), REDUCED)),
    );
  };
  onCommit(text, applyText);
  const systemSelect = h(
    'select',
    { id: 'parallel-system' },
    ...PARALLEL_SYSTEMS.map((id) =>
      h(
        'option',
        { value: id },
        systemName(strings, PHYSICS_SYSTEMS[id]()) + (id === 'degenerate' ? ' (g₁ = 3)' : ''),
      ),
    ),
  );
  const systemField = createField(strings.parallelSystemLabel, systemSelect);
  systemSelect.addEventListener('change', () => {
    if (!submit(systemField, strings, () => physicsSystem.set(systemSelect.value as ParallelSystemId))) {
      systemSelect.value = physicsSystem.peek();
    }
  });
  const intro = h('p', { class: 'parallel-intro' });
  effect(() =>
    setMathText(intro, model.showsRealModel.value ? strings.parallelIntroReal : strings.parallelIntro),
  );
  effect(() => {
    const t = temperature.value;
    if (text.getAttribute('aria-invalid') !== 'true') text.value = String(t).replace('Infinity', 'inf');
    systemSelect.value = physicsSystem.value;
  });

  // The dictionary, with live values on both sides where there is a number to show.
  const rows = Object.keys(strings.mappingRows) as MappingRow[];
  const liveCells = new Map<MappingRow, [HTMLElement, HTMLElement]>();
  const body = h('tbody');
  for (const row of rows) {
    const [physicsText, languageText, explanation] = strings.mappingRows[row];
    const physicsNow = h('span', { class: 'mapping-now' });
    const languageNow = h('span', { class: 'mapping-now' });
    liveCells.set(row, [physicsNow, languageNow]);
    const show = h('button', { type: 'button', class: 'mapping-show', 'data-row': row }, strings.mappingShow);
    show.addEventListener('click', () => {
      const demonstration = DEMONSTRATIONS[row];
      const current = physicsSystem.peek();
      const keepsCurrent =
        current !== 'degenerate' && (demonstration.temperature >= 0 || current !== 'oscillator');
      model.demonstrate(
        demonstration.system ?? (keepsCurrent ? current : 'three-level'),
        demonstration.temperature,
      );
      textField.setError(null);
      systemField.setError(null);
      slider.focus();
    });
    body.append(
      h(
        'tr',
        { id: `mapping-${row}` },
        h('th', { scope: 'row' }, mathElement('span', physicsText), h('br'), physicsNow),
        h('td', {}, mathElement('span', languageText), h('br'), languageNow),
        mathElement('td', explanation, { class: 'mapping-explanation' }),
        h('td', {}, show),
      ),
    );
  }
  const table = h(
    'table',
    { class: 'data-table mapping-table', id: 'mapping-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[strings.mappingPhysics, strings.mappingLanguage, '', ''].map((title) =>
          h('th', { scope: 'col' }, title),
        ),
      ),
    ),
    body,
  );

  effect(() => {
    const physicsThermo = physics.thermo.value;
    const tokenThermo = tokens.thermo.value;
    const haveTokens = model.hasTokens.value;
    const set = (row: MappingRow, left: string, right: string) => {
      const cells = liveCells.get(row);
      if (!cells) return;
      setMathText(cells[0], left);
      setMathText(cells[1], haveTokens ? right : '');
    };
    const t = temperature.value;
    // The symbol is a formula; the value after it is text (formatPartitionFunction may add a formula).
    set('temperature', `$T$ = ${formatNumber(t, 3)}`, `$t$ = ${formatNumber(t, 3)}`);
    set(
      'partition',
      `$Z$ = ${formatPartitionFunction(physicsThermo, strings)}`,
      `$Z$ = ${formatPartitionFunction(tokenThermo, strings)}`,
    );
    set(
      'entropy',
      `$S$ = ${formatNumber(physicsThermo.entropy, 4)}`,
      `$H$ = ${formatNumber(tokenThermo.entropy, 4)} ${strings.internalUnit('nats')}`,
    );
    set(
      'perplexity',
      `$e^S$ = ${formatNumber(Math.exp(physicsThermo.entropy), 4)}`,
      `$e^H$ = ${formatNumber(Math.exp(tokenThermo.entropy), 4)}`,
    );
  });

  host.append(
    intro,
    h(
      'fieldset',
      { class: 'panel linked-temperature', id: 'linked-temperature' },
      h('legend', {}, strings.linkedTemperatureHeading),
      h('div', { class: 'field-row' }, sliderField.root, textField.root, systemField.root),
    ),
    h('div', { class: 'parallel-stages' }, physicsStage.stage, tokenStage.stage),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'mapping-heading' },
      h('h2', { id: 'mapping-heading' }, strings.mappingHeading),
      h('div', { class: 'table-scroll mapping-scroll' }, table),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'parallel-tables-heading' },
      h('h2', { id: 'parallel-tables-heading' }, strings.tableHeading),
      h('div', { class: 'parallel-stages' }, physicsStage.table, tokenStage.table),
    ),
  );

  const nudge = (change: number) => {
    const t = temperature.peek();
    try {
      temperature.set(Number.isFinite(t) ? Math.round((t + change) * 100) / 100 : t);
    } catch {
      // Below zero on a ladder that is not bounded above: the temperature stays where it was.
    }
  };
  return {
    model,
    stage: createParallelStage(model, strings, [physicsStage.canvas, tokenStage.canvas]),
    drawFrame(deltaMs) {
      physicsStage.drawFrame(deltaMs);
      tokenStage.drawFrame(deltaMs);
    },
    shortcuts: {
      playPause: () => model.setPlaying(!physics.playing.peek()),
      step: () => model.stepOnce(),
      reset: () => model.reset(),
      hotter: () => nudge(0.1),
      colder: () => nudge(-0.1),
    },
  };
}
