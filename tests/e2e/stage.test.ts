/**
 * Stage mode at the sizes a projector shows: the canvases fill at least 75% of the viewport, every label
 * drawn on them is at least 2.2% of its height, the readouts at least 40/1080 of it, and nothing overlaps
 * or scrolls. The canvas cannot be read, so the scene writes the smallest type size it drew (in CSS px,
 * the ladder's labels and the histogram's axis and scale) on its host as data-smallest-label-px.
 */
import type { Page } from 'playwright';
import { describe, expect, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
const SCREENS = ['physics', 'language', 'parallel'] as const;

async function showScreen(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.click(`#tab-${screen}`);
  await expect.poll(() => page.getAttribute(`#tab-${screen}`, 'aria-current')).toBe('page');
  await page.locator(`#screen-${screen} canvas`).first().waitFor();
}

async function enterStage(page: Page): Promise<void> {
  await page.keyboard.press('g');
  await page.locator('#stage-view').waitFor();
  // The language model trains in the background: its readouts say "no model yet" until then.
  await expect
    .poll(() => page.textContent('#stage-readouts'), { timeout: 60_000 })
    .not.toContain('no model yet');
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface StageMeasures {
  viewport: { width: number; height: number };
  canvasShare: number;
  canvasCount: number;
  smallestLabel: number;
  /** The smallest type of the stage's own text (outside its canvases and outside formulas' scripts), px. */
  smallestText: number;
  readoutSizes: number[];
  readoutTexts: string[];
  /** Elements whose content is taller or wider than their box (beyond a pixel of rounding), and the document. */
  scrolling: string[];
  boxes: { name: string; box: Box }[];
}

function measureStage(page: Page): Promise<StageMeasures> {
  return page.evaluate(() => {
    const box = (element: Element): Box => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    const canvases = Array.from(document.querySelectorAll('#stage-canvases canvas'));
    const area = innerWidth * innerHeight;
    const canvasArea = canvases.reduce((sum, canvas) => {
      const rect = canvas.getBoundingClientRect();
      return sum + rect.width * rect.height;
    }, 0);
    const hosts = Array.from(document.querySelectorAll<HTMLElement>('#stage-canvases .stage-canvas'));
    const readouts = Array.from(document.querySelectorAll('#stage-readouts dd'));
    const scrolling: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth)
      scrolling.push(
        `document ${root.scrollWidth}×${root.scrollHeight} in ${root.clientWidth}×${root.clientHeight}`,
      );
    for (const element of Array.from(document.querySelectorAll('*'))) {
      // Only a box that clips or scrolls its content can scroll (a formula's glyphs may reach a pixel or
      // two past the line box of a label that lets them show).
      const style = getComputedStyle(element);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      // Subpixel heights (type sized in vh) round up by one pixel in scrollHeight: that is not scrolling.
      if (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
        scrolling.push(
          `${element.tagName.toLowerCase()}#${element.id}.${element.className} ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`,
        );
    }
    let smallestText = Number.POSITIVE_INFINITY;
    for (const element of Array.from(document.querySelectorAll('#stage-view *'))) {
      if (element.closest('math') || element.getClientRects().length === 0) continue;
      const ownText = Array.from(element.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (ownText)
        smallestText = Math.min(smallestText, Number.parseFloat(getComputedStyle(element).fontSize));
    }
    const named = (name: string, selector: string) => {
      const element = document.querySelector(selector);
      return element ? [{ name, box: box(element) }] : [];
    };
    return {
      viewport: { width: innerWidth, height: innerHeight },
      canvasShare: canvasArea / area,
      canvasCount: canvases.length,
      smallestLabel: Math.min(...hosts.map((host) => Number(host.dataset.smallestLabelPx))),
      smallestText,
      readoutSizes: readouts.map((readout) => Number.parseFloat(getComputedStyle(readout).fontSize)),
      readoutTexts: readouts.map((readout) => readout.textContent ?? ''),
      scrolling,
      boxes: [
        ...named('readouts', '#stage-readouts'),
        ...named('temperature control', '#stage-control'),
        ...named('leave button', '#stage-leave'),
        ...canvases.map((canvas, i) => ({ name: `canvas ${i}`, box: box(canvas) })),
      ],
    };
  });
}

function overlapping(boxes: { name: string; box: Box }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box;
      const b = boxes[j].box;
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > 0.5 && height > 0.5) found.push(`${boxes[i].name} × ${boxes[j].name}`);
    }
  }
  return found;
}

