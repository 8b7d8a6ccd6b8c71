import type { Page } from 'playwright';
import { expect, test } from 'vitest';
import { drawOnce, framesSpanning, pause, readTable, setTemperature, stepCount } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);

/** Levels 0 and 1 with g = 1 and 3, 10 000 particles at T = ∞, drawn once. */
async function degenerateListAtInfinity(page: Page): Promise<void> {
  await page.selectOption('#system-select', 'list');
  await page.fill('#energy-list', '0, 1:3');
  await page.click('#list-panel button[type=submit]');
  await page.fill('#particle-input', '10000');
  await page.press('#particle-input', 'Enter');
  await setTemperature(page, 'inf');
  await drawOnce(page);
}

test('a low temperature puts at least 99% of the particles in the ground state', async () => {
  const page = await pages.openApp();
  await setTemperature(page, '0.05');
  await drawOnce(page);
  const rows = await readTable(page);
  expect(rows[0].count / total(rows)).toBeGreaterThanOrEqual(0.99);
});

test('an infinite temperature spreads particles in proportion to degeneracy', async () => {
  const page = await pages.openApp();
  await degenerateListAtInfinity(page);
  const rows = await readTable(page);
  expect(rows.map((row) => row.theory)).toEqual([0.25, 0.75]);
  expect(total(rows)).toBe(10000);
  // ±5σ of a binomial with N = 1e4, p = 0.25 is about ±0.022.
  expect(Math.abs(rows[0].count / 10000 - 0.25)).toBeLessThan(0.022);
});

test('the table writes theory and observation in one format, and a tiny probability not as zero', async () => {
  const page = await pages.openApp();
  await degenerateListAtInfinity(page);
  const cells = () =>
    page.$$eval('#occupancy-table tbody tr', (rows) =>
      rows.map((row) => ({ theory: row.children[3].textContent, observed: row.children[5].textContent })),
    );
  // Both columns are percentages with two decimals: 25.00% next to, say, 24.87%.
  const twoDecimals = /^\d{1,3}\.\d\d%$/;
  for (const row of await cells()) {
    expect(row.theory).toMatch(twoDecimals);
    expect(row.observed).toMatch(twoDecimals);
  }
  expect((await cells()).map((row) => row.theory)).toEqual(['25.00%', '75.00%']);
  // At T = 0.05 the upper level has p = 3e^(−20)/Z ≈ 6.2×10⁻⁹: shown as such, not as 0.00%.
  await setTemperature(page, '0.05');
  await drawOnce(page);
  await expect.poll(async () => (await cells())[1].theory).toBe('6.2×10⁻⁷%');
  expect((await cells())[0].theory).toBe('100.00%');
});

test('a negative temperature inverts the two-level system', async () => {
  const page = await pages.openApp();
  await page.selectOption('#system-select', 'two-level');
  await setTemperature(page, '-0.5');
  await drawOnce(page);
  const rows = await readTable(page);
  expect(rows[1].count).toBeGreaterThan(rows[0].count * 5);
  expect(await page.getAttribute('#temperature-input', 'aria-invalid')).toBeNull();
});

test('"300 K" is read in kelvin; a bad value is refused with a message and the last temperature kept', async () => {
  const page = await pages.openApp();
  await page.selectOption('#system-select', 'rigid-rotor');
  await page.selectOption('#temperature-unit', 'K');
  await setTemperature(page, '300 K');
  await expect.poll(() => page.textContent('#readout-temperature')).toContain('300 K');
  const rows = await readTable(page);
  const mostLikely = rows.reduce((best, row) => (row.theory > best.theory ? row : best));
  expect(mostLikely.level).toBe('J = 7');

  await setTemperature(page, 'warm');
  const input = page.locator('#temperature-input');
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const message = await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent();
  expect(message?.length).toBeGreaterThan(10);
  expect(await page.locator('[role=alert]:visible').count()).toBeGreaterThan(0);
  expect(await page.textContent('#readout-temperature')).toContain('300 K');
});

test('a bad formula shows its error beside the field and keeps the last good spectrum', async () => {
  const page = await pages.openApp();
  await page.selectOption('#system-select', 'formula');
  await page.fill('#formula-energy', 'n^2 +');
  await page.click('#formula-panel button[type=submit]');
  await expect.poll(() => page.getAttribute('#formula-energy', 'aria-invalid')).toBe('true');
  const rows = await readTable(page);
  expect(rows.length).toBe(31);
  expect(rows[2].level).toBe('n = 2');
});

test('changing N and the system updates the table', async () => {
  const page = await pages.openApp();
  await pause(page);
  await page.fill('#particle-input', '500');
  await page.press('#particle-input', 'Enter');
  await expect.poll(async () => total(await readTable(page))).toBe(500);
  await page.selectOption('#system-select', 'hydrogen');
  await expect.poll(async () => (await readTable(page))[0].level).toBe('n = 1');
  expect(total(await readTable(page))).toBe(500);
});

test('above a million particles the counts-only mode says so and the counts still sum to N', async () => {
  const page = await pages.openApp();
  await pause(page);
  await page.fill('#particle-input', '1e12');
  await page.press('#particle-input', 'Enter');
  await expect.poll(() => page.textContent('#stage-mode')).toContain('Counts only');
});

test('the step button advances exactly one step while paused', async () => {
  const page = await pages.openApp();
  await pause(page);
  const before = await stepCount(page);
  const tableBefore = await readTable(page);
  await page.click('#step-button');
  expect(await stepCount(page)).toBe(before + 1);
  // Nothing more follows: the animation loop keeps running (frames spanning two steps at the default
  // pace have passed) and takes no step of its own while paused.
  await framesSpanning(page, 400);
  expect(await stepCount(page)).toBe(before + 1);
  expect(await readTable(page)).not.toEqual(tableBefore);
});

test.each([
  ['desktop', 1280, 800],
  ['phone', 390, 844],
] as const)(
  'the layout at %s width has no horizontal scrolling and no overlap',
  async (name, width, height) => {
    const page = await pages.openApp({ width, height });
    await pause(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const boxes = await page.$$eval(
      '.stage, .controls > fieldset, .results, .plots-panel, .table-panel',
      (elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return {
            left: box.left,
            right: box.right,
            top: box.top + window.scrollY,
            bottom: box.bottom + window.scrollY,
          };
        }),
    );
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i].right).toBeLessThanOrEqual(width);
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap =
          a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlap, `boxes ${i} and ${j} overlap`).toBe(false);
      }
    }
    await page.screenshot({ path: `test-results/physics-${name}.png`, fullPage: true });
  },
);
