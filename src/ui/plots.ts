import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SystemModel } from '../state/system.ts';
import { thermodynamicCurves } from '../state/thermodynamicCurves.ts';
import { h } from './dom.ts';
import { onDispose } from './lifetime.ts';
import type { Strings } from './strings/en.ts';

const HEIGHT = 170;

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export interface ThermodynamicPlots {
  root: HTMLElement;
  setSystem(system: SystemModel, unitScale: number, unitLabel: string): void;
  setTemperature(temperature: number): void;
}

/**
 * Three small charts against temperature with a marker at the current T. Temperatures are shown in
 * the chosen display unit: `unitScale` converts the system's internal unit into it.
 */
export function createThermodynamicPlots(strings: Strings): ThermodynamicPlots {
  const titles = [strings.plotMeanEnergy, strings.plotHeatCapacity, strings.plotEntropy];
  const hosts = titles.map((title) => h('figure', { class: 'plot' }, h('figcaption', {}, title)));
  const root = h('div', { class: 'plots', id: 'thermo-plots' }, ...hosts);
  let plots: uPlot[] = [];
  let marker = Number.NaN;
  let scale = 1;

  const markerPlugin: uPlot.Plugin = {
    hooks: {
      draw: [
        (u) => {
          const x = marker * scale;
          if (!(x > 0) || !Number.isFinite(x)) return;
          const [low, high] = [u.scales.x.min ?? 0, u.scales.x.max ?? 0];
          if (x < low || x > high) return;
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
    observer.disconnect();
    for (const plot of plots) plot.destroy();
  });

  return {
    root,
    setSystem(system, unitScale, unitLabel) {
      scale = unitScale;
      const curves = thermodynamicCurves(system);
      const xs = curves.temperatures.map((t) => t * unitScale);
      const series = [curves.meanEnergy, curves.heatCapacity, curves.entropy];
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
          scales: { x: { time: false, distr: 3 } },
          axes: [
            { ...axis, label: strings.plotAxisTemperature(unitLabel), labelSize: 20, size: 36 },
            { ...axis, size: 48 },
          ],
          series: [{}, { stroke: colours[i] || '#f2a65a', width: 2, points: { show: false } }],
          plugins: [markerPlugin],
        };
        return new uPlot(options, [xs, ys], hosts[i]);
      });
    },
    setTemperature(temperature) {
      marker = temperature;
      for (const plot of plots) plot.redraw(false, false);
    },
  };
}
