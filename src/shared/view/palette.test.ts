import { describe, expect, test } from 'vitest';
import { parseHexColour } from './palette.ts';

describe('the canvas reads the theme’s colours', () => {
  test('in the long and the short hex form (a minified #000000 is #000)', () => {
    expect(parseHexColour('#10141c')).toBe(0x10141c);
    expect(parseHexColour(' #E69F00 ')).toBe(0xe69f00);
    expect(parseHexColour('#000')).toBe(0x000000);
    expect(parseHexColour('#fff')).toBe(0xffffff);
    expect(parseHexColour('#1a2')).toBe(0x11aa22);
  });

  test('and nothing else', () => {
    for (const text of ['', 'black', '#12', '#12345', 'rgb(0, 0, 0)', '#ggg'])
      expect(parseHexColour(text)).toBeNull();
  });
});
