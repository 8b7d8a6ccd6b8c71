import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

async function openLanguageScreen(lang: 'en' | 'ru'): Promise<void> {
  page = await pages.open({ width: 1280, height: 800 });
  await page.goto(`${inject('baseUrl')}?lang=${lang}#language`);
  await expect.poll(() => page.textContent('#lm-readout-kept'), { timeout: 30_000 }).toMatch(/\d/);
}

async function setField(selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
  await page.dispatchEvent(selector, 'change');
}

/** Tokens the sampler itself can draw, from the readout "6 of 85". */
async function keptBySampler(): Promise<number> {
  return Number(((await page.textContent('#lm-readout-kept')) ?? '').split(/\s/)[0]);
}

async function comparedCounts(): Promise<{ topP: number; minP: number }> {
  const now = page.locator('#compare-now');
  return {
    topP: Number(await now.getAttribute('data-top-p-kept')),
    minP: Number(await now.getAttribute('data-min-p-kept')),
  };
}

test('on a context where the model is sure, top-p keeps more tokens than min-p, as the sampler itself does', async () => {
  await openLanguageScreen('en');
  await page.click('#example-confident');
  await expect.poll(() => page.inputValue('#lm-context')).toBe('I want to thank ');
  await expect.poll(() => page.textContent('#compare-now')).toContain('At t = 1:');
  const { topP, minP } = await comparedCounts();
  expect(topP).toBeGreaterThan(minP);
  // The comparison's numbers are the sampler's: turn each cut on alone and read what it keeps.
  await setField('#top-p', '0.9');
  await expect.poll(keptBySampler).toBe(topP);
  await setField('#top-p', '1');
  await setField('#min-p', '0.1');
  await expect.poll(keptBySampler).toBe(minP);
  // top-p is off now: 0.9 stands in, and the note says so; with both on, the note goes.
  await expect.poll(() => page.textContent('#compare-settings')).toContain('stands in');
  await setField('#top-p', '0.9');
  await expect.poll(() => page.textContent('#compare-settings')).not.toContain('stands in');
  // As t rises, top-p reaches into the tail much faster.
  await setField('#lm-temperature-input', '2');
  await expect.poll(() => page.textContent('#compare-now')).toContain('At t = 2:');
  const hot = await comparedCounts();
  expect(hot.topP).toBeGreaterThan(2 * hot.minP);
});

/** What each engine preset button puts in the sampler fields, in the order the test clicks them. */
const PRESET_FIELDS = {
  'llama-cpp': {
    temperature: '0.8',
    topK: '40',
    topP: '0.95',
    minP: '0.05',
    typicalP: '1',
    order: 'temperature-last',
  },
  'hugging-face': {
    temperature: '1',
    topK: '50',
    topP: '1',
    minP: '0',
    typicalP: '1',
    order: 'temperature-first',
  },
  plain: { temperature: '1', topK: '0', topP: '1', minP: '0', typicalP: '1', order: 'temperature-first' },
};

test('the engine presets set every sampler field with one click', async () => {
  await openLanguageScreen('en');
  const fields = async () => ({
    temperature: await page.inputValue('#lm-temperature-input'),
    topK: await page.inputValue('#top-k'),
    topP: await page.inputValue('#top-p'),
    minP: await page.inputValue('#min-p'),
    typicalP: await page.inputValue('#typical-p'),
    order: await page.inputValue('#sampler-order'),
  });
  for (const [preset, expected] of Object.entries(PRESET_FIELDS)) {
    await page.click(`#preset-${preset}`);
    await expect.poll(fields, { message: preset }).toEqual(expected);
  }
  expect(await page.textContent('#engine-presets')).toContain('top-k 50 (unless set)');
  expect(await page.textContent('#engine-presets')).toContain('min-p 0.05');
});

test('both languages explain why the curves differ; the Russian text has Russian examples', async () => {
  await openLanguageScreen('en');
  const english = (await page.textContent('#compare-explanation')) ?? '';
  expect(english).toContain('its cut scales with that token, top-p’s does not');
  await page.close();

  await openLanguageScreen('ru');
  const russian = (await page.textContent('#compare-explanation')) ?? '';
  expect(russian).toContain('его порог масштабируется вместе с этим токеном, а порог top-p — нет');
  expect(await page.textContent('#engine-presets')).toContain('min-p 0,05');
  await page.selectOption('#corpus-select', 'ru-udhr');
  await expect.poll(() => page.textContent('#example-uncertain'), { timeout: 30_000 }).toContain('«в »');
  await page.click('#example-uncertain');
  await setField('#lm-temperature-input', '2');
  await expect.poll(() => page.textContent('#compare-now')).toContain('При t = 2:');
  // Where the model is unsure, min-p's bar is low: it keeps more than top-p.
  const { topP, minP } = await comparedCounts();
  expect(minP).toBeGreaterThan(topP);
});
