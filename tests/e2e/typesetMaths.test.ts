/**
 * Every formula a person reads is typeset: on every screen and the how-it-works page, in English and in
 * Russian, with each system's description shown in turn, no visible text outside a <math> element still
 * holds TeX or plain formula syntax, the formulas are <math> elements, and the typesetter runs within the
 * Content-Security-Policy.
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { PRESETS } from '../../src/core/spectra/index.ts';
import { useBrowserPages } from './pages.ts';

/** Visits every screen, trains a model and shows every system: longer than a minute on a busy machine. */
const LONG_TEST_MS = 240_000;

const pages = useBrowserPages();

interface Leftover {
  text: string;
  where: string;
}

/**
 * Visible text nodes outside <math> (and outside form fields, where people type mathjs syntax such as
 * n^2) that hold formula syntax: TeX (^{, _{, a command, a dollar) or a plain subscript or power (p_i,
 * k_B, n_max, e^). A word such as top_logprobs (an API's field name) is not a subscript: the letter before
 * the underscore must begin the word.
 */
function findLeftovers(page: Page): Promise<Leftover[]> {
  return page.evaluate(() => {
    const FORMULA_SYNTAX = /\^\{|_\{|\\[A-Za-z]{2,}|\$|\b[A-Za-z]_[A-Za-z0-9]|\be\^/;
    const found: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !FORMULA_SYNTAX.test(text)) continue;
      if (parent.closest('math, script, style, input, textarea, select')) continue;
      const box = parent.getBoundingClientRect();
      if (!parent.checkVisibility() || box.width <= 1 || box.height <= 1) continue;
      const host = parent.closest('[id]');
      found.push({ text: text.slice(0, 120), where: host ? `#${host.id}` : parent.tagName });
    }
    return found;
  });
}

/** Waits until every formula on the page is typeset, then checks that none failed and none is left as text. */
async function expectTypeset(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.math-pending').count(), { timeout: 30_000 }).toBe(0);
  expect(await page.locator('.math-error').allTextContents()).toEqual([]);
  expect(await findLeftovers(page)).toEqual([]);
}

async function mathCount(page: Page, selector: string): Promise<number> {
  return page.locator(`${selector} math`).count();
}

async function openWatched(query: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await pages.open();
  await page.addInitScript(() => {
    const reports: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = reports;
    document.addEventListener('securitypolicyviolation', (event) => {
      reports.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
    });
  });
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.locator('#occupancy-table tbody tr').first().waitFor({ timeout: 60_000 });
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, violations };
}

// The Universal Declaration has no dollar, caret, underscore, brace or backslash, so whatever of it the
// language screen shows (tokens, contexts, generated text) cannot pass for a formula; the State of the
// Union addresses, the English default, have prices in dollars.
test.each([
  ['en', '?corpus=en-udhr', /Trained on/],
  ['ru', '?lang=ru&corpus=ru-udhr', /обучена/],
])(
  'in %s every screen shows its formulas typeset, and no formula as plain text',
  async (_language, query, trained) => {
    const { page, violations } = await openWatched(`${query}#physics`);

    // Physics: every system's description, and the readouts, legend and table headers beside it.
    for (const preset of PRESETS) {
      await page.selectOption('#system-select', preset.id);
      await expect.poll(() => mathCount(page, '.system-description')).toBeGreaterThan(0);
      await expectTypeset(page);
    }
    expect(await mathCount(page, '#readouts')).toBeGreaterThan(0);
    expect(await mathCount(page, '#occupancy-table thead')).toBeGreaterThan(0);
    expect(await mathCount(page, '#parameter-fields label, .parameter-fields label')).toBeGreaterThan(0);
    // The Einstein solid's temperature is a formula with the numbers in it.
    await page.selectOption('#system-select', 'harmonic-oscillator');
    await page.selectOption('#dynamics-select', 'einstein');
    await expect.poll(() => mathCount(page, '#einstein-temperature')).toBeGreaterThan(0);
    await expectTypeset(page);

    // Language model: readouts, the comparison of top-p and min-p, the generation columns.
    await page.click('#tab-language');
    await expect.poll(() => page.textContent('#training-status'), { timeout: 60_000 }).toMatch(trained);
    await expect.poll(() => mathCount(page, '#screen-language .readouts')).toBeGreaterThan(0);
    await expectTypeset(page);

    // Side by side: the dictionary, with its live values.
    await page.click('#tab-parallel');
    await page.locator('#mapping-table tbody tr').first().waitFor();
    await expect.poll(() => mathCount(page, '#mapping-table')).toBeGreaterThan(20);
    await expectTypeset(page);

    // How it works: the displayed formulas and those in the sentences.
    await page.click('#tab-how');
    await page.locator('.how-formulas').first().waitFor();
    await expect.poll(() => page.locator('.how-formulas math[display="block"]').count()).toBeGreaterThan(15);
    expect(await mathCount(page, '.how-section p')).toBeGreaterThan(50);
    await expectTypeset(page);

    expect(await violations()).toEqual([]);
  },
  LONG_TEST_MS,
);

test('the typesetter is not part of the first screen: it is fetched, in a chunk of its own, when formulas show', async () => {
  const html = await (await fetch(inject('baseUrl'))).text();
  // The page's static scripts and preloads do not name it.
  expect(html).not.toMatch(/temml|mathTypesetter/i);

  const page = await pages.open();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${inject('baseUrl')}#how`);
  await page.locator('.how-formulas math').first().waitFor({ timeout: 30_000 });
  expect(scripts.filter((path) => /\/mathTypesetter-[\w-]+\.js$/.test(path))).toHaveLength(1);
});
