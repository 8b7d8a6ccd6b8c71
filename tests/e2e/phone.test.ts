/**
 * A phone (390×844): the particles and a temperature control fit on one screen, and no table widens
 * the page (wide tables scroll inside their own box, with a shadow on the side that hides columns).
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const PHONE = { width: 390, height: 844 };

const pages = useBrowserPages();
let page: Page;

async function openOnPhone(lang: string, screen: string, ready: string): Promise<void> {
  page = await pages.open(PHONE);
  await page.goto(`${inject('baseUrl')}?lang=${lang}#${screen}`);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
}

/** Top and bottom in page coordinates (independent of the scroll position). */
function pageBox(selector: string): Promise<{ top: number; bottom: number }> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
  });
}

const SCREENS = [
  {
    screen: 'physics',
    canvas: '#stage-canvas',
    slider: '#temperature-slider',
    ready: '#occupancy-table tbody tr',
  },
  {
    screen: 'language',
    canvas: '#lm-stage-canvas',
    slider: '#lm-temperature-slider',
    ready: '#lm-occupancy-table tbody tr',
  },
];

for (const lang of ['en', 'ru']) {
  for (const { screen, canvas, slider, ready } of SCREENS) {
    test(`${lang}, ${screen}: the particles and the temperature slider are on screen together`, async () => {
      await openOnPhone(lang, screen, ready);
      const particles = await pageBox(canvas);
      const temperature = await pageBox(slider);
      console.log(
        `${lang} ${screen}: canvas ${Math.round(particles.top)}–${Math.round(particles.bottom)} px, ` +
          `slider ${Math.round(temperature.top)}–${Math.round(temperature.bottom)} px`,
      );
      // Some scroll position shows part of both: the gap between them is less than a screen.
      const gap = Math.max(temperature.top - particles.bottom, particles.top - temperature.bottom);
      expect(gap).toBeLessThan(PHONE.height);
      // And it is really there: scrolled to the slider, the canvas is in view too.
      await page.locator(slider).scrollIntoViewIfNeeded();
      const inView = await page.$eval(canvas, (element) => {
        const box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      expect(inView).toBe(true);
    });

    test(`${lang}, ${screen}: no table widens the page; wide ones scroll in their box, visibly`, async () => {
      await openOnPhone(lang, screen, ready);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      const tables = await page.$$eval(`#screen-${screen} table`, (all) =>
        all
          .filter((table) => table.getBoundingClientRect().width > 2)
          .map((table) => {
            const box = table.parentElement as HTMLElement;
            const style = getComputedStyle(box);
            return {
              wider: table.scrollWidth > box.clientWidth,
              overflowX: style.overflowX,
              cue: style.backgroundImage.includes('gradient') && style.backgroundAttachment.includes('local'),
            };
          }),
      );
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        if (!table.wider) continue;
        expect(table.overflowX).toMatch(/auto|scroll/);
        expect(table.cue).toBe(true);
      }
    });
  }
}
