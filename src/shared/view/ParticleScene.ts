import { Application, Graphics } from 'pixi.js';
import { type Box, HistogramLayer } from './HistogramLayer.ts';
import { LadderLayer } from './LadderLayer.ts';
import { type LadderLayout, layoutLadder } from './ladderLayout.ts';
import { ParticleLayer } from './ParticleLayer.ts';
import type { Palette } from './palette.ts';
import { DEFAULT_MAX_PITCH } from './particleLayout.ts';

/** Particles move visibly between levels only while there are few enough to follow by eye. */
export const ANIMATE_AT_MOST = 2000;
/** The most rows the ladder draws (the rest share the top row); only these need labels. */
export const MAX_ROWS = 40;
const WIDE_LAYOUT = 720;
const NO_PARTICLES = new Uint32Array(0);
/** The tallest band a row's particles fill, at the page's label size; on the stage it grows with the labels. */
const ROW_BAND = 26;
/**
 * On the stage (a host marked `data-on-stage`) the labels are this share of the viewport's height, so
 * they read from the back of a room: 2.4% (26 px at 1080 p), above the 2.2% a lecture hall needs even
 * after rounding to whole pixels. The particles and their rows grow in proportion.
 */
export const STAGE_LABEL_SHARE = 0.024;
/** On the stage a row's band may take this many label heights, so that particles are drawn large. */
const STAGE_ROW_BAND_LABELS = 6;

export interface SceneLevels {
  energies: Float64Array;
  /** Full label per level for the ladder, e.g. "n = 3 · 3.5 ħω · g = 1". */
  ladderLabels: readonly string[];
  /** Short label per level for the histogram axis, e.g. "3". */
  axisLabels: readonly string[];
  /** The overflow row's labels, given how many levels it holds. */
  overflowLabel(hiddenLevels: number): string;
  /** The histogram's label under the overflow row's bar, which shows the mean per level. */
  overflowAxisLabel(hiddenLevels: number): string;
  /** Levels to grey out (e.g. tokens a sampler removed); 1 = removed. */
  dimmed?: Uint8Array;
}

export interface SceneFrame {
  /** Level of each particle, or null when only counts exist. */
  levels: Uint32Array | null;
  particleCount: number;
  /** Occupancy per level to draw as bars (the latest step or the time average). */
  counts: Float64Array;
  probabilities: Float64Array;
  animate: boolean;
}

export interface SceneLayoutInfo {
  shownLevels: number;
  levelCount: number;
  toScale: boolean;
}

/** The simulator's canvas: the level ladder with its particles, and the occupancy histogram. */
export class ParticleScene {
  private readonly ladder: LadderLayer;
  private readonly particles: ParticleLayer;
  private readonly countBars = new Graphics();
  private readonly histogram: HistogramLayer;
  private levelsInfo: SceneLevels | null = null;
  private layout: LadderLayout | null = null;
  private lastFrame: SceneFrame | null = null;
  private displayLevels = new Uint32Array(0);
  private rowsBox: Box = { x: 0, y: 0, width: 0, height: 0 };
  private histogramRows = {
    observed: new Float64Array(0),
    theory: new Float64Array(0),
    sigma: new Float64Array(0),
  };

  private constructor(
    readonly app: Application,
    private readonly host: HTMLElement,
    private readonly basePalette: Palette,
  ) {
    this.palette = basePalette;
    this.rowGap = basePalette.fontSize + 4;
    this.ladder = new LadderLayer(basePalette);
    this.particles = new ParticleLayer({ colour: basePalette.particle });
    this.histogram = new HistogramLayer(basePalette);
    app.stage.addChild(this.ladder.view, this.countBars, this.particles.view, this.histogram.view);
    const observer = new ResizeObserver(() => this.resize());
    observer.observe(host);
    // When a lost WebGL context comes back (GPU reset, driver update), pixi re-creates its GPU resources
    // on the next render; but this scene renders only when something changed, so a paused scene would
    // stay blank. Its own listener was added first (in init), so the renderer is ready when this runs.
    const redraw = () => {
      this.dirty = true;
    };
    app.canvas.addEventListener('webglcontextrestored', redraw);
    this.stopObserving = () => {
      observer.disconnect();
      app.canvas.removeEventListener('webglcontextrestored', redraw);
    };
  }

