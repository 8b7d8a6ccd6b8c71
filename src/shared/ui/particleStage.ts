import { createFrameLoop } from '../../app/screen.ts';
import { ParticleSimulation } from '../../core/simulation.ts';
import type { DisplayUnit } from '../../core/spectra/index.ts';
import { type ChiSquareResult, chiSquareTest, fitIsConsistent, klDivergence } from '../../core/statistics.ts';
import type { SimulatorState } from '../../screens/physics/model.ts';
import type { Strings } from '../../strings/en.ts';
import {
  FAST_FORWARD_FACTOR,
  FAST_FORWARD_FRAME_BUDGET_MS,
  FAST_FORWARD_MAX_STEPS,
} from '../model/fastForward.ts';
import type { SystemModel } from '../model/system.ts';
import { ParticleScene } from '../view/ParticleScene.ts';
import { readPalette } from '../view/palette.ts';
import { h } from './dom.ts';
import { download, occupancyCsv } from './exportData.ts';
import { formatCount, formatPercent } from './format.ts';
import { effect, onDispose } from './lifetime.ts';
import { createOccupancyTable, type TableHeaders } from './occupancyTable.ts';

/** At most this many steps run in one frame, so a slow machine drops steps rather than freezing. */
const MAX_STEPS_PER_FRAME = 4;

export interface ParticleStageOptions {
  /** Prefix for element ids, so two stages on one page stay distinct. */
  idPrefix: string;
  stageLabel: string;
  ladderLabels(system: SystemModel, unit: DisplayUnit): string[];
  axisLabels(system: SystemModel): string[];
  overflowLabel(hidden: number): string;
  /** Under the canvas: what the histogram's last bar (the overflow row, as a mean per level) stands for. */
  lumpedNote(hidden: number, each: string, total: string): string;
  tableHeaders?: Partial<TableHeaders>;
  /** Called after every drawn frame with the agreement between particles and theory. */
  onFrame?(fit: ChiSquareResult, divergence: number, steps: number): void;
}

export interface ParticleStage {
  stage: HTMLElement;
  table: HTMLElement;
  simulation: ParticleSimulation;
  step(): void;
  reset(): void;
  setActive(active: boolean): void;
}

/**
 * The particles on the level ladder with the histogram against theory, and the occupancy table: the
 * part the physics and language-model screens share. It keeps a ParticleSimulation in step with the
 * state (system, temperature, N, dynamics) and advances it while playing.
 */
