import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { setTemperature } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

async function open(address: string, ready = '#temperature-input'): Promise<void> {
  page = await pages.open({ width: 1280, height: 800 });
  await page.goto(`${inject('baseUrl')}${address}`);
  await page.locator(ready).waitFor();
}

const NOTE = {
  en: ['Temperature set to 0.5', 'was 1'],
  ru: ['Температура изменена на 0,5', 'было 1'],
} as const;

for (const language of ['en', 'ru'] as const) {
  test(`${language}: switching system says beside the temperature field that it moved the temperature`, async () => {
    await open(`?lang=${language}#physics`);
    expect(await page.inputValue('#system-select')).toBe('harmonic-oscillator');
    expect(await page.inputValue('#temperature-input')).toBe('1');
    const note = page.locator('#temperature-controls #temperature-note');
    expect(await note.isVisible()).toBe(false);

    await page.selectOption('#system-select', 'two-level');
    expect(await page.inputValue('#temperature-input')).toBe('0.5');
    expect(await note.isVisible()).toBe(true);
    for (const words of NOTE[language]) expect(await note.textContent()).toContain(words);

    // The note is about that change only: a temperature of one's own choosing makes it go.
    await setTemperature(page, '2');
    expect(await note.isVisible()).toBe(false);
  });
}

test('a shared link that sets system and temperature shows no such note', async () => {
  await open('?sys=two-level&T=0.5#physics');
  expect(await page.inputValue('#temperature-input')).toBe('0.5');
  expect(await page.locator('#temperature-note').isVisible()).toBe(false);
});

test('every unit appears once in the temperature unit list, for every system', async () => {
  await open('#physics');
  const systems = await page.$$eval('#system-select option', (options) =>
    options
      .map((option) => (option as HTMLOptionElement).value)
      .filter((v) => v !== 'formula' && v !== 'list'),
  );
  for (const system of systems) {
    await page.selectOption('#system-select', system);
    const units = await page.$$eval('#temperature-unit option', (options) =>
      options.map((option) => option.textContent ?? ''),
    );
    expect(new Set(units).size, `${system}: ${units.join(', ')}`).toBe(units.length);
  }
  // The CO rotor still reads and shows its own unit.
  await page.selectOption('#system-select', 'rigid-rotor');
  await page.selectOption('#temperature-unit', 'cm⁻¹');
  await setTemperature(page, '208.5 cm^-1');
  await expect.poll(() => page.textContent('#readout-temperature')).toContain('208.5 cm⁻¹');
});

/** Z as the readout shows it: a number, never e^−∞, NaN or Infinity. */
async function partition(selector: string): Promise<string> {
  const text = ((await page.textContent(selector)) ?? '').trim();
  expect(text).not.toMatch(/e\^[−-]?∞|NaN|Infinity|undefined/);
  return text;
}

test('Z at T = 0 is its limit g₀·e^(−E₀/T): 0 for the oscillator (E₀ = ½), 1 for the two-level system (E₀ = 0)', async () => {
  await open('#physics');
  await setTemperature(page, '0');
  await expect.poll(() => page.inputValue('#temperature-input')).toBe('0');
  expect(await partition('#readout-partition')).toMatch(/^0\b/);

  await page.selectOption('#system-select', 'two-level');
  await setTemperature(page, '0');
  expect(await partition('#readout-partition')).toBe('1');
});

test('the language screen shows Z at t = 0 as its limit, 0 (every p < 1, so Σ p^(1/t) → 0)', async () => {
  await open('#language', '#lm-temperature-input');
  await expect.poll(() => page.textContent('#training-status'), { timeout: 30_000 }).toContain('Trained on');
  await page.fill('#lm-temperature-input', '0');
  await page.press('#lm-temperature-input', 'Enter');
  await expect.poll(() => partition('#lm-readout-partition')).toMatch(/^0\b/);
}, 120_000);