  static async create(host: HTMLElement, palette: Palette): Promise<ParticleScene> {
    // pixi.js compiles shader and uniform code with new Function unless this is installed first; the
    // page's CSP has no 'unsafe-eval'. Loaded here, like pixi's own renderers, to keep it off the first
    // screen's static imports (it pulls in the WebGL and WebGPU back-ends).
    await import('pixi.js/unsafe-eval');
    const app = new Application();
    await app.init({
      background: palette.background,
      resizeTo: host,
      antialias: true,
      preference: 'webgl',
      autoDensity: true,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      preserveDrawingBuffer: true,
      // Frames are rendered on demand (see renderFrame): nothing is redrawn while nothing changes.
      autoStart: false,
      sharedTicker: false,
    });
    app.canvas.setAttribute('aria-hidden', 'true');
    host.appendChild(app.canvas);
    return new ParticleScene(app, host, palette);
  }

  private dirty = true;
  /** The palette as drawn: the page's, with the label size of the stage while the host is on it. */
  private palette: Palette;
  /** The smallest distance between rows: a label's height and a little air. */
  private rowGap: number;
  private stopObserving: () => void = () => {};

  /** Frees the GPU resources and stops watching the host's size. */
  destroy(): void {
    this.stopObserving();
    this.particles.destroy();
    this.app.destroy(true, { children: true });
  }
  /** Told after every layout, so notes about the ladder ("12 levels shown of 51") stay true. */
  onLayout: ((info: SceneLayoutInfo) => void) | null = null;

  /** Advances the particles' moves and renders if anything changed since the last frame. */
  renderFrame(deltaMs: number): void {
    const moving = this.particles.animating;
    this.particles.update(deltaMs);
    if (moving || this.dirty) {
      this.app.render();
      this.dirty = false;
    }
  }

  /** How long a particle's move between levels lasts. */
  setMoveDuration(durationMs: number): void {
    this.particles.setDuration(durationMs);
  }

  get layoutInfo(): SceneLayoutInfo {
    return {
      shownLevels: this.layout?.shownLevels ?? 0,
      levelCount: this.levelsInfo?.energies.length ?? 0,
      toScale: this.layout?.toScale ?? true,
    };
  }

  setLevels(levels: SceneLevels): void {
    this.levelsInfo = levels;
    this.relayout();
  }

  show(frame: SceneFrame): void {
    this.lastFrame = frame;
    this.dirty = true;
    const layout = this.layout;
    if (!layout) return;
    if (frame.levels) {
      this.countBars.clear();
      const levels = layout.hasOverflow ? this.mapToRows(frame.levels, layout) : frame.levels;
      this.particles.view.visible = true;
      this.particles.setParticles(
        levels,
        frame.particleCount,
        frame.animate && frame.particleCount <= ANIMATE_AT_MOST,
      );
      // Written for tests and for the record, like the labels' size: the canvas cannot be read.
      const dot = this.particles.dotSize.toFixed(1);
      if (this.host.dataset.particlePx !== dot) this.host.dataset.particlePx = dot;
    } else {
      this.particles.view.visible = false;
      this.drawCountBars(frame, layout);
    }
    this.drawHistogram(frame, layout);
  }

  private mapToRows(levels: Uint32Array, layout: LadderLayout): Uint32Array {
    if (this.displayLevels.length !== levels.length) this.displayLevels = new Uint32Array(levels.length);
    const rowOfLevel = layout.rowOfLevel;
    const out = this.displayLevels;
    for (let i = 0; i < levels.length; i++) out[i] = rowOfLevel[levels[i]];
    return out;
  }

  private resize(): void {
    this.app.resize();
    this.dirty = true;
    this.relayout();
  }

  /** The label size for where the host is now: the page's, or on the stage a share of the viewport's height. */
  private labelSize(): number {
    const base = this.basePalette.fontSize;
    if (this.host.dataset.onStage === undefined) return base;
    return Math.max(base, Math.round(STAGE_LABEL_SHARE * window.innerHeight));
  }

  private applyLabelSize(): void {
    const fontSize = this.labelSize();
    if (fontSize === this.palette.fontSize) return;
    this.palette = { ...this.basePalette, fontSize };
    this.ladder.setPalette(this.palette);
    this.histogram.setPalette(this.palette);
    this.rowGap = fontSize + 4;
  }

