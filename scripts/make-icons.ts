/**
 * Draws the app icon as SVG and renders the PNG sizes the web-app manifest needs, into public/icons/.
 * The picture is the app in miniature: four energy levels with particles thinning out upwards, as the
 * Boltzmann distribution fills them. Colours are the theme's (src/app/theme.css).
 *
 * Rendering uses the same headless Chromium as the browser tests, so the PNGs are exactly what a browser
 * makes of the SVG; no image tool is needed. The outputs are committed: run this only after changing
 * the drawing.
 *
 *     npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser.ts';

const BACKGROUND = '#10141c';
const LEVEL = '#9fb0c4';
const PARTICLE = '#f2a65a';

/** Four levels, bottom first, with particle counts falling roughly as exp(−0.6 n). */
const LEVELS = [
  { y: 400, particles: 6 },
  { y: 320, particles: 3 },
  { y: 240, particles: 2 },
  { y: 160, particles: 1 },
];

function drawing(): string {
  const parts: string[] = [];
  for (const level of LEVELS) {
    parts.push(
      `<line x1="96" y1="${level.y}" x2="416" y2="${level.y}" stroke="${LEVEL}" stroke-width="10" stroke-linecap="round"/>`,
    );
    for (let i = 0; i < level.particles; i++) {
      parts.push(`<circle cx="${126 + i * 52}" cy="${level.y - 30}" r="19" fill="${PARTICLE}"/>`);
    }
  }
  return parts.join('');
}

/**
 * `maskable`: full-bleed background with the drawing shrunk into the central safe circle (radius 40 % of
 * the size), since launchers crop maskable icons to their own shape. Otherwise a rounded square.
 */
function svg(maskable: boolean): string {
  const background = maskable
    ? `<rect width="512" height="512" fill="${BACKGROUND}"/>`
    : `<rect width="512" height="512" rx="96" fill="${BACKGROUND}"/>`;
  const content = maskable
    ? `<g transform="translate(256 256) scale(0.8) translate(-256 -256)">${drawing()}</g>`
    : drawing();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${content}</svg>\n`;
}

const outDir = 'public/icons';
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/icon.svg`, svg(false));

const renders = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  // iOS ignores the manifest's icons and rounds the corners itself, so it gets the full-bleed version.
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await launchBrowser();
try {
  for (const { file, size, maskable } of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const image = svg(maskable).replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><body style="margin:0">${image}</body>`);
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(`${outDir}/${file}`, png);
    console.log(`${outDir}/${file}`, `${size}×${size}`, `${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
