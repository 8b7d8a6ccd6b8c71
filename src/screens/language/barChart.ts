/**
 * A row of probability bars, one slot per token, with the tokens' labels underneath: before/after pairs
 * for a sampler stage, or single bars for the final distribution. The drawing is hidden from assistive
 * technology; the figure around it carries a caption and a table instead.
 *
 * The SVG stretches to the width it is given (preserveAspectRatio none), so the bars are drawn in slot
 * units and the labels, which must not stretch, are HTML in a grid with the same number of columns.
 */
import { h, uniqueId } from '../../shared/ui/dom.ts';
import type { TokenStatus } from './pipelineChart.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SLOT = 20;
const HEIGHT = 100;
/** A present token never draws shorter than this, so "tiny" and "removed" look different. */
const MIN_BAR = 1.2;

export interface BarData {
  /** Null for single bars. */
  before: Float64Array | null;
  after: Float64Array;
  /** Null when every token is simply shown (the final distribution). */
  status: readonly TokenStatus[] | null;
  /** The probability a full-height bar stands for. */
  scale: number;
}

export interface BarChart {
  root: HTMLElement;
  /** Labels (already made visible) and hover titles, one per slot; changes the slot count if needed. */
  setTokens(labels: readonly string[], titles: readonly string[]): void;
  update(data: BarData): void;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function barHeight(p: number, scale: number): number {
  if (!(p > 0)) return 0;
  return Math.max(MIN_BAR, Math.min(1, p / scale) * HEIGHT);
}

/** Bars hang from y = 0 in a group flipped upside down, so a bar changes by one attribute, its height. */
function setBar(bar: SVGRectElement, p: number, scale: number): void {
  const height = String(barHeight(p, scale));
  if (bar.getAttribute('height') !== height) bar.setAttribute('height', height);
}

interface Slot {
  before: SVGRectElement | null;
  after: SVGRectElement;
  title: Text;
  label: HTMLElement;
  labelText: Text;
}

export function createBarChart(paired: boolean): BarChart {
  const hatchId = uniqueId('hatch');
  const pattern = svg('pattern', {
    id: hatchId,
    patternUnits: 'userSpaceOnUse',
    width: 4,
    height: 4,
    patternTransform: 'rotate(45)',
  });
  pattern.append(svg('rect', { class: 'bar-hatch', width: 1.6, height: 4 }));
  const defs = svg('defs');
  defs.append(pattern);
  const bars = svg('g', { transform: `matrix(1 0 0 -1 0 ${HEIGHT})` });
  const baseline = svg('line', { class: 'bar-baseline', y1: HEIGHT, y2: HEIGHT, x1: 0 });
  const drawing = svg('svg', { class: 'bar-svg', preserveAspectRatio: 'none', focusable: 'false' });
  drawing.append(defs, bars, baseline);
  const labels = h('div', { class: 'bar-labels' });
  const root = h(
    'div',
    { class: `bar-chart${paired ? ' is-paired' : ''}`, 'aria-hidden': 'true' },
    drawing,
    labels,
  );
  let slots: Slot[] = [];

  function build(count: number): void {
    bars.replaceChildren();
    labels.replaceChildren();
    slots = [];
    const width = Math.max(1, count) * SLOT;
    drawing.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    baseline.setAttribute('x2', String(width));
    labels.style.gridTemplateColumns = `repeat(${Math.max(1, count)}, minmax(0, 1fr))`;
    for (let i = 0; i < count; i++) {
      const x = i * SLOT;
      const group = svg('g');
      // Transparent and full height, so hovering anywhere above a token shows its numbers.
      const hit = svg('rect', { class: 'bar-hit', x, y: 0, width: SLOT, height: HEIGHT });
      const title = document.createTextNode('');
      const titleElement = svg('title');
      titleElement.append(title);
      hit.append(titleElement);
      const before = paired
        ? svg('rect', { class: 'bar-before', x: x + 2.5, width: 7, y: 0, height: 0 })
        : null;
      const after = svg('rect', {
        class: 'bar-after',
        x: paired ? x + 10.5 : x + 4,
        width: paired ? 7 : 12,
        y: 0,
        height: 0,
      });
      if (before) group.append(before);
      group.append(after, hit);
      bars.append(group);
      const labelText = document.createTextNode('');
      const label = h('span', { class: 'bar-label' }, labelText);
      labels.append(label);
      slots.push({ before, after, title, label, labelText });
    }
  }

  return {
    root,
    setTokens(tokenLabels, titles) {
      if (tokenLabels.length !== slots.length) build(tokenLabels.length);
      slots.forEach((slot, i) => {
        if (slot.labelText.data !== tokenLabels[i]) slot.labelText.data = tokenLabels[i];
        if (slot.title.data !== titles[i]) slot.title.data = titles[i];
      });
    },
    update({ before, after, status, scale }) {
      slots.forEach((slot, i) => {
        const state = status?.[i] ?? 'kept';
        if (slot.label.dataset.status !== state) {
          slot.label.dataset.status = state;
          // The hatch is a presentation attribute, so the stylesheet must leave .bar-removed's fill alone.
          if (state === 'removed-here') {
            slot.before?.setAttribute('class', 'bar-removed');
            slot.before?.setAttribute('fill', `url(#${hatchId})`);
          } else {
            slot.before?.setAttribute('class', 'bar-before');
            slot.before?.removeAttribute('fill');
          }
        }
        if (slot.before && before) setBar(slot.before, before[i], scale);
        setBar(slot.after, after[i], scale);
      });
    },
  };
}