  private relayout(): void {
    const info = this.levelsInfo;
    if (!info) return;
    this.applyLabelSize();
    // 1 at the page's label size; on the stage the particles grow with the labels.
    const zoom = this.palette.fontSize / this.basePalette.fontSize;
    const onStage = zoom > 1;
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    const wide = width >= WIDE_LAYOUT;
    const pad = 12;
    const ladderBox: Box = wide
      ? { x: pad, y: pad, width: width * 0.6 - 2 * pad, height: height - 2 * pad }
      : { x: pad, y: pad, width: width - 2 * pad, height: height * 0.62 - 2 * pad };
    const histogramBox: Box = wide
      ? { x: width * 0.6 + pad, y: pad, width: width * 0.4 - 2 * pad, height: height - 2 * pad }
      : { x: pad, y: height * 0.62 + pad, width: width - 2 * pad, height: height * 0.38 - 2 * pad };

    // The label column is as wide as its widest label, within limits; a longer label is cut with "…".
    const labelWidth = Math.min(
      Math.max(
        120,
        this.ladder.widestLabel(
          // Only the rows that can be shown: measuring 50,000 token labels took seconds.
          info.ladderLabels.slice(0, MAX_ROWS),
          info.overflowLabel(info.energies.length),
        ) + 20,
      ),
      ladderBox.width * 0.48,
    );
    this.rowsBox = {
      x: ladderBox.x + labelWidth,
      y: ladderBox.y,
      width: ladderBox.width - labelWidth,
      height: ladderBox.height,
    };
    const maxRows = Math.max(1, Math.min(MAX_ROWS, Math.floor(ladderBox.height / this.rowGap)));
    const band = onStage ? STAGE_ROW_BAND_LABELS * this.palette.fontSize : ROW_BAND;
    // On the stage the outer rows keep room for half a band of particles inside the box, as far as
    // the rows' spacing would allow it anyway: large particles on the top row must not be cut off.
    const rows = Math.min(info.energies.length, maxRows);
    const edge = onStage
      ? Math.max(this.rowGap / 2, Math.min(0.4 * band, ladderBox.height / (2 * (rows + 1))))
      : this.rowGap / 2;
    const layout = layoutLadder(info.energies, {
      top: ladderBox.y + edge,
      bottom: ladderBox.y + ladderBox.height - edge,
      minimumGap: this.rowGap,
      maxRows: Math.min(maxRows, info.energies.length > maxRows ? maxRows - 1 : maxRows),
    });
    this.layout = layout;
    this.onLayout?.(this.layoutInfo);

    const rowLabels = info.ladderLabels.slice(0, layout.shownLevels);
    const axisLabels = info.axisLabels.slice(0, layout.shownLevels);
    if (layout.hasOverflow) {
      rowLabels.push(info.overflowLabel(info.energies.length - layout.shownLevels));
      axisLabels.push(info.overflowAxisLabel(info.energies.length - layout.shownLevels));
    }
    this.histogramAxisLabels = axisLabels;
    const drawn = this.ladder.draw(
      layout.rowY,
      rowLabels,
      this.rowsBox,
      this.dimmedRows(info, layout),
      layout.hasOverflow,
    );
    this.host.dataset.topRowLabel = drawn.texts[drawn.texts.length - 1] ?? '';
    this.smallestLadderLabel = drawn.smallestPixels;
    this.histogram.setBox(histogramBox);

    let smallestGap = Number.POSITIVE_INFINITY;
    for (let r = 1; r < layout.rowY.length; r++)
      smallestGap = Math.min(smallestGap, layout.rowY[r - 1] - layout.rowY[r]);
    const spacing = Math.min(band, Number.isFinite(smallestGap) ? smallestGap : band) * 0.8;
    const rowHeight = Math.max(2, onStage ? Math.min(spacing, 2 * edge) : spacing);
    // The particles shown so far belong to the old rows (and maybe to an old spectrum): drop them
    // before the layout changes, then show the last frame again if it belongs to these levels.
    this.particles.setParticles(NO_PARTICLES, 0, false);
    this.particles.setLayout({
      rowY: layout.rowY,
      left: this.rowsBox.x + 4,
      width: this.rowsBox.width - 8,
      rowHeight,
      maxPitch: DEFAULT_MAX_PITCH * zoom,
    });
    const frame = this.lastFrame;
    if (frame && frame.counts.length === info.energies.length) this.show({ ...frame, animate: false });
  }

  private histogramAxisLabels: readonly string[] = [];
  /** The smallest type size of the ladder's labels as last drawn, in CSS pixels. */
  private smallestLadderLabel = Number.POSITIVE_INFINITY;

