import type uPlot from 'uplot';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import 'uplot/dist/uPlot.min.css';
import type { SystemModel } from '../../shared/model/system.ts';
import { temperatureAxisTicks } from '../../shared/model/temperatureAxis.ts';
import { sliderMaximum, temperaturePosition } from '../../shared/model/temperatureScale.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber } from '../../shared/ui/format.ts';
import { onDispose } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import { thermodynamicCurves } from './thermodynamicCurves.ts';

const HEIGHT = 170;
/** Tick labels closer than this (CSS pixels) would run into each other. */
const TICK_SPACING = 32;

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export interface ThermodynamicPlots {
  root: HTMLElement;
  setSystem(system: SystemModel, unitScale: number, unitLabel: string): void;
  setTemperature(temperature: number): void;
}

/**
 * Three small charts with a marker at the current T. Their horizontal axis is the temperature sliders'
 * scale: T = 0 at the left, ∞ further right, negative T beyond ∞ for a bounded spectrum, so every
 * temperature has a place on it and the marker sits where the slider's thumb does. Tick labels are in
 * the chosen display unit: `unitScale` converts the system's internal unit into it.
 */
export function createThermodynamicPlots(strings: Strings): ThermodynamicPlots {
  const titles = [strings.plotMeanEnergy, strings.plotHeatCapacity, strings.plotEntropy];
  const hosts = titles.map((title) => h('figure', { class: 'plot' }, mathElement('figcaption', title)));
  const axisNote = h('p', { class: 'note plots-note', id: 'plots-axis-note' });
  const pinnedNote = h('p', { class: 'note plots-note', id: 'plots-marker-note' });
  pinnedNote.hidden = true;
  const root = h(
    'div',
    { class: 'plots-block' },
    h('div', { class: 'plots', id: 'thermo-plots' }, ...hosts),
    axisNote,
    pinnedNote,
  );
  let plots: uPlot[] = [];
  let marker = Number.NaN;
  let current: SystemModel | null = null;
  let scale = 1;
  let label = '';
  // uPlot (~20 KB gzipped) is fetched after the first screen, not with it: the plots sit below the fold.
  // Until it arrives the captions and notes are in place and the charts are drawn once it has.
  let Plot: typeof uPlot | null = null;
  let disposed = false;
  void import('uplot').then(({ default: loaded }) => {
    Plot = loaded;
    if (!disposed && current) drawCharts();
  });

  const markerPosition = () =>
    current
      ? temperaturePosition(marker, current.excitationEnergy, current.allowsNegativeTemperature)
      : Number.NaN;

  const markerPlugin: uPlot.Plugin = {
    hooks: {
      draw: [
        (u) => {
          const x = markerPosition();
          if (Number.isNaN(x)) return;
          const position = u.valToPos(x, 'x', true);
          const context = u.ctx;
          context.save();
          context.strokeStyle = cssVariable('--colour-focus') || '#ffd166';
          context.lineWidth = 2 * devicePixelRatio;
          context.beginPath();
          context.moveTo(position, u.bbox.top);
          context.lineTo(position, u.bbox.top + u.bbox.height);
          context.stroke();
          context.restore();
        },
      ],
    },
  };

  function widthOf(host: HTMLElement): number {
    return Math.max(200, Math.floor(host.clientWidth || 300));
  }

  const observer = new ResizeObserver(() => {
    plots.forEach((plot, i) => {
      plot.setSize({ width: widthOf(hosts[i]), height: HEIGHT });
    });
  });
  observer.observe(root);
  onDispose(() => {
    disposed = true;
    observer.disconnect();
    for (const plot of plots) plot.destroy();
  });

  /** A label for each tick; uPlot asks for the positions first, then for their labels. */
  const tickLabels = new Map<number, string>();
  const splits = (u: uPlot): number[] => {
    if (!current) return [];
    const maximum = sliderMaximum(current.allowsNegativeTemperature);
    const pixelsPerPosition = u.bbox.width / devicePixelRatio / maximum;
    const ticks = temperatureAxisTicks(
      current.excitationEnergy,
      current.allowsNegativeTemperature,
      scale,
      pixelsPerPosition,
      TICK_SPACING,
    );
    for (const tick of ticks) tickLabels.set(tick.position, formatNumber(tick.temperature, 2));
    return ticks.map((tick) => tick.position);
  };

  function showPinnedNote(): void {
    if (!current) return;
    const position = markerPosition();
    const edge = sliderMaximum(current.allowsNegativeTemperature);
    // Only a negative T colder than the scale's end lies off the axis (T = 0, ∞ and all else are on it).
    const pinned = position === edge && marker < 0 && marker > current.excitationEnergy * -0.05;
    pinnedNote.hidden = !pinned;
    setMathText(pinnedNote, pinned ? strings.plotMarkerPinned(formatNumber(marker * scale, 3)) : '');
  }

  /** The three charts of the current system, once uPlot has loaded. */
  function drawCharts(): void {
    const Chart = Plot;
    const system = current;
    if (!Chart || !system) return;
    const curves = thermodynamicCurves(system);
    const series = [curves.meanEnergy, curves.heatCapacity, curves.entropy];
    const maximum = sliderMaximum(system.allowsNegativeTemperature);
    for (const plot of plots) plot.destroy();
    const text = cssVariable('--colour-text-muted') || '#9fb0c4';
    const grid = cssVariable('--colour-border') || '#2e384b';
    const colours = [
      cssVariable('--colour-particle'),
      cssVariable('--colour-theory'),
      cssVariable('--colour-ok'),
    ];
    plots = series.map((ys, i) => {
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      const options: uPlot.Options = {
        width: widthOf(hosts[i]),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [0, maximum] } },
        axes: [
          {
            ...axis,
            label: strings.plotAxisTemperature(label),
            labelSize: 20,
            size: 36,
            splits,
            values: (_u, positions) => positions.map((position) => tickLabels.get(position) ?? ''),
          },
          { ...axis, size: 48 },
        ],
        series: [{}, { stroke: colours[i] || '#f2a65a', width: 2, points: { show: false } }],
        plugins: [markerPlugin],
      };
      return new Chart(options, [curves.positions, ys], hosts[i]);
    });
  }

  return {
    root,
    setSystem(system, unitScale, unitLabel) {
      current = system;
      scale = unitScale;
      label = unitLabel;
      setMathText(
        axisNote,
        system.allowsNegativeTemperature ? strings.plotAxisNoteNegative : strings.plotAxisNotePositive,
      );
      drawCharts();
      showPinnedNote();
    },
    setTemperature(temperature) {
      marker = temperature;
      showPinnedNote();
      for (const plot of plots) plot.redraw(false, false);
    },
  };
}
