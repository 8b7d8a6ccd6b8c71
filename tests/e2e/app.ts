import type { Page } from 'playwright';
import { expect, inject } from 'vitest';

/** Loads the app at `address` (its plain address unless given) and waits until its occupancy table shows. */
export async function loadApp(page: Page, address = inject('baseUrl')): Promise<void> {
  await page.goto(address);
  await page.locator('#occupancy-table tbody tr').first().waitFor();
}

export interface TableRow {
  level: string;
  theory: number;
  count: number;
}

/**
 * The occupancy table as a user reads it (the canvas draws the same numbers): the physics screen's, or
 * another screen's by its id ('pp-occupancy-table' on the side-by-side screen).
 */
export async function readTable(page: Page, tableId = 'occupancy-table'): Promise<TableRow[]> {
  return page.$$eval(`#${tableId} tbody tr`, (rows) =>
    rows.map((row) => {
      const cells = Array.from(row.children, (cell) => (cell.textContent ?? '').replace(/\s/g, ''));
      const number = (text: string) =>
        Number(
          text
            .replace('×10', 'e')
            .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => '0123456789-'['⁰¹²³⁴⁵⁶⁷⁸⁹⁻'.indexOf(c)])
            .replace('−', '-')
            .replace(/%$/, ''),
        );
      // The theory column is a percentage ("63.21%"); the rows give it as a probability.
      const share = (text: string) => number(text) / 100;
      return { level: row.children[0].textContent ?? '', theory: share(cells[3]), count: number(cells[4]) };
    }),
  );
}

export async function pause(page: Page): Promise<void> {
  const button = page.locator('#play-button');
  if ((await button.textContent()) === 'Pause') await button.click();
}

export async function setTemperature(page: Page, text: string): Promise<void> {
  await page.fill('#temperature-input', text);
  await page.press('#temperature-input', 'Enter');
}

export async function stepCount(page: Page): Promise<number> {
  return Number((await page.textContent('#readout-steps'))?.replace(/\s/g, ''));
}

/** Pauses, switches to instant equilibrium and takes one step, so the table shows a fresh draw at the current settings. */
export async function drawOnce(page: Page): Promise<void> {
  await pause(page);
  await page.selectOption('#dynamics-select', 'equilibrium');
  await page.click('#step-button');
}

/**
 * Waits until the page has drawn animation frames spanning `ms` of its own time, for checks that
 * something does NOT happen while the app's loop runs (a condition cannot be awaited for an absence).
 */
export async function framesSpanning(page: Page, ms: number): Promise<void> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        const frame = (now: number) => (now - start >= ms ? resolve() : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }),
    ms,
  );
}

/** Opens the language screen until its model is trained, then the side-by-side screen until its dictionary shows. */
export async function visitLanguageAndSideBySide(page: Page): Promise<void> {
  await page.click('#tab-language');
  await expect.poll(() => page.textContent('#training-status'), { timeout: 30_000 }).toContain('Trained on');
  await page.click('#tab-parallel');
  await expect
    .poll(() => page.textContent('#mapping-entropy'), { timeout: 30_000 })
    .toMatch(/H = [\d.]+ nats/);
}
