import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { pause, setTemperature } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

/** What each language calls the test and its two verdicts, as a reader sees them. */
const WORDS = {
  en: {
    // χ² is typeset: the MathML's text is χ then 2 (the superscript).
    name: /χ2 test/,
    value: 'p-value',
    consistent: 'consistent with theory',
    inconsistent: 'not in equilibrium',
  },
  ru: {
    name: /критерий χ2/i,
    value: 'p-значение',
    consistent: 'согласуется с теорией',
    inconsistent: 'не в равновесии',
  },
} as const;

/** A number as the page writes it ("0,01", "2.5×10⁻⁷", "−3") read back. */
function readNumber(text: string): number {
  return Number(
    text
      .replace(',', '.')
      .replace('×10', 'e')
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => '0123456789-'['⁰¹²³⁴⁵⁶⁷⁸⁹⁻'.indexOf(c)])
      .replace('−', '-'),
  );
}

const NUMBER = '([−\\d.,×⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)';

/** The fit readout as shown: its p-value, its verdict and the threshold it states, all read from the text. */
async function readVerdict(language: 'en' | 'ru') {
  const words = WORDS[language];
  const text = (await page.textContent('#readout-fit')) ?? '';
  const value = new RegExp(`${words.value} ${NUMBER}`).exec(text);
  const threshold = new RegExp(`\\(${words.value} [>≤] ${NUMBER}\\)`).exec(text);
  expect(value, text).not.toBeNull();
  expect(threshold, text).not.toBeNull();
  const consistent = text.includes(words.consistent);
  const inconsistent = text.includes(words.inconsistent);
  expect(consistent !== inconsistent, text).toBe(true);
  return {
    text,
    pValue: readNumber(value?.[1] ?? ''),
    threshold: readNumber(threshold?.[1] ?? ''),
    consistent,
  };
}

for (const language of ['en', 'ru'] as const) {
  test(`${language}: the fit verdict agrees with its p-value and with the one threshold the page states`, async () => {
    page = await pages.open({ width: 1280, height: 800 });
    await page.goto(`${inject('baseUrl')}?lang=${language}&sys=harmonic-oscillator&dyn=heat-bath#physics`);
    await page.locator('#occupancy-table tbody tr').first().waitFor();
    await pause(page);
    const steps = () => page.textContent('#readout-steps');

    // In equilibrium at T = 1 (many steps at 5% a step), then straight after a jump to T = 3: one step of
    // the heat bath has re-drawn only a few particles, far from the new distribution.
    await page.selectOption('#dynamics-select', 'equilibrium');
    await page.click('#step-button');
    await page.selectOption('#dynamics-select', 'heat-bath');
    await setTemperature(page, '3');
    const before = await steps();
    await page.click('#step-button');
    await expect.poll(steps).not.toBe(before);
    const jumped = await readVerdict(language);
    expect(jumped.pValue).toBeLessThan(jumped.threshold);
    expect(jumped.consistent).toBe(false);

    // A fresh draw from the exact distribution: ordinary fluctuations.
    await page.selectOption('#dynamics-select', 'equilibrium');
    const again = await steps();
    await page.click('#step-button');
    await expect.poll(steps).not.toBe(again);
    const fresh = await readVerdict(language);
    expect(fresh.consistent).toBe(fresh.pValue > fresh.threshold);
    expect(fresh.threshold).toBe(jumped.threshold);

    // The name is not the Boltzmann p of the legend, and the rule is explained in visible text, not a tooltip.
    const readout = page.locator('.readout:has(#readout-fit)');
    expect(await readout.locator('dt').textContent()).toMatch(WORDS[language].name);
    expect(await readout.locator('dt math msup').count()).toBe(1);
    const explanation = page.locator('#fit-explanation');
    expect(await explanation.isVisible()).toBe(true);
    expect(await explanation.textContent()).toContain(
      language === 'ru' ? String(jumped.threshold).replace('.', ',') : String(jumped.threshold),
    );
  });
}
