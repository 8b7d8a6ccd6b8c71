import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import { loadApp, pause, readTable, setTemperature, stepCount } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

test('a copied link reopens the same view with the same random draws', async () => {
  const page = await pages.openApp();
  await pause(page);
  await page.selectOption('#system-select', 'rigid-rotor');
  await page.selectOption('#temperature-unit', 'K');
  await setTemperature(page, '500 K');
  await page.fill('#particle-input', '777');
  await page.press('#particle-input', 'Enter');
  await page.selectOption('#dynamics-select', 'metropolis');
  await page.fill('#seed-input', '42');
  await page.press('#seed-input', 'Enter');
  for (let i = 0; i < 3; i++) await page.click('#step-button');
  const table = await readTable(page);
  await page.click('#copy-link');
  await expect.poll(() => page.evaluate(() => location.search)).toContain('seed=42');
  const url = await page.evaluate(() => location.href);

  const second = await pages.open();
  await loadApp(second, url);
  expect(await second.inputValue('#system-select')).toBe('rigid-rotor');
  expect(await second.inputValue('#particle-input')).toBe('777');
  expect(await second.inputValue('#dynamics-select')).toBe('metropolis');
  expect(await second.textContent('#readout-temperature')).toContain('500 K');
  expect(await stepCount(second)).toBe(3);
  expect(await readTable(second)).toEqual(table);
  expect(pages.errors()).toEqual([]);
});

test('every change reaches the address at once, while the particles play', async () => {
  const page = await pages.openApp();
  const inAddress = (key: string) =>
    page.evaluate((key) => new URLSearchParams(location.search).get(key), key);
  await expect.poll(() => inAddress('play')).toBe('1');
  // Each change is read back right after the action that made it: the address is written in the same
  // task, so no time has to pass (the particles, playing, must not hold it back).
  await page.check('#time-average');
  expect(await inAddress('avg')).toBe('1');
  await page.focus('#speed-slider');
  await page.keyboard.press('End');
  expect(await inAddress('sps')).toBe('60');
  await page.selectOption('#system-select', 'two-level');
  expect(await inAddress('sys')).toBe('two-level');
  await page.fill('#seed-input', '7');
  await page.press('#seed-input', 'Enter');
  expect(await inAddress('seed')).toBe('7');
  await page.click('#play-button');
  expect(await inAddress('play')).toBe('0');
  await page.click('#step-button');
  await page.click('#step-button');
  expect(await inAddress('step')).toBe(String(await stepCount(page)));
});

test('invalid or hostile link values fall back to defaults with a visible notice', async () => {
  const page = await pages.open();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
  await loadApp(
    page,
    `${inject('baseUrl')}?T=warm&N=-5&sys=${hostile}&seed=1e99&fl=${hostile}&p.nMax=${hostile}#physics`,
  );
  const notice = await page.textContent('#notices');
  expect(notice).toMatch(/T/);
  expect(notice).toMatch(/N/);
  expect(notice).toMatch(/sys/);
  expect(await page.inputValue('#system-select')).toBe('harmonic-oscillator');
  expect(await page.locator('img[src=x]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('projector mode and the colour-blind palette change the theme, and are remembered', async () => {
  const page = await pages.openApp();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const before = await background();
  await page.click('#projector-toggle');
  await expect.poll(() => page.getAttribute('html', 'data-projector')).toBe('on');
  expect(await background()).toBe('rgb(0, 0, 0)');
  expect(await background()).not.toBe(before);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  await page.click('#palette-toggle');
  expect(await page.getAttribute('html', 'data-palette')).toBe('colour-blind');
  await page.reload();
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  expect(await page.getAttribute('html', 'data-projector')).toBe('on');
  await page.click('#projector-toggle');
  await page.click('#palette-toggle');
  expect(await page.getAttribute('html', 'data-projector')).toBe('off');
});

test('the keyboard alone runs the guided story to its end', async () => {
  const page = await pages.openApp();
  await page.locator('body').press('t');
  await page.locator('#story-panel').waitFor();
  const total = Number((await page.textContent('#story-step'))?.match(/(\d+)\D*$/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(6);
  const seen = new Set<string>();
  for (let step = 1; step < total; step++) {
    seen.add((await page.textContent('#story-title')) ?? '');
    // Tab from the focused heading to "Next" and press it, as a keyboard user would.
    await page.keyboard.press('Tab');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'story-next' && guard++ < 6) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#story-step')).toMatch(new RegExp(`\\b${step + 1}\\b`));
  }
  seen.add((await page.textContent('#story-title')) ?? '');
  expect(seen.size).toBe(total);
  // The story moved the app: the last steps are about negative temperature.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/#(physics|language|parallel)/);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('#story-panel').isVisible()).toBe(false);
});

test('shortcuts: space pauses and plays, s steps once, ? lists the keys', async () => {
  const page = await pages.openApp();
  await pause(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const before = await stepCount(page);
  await page.keyboard.press('s');
  expect(await stepCount(page)).toBe(before + 1);
  await page.keyboard.press(' ');
  expect(await page.textContent('#play-button')).toBe('Pause');
  await page.keyboard.press(' ');
  expect(await page.textContent('#play-button')).toBe('Play');
  await page.keyboard.press('?');
  expect(await page.locator('#help-dialog').isVisible()).toBe(true);
  await page.keyboard.press('Escape');
});

test('the CSV download matches the occupancy table', async () => {
  const page = await pages.openApp();
  await pause(page);
  await page.click('#step-button');
  const table = await readTable(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const path = await download.path();
  const rows = readFileSync(path, 'utf8')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
  expect(rows.length).toBe(21);
  table.forEach((row, i) => {
    expect(rows[i][0]).toBe(row.level);
    expect(Number(rows[i][4])).toBe(row.count);
    expect(Number(rows[i][3])).toBeCloseTo(row.theory, 4);
  });

  const [picture] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  expect(picture.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await picture.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});
