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
  await page.waitForTimeout(500);
  expect(await distinctColours(page, 'canvas')).toBeGreaterThan(2);
  expect(problems.errors).toEqual([]);
  await page.close();
});
