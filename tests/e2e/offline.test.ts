import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { readTable } from './app.ts';
import { distinctColours, launchBrowser, type PageProblems, watchForProblems } from './browser.ts';

/**
 * The long test installs the service worker, reloads, trains a model and visits two more screens: more than
 * the default minute on a busy machine.
 */
const LONG_TEST_MS = 120_000;

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

/** Opens the app in a fresh profile and waits until its service worker has precached everything and controls the page. */
async function openInstalled(): Promise<{ page: Page; problems: PageProblems }> {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(inject('baseUrl'));
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  // ready resolves once a worker is active, i.e. after its install step has precached every file.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(inject('baseUrl'));
  // The first install claims the open page (clientsClaim), so no reload is needed for it to take over.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return { page, problems };
}

test(
  'once loaded, the app reloads and runs with the network cut, language screen included',
  async () => {
    const { page, problems } = await openInstalled();
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);

    await page.reload();
    await page.locator('#occupancy-table tbody tr').first().waitFor();
    expect((await readTable(page)).length).toBeGreaterThan(1);
    await page.locator('canvas').first().waitFor();
    await expect.poll(() => distinctColours(page, 'canvas')).toBeGreaterThan(2);

    // Lazily loaded screen chunks, the trainer worker and the corpus text all come from the precache.
    await page.click('#tab-language');
    await expect
      .poll(() => page.textContent('#training-status'), { timeout: 30_000 })
      .toContain('Trained on');
    await page.click('#tab-parallel');
    await expect
      .poll(() => page.textContent('#mapping-entropy'), { timeout: 30_000 })
      .toMatch(/H = [\d.]+ nats/);

    expect(problems.errors).toEqual([]);
  },
  LONG_TEST_MS,
);

test('the page links a web-app manifest that makes it installable', async () => {
  const { page } = await openInstalled();
  const href = await page.getAttribute('link[rel=manifest]', 'href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', page.url()).href;
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
  expect(manifest).toMatchObject({
    name: 'Boltzmann Lab',
    display: 'standalone',
    theme_color: '#10141c',
    background_color: '#10141c',
  });
  expect(manifest.short_name.length).toBeGreaterThan(0);
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(inject('baseUrl'));

  // Chromium's install criteria: PNG icons of at least 192 and 512 pixels that load.
  const icons: { src: string; sizes: string; type: string }[] = manifest.icons;
  for (const size of [192, 512]) {
    const icon = icons.find(
      (candidate) => candidate.sizes === `${size}x${size}` && candidate.type === 'image/png',
    );
    expect(icon, `a ${size}×${size} PNG icon`).toBeDefined();
    const loaded = await page.evaluate(
      async (url) => {
        const bitmap = await createImageBitmap(await (await fetch(url)).blob());
        return [bitmap.width, bitmap.height];
      },
      new URL(icon?.src ?? '', manifestUrl).href,
    );
    expect(loaded).toEqual([size, size]);
  }
});
