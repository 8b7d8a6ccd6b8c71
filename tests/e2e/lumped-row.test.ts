import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

const STAGE = '#lm-stage-canvas';

async function openLanguageScreen(lang: 'en' | 'ru'): Promise<void> {
  page = await pages.open({ width: 1280, height: 800 });
  await page.goto(`${inject('baseUrl')}?lang=${lang}#language`);
  // The readout is filled once the model has been trained and its distribution drawn.
  await expect.poll(() => page.textContent('#lm-readout-kept'), { timeout: 30_000 }).toMatch(/\d/);
  await page.locator(`${STAGE}[data-histogram-theory]`).waitFor({ state: 'attached' });
}

async function setTemperature(text: string): Promise<void> {
  await page.fill('#lm-temperature-input', text);
  await page.press('#lm-temperature-input', 'Enter');
}

/** The exact heights of the histogram's bars, as the canvas draws them. */
async function barHeights(): Promise<number[]> {
  const text = await page.getAttribute(STAGE, 'data-histogram-theory');
  return (text ?? '').split(' ').filter(Boolean).map(Number);
}

async function axisTop(): Promise<number> {
  return Number(await page.getAttribute(STAGE, 'data-histogram-top'));
}

/** Waits until the bars drawn are those of the temperature just set (they change with it). */
async function waitForBars(isRight: (heights: number[]) => boolean): Promise<number[]> {
  await expect.poll(async () => isRight(await barHeights()), { timeout: 15_000 }).toBe(true);
  return barHeights();
}

test('at t = ∞ every bar of the histogram is equally high, the lumped row included', async () => {
  await openLanguageScreen('en');
  const kept = Number((await page.textContent('#lm-readout-kept'))?.split(' ')[0].replace(/\D/g, ''));
  await setTemperature('inf');
  const uniform = 1 / kept;
  const heights = await waitForBars((h) => h.length > 1 && Math.abs(h[0] - uniform) < 1e-3 * uniform);
  // The lumped row is the last bar; it is one token's share, like every other bar.
  for (const height of heights) expect(Math.abs(height - uniform)).toBeLessThan(1e-3 * uniform);
  expect(await axisTop()).toBeLessThanOrEqual(1);
});

test('the histogram axis never reads above 100%, even when one bar holds everything', async () => {
  await openLanguageScreen('en');
  for (const t of ['-1', '0.02', '1', 'inf']) {
    await setTemperature(t);
    await expect.poll(() => page.inputValue('#lm-temperature-input')).toBe(t);
    // t = 0.02 puts (almost) all the probability on the first bar, t = −1 on the lumped last one.
    if (t === '0.02') await waitForBars((h) => h[0] > 0.999);
    if (t === '-1') await waitForBars((h) => h[0] < 1e-3);
    const top = await axisTop();
    expect(top, `axis top at t = ${t}`).toBeLessThanOrEqual(1);
    expect(top, `axis top at t = ${t}`).toBeGreaterThanOrEqual(Math.max(...(await barHeights())));
  }
});

for (const [lang, words] of [
  ['en', { tokens: 'less likely tokens', together: 'together', each: 'per token' }],
  ['ru', { tokens: 'менее вероятных токенов', together: 'вместе', each: 'на токен' }],
] as const) {
  test(`${lang}: the note under the canvas gives the lumped row's count and total; its label is whole, at 12 px or more`, async () => {
    await openLanguageScreen(lang);
    await setTemperature('inf');
    const kept = Number((await page.textContent('#lm-readout-kept'))?.split(' ')[0].replace(/\D/g, ''));
    const heights = await waitForBars((h) => h.length > 1 && Math.abs(h[0] - 1 / kept) < 1e-3 / kept);
    const lumped = kept - (heights.length - 1);
    const note = (await page.textContent('#lm-lumped-note')) ?? '';
    // As the readouts write a share: one decimal from 10%, else three significant digits.
    const percent = (p: number) =>
      `${p >= 0.1 ? (p * 100).toFixed(1) : String(Number((p * 100).toPrecision(3)))}%`.replace(
        '.',
        lang === 'ru' ? ',' : '.',
      );
    expect(note).toContain(`${lumped} ${words.tokens}`);
    expect(note).toContain(words.together);
    expect(note).toContain(percent(lumped / kept));
    expect(note).toContain(`${percent(1 / kept)} ${words.each}`);
    const topLabel = (await page.getAttribute(STAGE, 'data-top-row-label')) ?? '';
    expect(topLabel).toContain(`${lumped} ${words.tokens}`);
    expect(topLabel).not.toContain('…');
    expect(Number(await page.getAttribute(STAGE, 'data-smallest-label-px'))).toBeGreaterThanOrEqual(12);
  });
}
