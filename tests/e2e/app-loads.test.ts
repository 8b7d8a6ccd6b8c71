import { expect, inject, test } from 'vitest';
import { distinctColours } from './browser.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

test('the production build loads, draws on the pixi canvas and reports no errors', async () => {
  const page = await pages.open();
  await page.goto(inject('baseUrl'));
  await page.locator('canvas').first().waitFor();
  // The canvas exists before its first frame is drawn: wait for the drawing itself.
  await expect.poll(() => distinctColours(page, 'canvas'), { timeout: 15_000 }).toBeGreaterThan(2);
  expect(pages.errors()).toEqual([]);
});
