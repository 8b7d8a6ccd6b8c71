import { Container, Graphics, Text } from 'pixi.js';
import { niceCeiling } from './axisScale.ts';
import type { Palette } from './palette.ts';

export interface HistogramData {
  /** Observed fraction per display row (the overflow row last, if any). */
  observed: Float64Array;
  /** Exact probability per display row. */
  theory: Float64Array;
  /** One standard deviation of the observed fraction per row, sqrt(p(1 − p)/N). */
  sigma: Float64Array;
  /** Short label per row for the axis. */
  labels: readonly string[];
  /** Rows to grey out (removed by a sampler): their theory is 0 and they are drawn faint. */
  dimmed?: Uint8Array;
  /** The last row stands for many levels (its values are the mean per level): drawn apart from the rest. */
  lumped?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Observed fraction per level as bars, the exact p as a marker line across each bar, and a ±1σ band
 * around it: a bar ending inside the band is an expected fluctuation, not a disagreement.
 */
export class HistogramLayer {
  readonly view = new Container({ label: 'histogram' });
  private readonly bars = new Graphics();
  private readonly axisLabels = new Container();
  private readonly scaleLabel: Text;
  private box: Box = { x: 0, y: 0, width: 0, height: 0 };
  private labelsKey = '';

  constructor(private palette: Palette) {
    this.scaleLabel = new Text({
      text: '',
      style: { fontFamily: 'system-ui, sans-serif', fontSize: this.palette.fontSize, fill: palette.muted },
    });
    this.view.addChild(this.bars, this.axisLabels, this.scaleLabel);
  }

  setBox(box: Box): void {
    this.box = box;
    this.labelsKey = '';
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
    this.scaleLabel.style.fill = palette.muted;
    this.scaleLabel.style.fontSize = palette.fontSize;
    this.labelsKey = '';
  }

  /** The smallest type size among the labels drawn (axis and scale), in CSS pixels. */
  smallestLabelPixels(): number {
    let smallest = Number(this.scaleLabel.style.fontSize) * this.scaleLabel.scale.y;
    for (const child of this.axisLabels.children) {
      if (child instanceof Text) smallest = Math.min(smallest, Number(child.style.fontSize) * child.scale.y);
    }
    return smallest;
  }

  /** Draws the bars; returns the fraction at the top of the axis. */
  draw(data: HistogramData): number {
    const { x, y, width, height } = this.box;
    const rows = data.observed.length;
    const plotTop = y + this.palette.fontSize + 6;
    const plotBottom = y + height - this.palette.fontSize - 8;
    const plotHeight = Math.max(1, plotBottom - plotTop);
    let top = 0;
    for (let r = 0; r < rows; r++) {
      top = Math.max(top, data.observed[r], data.theory[r] + data.sigma[r]);
    }
    // A fraction never exceeds 1, even where p + σ does.
    top = Math.min(1, niceCeiling(Math.max(top, 1e-9)));
    const scale = plotHeight / top;
    const slot = width / Math.max(1, rows);
    const barWidth = Math.max(1, slot * 0.72);

    const g = this.bars.clear();
    g.moveTo(x, plotBottom)
      .lineTo(x + width, plotBottom)
      .stroke({ width: 1, color: this.palette.grid });
    g.moveTo(x, plotTop)
      .lineTo(x + width, plotTop)
      .stroke({ width: 1, color: this.palette.grid, alpha: 0.6 });
    if (data.lumped && rows > 1) this.drawSeparator(g, x + (rows - 1) * slot, plotTop, plotBottom);
    for (let r = 0; r < rows; r++) {
      const left = x + r * slot + (slot - barWidth) / 2;
      const p = data.theory[r];
      const barHeight = data.observed[r] * scale;
      if (barHeight > 0)
        g.rect(left, plotBottom - barHeight, barWidth, barHeight).fill({ color: this.palette.particle });
      // The band goes over the bar, translucent, so a bar ending inside it reads as "within 1σ".
      const bandLow = Math.max(0, p - data.sigma[r]);
      const bandHigh = Math.min(top, p + data.sigma[r]);
      if (bandHigh > bandLow) {
        g.rect(left - 2, plotBottom - bandHigh * scale, barWidth + 4, (bandHigh - bandLow) * scale).fill({
          color: this.palette.band,
          alpha: 0.35,
        });
      }
      if (data.dimmed?.[r]) {
        g.rect(left, plotBottom - 2, barWidth, 2).fill({ color: this.palette.muted, alpha: 0.5 });
        continue;
      }
      const markerY = plotBottom - p * scale;
      g.moveTo(left - 2, markerY)
        .lineTo(left + barWidth + 2, markerY)
        .stroke({ width: 2, color: this.palette.theory });
    }
    this.scaleLabel.text = `${formatPercent(top)}`;
    this.scaleLabel.position.set(x, y);
    this.drawAxisLabels(data.labels, slot, plotBottom + 4, data.lumped === true);
    return top;
  }

  /** A dotted vertical line: the bar right of it is of another kind (a mean over many levels). */
  private drawSeparator(g: Graphics, lineX: number, plotTop: number, plotBottom: number): void {
    for (let dashY = plotTop; dashY < plotBottom; dashY += 6) {
      g.moveTo(lineX, dashY)
        .lineTo(lineX, Math.min(plotBottom, dashY + 3))
        .stroke({ width: 1, color: this.palette.muted, alpha: 0.8 });
    }
  }

  private label(text: string): Text {
    return new Text({
      text,
      style: {
        fontFamily: 'system-ui, sans-serif',
        fontSize: this.palette.fontSize,
        fill: this.palette.muted,
      },
    });
  }

  private drawAxisLabels(labels: readonly string[], slot: number, baseline: number, lumped: boolean): void {
    const key = `${labels.join('|')}@${slot}@${baseline}@${lumped}`;
    if (key === this.labelsKey) return;
    this.labelsKey = key;
    for (const child of this.axisLabels.removeChildren()) child.destroy();
    // The lumped row's label is always shown, right-aligned under its bar; the others go where they fit.
    let right = this.box.x + this.box.width;
    let plain = labels.length;
    if (lumped && labels.length > 0) {
      plain--;
      const label = this.label(labels[plain]);
      label.anchor.set(1, 0);
      label.position.set(right, baseline);
      this.axisLabels.addChild(label);
      right -= label.width + 6;
    }
    // Show as many labels as fit without touching: every k-th, k from the widest label and a gap.
    const probe = this.label('');
    let widest = 0;
    for (let r = 0; r < plain; r++) {
      probe.text = labels[r];
      widest = Math.max(widest, probe.width);
    }
    probe.destroy();
    const every = Math.max(1, Math.ceil(Math.max(44, widest + this.palette.fontSize) / Math.max(1, slot)));
    // A label wider than its bar is centred under it but kept inside the histogram's box (the first
    // would otherwise reach into the ladder beside it) and clear of the label before it.
    const gap = this.palette.fontSize / 2;
    let previousRight = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < plain; r += every) {
      const label = this.label(labels[r]);
      const left = Math.max(this.box.x, this.box.x + (r + 0.5) * slot - label.width / 2);
      if (left + label.width > right) {
        label.destroy();
        break;
      }
      if (left < previousRight + gap) {
        label.destroy();
        continue;
      }
      label.anchor.set(0, 0);
      label.position.set(left, baseline);
      previousRight = left + label.width;
      this.axisLabels.addChild(label);
    }
  }
}

function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  return `${percent >= 10 ? percent.toFixed(0) : percent.toPrecision(2)}%`;
}
