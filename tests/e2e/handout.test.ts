/**
 * The printed handout, printed for real: Chromium prints the page to PDF (A4 and Letter), poppler's
 * pdftotext reads the words back and pdftoppm turns the page into pixels.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, expect, inject, test } from 'vitest';
import { loadApp, visitLanguageAndSideBySide } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
const folder = mkdtempSync(join(tmpdir(), 'boltzmann-handout-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const FORMATS = ['A4', 'Letter'] as const;
type Format = (typeof FORMATS)[number];
/** The handout's page margin (handout.css) and the resolution the page is turned into pixels at. */
const MARGIN_MM = 12;
const DPI = 50;

interface PrintedPage {
  text: string;
  pages: number;
  png: Buffer;
}

let printed = 0;
/** Prints the page as Chromium's "Save as PDF" does and reads the PDF back with poppler. */
async function print(page: Page, format: Format): Promise<PrintedPage> {
  printed += 1;
  const pdf = join(folder, `handout-${printed}.pdf`);
  writeFileSync(pdf, await page.pdf({ format }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pagesMatch = /^Pages:\s+(\d+)/m.exec(info);
  const image = join(folder, `handout-${printed}`);
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', pdf, image]);
  return { text, pages: Number(pagesMatch?.[1]), png: readFileSync(`${image}.png`) };
}

/**
 * The first print fetches the QR encoder (a print from the menu cannot wait for it); the handout gets
 * its code when the encoder arrives, and every print after that has it.
 */
async function printOnceForTheCode(page: Page): Promise<void> {
  await page.pdf({ format: 'A4' });
  await page.locator('#handout .handout-qr').waitFor({ state: 'attached' });
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The rows of a table as their cells run together, as pdftotext writes them with the spaces taken out. */
async function tableRows(page: Page, selector: string, limit = Number.POSITIVE_INFINITY): Promise<string[]> {
  const rows = await page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '').join('')),
  );
  return rows.slice(0, limit).map(squeeze);
}

/** Where the handout's pictures sit on the printed page, in pixels of the page at DPI. */
async function pictureRegions(page: Page) {
  await page.emulateMedia({ media: 'print' });
  const regions = await page.$$eval('#handout .handout-picture svg', (pictures) => {
    const handout = document.getElementById('handout')?.getBoundingClientRect();
    return pictures.map((picture) => {
      const box = picture.getBoundingClientRect();
      return {
        x: box.left - (handout?.left ?? 0),
        y: box.top - (handout?.top ?? 0),
        width: box.width,
        height: box.height,
      };
    });
  });
  // Back to no emulation: page.pdf prints with screen styles while 'screen' is emulated.
  await page.emulateMedia({ media: null });
  const toPixels = (cssPixels: number) => (cssPixels * DPI) / 96;
  const margin = (MARGIN_MM / 25.4) * DPI;
  return regions.map((box) => ({
    x: Math.round(margin + toPixels(box.x)),
    y: Math.round(margin + toPixels(box.y)),
    width: Math.round(toPixels(box.width)),
    height: Math.round(toPixels(box.height)),
  }));
}

interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The share of dark pixels in a region of a PNG (the whole image without one), decoded by the browser. */
async function darkShare(decoder: Page, png: Buffer, region?: Region): Promise<number> {
  return decoder.evaluate(
    async ({ base64, region }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('No 2D context to decode the page in.');
      context.drawImage(bitmap, 0, 0);
      const box = region ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
      const { data } = context.getImageData(box.x, box.y, box.width, box.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) dark++;
      return dark / (box.width * box.height);
    },
    { base64: png.toString('base64'), region },
  );
}

/** Checks one printed handout: one page, the tables' rows, the link, a drawn picture on a white page. */
async function checkPrinted(
  page: Page,
  decoder: Page,
  format: Format,
  tables: { selector: string; limit?: number }[],
): Promise<PrintedPage> {
  const result = await print(page, format);
  expect(result.pages).toBe(1);
  const text = squeeze(result.text);
  const url = (await page.textContent('#handout-url')) ?? '';
  expect(url).toBe(await page.evaluate(() => location.href));
  expect(text).toContain(squeeze(url));
  for (const { selector, limit } of tables) {
    const rows = await tableRows(page, selector, limit);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(text).toContain(row);
  }
  // Black on white: the page is mostly paper; each picture's region holds a drawing.
  expect(await darkShare(decoder, result.png)).toBeLessThan(0.12);
  const regions = await pictureRegions(page);
  expect(regions.length).toBe(tables.length);
  for (const region of regions) {
    expect(region.width * region.height).toBeGreaterThan(3000);
    // Lines, dots and bars: a blank region has none, a drawn one at least one pixel in two hundred.
    expect(await darkShare(decoder, result.png, region)).toBeGreaterThan(0.005);
  }
  return result;
}

