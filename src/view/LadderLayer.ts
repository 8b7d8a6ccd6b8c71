import { Container, Graphics, Text } from 'pixi.js';
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

  /** `lineBox` is where the lines run; labels are right-aligned just left of it. */
  draw(rowY: Float32Array, rowLabels: readonly string[], lineBox: Box, dimmed?: Uint8Array): void {
    const g = this.lines.clear();
    for (let r = 0; r < rowY.length; r++) {
      g.moveTo(lineBox.x, rowY[r])
        .lineTo(lineBox.x + lineBox.width, rowY[r])
        .stroke({ width: 1, color: this.palette.muted, alpha: dimmed?.[r] ? 0.2 : 0.55 });
    }
    for (const child of this.labels.removeChildren()) child.destroy();
    for (let r = 0; r < rowY.length; r++) {
      const label = new Text({
        text: rowLabels[r],
        style: {
          fontFamily: 'system-ui, sans-serif',
          fontSize: this.palette.fontSize,
          fill: this.palette.text,
        },
      });
      if (dimmed?.[r]) label.alpha = 0.35;
      // A label longer than the room left of the lines shrinks to fit rather than run off the canvas.
      const room = lineBox.x - 12;
      if (label.width > room && room > 0) label.scale.set(room / label.width);
      label.anchor.set(1, 0.5);
      label.position.set(lineBox.x - 8, rowY[r]);
      this.labels.addChild(label);
    }
  }
}
