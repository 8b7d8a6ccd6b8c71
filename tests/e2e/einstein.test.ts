import type { Page } from 'playwright';
import { expect, test } from 'vitest';
import { pause, readTable, stepCount } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

async function enter(page: Page, selector: string, text: string): Promise<void> {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

/** The harmonic oscillator (the default system) as an Einstein solid of N oscillators sharing q quanta. */
async function chooseEinstein(page: Page, n: number, quanta: number): Promise<void> {
  await pause(page);
  await page.selectOption('#dynamics-select', 'einstein');
  await enter(page, '#particle-input', String(n));
  await enter(page, '#einstein-quanta', String(quanta));
}

test('N = q = 2000: one oscillator’s quanta settle into Boltzmann at T = 1/ln 2 with nothing imposing it', async () => {
  const page = await pages.openApp();
  await chooseEinstein(page, 2000, 2000);
  await expect.poll(() => page.textContent('#einstein-temperature')).toContain('1.443');
  expect(await page.textContent('#readout-temperature')).toContain('1.443');
  expect(await page.isDisabled('#temperature-input')).toBe(true);
  expect(await page.isDisabled('#temperature-slider')).toBe(true);

  // The even start gives every oscillator one quantum: all of them on n = 1.
  const start = await readTable(page);
  expect(start[1].count).toBe(2000);
  // Ten moves per oscillator per step, ten steps: 100 sweeps, far past the ~20 it takes to relax.
  await page.locator('#metropolis-sweeps').evaluate((slider: HTMLInputElement) => {
    slider.value = '1';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  for (let i = 0; i < 10; i++) await page.click('#step-button');
  await expect.poll(() => stepCount(page)).toBe(10);

  const rows = await readTable(page);
  expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(2000);
  // Boltzmann at 1/T = ln 2 on E_n = n + 1/2 is (1 − e^{−1/T}) e^{−n/T} = 2^{−(n+1)}.
  const boltzmann = [0.5, 0.25, 0.125];
  for (const [n, p] of boltzmann.entries()) {
    expect(rows[n].theory).toBeCloseTo(p, 5);
    // ±0.04 is over 4σ of one snapshot of 2000 oscillators (σ ≈ 0.011 for n = 0).
    expect(Math.abs(rows[n].count / 2000 - p)).toBeLessThan(0.04);
  }
});

test('a bad number of quanta is refused beside the field and the last good one kept', async () => {
  const page = await pages.openApp();
  await chooseEinstein(page, 2000, 6000);
  // 1/ln(1 + 1/3) = 3.476
  await expect.poll(() => page.textContent('#einstein-temperature')).toContain('3.476');

  await enter(page, '#einstein-quanta', 'lots');
  await expect.poll(() => page.getAttribute('#einstein-quanta', 'aria-invalid')).toBe('true');
  expect(await page.locator('#einstein-quanta-error').isVisible()).toBe(true);
  expect(await page.textContent('#einstein-temperature')).toContain('3.476');

  await enter(page, '#einstein-quanta', '2000');
  await expect.poll(() => page.textContent('#einstein-temperature')).toContain('1.443');
  expect(await page.getAttribute('#einstein-quanta', 'aria-invalid')).toBeNull();
});

test('the Einstein solid is refused for a system that is not an oscillator, and ends when the system changes', async () => {
  const page = await pages.openApp();
  await page.selectOption('#system-select', 'two-level');
  await page.selectOption('#dynamics-select', 'einstein');
  await expect.poll(() => page.getAttribute('#dynamics-select', 'aria-invalid')).toBe('true');
  expect(await page.inputValue('#dynamics-select')).toBe('heat-bath');
  expect(await page.locator('#einstein-temperature').isVisible()).toBe(false);

  await page.selectOption('#system-select', 'harmonic-oscillator');
  await page.selectOption('#dynamics-select', 'einstein');
  await expect.poll(() => page.locator('#einstein-temperature').isVisible()).toBe(true);
  await page.selectOption('#system-select', 'two-level');
  await expect.poll(() => page.inputValue('#dynamics-select')).toBe('heat-bath');
  expect(await page.isDisabled('#temperature-input')).toBe(false);
});
