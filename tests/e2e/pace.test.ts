/**
 * The pace of a lecture at the default settings, measured in steps (the steps per second are a
 * setting, and a slow test machine must not change the verdict): a temperature change settles within
 * about 5 s of simulated time, and the Einstein solid's "all on one" start, which truly needs longer,
 * reaches equilibrium by fast-forward within about 5 s.
 */
import type { Page } from 'playwright';
import { expect, test } from 'vitest';
import { FIT_P_VALUE_THRESHOLD, fitIsConsistent } from '../../src/core/statistics.ts';
import { pause, readTable, setTemperature, stepCount } from './app.ts';
import { useBrowserPages } from './pages.ts';

const LECTURE_SECONDS = 5;

const pages = useBrowserPages();

async function pValue(page: Page): Promise<number> {
  return Number(await page.getAttribute('#readout-fit', 'data-p-value'));
}

async function stepsPerSecond(page: Page): Promise<number> {
  return Number(await page.inputValue('#speed-slider'));
}

/** KL(observed ‖ theory) from the occupancy table, as a student could compute it from the numbers shown. */
async function divergenceFromTable(page: Page): Promise<number> {
  const rows = await readTable(page);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return rows.reduce((sum, row) => {
    const observed = row.count / total;
    return observed > 0 ? sum + observed * Math.log(observed / row.theory) : sum;
  }, 0);
}

test.each(['0.5', '2'])(
  'at the defaults, T = 1 → %s agrees with theory within 5 s of steps',
  async (next) => {
    const page = await pages.openApp();
    await pause(page);
    await setTemperature(page, next);
    await expect.poll(() => page.textContent('#readout-temperature')).toContain(next);
    const start = await stepCount(page);
    let steps = 0;
    while (!fitIsConsistent(await pValue(page)) && steps < 400) {
      await page.click('#step-button');
      steps++;
      await expect.poll(() => stepCount(page)).toBe(start + steps);
    }
    const seconds = steps / (await stepsPerSecond(page));
    console.log(
      `T = 1 → ${next}: ${steps} steps to p-value > ${FIT_P_VALUE_THRESHOLD}, ${seconds.toFixed(1)} s at the default speed`,
    );
    expect(seconds).toBeLessThanOrEqual(LECTURE_SECONDS);
    // The relaxation is seen: the first second of steps does not agree yet.
    expect(seconds).toBeGreaterThanOrEqual(1);
  },
);

test('fast-forward takes the Einstein solid from "all on one" to equilibrium within 5 s of its steps', async () => {
  const page = await pages.openApp();
  await pause(page);
  await page.selectOption('#dynamics-select', 'einstein');
  await page.selectOption('#einstein-start', 'concentrated');
  await expect.poll(() => stepCount(page)).toBe(0);
  expect(await divergenceFromTable(page)).toBeGreaterThan(0.3);
  await page.click('#fast-forward-button');
  expect(await page.getAttribute('#fast-forward-button', 'aria-pressed')).toBe('true');
  await expect.poll(() => page.isVisible('#fast-forward-note')).toBe(true);
  expect(await page.textContent('#play-button')).toBe('Pause');
  // It stops by itself once the particles agree with theory.
  await expect
    .poll(() => page.getAttribute('#fast-forward-button', 'aria-pressed'), { timeout: 120_000 })
    .toBe('false');
  await pause(page);
  const steps = await stepCount(page);
  const seconds = steps / ((await stepsPerSecond(page)) * 100);
  console.log(`Einstein solid, all on one: ${steps} steps fast-forwarded = ${seconds.toFixed(1)} s at ×100`);
  expect(seconds).toBeLessThanOrEqual(LECTURE_SECONDS);
  expect(await divergenceFromTable(page)).toBeLessThan(0.05);
  expect(await page.isVisible('#fast-forward-note')).toBe(false);
});
