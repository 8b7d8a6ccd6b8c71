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

test('the keyboard alone runs the guided tour to its end', async () => {
  const page = await pages.openApp();
  await page.locator('body').press('t');
  await page.locator('#lesson-overlay[data-applied="1"]').waitFor();
  const total = Number(await page.getAttribute('#lesson-overlay', 'data-total'));
  expect(total).toBe(8);
  expect(await page.textContent('#lesson-position')).toBe(`1 / ${total}`);
  const seen = new Set<string>();
  for (let slide = 1; slide < total; slide++) {
    seen.add((await page.textContent('#lesson-caption')) ?? '');
    // The tour starts with the focus on Next: Enter presses it, as a keyboard user would.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson-next');
    await page.keyboard.press('Enter');
    await page.locator(`#lesson-overlay[data-applied="${slide + 1}"]`).waitFor();
    expect(await page.textContent('#lesson-position')).toBe(`${slide + 1} / ${total}`);
  }
  seen.add((await page.textContent('#lesson-caption')) ?? '');
  expect(seen.size).toBe(total);
  // The tour moved the app: the last slide is negative t on the language screen.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#language');
  await expect.poll(() => page.inputValue('#lm-temperature-input')).toMatch(/^[−-]1$/);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('#lesson-overlay').count()).toBe(0);
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
