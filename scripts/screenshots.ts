/**
 * Builds nothing: serves ./dist with `vite preview` and saves screenshots at desktop and phone widths.
 * Usage: npm run build && npx tsx scripts/screenshots.ts [outDir]
 */
import { preview } from 'vite';
import { launchBrowser, watchForProblems } from '../tests/e2e/browser.ts';

const outDir = process.argv[2] ?? 'screenshots';
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no address');
const url = `http://127.0.0.1:${address.port}/`;
const browser = await launchBrowser();
try {
  for (const [name, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchForProblems(page);
    await page.goto(url);
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${outDir}/${name}.png` });
    await page.screenshot({ path: `${outDir}/${name}-full.png`, fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(name, 'scrollWidth', scrollWidth, 'problems', problems.errors);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
