import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

async function openLanguageScreen(): Promise<void> {
  page = await pages.open({ width: 1280, height: 800 });
  await page.goto(`${inject('baseUrl')}#language`);
  await expect.poll(() => page.textContent('#training-status'), { timeout: 30_000 }).toContain('Trained on');
}

async function trainOnOwnText(text: string): Promise<void> {
  await page.selectOption('#corpus-select', 'own');
  await page.fill('#own-text', text);
  await page.click('#train-button');
  await expect
    .poll(() => page.textContent('#training-status'), { timeout: 30_000 })
    .toContain(`Trained on ${text.length}`);
}

async function columnText(temperature: string): Promise<string> {
  return (
    (await page.textContent(`.generation-column[data-temperature="${temperature}"] .generation-text`)) ?? ''
  );
}

test('a model trained on pasted text generates its argmax path at t = 0 and varied text at t = 1', async () => {
  await openLanguageScreen();
  await trainOnOwnText('abc'.repeat(300));
  await page.fill('#lm-context', 'ab');
  await page.fill('#generation-temperatures', '0, 1');
  await page.press('#generation-temperatures', 'Enter');
  for (let i = 0; i < 12; i++) await page.click('#generation-step');
  const greedy = await columnText('0');
  // The only continuation the text ever shows: c, a, b, c, …
  expect(greedy.endsWith('cabcabcabcab')).toBe(true);

  // Another seed changes nothing at t = 0 (no randomness is used) but the t = 1 column may differ.
  await page.fill('#generation-seed', '77');
  await page.press('#generation-seed', 'Enter');
  for (let i = 0; i < 12; i++) await page.click('#generation-step');
  expect(await columnText('0')).toBe(greedy);
  expect((await columnText('1')).length).toBeGreaterThanOrEqual(12);
});

test('top-k greys out the tokens it removes and the kept count follows', async () => {
  await openLanguageScreen();
  await page.fill('#top-k', '2');
  await page.press('#top-k', 'Enter');
  await expect.poll(() => page.textContent('#lm-readout-kept')).toMatch(/^2 of \d+/);
  const kept = await page.$$eval('#lm-occupancy-table tbody tr', (rows) =>
    rows.map((row) => row.children[2]?.textContent?.trim()),
  );
  expect(kept.slice(0, 2)).toEqual(['1', '1']);
  expect(kept.slice(2, 10).every((cell) => cell === '0')).toBe(true);
  // The pipeline view marks the removed tokens of the top-k stage.
  expect(await page.locator('#pipeline-view').textContent()).toMatch(/top-k/);
});

async function setField(selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

test('negative t: the note says the inversion is the physics extension, and the llama.cpp order is greedy', async () => {
  await openLanguageScreen();
  const note = page.locator('#lm-negative-temperature-note');
  expect(await note.isHidden()).toBe(true);
  await setField('#generation-temperatures', '-1, 1');
  const badges = page.locator('.generation-column .generation-badge:visible');
  await expect.poll(() => badges.count()).toBe(0);
  await setField('#lm-temperature-input', '-1');
  await expect.poll(() => note.textContent()).toMatch(/physics extension: no sampling library allows it/);
  expect(await note.textContent()).toMatch(/inverts the order/);
  // Temperature first: the inversion keeps every token and draws, so there is no greedy token.
  expect(await page.locator('#pipeline-greedy').isVisible()).toBe(false);
  expect(await page.textContent('#lm-readout-kept')).not.toMatch(/^1 of/);

  await page.selectOption('#sampler-order', 'temperature-last');
  await expect.poll(() => note.textContent()).toMatch(/llama\.cpp treats every .* as greedy/);
  await expect.poll(() => page.locator('#pipeline-greedy').isVisible()).toBe(true);
  await expect.poll(() => page.textContent('#lm-readout-kept')).toMatch(/^1 of \d+/);
  // The generation column at t = −1 is greedy now, and says so.
  await expect.poll(() => badges.count()).toBe(1);

  await setField('#lm-temperature-input', '0.5');
  await expect.poll(() => note.isHidden()).toBe(true);
});

test('top-p = 0 keeps one token in both orders; typical-p = 0 only with temperature last, as llama.cpp and HF', async () => {
  await openLanguageScreen();
  await setField('#top-p', '0');
  await expect.poll(() => page.textContent('#lm-readout-kept')).toMatch(/^1 of \d+/);
  expect(await page.getAttribute('#top-p', 'aria-invalid')).toBeNull();
  await setField('#top-p', '1');
  await setField('#typical-p', '0');
  await expect.poll(() => page.getAttribute('#typical-p', 'aria-invalid')).toBe('true');
  expect(await page.locator('#typical-p-error').textContent()).toMatch(/Hugging Face requires/);
  await setField('#typical-p', '1');
  await expect.poll(() => page.getAttribute('#typical-p', 'aria-invalid')).toBeNull();
  await page.selectOption('#sampler-order', 'temperature-last');
  await setField('#typical-p', '0');
  await expect.poll(() => page.textContent('#lm-readout-kept')).toMatch(/^1 of \d+/);
  expect(await page.getAttribute('#typical-p', 'aria-invalid')).toBeNull();
  // Back to temperature first with typical-p = 0: refused beside the order, which stays as it was.
  await page.selectOption('#sampler-order', 'temperature-first');
  await expect.poll(() => page.getAttribute('#sampler-order', 'aria-invalid')).toBe('true');
  expect(await page.locator('#sampler-order-error').textContent()).toMatch(/Hugging Face requires/);
  expect(await page.inputValue('#sampler-order')).toBe('temperature-last');
});

test('a malformed pasted distribution shows an error and keeps the model distribution', async () => {
  await openLanguageScreen();
  await page.fill('#paste-json', '{"the": 0.5, "a":');
  await page.click('#paste-load');
  await expect.poll(() => page.getAttribute('#paste-json', 'aria-invalid')).toBe('true');
  expect(await page.isChecked('#source-model')).toBe(true);

  await page.fill('#paste-json', '{"<img src=x onerror=alert(1)>": 0.6, " the": 0.4}');
  await page.click('#paste-load');
  await expect.poll(() => page.isChecked('#source-pasted')).toBe(true);
  const firstToken = await page.textContent('#lm-occupancy-table tbody tr th');
  expect(firstToken).toBe('<img␣src=x␣onerror=alert(1)>');
  expect(await page.locator('img[src=x]').count()).toBe(0);
});

test('side by side: one temperature drives both ladders, and the dictionary rows demonstrate themselves', async () => {
  page = await pages.open({ width: 1280, height: 800 });
  await page.goto(`${inject('baseUrl')}#parallel`);
  await expect
    .poll(() => page.textContent('#mapping-entropy'), { timeout: 30_000 })
    .toMatch(/H = [\d.]+ nats/);
  await page.click('#mapping-ground button');
  expect(await page.inputValue('#linked-temperature-input')).toBe('0.02');
  await expect
    .poll(() => page.$$eval('#pt-occupancy-table tbody tr', (rows) => rows[0]?.children[3]?.textContent))
    .toBe('100.00%');
  await page.click('#mapping-hot button');
  expect(await page.inputValue('#linked-temperature-input')).toBe('inf');
  // At T = ∞ both entropies are the log of the number of states: S = ln 3 for the three-level system.
  await expect
    .poll(() => page.textContent('#mapping-entropy'))
    .toContain(`S = ${Math.log(3).toPrecision(4)}`);
});
