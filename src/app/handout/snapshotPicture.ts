/**
 * The printed picture of a particle snapshot: the level ladder with its particles as dots, and the
 * occupancy histogram against theory, drawn as SVG in black on white. Vector drawing stays sharp at any
 * zoom of the PDF, its labels are text a reader can search and copy, and it needs neither the WebGL
 * canvas's pixels nor its theme colours.
 */
import type { ParticleSnapshot } from '../../shared/model/particleModel.ts';
import { formatPercent } from '../../shared/ui/format.ts';
import { niceCeiling } from '../../shared/view/axisScale.ts';
import { layoutLadder } from '../../shared/view/ladderLayout.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Rows on the printed ladder; more levels share the top row (their sum, as in the table). */
const MAX_ROWS = 14;
const FONT = 15;
/** An average character's advance in a sans-serif font, as a share of the font size (to fit labels unmeasured). */
const CHARACTER_WIDTH = 0.56;
const DOT_SPACING = 7;

/** The page's full width, or half of it (two pictures side by side), in the SVG's units. */
export type PictureWidth = 'full' | 'half';

const LAYOUTS = {
  full: { width: 1000, height: 380, labelRight: 250, ladder: { left: 262, right: 580 }, histogramLeft: 620 },
  half: { width: 560, height: 350, labelRight: 200, ladder: { left: 210, right: 350 }, histogramLeft: 372 },
} as const;

