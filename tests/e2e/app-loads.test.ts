import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { distinctColours, launchBrowser, watchForProblems } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the production build loads, draws on the pixi canvas and reports no errors', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchForProblems(page);
  await page.goto(inject('baseUrl'));
  await page.locator('canvas').first().waitFor();
  // The canvas exists before its first frame is drawn: wait for the drawing itself.
  await expect.poll(() => distinctColours(page, 'canvas'), { timeout: 15_000 }).toBeGreaterThan(2);
  expect(problems.errors).toEqual([]);
  await page.close();
});
