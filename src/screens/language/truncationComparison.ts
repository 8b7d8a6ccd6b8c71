import { computed } from '@preact/signals-core';
import uPlot from 'uplot';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import 'uplot/dist/uPlot.min.css';
import { compareAt, comparedSettings } from '../../core/lm/truncationSweep.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber, formatPercent } from '../../shared/ui/format.ts';
import { effect, onDispose } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import type { LanguageScreenModel } from './model.ts';

const HEIGHT = 220;

function cssVariable(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * top-p against min-p at the current settings and context: tokens kept and the mass they hold as t
 * sweeps (state.comparison), the same at the current t in words, and a paragraph on why they differ.
 */
export function createTruncationComparison(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const chartHost = h('div', { class: 'comparison-chart', id: 'compare-chart', role: 'img' });
  chartHost.setAttribute('aria-label', strings.compareChartLabel);
  const topPSwatch = h('span', { class: 'swatch swatch-particle', 'aria-hidden': 'true' });
  const minPSwatch = h('span', { class: 'swatch swatch-theory', 'aria-hidden': 'true' });
  const topPLegend = h('span', {});
  const minPLegend = h('span', {});
  const legend = h(
    'ul',
    { class: 'legend' },
    h('li', {}, topPSwatch, topPLegend),
    h('li', {}, minPSwatch, minPLegend),
  );
  const settingsLine = h('p', { class: 'note', id: 'compare-settings' });
  const now = h('p', { class: 'comparison-now', id: 'compare-now', 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'panel comparison-panel', id: 'truncation-comparison', 'aria-labelledby': 'compare-heading' },
    h('h2', { id: 'compare-heading' }, strings.compareHeading),
    mathElement('p', strings.compareExplanation, { id: 'compare-explanation' }),
    settingsLine,
    now,
    h('figure', { class: 'plot' }, chartHost, mathElement('figcaption', strings.compareCurves)),
    legend,
  );

  let marker = state.sampler.peek().temperature;
  const markerPlugin: uPlot.Plugin = {
    hooks: {
      draw: [
        (u) => {
          if (!(marker > 0) || !Number.isFinite(marker) || marker > (u.scales.x.max ?? 0)) return;
          const position = u.valToPos(marker, 'x', true);
          const context = u.ctx;
          context.save();
          context.setLineDash([]); // the dashed series leave their dash on the context
          context.strokeStyle = cssVariable('--colour-focus', '#ffd166');
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

  let plot: uPlot | null = null;
  const widthOf = () => Math.max(240, Math.floor(chartHost.clientWidth || 480));
  const observer = new ResizeObserver(() => plot?.setSize({ width: widthOf(), height: HEIGHT }));
  observer.observe(chartHost);
  onDispose(() => {
    observer.disconnect();
    plot?.destroy();
  });

  // Which values are compared: read from the sampler on every change, since a stage turned on at its
  // stand-in value changes the note but not the curves.
  effect(() => {
    const sampler = state.sampler.value;
    const { topP, minP, order } = comparedSettings(sampler);
    topPLegend.textContent = strings.compareLegendTopP(formatNumber(topP, 3));
    minPLegend.textContent = strings.compareLegendMinP(formatNumber(minP, 3));
    settingsLine.textContent = [
      strings.compareSettings(
        formatNumber(topP, 3),
        formatNumber(minP, 3),
        order === 'temperature-first' ? strings.compareOrderFirst : strings.compareOrderLast,
      ),
      sampler.topP < 1 && sampler.minP > 0 ? '' : strings.compareStandIn,
    ]
      .filter(Boolean)
      .join(' ');
  });

  effect(() => {
    const sweep = state.comparison.value;
    plot?.destroy();
    plot = null;
    if (!sweep) return;
    const tokenCount = state.distribution.peek()?.probabilities.length ?? 1;
    const text = cssVariable('--colour-text-muted', '#9fb0c4');
    const grid = cssVariable('--colour-border', '#2e384b');
    const topPColour = cssVariable('--colour-particle', '#f2a65a');
    const minPColour = cssVariable('--colour-theory', '#5ec8e5');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const line = (stroke: string, scale: string, dashed: boolean): uPlot.Series => ({
      stroke,
      scale,
      width: 2,
      dash: dashed ? [6, 4] : undefined,
      points: { show: false },
    });
    plot = new uPlot(
      {
        width: widthOf(),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false },
          kept: { range: [0, Math.max(2, tokenCount)] },
          mass: { range: [0, 1] },
        },
        axes: [
          { ...axis, label: strings.compareAxisTemperature, labelSize: 20, size: 36 },
          { ...axis, scale: 'kept', label: strings.compareAxisKept, labelSize: 20, size: 44 },
          {
            ...axis,
            scale: 'mass',
            side: 1,
            grid: { show: false },
            label: strings.compareAxisMass,
            labelSize: 20,
            size: 52,
            values: (_u, splits) => splits.map((v) => `${Math.round(v * 100)}%`),
          },
        ],
        series: [
          {},
          line(topPColour, 'kept', false),
          line(minPColour, 'kept', false),
          line(topPColour, 'mass', true),
          line(minPColour, 'mass', true),
        ],
        plugins: [markerPlugin],
      },
      [
        Array.from(sweep.temperatures),
        Array.from(sweep.topP.kept),
        Array.from(sweep.minP.kept),
        Array.from(sweep.topP.mass),
        Array.from(sweep.minP.mass),
      ],
      chartHost,
    );
  });

  // The current t, in words: the same pipeline at this one temperature (any t, also 0, < 0 or ∞).
  const current = computed(() => {
    const distribution = state.distribution.value;
    const sampler = state.sampler.value;
    if (!distribution) return null;
    return compareAt(distribution.probabilities, comparedSettings(sampler), sampler.temperature);
  });
  effect(() => {
    const point = current.value;
    marker = state.sampler.peek().temperature;
    plot?.redraw(false, false);
    if (!point) {
      setMathText(now, '');
      return;
    }
    const topPKept = point.topP.kept[0];
    const minPKept = point.minP.kept[0];
    now.dataset.topPKept = String(topPKept);
    now.dataset.minPKept = String(minPKept);
    setMathText(
      now,
      strings.compareNow(
        formatNumber(state.sampler.peek().temperature, 3),
        topPKept,
        formatPercent(point.topP.mass[0]),
        minPKept,
        formatPercent(point.minP.mass[0]),
      ),
    );
  });

  return root;
}
