import { Container, Graphics, Text, type TextStyleOptions } from 'pixi.js';
import type { Box } from './HistogramLayer.ts';
import type { Palette } from './palette.ts';

/** One horizontal line per displayed row, with its label (energy, degeneracy) at the left. */
export class LadderLayer {
  readonly view = new Container({ label: 'ladder' });
  private readonly lines = new Graphics();
  private readonly labels = new Container();

  constructor(private palette: Palette) {
    this.view.addChild(this.lines, this.labels);
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
  }

  private get style(): TextStyleOptions {
    return { fontFamily: 'system-ui, sans-serif', fontSize: this.palette.fontSize, fill: this.palette.text };
  }

  /** The width of the widest of these labels at the ladder's type size. */
  widestLabel(...groups: (readonly string[] | string)[]): number {
    const probe = new Text({ text: '', style: this.style });
    let widest = 0;
    for (const group of groups) {
      for (const text of typeof group === 'string' ? [group] : group) {
        probe.text = text;
        widest = Math.max(widest, probe.width);
      }
    }
    probe.destroy();
    return widest;
  }

  /**
   * `lineBox` is where the lines run; labels are right-aligned just left of it. With `lumpedTop` the top
   * row stands for many levels and is drawn apart: a dashed line. Returns the labels as drawn.
   */
  draw(
    rowY: Float32Array,
    rowLabels: readonly string[],
    lineBox: Box,
    dimmed?: Uint8Array,
    lumpedTop = false,
  ): DrawnLabels {
    const drawn: DrawnLabels = { texts: [], smallestPixels: Number.POSITIVE_INFINITY };
    const g = this.lines.clear();
    for (let r = 0; r < rowY.length; r++) {
      const stroke = { width: 1, color: this.palette.muted, alpha: dimmed?.[r] ? 0.2 : 0.55 };
      if (lumpedTop && r === rowY.length - 1) {
        for (let dashX = lineBox.x; dashX < lineBox.x + lineBox.width; dashX += 8) {
          g.moveTo(dashX, rowY[r])
            .lineTo(Math.min(lineBox.x + lineBox.width, dashX + 4), rowY[r])
            .stroke(stroke);
        }
        continue;
      }
      g.moveTo(lineBox.x, rowY[r])
        .lineTo(lineBox.x + lineBox.width, rowY[r])
        .stroke(stroke);
    }
    for (const child of this.labels.removeChildren()) child.destroy();
    const room = lineBox.x - 12;
    for (let r = 0; r < rowY.length; r++) {
      const label = new Text({ text: rowLabels[r], style: this.style });
      if (dimmed?.[r]) label.alpha = 0.35;
      // A label longer than the room left of the lines is cut short with "…": shrinking it would make
      // it unreadable (text on the canvas stays at the page's smallest size, 12 px, or larger).
      if (room > 0) ellipsize(label, room);
      label.anchor.set(1, 0.5);
      label.position.set(lineBox.x - 8, rowY[r]);
      this.labels.addChild(label);
      drawn.texts.push(label.text);
      drawn.smallestPixels = Math.min(drawn.smallestPixels, this.palette.fontSize * label.scale.y);
    }
    return drawn;
  }
}

export interface DrawnLabels {
  /** Each row's label as drawn (cut short with "…" where it did not fit), bottom row first. */
  texts: string[];
  /** The smallest type size drawn, in CSS pixels. */
  smallestPixels: number;
}

/** Shortens a label's text, ending it with "…", until it fits `room` pixels. */
function ellipsize(label: Text, room: number): void {
  if (label.width <= room) return;
  const characters = Array.from(label.text);
  let low = 0;
  let high = characters.length;
  // The longest prefix that fits, found by bisection: each try lays the text out once.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    label.text = `${characters.slice(0, middle).join('').trimEnd()}…`;
    if (label.width <= room) low = middle;
    else high = middle - 1;
  }
  label.text = `${characters.slice(0, low).join('').trimEnd()}…`;
}