export interface PictureText {
  /** The label of each level on the ladder (level name and energy). */
  ladderLabels: readonly string[];
  /** The short label of each level under its histogram bar. */
  axisLabels: readonly string[];
  /** The top row's label when levels share it. */
  overflowLabel(hidden: number): string;
  /** The axis label of that shared row. */
  overflowAxisLabel(hidden: number): string;
  /** The picture as a whole, for a screen reader reading the page. */
  description: string;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Per display row: particles, exact p and observed fraction (levels past the cap summed into one row). */
function rowsOf(snapshot: ParticleSnapshot, shown: number, rows: number) {
  const counts = new Float64Array(rows);
  const theory = new Float64Array(rows);
  for (let i = 0; i < snapshot.counts.length; i++) {
    const r = Math.min(i, shown);
    counts[r] += snapshot.counts[i];
    theory[r] += snapshot.theory[i];
  }
  const total = Math.max(1, snapshot.particleCount);
  const observed = counts.map((count) => count / total);
  const sigma = theory.map((p) => Math.sqrt(Math.max(0, p * (1 - p)) / total));
  return { counts, theory, observed, sigma };
}

const SMALLEST_FONT = 7;

/**
 * A label fitted to `room` unmeasured: in the picture's type size, smaller where it would not fit, and
 * cut with an ellipsis where even the smallest size is too wide (the ladder names every level in full).
 */
function fittedLabel(text: string, room: number): { text: string; size: number } {
  const characters = Array.from(text);
  const width = (size: number, count: number) => count * CHARACTER_WIDTH * size;
  if (width(FONT, characters.length) <= room) return { text, size: FONT };
  const size = Math.max(SMALLEST_FONT, (FONT * room) / width(FONT, characters.length));
  if (width(size, characters.length) <= room) return { text, size };
  const kept = Math.max(1, Math.floor(room / (CHARACTER_WIDTH * size)) - 1);
  return { text: `${characters.slice(0, kept).join('')}…`, size };
}

/** A label fitted to `room`, anchored at (x, y). */
function labelElement(
  label: string,
  room: number,
  x: number,
  y: number,
  anchor: 'end' | 'middle',
  fill: string,
): SVGElement {
  const fitted = fittedLabel(label, room);
  return svgElement('text', { x, y, 'text-anchor': anchor, 'font-size': fitted.size, fill }, fitted.text);
}

export interface SnapshotPicture {
  svg: SVGSVGElement;
  /** How many particles (at most) one dot on the ladder stands for. */
  particlesPerDot: number;
}

export function snapshotPicture(
  snapshot: ParticleSnapshot,
  text: PictureText,
  width: PictureWidth = 'full',
): SnapshotPicture {
  const {
    width: WIDTH,
    height: HEIGHT,
    labelRight: LABEL_RIGHT,
    ladder: LADDER,
    histogramLeft,
  } = LAYOUTS[width];
  const HISTOGRAM = { left: histogramLeft, right: WIDTH - 4, top: FONT + 10, bottom: HEIGHT - FONT - 14 };
  const energies = snapshot.system.spectrum.energies;
  const degeneracies = snapshot.system.spectrum.degeneracies;
  const rowGap = FONT + 8;
  const layout = layoutLadder(energies, {
    top: FONT + 6,
    bottom: HEIGHT - FONT - 6,
    minimumGap: rowGap,
    maxRows: energies.length > MAX_ROWS ? MAX_ROWS - 1 : MAX_ROWS,
  });
  const shown = layout.shownLevels;
  const rowCount = layout.rowY.length;
  const hidden = energies.length - shown;
  const rows = rowsOf(snapshot, shown, rowCount);
  const removed = (r: number) => r < shown && degeneracies[r] === 0;

  const svg = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': text.description,
    'font-family': 'Helvetica, Arial, sans-serif',
    'font-size': FONT,
  });

  // The ladder: a line per row at its energy, its particles as dots along it.
  const largest = Math.max(1, ...rows.counts);
  const capacity = Math.floor((LADDER.right - LADDER.left) / DOT_SPACING);
  const perDot = Math.max(1, Math.ceil(largest / capacity));
  for (let r = 0; r < rowCount; r++) {
    const y = layout.rowY[r];
    const faint = removed(r);
    svg.append(
      svgElement('line', {
        x1: LADDER.left,
        x2: LADDER.right,
        y1: y,
        y2: y,
        stroke: faint ? '#999' : '#000',
        'stroke-width': 1.5,
        'stroke-dasharray': r === shown ? '4 3' : faint ? '2 3' : 'none',
      }),
    );
    const label = r < shown ? (text.ladderLabels[r] ?? '') : text.overflowLabel(hidden);
    svg.append(
      labelElement(label, LABEL_RIGHT - 2, LABEL_RIGHT, y + FONT * 0.35, 'end', faint ? '#777' : '#000'),
    );
    const dots = Math.ceil(rows.counts[r] / perDot);
    if (dots > 0) {
      const path = Array.from(
        { length: dots },
        (_, i) =>
          `M${LADDER.left + DOT_SPACING / 2 + i * DOT_SPACING},${y - 5}m-2.6,0a2.6,2.6 0 1,0 5.2,0a2.6,2.6 0 1,0 -5.2,0`,
      ).join('');
      svg.append(svgElement('path', { d: path, fill: '#000' }));
    }
  }

  // The histogram: observed fraction per row as grey bars, exact p as a black mark, ±1σ as a hatched band.
  const { left, right, top, bottom } = HISTOGRAM;
  let highest = 0;
  for (let r = 0; r < rowCount; r++) {
    highest = Math.max(highest, rows.observed[r], rows.theory[r] + rows.sigma[r]);
  }
  const axisTop = Math.min(1, niceCeiling(Math.max(highest, 1e-9)));
  const scale = (bottom - top) / axisTop;
  const slot = (right - left) / rowCount;
  const barWidth = Math.max(2, slot * 0.7);
  svg.append(
    svgElement('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: '#000', 'stroke-width': 1.5 }),
    svgElement('line', {
      x1: left,
      x2: right,
      y1: top,
      y2: top,
      stroke: '#888',
      'stroke-width': 1,
      'stroke-dasharray': '3 3',
    }),
    svgElement('text', { x: left, y: top - 6, fill: '#000' }, formatPercent(axisTop)),
  );
  for (let r = 0; r < rowCount; r++) {
    const x = left + r * slot + (slot - barWidth) / 2;
    const observedHeight = rows.observed[r] * scale;
    if (observedHeight > 0) {
      svg.append(
        svgElement('rect', {
          x,
          y: bottom - observedHeight,
          width: barWidth,
          height: observedHeight,
          fill: '#bbb',
          stroke: '#000',
          'stroke-width': 1,
        }),
      );
    }
    const p = rows.theory[r];
    const bandLow = Math.max(0, p - rows.sigma[r]) * scale;
    const bandHigh = Math.min(axisTop, p + rows.sigma[r]) * scale;
    if (bandHigh - bandLow > 0.5) {
      svg.append(
        svgElement('rect', {
          x: x - 3,
          y: bottom - bandHigh,
          width: barWidth + 6,
          height: bandHigh - bandLow,
          fill: 'none',
          stroke: '#000',
          'stroke-width': 0.8,
          'stroke-dasharray': '2 2',
        }),
      );
    }
    if (!removed(r)) {
      svg.append(
        svgElement('line', {
          x1: x - 5,
          x2: x + barWidth + 5,
          y1: bottom - p * scale,
          y2: bottom - p * scale,
          stroke: '#000',
          'stroke-width': 3,
        }),
      );
    }
    const axisLabel = r < shown ? (text.axisLabels[r] ?? '') : text.overflowAxisLabel(hidden);
    svg.append(labelElement(axisLabel, slot - 2, x + barWidth / 2, bottom + FONT + 4, 'middle', '#000'));
  }
  return { svg, particlesPerDot: perDot };
}