function outsideViewport(measures: StageMeasures): string[] {
  const { width, height } = measures.viewport;
  return measures.boxes
    .filter(({ box }) => box.left < 0 || box.top < 0 || box.right > width + 0.5 || box.bottom > height + 0.5)
    .map(({ name }) => name);
}

describe('stage mode fills a projector', () => {
  for (const size of SIZES) {
    test(`at ${size.width}×${size.height}, on every screen`, async () => {
      const page = await pages.openApp(size);
      for (const screen of SCREENS) {
        await showScreen(page, screen);
        await enterStage(page);
        const smallestWanted = 0.022 * size.height;
        // The scene lays its labels out again, and the renderer takes its new size, once its host is on the
        // stage: on a loaded machine one can come a frame after the other, so wait for both.
        await expect
          .poll(
            async () => {
              const { smallestLabel, canvasShare } = await measureStage(page);
              return smallestLabel >= smallestWanted && canvasShare >= 0.75;
            },
            { timeout: 20_000 },
          )
          .toBe(true);
        const measures = await measureStage(page);
        const where = `${screen} at ${size.width}×${size.height}`;
        expect(measures.canvasCount, where).toBe(screen === 'parallel' ? 2 : 1);
        expect(measures.smallestLabel, where).toBeGreaterThanOrEqual(smallestWanted);
        expect(measures.canvasShare, where).toBeGreaterThanOrEqual(0.75);
        // The stage's own words (readout names, the slider's ticks, the buttons) read as far as its labels.
        expect(measures.smallestText, where).toBeGreaterThanOrEqual(smallestWanted - 0.01);
        expect(measures.readoutSizes.length, where).toBeGreaterThanOrEqual(3);
        expect(measures.readoutSizes.length, where).toBeLessThanOrEqual(5);
        expect(Math.min(...measures.readoutSizes), where).toBeGreaterThanOrEqual((40 / 1080) * size.height);
        expect(measures.readoutTexts.join(' | '), where).not.toMatch(/NaN|undefined|^$/);
        expect(measures.scrolling, where).toEqual([]);
        expect(overlapping(measures.boxes), where).toEqual([]);
        expect(outsideViewport(measures), where).toEqual([]);
        // Hidden while on stage: the header, the forms and the plots.
        expect(await page.isVisible('.app-header'), where).toBe(false);
        expect(await page.isVisible(`#screen-${screen}`), where).toBe(false);
        await page.keyboard.press('Escape');
        await page.locator('#stage-view').waitFor({ state: 'hidden' });
      }
    });
  }
});

/** The colour of the stage canvas's top right corner, where nothing is drawn: its background. */
function canvasCorner(page: Page): Promise<number[]> {
  return page.$eval('#stage-canvases canvas', (element) => {
    const canvas = element as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(canvas, 0, 0);
    return Array.from(context.getImageData(canvas.width - 3, 3, 1, 1).data.slice(0, 3));
  });
}

function addressTemperature(page: Page, name: string): number {
  const value = new URL(page.url()).searchParams.get(name);
  return value === null ? Number.NaN : Number(value);
}

