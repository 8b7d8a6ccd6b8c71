import { effect } from '@preact/signals-core';
import { ParticleSimulation } from '../core/simulation.ts';
import { type DisplayUnit, formatEnergy, formatTemperature } from '../core/spectra/index.ts';
import { chiSquareTest, klDivergence } from '../core/statistics.ts';
import type { SimulatorState } from '../state/simulatorState.ts';
import type { SystemModel } from '../state/system.ts';
import { readPalette } from '../view/palette.ts';
import { SimulatorScene } from '../view/SimulatorScene.ts';
import { createDynamicsControls } from './controls/dynamicsControls.ts';
import { createParticleControls } from './controls/particleControls.ts';
import { createSystemControls } from './controls/systemControls.ts';
import { createTemperatureControls } from './controls/temperatureControls.ts';
import { h } from './dom.ts';
import { formatCount, formatNumber, formatPercent } from './format.ts';
import { createOccupancyTable } from './occupancyTable.ts';
import { createThermodynamicPlots } from './plots.ts';
import { createReadouts } from './readouts.ts';
import { createFrameLoop, type ScreenHandle } from './screen.ts';
import type { Strings } from './strings/en.ts';
import { axisLabel } from './summary.ts';

/** At most this many steps run in one frame, so a slow machine drops steps rather than freezing. */
const MAX_STEPS_PER_FRAME = 4;

/** Value of one internal energy unit in a display unit, for plot axes (plots are linear in T). */
function displayScale(system: SystemModel, unit: DisplayUnit): number {
  if (unit === 'internal' || system.energyUnit.electronvolts === null) return 1;
  return Number.parseFloat(formatEnergy(1, unit, system.energyUnit, 15));
}

