import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { readTable, visitLanguageAndSideBySide } from './app.ts';
import { distinctColours } from './browser.ts';
import { useBrowserPages } from './pages.ts';

/**
 * The long test installs the service worker, reloads, trains a model and visits two more screens: more than
 * the default minute on a busy machine.
 */
const LONG_TEST_MS = 120_000;

const pages = useBrowserPages();

/** Opens the app in a fresh profile and waits until its service worker has precached everything and controls the page. */
async function openInstalled(): Promise<Page> {
  const page = await pages.openApp();
  // ready resolves once a worker is active, i.e. after its install step has precached every file.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(inject('baseUrl'));
  // The first install claims the open page (clientsClaim), so no reload is needed for it to take over.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page;
}

test(
  'once loaded, the app reloads and runs with the network cut, language screen included',
  async () => {
    const page = await openInstalled();
    await page.context().setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);

    await page.reload();
    await page.locator('#occupancy-table tbody tr').first().waitFor();
    expect((await readTable(page)).length).toBeGreaterThan(1);
    await page.locator('canvas').first().waitFor();
    await expect.poll(() => distinctColours(page, 'canvas')).toBeGreaterThan(2);

    // Lazily loaded screen chunks, the trainer worker and the corpus text all come from the precache.
    await visitLanguageAndSideBySide(page);

    expect(pages.errors()).toEqual([]);
  },
  LONG_TEST_MS,
);

test('the page links a web-app manifest that makes it installable', async () => {
  const page = await openInstalled();
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
