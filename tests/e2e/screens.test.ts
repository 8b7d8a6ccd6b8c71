import type { Page } from 'playwright';
import { expect, test } from 'vitest';
import { pause, readTable, stepCount } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

async function visitSideBySideAndReturn(page: Page): Promise<void> {
  await page.click('#tab-parallel');
  await page.locator('#screen-parallel .mapping-table tbody tr').first().waitFor();
  await page.click('#tab-physics');
  // The hash changes at the click, the screens only at the hashchange event that follows: wait for the
  // navigation to mark its tab current, which it does together with hiding the screen it leaves.
  await expect.poll(() => page.getAttribute('#tab-physics', 'aria-current')).toBe('page');
}

function hostSize(page: Page, id: string): Promise<{ width: number; height: number }> {
  return page.$eval(`#${id}`, (host) => {
    const box = host.getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
}

/** Walks Tab through the whole page and returns the ids of the screens that focus entered. */
async function screensReachedByTab(page: Page): Promise<string[]> {
  const focusable = await page.$$eval(
    'a[href], button, input, select, textarea, [tabindex]',
    (all) => all.length,
  );
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let i = 0; i < focusable + 5; i++) {
    await page.keyboard.press('Tab');
    const screen = await page.evaluate(() => document.activeElement?.closest('main.screen')?.id ?? '');
    if (screen) reached.add(screen);
  }
  return [...reached];
}

test('a screen you left has no box and no focusable element', async () => {
  const page = await pages.openApp();
  await visitSideBySideAndReturn(page);
  expect(await hostSize(page, 'screen-parallel')).toEqual({ width: 0, height: 0 });
  // The page ends with the physics screen: nothing of the side-by-side screen hangs below it.
  const below = await page.$eval(
    '#screen-physics',
    (physics) =>
      document.documentElement.scrollHeight - physics.getBoundingClientRect().bottom - window.scrollY,
  );
  expect(below).toBeLessThan(200);
  expect(await screensReachedByTab(page)).toEqual(['screen-physics']);
});

test('the tour step on negative temperature shows the physics screen after the side-by-side steps', async () => {
  const page = await pages.openApp({ width: 1920, height: 1080 });
  await page.click('#story-open');
  await page.locator('#lesson-overlay').waitFor();
  // Slides 2, 3 and 5 visit the side-by-side screen; slide 7 is the inverted two-level system.
  for (let slide = 1; slide < 7; slide++) {
    await page.click('#lesson-next');
    await page.locator(`#lesson-overlay[data-applied="${slide + 1}"]`).waitFor();
  }
  await expect.poll(() => page.getAttribute('#tab-physics', 'aria-current')).toBe('page');
  expect(await hostSize(page, 'screen-parallel')).toEqual({ width: 0, height: 0 });
  expect(await hostSize(page, 'screen-language')).toEqual({ width: 0, height: 0 });
  // The physics particles are in view, on the stage the lesson plays on (one canvas: not side by side's two).
  await expect.poll(() => page.locator('#stage-canvases .stage-canvas').count()).toBe(1);
  await expect
    .poll(() =>
      page.$eval('#stage-canvases .stage-canvas', (canvas) => {
        const box = canvas.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight && box.height > 100;
      }),
    )
    .toBe(true);
  expect(await page.$eval('#temperature-input', (input) => (input as HTMLInputElement).value)).toMatch(
    /−0[.,]5|-0[.,]5/,
  );
});

test('switching language keeps the particles where they were: the same step and the same counts', async () => {
  const page = await pages.openApp();
  await pause(page);
  const paused = await stepCount(page);
  for (let i = 0; i < 3; i++) await page.click('#step-button');
  await expect.poll(() => stepCount(page)).toBe(paused + 3);
  const before = await readTable(page);
  await page.selectOption('#language-select', 'ru');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  expect(await stepCount(page)).toBe(paused + 3);
  expect((await readTable(page)).map((row) => row.count)).toEqual(before.map((row) => row.count));
});