export async function mountSimulatorScreen(
  host: HTMLElement,
  state: SimulatorState,
  strings: Strings,
): Promise<ScreenHandle> {
  const stageCanvas = h('div', { class: 'stage-canvas', id: 'stage-canvas' });
  const stageNotes = h('p', { class: 'stage-notes', id: 'stage-notes' });
  const modeNote = h('p', { class: 'stage-mode', id: 'stage-mode' });
  const summary = h('p', { class: 'visually-hidden', id: 'state-summary', 'aria-live': 'polite' });
  const readouts = createReadouts(strings);
  const plots = createThermodynamicPlots(strings);
  const table = createOccupancyTable(strings);

  const simulation = new ParticleSimulation(
    state.system.peek().spectrum,
    state.temperature.peek(),
    state.particleCount.peek(),
    state.seed.peek(),
  );

  /** Asks the views to draw the simulation again (peek: a view must not depend on what it bumps). */
  const redraw = () => {
    state.stepVersion.value = state.stepVersion.peek() + 1;
  };

  const actions = {
    step() {
      simulation.step(dynamicsSettings());
      redraw();
    },
    reset() {
      simulation.reset(state.seed.peek());
      redraw();
    },
  };

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': strings.legendLabel },
    h(
      'li',
      {},
      h('span', { class: 'swatch swatch-particle', 'aria-hidden': 'true' }),
      strings.legendObserved,
    ),
    h('li', {}, h('span', { class: 'swatch swatch-theory', 'aria-hidden': 'true' }), strings.legendTheory),
    h('li', {}, h('span', { class: 'swatch swatch-band', 'aria-hidden': 'true' }), strings.legendBand),
  );
  host.append(
    h(
      'div',
      { class: 'primary-column' },
      h(
        'section',
        { class: 'stage', 'aria-label': strings.stageLabel },
        stageCanvas,
        h('div', { class: 'stage-footer' }, legend, stageNotes, modeNote),
      ),
      h(
        'section',
        { class: 'panel results', 'aria-labelledby': 'readouts-heading' },
        h('h2', { id: 'readouts-heading' }, strings.readoutsHeading),
        readouts.root,
      ),
      h(
        'section',
        { class: 'panel plots-panel', 'aria-labelledby': 'plots-heading' },
        h('h2', { id: 'plots-heading' }, strings.plotsHeading),
        plots.root,
      ),
    ),
    h(
      'div',
      { class: 'controls' },
      createSystemControls(state, strings),
      createTemperatureControls(state, strings),
      createParticleControls(state, strings),
      createDynamicsControls(state, strings, actions),
    ),
    h(
      'section',
      { class: 'panel table-panel', 'aria-labelledby': 'table-heading' },
      h('h2', { id: 'table-heading' }, strings.tableHeading),
      table.root,
    ),
    summary,
  );

  let scene: SimulatorScene | null = null;
  try {
    scene = await SimulatorScene.create(stageCanvas, readPalette());
  } catch {
    stageCanvas.append(h('p', { class: 'stage-error', role: 'alert' }, strings.webglMissing));
  }

  function dynamicsSettings() {
    return {
      kind: state.dynamics.peek(),
      heatBathFraction: state.heatBathFraction.peek(),
      metropolisSweeps: state.metropolisSweeps.peek(),
    };
  }

  function ladderLabels(system: SystemModel, unit: DisplayUnit): string[] {
    const { energies, degeneracies } = system.spectrum;
    return system.labels.map((label, i) => {
      const energy =
        unit === 'internal'
          ? `${formatNumber(energies[i], 4)} ${system.energyUnit.symbol}`
          : formatEnergy(energies[i], unit, system.energyUnit, 4);
      return `${label} · ${energy} · g ${formatNumber(degeneracies[i], 4)}`;
    });
  }

  // System or display unit changed: new levels everywhere.
  effect(() => {
    const system = state.system.value;
    const unit = state.temperatureUnit.value;
    simulation.setSpectrum(system.spectrum, state.temperature.peek());
    scene?.setLevels({
      energies: system.spectrum.energies,
      ladderLabels: ladderLabels(system, unit),
      axisLabels: system.labels.map(axisLabel),
      overflowLabel: strings.higherLevels,
      overflowAxisLabel: strings.more,
    });
    table.setSystem(system, unit);
    plots.setSystem(
      system,
      displayScale(system, unit),
      unit === 'internal' ? system.energyUnit.symbol : unit,
    );
    plots.setTemperature(state.temperature.peek());
    const info = scene?.layoutInfo;
    const notes: string[] = [];
    if (info && info.shownLevels < info.levelCount)
      notes.push(strings.levelsShown(info.shownLevels, info.levelCount));
    if (info && !info.toScale) notes.push(strings.axisNotToScale);
    stageNotes.textContent = notes.join(' ');
    redraw();
  });

  effect(() => {
    const t = state.temperature.value;
    simulation.setTemperature(t);
    plots.setTemperature(t);
    redraw();
  });

  effect(() => {
    simulation.setParticleCount(state.particleCount.value);
    modeNote.textContent = simulation.countsOnly ? strings.countsOnlyNote : '';
    redraw();
  });

  effect(() => {
    readouts.showThermodynamics(
      state.system.value,
      state.temperature.value,
      state.temperatureUnit.value,
      state.thermo.value,
    );
  });

  let lastDrawnStep = -1;
  let averageBuffer = new Float64Array(0);
  effect(() => {
    state.stepVersion.value;
    const average = state.showTimeAverage.value;
    const probabilities = simulation.probabilities;
    let counts = simulation.counts;
    if (average) {
      if (averageBuffer.length !== counts.length) averageBuffer = new Float64Array(counts.length);
      counts = simulation.averageCounts(averageBuffer);
    }
    const moved = simulation.stepCount !== lastDrawnStep;
    lastDrawnStep = simulation.stepCount;
    scene?.show({
      levels: simulation.countsOnly ? null : simulation.levels,
      particleCount: simulation.particleCount,
      counts,
      probabilities,
      animate: moved && simulation.stepCount > 0,
    });
    table.update(probabilities, simulation.counts, simulation.particleCount);
    const fit = chiSquareTest(simulation.counts, probabilities);
    readouts.showFit(fit, klDivergence(simulation.counts, probabilities), simulation.stepCount);
  });

  // The screen-reader summary follows settled changes, not every step.
  effect(() => {
    const system = state.system.value;
    const t = state.temperature.value;
    const n = state.particleCount.value;
    const p = state.probabilities.value;
    const temperature = formatTemperature(t, state.temperatureUnit.value, system.energyUnit, 4);
    summary.textContent = strings.summary(system.name, temperature, formatCount(n), formatPercent(p[0]));
  });

  let pending = 0;
  const tick = (deltaMs: number) => {
    if (!state.playing.peek()) {
      pending = 0;
      return;
    }
    pending += (deltaMs / 1000) * state.stepsPerSecond.peek();
    const steps = Math.min(MAX_STEPS_PER_FRAME, Math.floor(pending));
    if (steps === 0) return;
    pending -= steps;
    if (pending > MAX_STEPS_PER_FRAME) pending = 0;
    const settings = dynamicsSettings();
    for (let i = 0; i < steps; i++) simulation.step(settings);
    redraw();
  };
  // One loop drives both the simulation and the on-demand rendering; it stops while the screen is hidden.
  const loop = createFrameLoop((deltaMs) => {
    tick(deltaMs);
    scene?.renderFrame(deltaMs);
  });
  loop.start();

  // Moves between levels last most of a step, so that each is seen to finish before the next.
  effect(() => {
    scene?.setMoveDuration(Math.min(400, 800 / state.stepsPerSecond.value));
  });
  return {
    setActive(active) {
      if (active) loop.start();
      else loop.stop();
    },
  };
}