test('the physics handout prints on one A4 and one Letter page, black on white in projector mode', async () => {
  const page = await pages.open();
  await loadApp(page, `${inject('baseUrl')}?lang=en&play=0&seed=5&step=3#physics`);
  await page.click('#projector-toggle');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.projector)).toBe('on');
  const decoder = await pages.openBeside(page);
  await printOnceForTheCode(page);
  for (const format of FORMATS) {
    const result = await checkPrinted(page, decoder, format, [{ selector: '#handout-occupancy-table' }]);
    // The numbers are the screen's (paused): its table's rows and readouts are on the page as they read there.
    for (const row of await tableRows(page, '#occupancy-table')) expect(squeeze(result.text)).toContain(row);
    for (const id of ['#readout-mean-energy', '#readout-partition', '#readout-entropy']) {
      expect(squeeze(result.text)).toContain(squeeze((await page.textContent(id)) ?? ''));
    }
    expect(result.text).toContain('Harmonic oscillator at T = 1 ħω');
    // The handout is for paper only: on the screen the app shows as before.
    expect(await page.locator('#handout').isVisible()).toBe(false);
    expect(await page.locator('#occupancy-table').isVisible()).toBe(true);
  }
});

test('the Russian physics handout writes numbers with a decimal comma, as the screen does', async () => {
  const page = await pages.open();
  await loadApp(page, `${inject('baseUrl')}?lang=ru&sys=two-level&T=0.5&play=0&step=2#physics`);
  const decoder = await pages.openBeside(page);
  await printOnceForTheCode(page);
  const result = await checkPrinted(page, decoder, 'A4', [{ selector: '#handout-occupancy-table' }]);
  for (const row of await tableRows(page, '#occupancy-table')) expect(squeeze(result.text)).toContain(row);
  expect(result.text).toContain('Двухуровневая система при T = 0,5');
  expect(result.text).toMatch(/\d,\d+%/);
  expect(result.text).not.toMatch(/\d\.\d+%/);
});

test('the language-model handout prints the token table, its readouts and the link', async () => {
  const page = await pages.open();
  await page.goto(`${inject('baseUrl')}?lang=en#language`);
  await expect.poll(() => page.textContent('#training-status'), { timeout: 30_000 }).toContain('Trained on');
  await page.locator('#lm-occupancy-table tbody tr[data-level="1"]').waitFor();
  await page.click('#lm-play-button');
  await expect.poll(() => page.textContent('#lm-play-button')).toBe('Play');
  const decoder = await pages.openBeside(page);
  await printOnceForTheCode(page);
  for (const format of FORMATS) {
    const result = await checkPrinted(page, decoder, format, [{ selector: '#handout-lm-occupancy-table' }]);
    // The handout shows the 13 most likely tokens as the screen's table does (the rest share a row).
    for (const row of await tableRows(page, '#lm-occupancy-table', 13)) {
      expect(squeeze(result.text)).toContain(row);
    }
    for (const id of ['#lm-readout-entropy', '#lm-readout-perplexity', '#lm-readout-greedy']) {
      expect(squeeze(result.text)).toContain(squeeze((await page.textContent(id)) ?? ''));
    }
    expect(result.text).toContain('Context: “The state of our ”');
  }
});

test('the side-by-side handout prints both ladders and both tables on one page', async () => {
  const page = await pages.openApp();
  await visitLanguageAndSideBySide(page);
  await page.locator('#pt-occupancy-table tbody tr[data-level="1"]').waitFor();
  const decoder = await pages.openBeside(page);
  await printOnceForTheCode(page);
  for (const format of FORMATS) {
    const result = await checkPrinted(page, decoder, format, [
      { selector: '#handout-pp-occupancy-table' },
      { selector: '#handout-pt-occupancy-table' },
    ]);
    expect(result.text).toContain('Three-level system and the character model’s next token');
  }
});

test('the header button lays out the handout with its QR code and prints it', async () => {
  const page = await pages.openApp();
  await page.evaluate(() => {
    window.addEventListener('beforeprint', () => {
      document.documentElement.dataset.printed = 'yes';
    });
  });
  await page.click('#handout-print');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printed)).toBe('yes');
  await page.locator('#handout .handout-qr').waitFor({ state: 'attached' });
  expect(await page.textContent('#handout h1')).toBe('Physics');
  expect(await page.locator('#handout-occupancy-table tbody tr').count()).toBe(21);
});

test('Ctrl+P makes the handout of the visible screen, with its QR code, before the browser prints', async () => {
  const page = await pages.open();
  await page.goto(`${inject('baseUrl')}?lang=ru#parallel`);
  await page.locator('#pp-occupancy-table tbody tr').first().waitFor();
  await page.evaluate(() => {
    window.addEventListener('beforeprint', () => {
      document.documentElement.dataset.printed = document.querySelector('#handout .handout-qr')
        ? 'with code'
        : 'without';
    });
  });
  await page.keyboard.press('Control+P');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printed)).toBe('with code');
  expect(await page.textContent('#handout h1')).toBe('Сопоставление');
  expect(await page.getAttribute('#handout', 'data-screen')).toBe('parallel');
});