  /** A row is greyed when every level on it is. */
  private dimmedRows(info: SceneLevels, layout: LadderLayout): Uint8Array | undefined {
    const dimmed = info.dimmed;
    if (!dimmed) return undefined;
    const rows = new Uint8Array(layout.rowY.length).fill(1);
    for (let i = 0; i < dimmed.length; i++) if (!dimmed[i]) rows[layout.rowOfLevel[i]] = 0;
    return rows;
  }

  /** Levels of the overflow row that particles can reach (g > 0); all of them when none can. */
  private reachableLevelsInOverflow(layout: LadderLayout): number {
    const levelCount = layout.rowOfLevel.length;
    const dimmed = this.levelsInfo?.dimmed;
    let reachable = 0;
    for (let i = layout.shownLevels; i < levelCount; i++) if (!dimmed?.[i]) reachable++;
    return reachable > 0 ? reachable : levelCount - layout.shownLevels;
  }

  /** Per-row sums of a per-level array; the overflow row collects every level past the cap. */
  private sumIntoRows(perLevel: Float64Array, layout: LadderLayout, out: Float64Array): void {
    out.fill(0);
    const rowOfLevel = layout.rowOfLevel;
    for (let i = 0; i < perLevel.length; i++) out[rowOfLevel[i]] += perLevel[i];
  }

  private drawHistogram(frame: SceneFrame, layout: LadderLayout): void {
    const rows = layout.rowY.length;
    if (this.histogramRows.observed.length !== rows) {
      this.histogramRows = {
        observed: new Float64Array(rows),
        theory: new Float64Array(rows),
        sigma: new Float64Array(rows),
      };
    }
    const { observed, theory, sigma } = this.histogramRows;
    this.sumIntoRows(frame.counts, layout, observed);
    this.sumIntoRows(frame.probabilities, layout, theory);
    const n = frame.particleCount;
    for (let r = 0; r < rows; r++) {
      observed[r] /= n;
      sigma[r] = Math.sqrt((theory[r] * Math.max(0, 1 - theory[r])) / n);
    }
    // The overflow row holds many levels: as one bar it would tower over the others (most of the
    // probability at t = ∞, where every level is equally likely). Its bar is the mean per level instead,
    // on the same scale as every other bar; the note under the canvas gives the total.
    const lumpedLevels = layout.hasOverflow ? this.reachableLevelsInOverflow(layout) : 0;
    if (lumpedLevels > 1) {
      const last = rows - 1;
      observed[last] /= lumpedLevels;
      theory[last] /= lumpedLevels;
      sigma[last] /= lumpedLevels;
    }
    const top = this.histogram.draw({
      observed,
      theory,
      sigma,
      labels: this.histogramAxisLabels,
      dimmed: this.levelsInfo ? this.dimmedRows(this.levelsInfo, layout) : undefined,
      lumped: layout.hasOverflow,
    });
    this.describeHistogram(top, theory);
  }

  /**
   * The canvas is hidden from assistive technology and cannot be read by a test, so what the histogram
   * draws is also written on its host: the top of its axis, each bar's exact height (theory marker) and
   * the smallest type size of any label drawn on the canvas (ladder and histogram, in CSS pixels);
   * relayout adds the ladder's top label as drawn.
   */
  private describeHistogram(top: number, theory: Float64Array): void {
    const smallest = String(Math.min(this.smallestLadderLabel, this.histogram.smallestLabelPixels()));
    if (this.host.dataset.smallestLabelPx !== smallest) this.host.dataset.smallestLabelPx = smallest;
    const heights = Array.from(theory, (p) => p.toPrecision(4)).join(' ');
    if (this.host.dataset.histogramTop !== String(top)) this.host.dataset.histogramTop = String(top);
    if (this.host.dataset.histogramTheory !== heights) this.host.dataset.histogramTheory = heights;
  }

  /** Counts-only mode: each row's bar length is its share of the particles. */
  private drawCountBars(frame: SceneFrame, layout: LadderLayout): void {
    const rows = layout.rowY.length;
    const shares = new Float64Array(rows);
    this.sumIntoRows(frame.counts, layout, shares);
    const g = this.countBars.clear();
    for (let r = 0; r < rows; r++) {
      const length = (shares[r] / frame.particleCount) * (this.rowsBox.width - 8);
      if (length > 0)
        g.rect(this.rowsBox.x + 4, layout.rowY[r] - 5, length, 10).fill({ color: this.palette.particle });
    }
  }
}