test('G enters, Page Up warms through the model, B blanks, a language switch keeps the stage, Esc leaves', async () => {
  const page = await pages.openApp({ width: 1280, height: 720 });
  expect(await page.getAttribute('#stage-toggle', 'aria-pressed')).toBe('false');
  const dotOnPage = Number(await page.getAttribute('#stage-canvas', 'data-particle-px'));
  expect(dotOnPage).toBeGreaterThan(0);
  await page.keyboard.press('g');
  await page.locator('#stage-view').waitFor();
  // The particles grow with the stage (the scene writes the diameter it draws them with on its host).
  await expect
    .poll(async () => Number(await page.getAttribute('#stage-canvas', 'data-particle-px')))
    .toBeGreaterThan(dotOnPage);
  expect(await page.getAttribute('html', 'data-stage')).toBe('on');
  expect(await page.getAttribute('#stage-toggle', 'aria-pressed')).toBe('true');

  // Page Up is one stage step warmer: the model's temperature (the address holds it as T) rises.
  const before = addressTemperature(page, 'T');
  expect(before).toBeGreaterThan(0);
  const readoutBefore = await page.textContent('#stage-readout-temperature');
  await page.keyboard.press('PageUp');
  await expect.poll(() => addressTemperature(page, 'T')).toBeGreaterThan(before);
  await expect.poll(() => page.textContent('#stage-readout-temperature')).not.toBe(readoutBefore);
  const warmer = addressTemperature(page, 'T');
  await page.keyboard.press('PageDown');
  await expect.poll(() => addressTemperature(page, 'T')).toBeLessThan(warmer);
  // The arrows do the same (no lesson plays, so → and ← are the temperature too).
  const colder = addressTemperature(page, 'T');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => addressTemperature(page, 'T')).toBeGreaterThan(colder);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => addressTemperature(page, 'T')).toBe(colder);

  // B blanks to black and B brings the picture back; a clicker's Page Down only unblanks.
  await page.keyboard.press('b');
  await page.locator('#stage-blank').waitFor();
  const blankColour = await page.$eval('#stage-blank', (blank) => {
    const box = blank.getBoundingClientRect();
    return { colour: getComputedStyle(blank).backgroundColor, covers: box.width * box.height };
  });
  expect(blankColour).toEqual({ colour: 'rgb(0, 0, 0)', covers: 1280 * 720 });
  await page.keyboard.press('b');
  await page.locator('#stage-blank').waitFor({ state: 'hidden' });
  await page.keyboard.press('.');
  await page.locator('#stage-blank').waitFor();
  const blanked = await page.textContent('#stage-readout-temperature');
  await page.keyboard.press('PageDown');
  await page.locator('#stage-blank').waitFor({ state: 'hidden' });
  expect(await page.textContent('#stage-readout-temperature')).toBe(blanked);

  // Switching the language renders the interface again from the same models: the stage stays up.
  // The language menu is in the hidden header; the test sends it the change a person's choice would.
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('#language-select');
    if (!select) throw new Error('no language menu');
    select.value = 'ru';
    select.dispatchEvent(new Event('change'));
  });
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
  await page.locator('#stage-view canvas').waitFor();
  expect(await page.textContent('#stage-leave')).toBe('Выйти со сцены (Esc)');
  expect(await page.textContent('#stage-readouts')).toContain('Средняя энергия');
  // The projector theme (P) renders again too, and keeps the stage, with the theme's black on the canvas.
  expect(await canvasCorner(page)).toEqual([16, 20, 28]);
  await page.keyboard.press('p');
  await expect.poll(() => page.getAttribute('html', 'data-projector')).toBe('on');
  await page.locator('#stage-view canvas').waitFor();
  await expect.poll(() => canvasCorner(page)).toEqual([0, 0, 0]);

  await page.keyboard.press('Escape');
  await page.locator('#stage-view').waitFor({ state: 'hidden' });
  expect(await page.getAttribute('html', 'data-stage')).toBeNull();
  expect(await page.isVisible('.app-header')).toBe(true);
  // The canvas is back on its page.
  await page.locator('#screen-physics #stage-canvas canvas').waitFor();

  // The header's button enters too, and the stage's own button leaves.
  await page.click('#stage-toggle');
  await page.locator('#stage-view').waitFor();
  await page.click('#stage-leave');
  await page.locator('#stage-view').waitFor({ state: 'hidden' });
});

test('the stage control moves the language temperature t through the sampler, the address following', async () => {
  const page = await pages.openApp({ width: 1280, height: 720 });
  await showScreen(page, 'language');
  await enterStage(page);
  const before = addressTemperature(page, 't');
  const entropyBefore = await page.textContent('#stage-readout-entropy');
  await page.keyboard.press('PageUp');
  await expect.poll(() => addressTemperature(page, 't')).toBeGreaterThan(Number.isNaN(before) ? 1 : before);
  // Warmer is flatter: the entropy in bits rises, read from the same pipeline the page shows.
  await expect.poll(() => page.textContent('#stage-readout-entropy')).not.toBe(entropyBefore);
  expect(await page.textContent('#stage-readout-entropy')).toMatch(/^[\d.]+ bits$/);
  expect(await page.textContent('#stage-readout-top-token')).toMatch(/\(p = 0\.\d+\)$/);
});
