/** The scene's colours, read from the page's CSS custom properties so one theme drives both. */
export interface Palette {
  background: number;
  text: number;
  muted: number;
  grid: number;
  particle: number;
  theory: number;
  band: number;
  /** Canvas label size in pixels: larger in projector mode, like the page's type. */
  fontSize: number;
}

function cssColour(style: CSSStyleDeclaration, name: string, fallback: number): number {
  const value = style.getPropertyValue(name).trim();
  const match = /^#([0-9a-f]{6})$/i.exec(value);
  return match ? Number.parseInt(match[1], 16) : fallback;
}

export function readPalette(element: Element = document.documentElement): Palette {
  const style = getComputedStyle(element);
  return {
    background: cssColour(style, '--colour-background', 0x10141c),
    text: cssColour(style, '--colour-text', 0xe8edf4),
    muted: cssColour(style, '--colour-text-muted', 0x9fb0c4),
    grid: cssColour(style, '--colour-border', 0x2e384b),
    particle: cssColour(style, '--colour-particle', 0xf2a65a),
    theory: cssColour(style, '--colour-theory', 0x5ec8e5),
    band: cssColour(style, '--colour-theory', 0x5ec8e5),
    // Never below 12 px, the smallest type on the page: a label that does not fit is cut, not shrunk.
    fontSize: Math.max(12, Math.round(0.75 * (Number.parseFloat(style.fontSize) || 16))),
  };
}