export async function createParticleStage(
  state: SimulatorState,
  strings: Strings,
  options: ParticleStageOptions,
): Promise<ParticleStage> {
  const id = (name: string) => `${options.idPrefix}${name}`;
  const stageCanvas = h('div', { class: 'stage-canvas', id: id('stage-canvas') });
  const stageNotes = h('p', { class: 'stage-notes', id: id('stage-notes') });
  const modeNote = h('p', { class: 'stage-mode', id: id('stage-mode') });
  const fastForwardNote = h('p', { class: 'stage-fast-forward', id: id('fast-forward-note') });
  fastForwardNote.hidden = true;
  const lumpedNote = h('p', { class: 'stage-notes', id: id('lumped-note') });
  const table = createOccupancyTable(strings, id('occupancy-table'), options.tableHeaders);
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
  const csvButton = h('button', { type: 'button', id: id('export-csv') }, strings.exportCsv);
  const pngButton = h('button', { type: 'button', id: id('export-png') }, strings.exportPng);
  const exportButtons = h('div', { class: 'button-row export-buttons' }, csvButton, pngButton);
  const stage = h(
    'section',
    { class: 'stage', 'aria-label': options.stageLabel },
    stageCanvas,
    h(
      'div',
      { class: 'stage-footer' },
      legend,
      fastForwardNote,
      stageNotes,
      lumpedNote,
      modeNote,
      exportButtons,
    ),
  );

  const simulation = new ParticleSimulation(
    state.system.peek().spectrum,
    state.temperature.peek(),
    state.particleCount.peek(),
    state.seed.peek(),
  );
  let scene: ParticleScene | null = null;
  try {
    scene = await ParticleScene.create(stageCanvas, readPalette());
    const created = scene;
    onDispose(() => created.destroy());
  } catch {
    stageCanvas.append(h('p', { class: 'stage-error', role: 'alert' }, strings.webglMissing));
  }

  if (scene) {
    scene.onLayout = (info) => {
      const notes: string[] = [];
      if (info.shownLevels < info.levelCount)
        notes.push(strings.levelsShown(info.shownLevels, info.levelCount));
      if (!info.toScale) notes.push(strings.axisNotToScale);
      stageNotes.textContent = notes.join(' ');
      describeLumpedRow(simulation.probabilities, state.system.peek().spectrum.degeneracies);
    };
  }

  /** Asks the views to draw the simulation again (peek: a view must not depend on what it bumps). */
  /**
   * A link can replay the particles exactly when they are "reset from the seed, then k steps at the current
   * settings". Changing T, N or the dynamics after a reset breaks that (until the next reset), and then
   * the step count is not offered to the link.
   */
  let replayable = true;
  let mounted = false;
  const redraw = () => {
    state.stepVersion.value = state.stepVersion.peek() + 1;
    state.steps.value = replayable ? simulation.stepCount : -1;
  };
  const settingsChanged = () => {
    if (mounted) replayable = false;
  };
  const dynamicsSettings = () => ({
    kind: state.dynamics.peek(),
    heatBathFraction: state.heatBathFraction.peek(),
    metropolisSweeps: state.metropolisSweeps.peek(),
  });

  effect(() => {
    const system = state.system.value;
    const unit = state.temperatureUnit.value;
    simulation.setSpectrum(system.spectrum, state.temperature.peek());
    // A new system starts from the seed, so that its first draw is the same whoever opens it.
    simulation.reset(state.seed.peek());
    replayable = true;
    const { degeneracies } = system.spectrum;
    scene?.setLevels({
      energies: system.spectrum.energies,
      ladderLabels: options.ladderLabels(system, unit),
      axisLabels: options.axisLabels(system),
      overflowLabel: options.overflowLabel,
      overflowAxisLabel: strings.lumpedAxisLabel,
      dimmed: degeneracies.some((g) => g === 0)
        ? Uint8Array.from(degeneracies, (g) => (g === 0 ? 1 : 0))
        : undefined,
    });
    table.setSystem(system, unit);
    redraw();
  });

  effect(() => {
    simulation.setTemperature(state.temperature.value);
    settingsChanged();
    redraw();
  });

  effect(() => {
    simulation.setParticleCount(state.particleCount.value);
    settingsChanged();
    modeNote.textContent = simulation.countsOnly ? strings.countsOnlyNote : '';
    redraw();
  });

  effect(() => {
    simulation.setEinstein(state.einstein.value);
    redraw();
  });

  let lastDrawnStep = -1;
  let averageBuffer = new Float64Array(0);
  effect(() => {
    state.stepVersion.value;
    const probabilities = simulation.probabilities;
    let counts = simulation.counts;
    if (state.showTimeAverage.value) {
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
    describeLumpedRow(probabilities, state.system.peek().spectrum.degeneracies);
    table.update(probabilities, simulation.counts, simulation.particleCount);
    options.onFrame?.(
      chiSquareTest(simulation.counts, probabilities),
      klDivergence(simulation.counts, probabilities),
      simulation.stepCount,
    );
  });

  /** The note says what the overflow row holds in all, since its bar shows only the mean per level. */
  function describeLumpedRow(probabilities: Float64Array, degeneracies: Float64Array): void {
    const shown = scene?.layoutInfo.shownLevels ?? probabilities.length;
    let text = '';
    if (shown < probabilities.length) {
      let total = 0;
      let reachable = 0;
      for (let i = shown; i < probabilities.length; i++) {
        total += probabilities[i];
        if (degeneracies[i] > 0) reachable++;
      }
      const hidden = probabilities.length - shown;
      text = options.lumpedNote(hidden, formatPercent(total / Math.max(1, reachable)), formatPercent(total));
    }
    if (lumpedNote.textContent !== text) lumpedNote.textContent = text;
  }

  // Moves between levels last most of a step, so that each is seen to finish before the next.
  effect(() => {
    const rate = state.stepsPerSecond.value * (state.fastForward.value ? FAST_FORWARD_FACTOR : 1);
    scene?.setMoveDuration(Math.min(400, 800 / rate));
  });

  let fastForwardSteps = 0;
  effect(() => {
    const on = state.fastForward.value;
    fastForwardNote.hidden = !on;
    if (on) fastForwardNote.textContent = strings.fastForwardRunning(FAST_FORWARD_FACTOR, formatCount(0));
    fastForwardSteps = 0;
  });

  effect(() => {
    state.dynamics.value;
    state.heatBathFraction.value;
    state.metropolisSweeps.value;
    settingsChanged();
  });

  // Start from the seed; a shared link may ask for the state after a number of steps: replay them.
  simulation.reset(state.seed.peek());
  const replay = state.pendingSteps.peek();
  if (replay > 0) {
    state.pendingSteps.value = 0;
    state.playing.value = false;
    const settings = dynamicsSettings();
    for (let i = 0; i < replay; i++) simulation.step(settings);
  }
  mounted = true;
  replayable = true;
  redraw();

  csvButton.addEventListener('click', () => {
    const system = state.system.peek();
    // Energies go out in the system's own unit, at full precision, whatever the display unit.
    const unitName = system.energyUnit.symbol;
    const csv = occupancyCsv(
      system,
      system.labels.map(strings.levelLabel),
      simulation.probabilities,
      simulation.counts,
      simulation.particleCount,
      {
        level: options.tableHeaders?.level ?? strings.tableLevel,
        energy: `${options.tableHeaders?.energy ?? strings.tableEnergy} (${unitName})`,
        degeneracy: options.tableHeaders?.degeneracy ?? strings.tableDegeneracy,
        theory: strings.tableTheory,
        count: strings.tableCount,
        fraction: strings.tableFraction,
      },
    );
    download(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      `${options.idPrefix}occupancy.csv`.replace(/^-/, ''),
    );
  });
  pngButton.addEventListener('click', () => {
    if (!scene) return;
    scene.renderFrame(0);
    scene.app.render();
    scene.app.canvas.toBlob((blob) => {
      if (blob) download(blob, `${options.idPrefix}ladder.png`.replace(/^-/, ''));
    }, 'image/png');
  });

  let pending = 0;
  /** Steps at FAST_FORWARD_FACTOR × the set speed, within a time budget, until the particles agree. */
  const fastForwardFrame = (deltaMs: number) => {
    pending += (deltaMs / 1000) * state.stepsPerSecond.peek() * FAST_FORWARD_FACTOR;
    const settings = dynamicsSettings();
    const started = performance.now();
    let steps = 0;
    let agreed = false;
    while (steps < pending && performance.now() - started < FAST_FORWARD_FRAME_BUDGET_MS) {
      simulation.step(settings);
      steps++;
      agreed = fitIsConsistent(chiSquareTest(simulation.counts, simulation.probabilities).pValue);
      if (agreed) break;
    }
    // What the budget could not run is dropped: a slow machine fast-forwards less, it does not freeze.
    pending = 0;
    fastForwardSteps += steps;
    fastForwardNote.textContent = strings.fastForwardRunning(
      FAST_FORWARD_FACTOR,
      formatCount(fastForwardSteps),
    );
    if (agreed || fastForwardSteps >= FAST_FORWARD_MAX_STEPS) state.fastForward.value = false;
    redraw();
  };
  const loop = createFrameLoop((deltaMs) => {
    if (state.playing.peek() && state.fastForward.peek()) {
      fastForwardFrame(deltaMs);
    } else if (state.playing.peek()) {
      pending += (deltaMs / 1000) * state.stepsPerSecond.peek();
      const steps = Math.min(MAX_STEPS_PER_FRAME, Math.floor(pending));
      if (steps > 0) {
        pending = Math.min(pending - steps, MAX_STEPS_PER_FRAME);
        const settings = dynamicsSettings();
        for (let i = 0; i < steps; i++) simulation.step(settings);
        redraw();
      }
    } else {
      pending = 0;
      // Pausing (the button, the space bar, a single step) ends a fast-forward too.
      if (state.fastForward.peek()) state.fastForward.value = false;
    }
    scene?.renderFrame(deltaMs);
  });

  return {
    stage,
    table: table.root,
    simulation,
    step() {
      simulation.step(dynamicsSettings());
      redraw();
    },
    reset() {
      simulation.reset(state.seed.peek());
      replayable = true;
      redraw();
    },
    setActive(active) {
      if (active) loop.start();
      else loop.stop();
    },
  };
}
