import type { ReadonlySignal } from '@preact/signals-core';
import type { DisplayUnit } from '../../core/spectra/index.ts';
import { type ChiSquareResult, chiSquareTest, klDivergence } from '../../core/statistics.ts';
import type { Strings } from '../../strings/en.ts';
import { FAST_FORWARD_FACTOR } from '../model/fastForward.ts';
import type { ParticleModel, ParticleSnapshot } from '../model/particleModel.ts';
import type { SystemModel } from '../model/system.ts';
import { MAX_ROWS, ParticleScene } from '../view/ParticleScene.ts';
import { readPalette } from '../view/palette.ts';
import { h } from './dom.ts';
import { download, occupancyCsv } from './exportData.ts';
import { formatCount, formatPercent } from './format.ts';
import { effect, onDispose } from './lifetime.ts';
import { plainMathText } from './mathSplit.ts';
import { mathElement } from './mathText.ts';
import { createOccupancyTable, type TableHeaders } from './occupancyTable.ts';

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
  /** The unit the ladder and the table show energies in ('internal': the system's own). */
  displayUnit?: ReadonlySignal<DisplayUnit>;
  /** Called after every drawn frame with the agreement between particles and theory. */
  onFrame?(fit: ChiSquareResult, divergence: number, steps: number): void;
}

export interface ParticleStage {
  stage: HTMLElement;
  /** The canvas's host, which stage mode shows on its own, large. */
  canvas: HTMLElement;
  table: HTMLElement;
  /** Draws one animation frame (moves between levels in flight); the app loop calls it. */
  drawFrame(deltaMs: number): void;
}

/**
 * The particles on the level ladder with the histogram against theory, and the occupancy table: the
 * part every particle screen shares. It draws what the particle model publishes; it never steps it.
 */
export async function createParticleStage(
  particles: ParticleModel,
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
    h(
      'li',
      {},
      h('span', { class: 'swatch swatch-theory', 'aria-hidden': 'true' }),
      mathElement('span', strings.legendTheory),
    ),
    h(
      'li',
      {},
      h('span', { class: 'swatch swatch-band', 'aria-hidden': 'true' }),
      mathElement('span', strings.legendBand),
    ),
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
      const snapshot = particles.snapshot.peek();
      describeLumpedRow(snapshot.theory, snapshot.system.spectrum.degeneracies);
    };
  }

  let lastDrawnStep = -1;
  let averageBuffer = new Float64Array(0);
  function draw(snapshot: ParticleSnapshot): void {
    let counts = snapshot.counts;
    if (particles.showTimeAverage.peek()) {
      if (averageBuffer.length !== counts.length) averageBuffer = new Float64Array(counts.length);
      counts = particles.averageCounts(averageBuffer);
    }
    const moved = snapshot.stepCount !== lastDrawnStep;
    lastDrawnStep = snapshot.stepCount;
    scene?.show({
      levels: snapshot.levels,
      particleCount: snapshot.particleCount,
      counts,
      probabilities: snapshot.theory,
      animate: moved && snapshot.stepCount > 0,
    });
    describeLumpedRow(snapshot.theory, snapshot.system.spectrum.degeneracies);
    table.update(snapshot.theory, snapshot.counts, snapshot.particleCount);
    options.onFrame?.(
      chiSquareTest(snapshot.counts, snapshot.theory),
      klDivergence(snapshot.counts, snapshot.theory),
      snapshot.stepCount,
    );
  }
  /**
   * The levels the ladder can label: it draws at most MAX_ROWS rows, and a real model's 151,936 labels
   * formatted on every slider move would cost more than everything else the move does.
   */
  const labelledLevels = (system: SystemModel): SystemModel => {
    if (system.labels.length <= MAX_ROWS) return system;
    const { energies, degeneracies } = system.spectrum;
    return {
      ...system,
      labels: system.labels.slice(0, MAX_ROWS),
      spectrum: {
        energies: energies.subarray(0, MAX_ROWS),
        degeneracies: degeneracies.subarray(0, MAX_ROWS),
      },
    };
  };
  /** The levels as last given to the scene and the table, so that a snapshot on new levels sets them first. */
  let shownSystem: SystemModel | null = null;
  let shownUnit: DisplayUnit | null = null;
  function showLevels(system: SystemModel, unit: DisplayUnit): void {
    shownSystem = system;
    shownUnit = unit;
    const { degeneracies } = system.spectrum;
    scene?.setLevels({
      energies: system.spectrum.energies,
      ladderLabels: options.ladderLabels(labelledLevels(system), unit),
      axisLabels: options.axisLabels(labelledLevels(system)),
      overflowLabel: options.overflowLabel,
      overflowAxisLabel: strings.lumpedAxisLabel,
      dimmed: degeneracies.some((g) => g === 0)
        ? Uint8Array.from(degeneracies, (g) => (g === 0 ? 1 : 0))
        : undefined,
    });
    table.setSystem(system, unit);
    // Particles on new levels are placed, not animated from the old ones.
    lastDrawnStep = -1;
  }

  effect(() => {
    const snapshot = particles.snapshot.value;
    const unit = options.displayUnit?.value ?? 'internal';
    particles.showTimeAverage.value;
    if (snapshot.system !== shownSystem || unit !== shownUnit) showLevels(snapshot.system, unit);
    draw(snapshot);
  });

  effect(() => {
    modeNote.textContent = particles.countsOnly.value ? strings.countsOnlyNote : '';
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
    const rate = particles.stepsPerSecond.value * (particles.fastForwarding.value ? FAST_FORWARD_FACTOR : 1);
    scene?.setMoveDuration(Math.min(400, 800 / rate));
  });

  effect(() => {
    const on = particles.fastForwarding.value;
    fastForwardNote.hidden = !on;
    if (on) {
      fastForwardNote.textContent = strings.fastForwardRunning(
        FAST_FORWARD_FACTOR,
        formatCount(particles.fastForwardSteps.value),
      );
    }
  });

  csvButton.addEventListener('click', () => {
    const snapshot = particles.snapshot.peek();
    const { system } = snapshot;
    // Energies go out in the system's own unit, at full precision, whatever the display unit.
    const unitName = system.energyUnit.symbol;
    const csv = occupancyCsv(
      system,
      system.labels.map(strings.levelLabel),
      snapshot.theory,
      snapshot.counts,
      snapshot.particleCount,
      // A CSV file has no formulas: its headers are the table's in plain text.
      {
        level: plainMathText(options.tableHeaders?.level ?? strings.tableLevel),
        energy: `${plainMathText(options.tableHeaders?.energy ?? strings.tableEnergy)} (${unitName})`,
        degeneracy: plainMathText(options.tableHeaders?.degeneracy ?? strings.tableDegeneracy),
        theory: plainMathText(strings.tableTheory),
        count: plainMathText(strings.tableCount),
        fraction: plainMathText(strings.tableFraction),
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

  return {
    stage,
    canvas: stageCanvas,
    table: table.root,
    drawFrame: (deltaMs) => scene?.renderFrame(deltaMs),
  };
}
