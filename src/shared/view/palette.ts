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

/**
 * A CSS hex colour as 0xRRGGBB, or null. The short form counts too: the production build's CSS minifier
 * writes the projector's #000000 and #ffffff as #000 and #fff, which were read as no colour at all.
 */
export function parseHexColour(value: string): number | null {
  const text = value.trim();
  const long = /^#([0-9a-f]{6})$/i.exec(text);
  if (long) return Number.parseInt(long[1], 16);
  const short = /^#([0-9a-f]{3})$/i.exec(text);
  if (!short) return null;
  return Number.parseInt(Array.from(short[1], (digit) => digit + digit).join(''), 16);
}

function cssColour(style: CSSStyleDeclaration, name: string, fallback: number): number {
  return parseHexColour(style.getPropertyValue(name)) ?? fallback;
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
