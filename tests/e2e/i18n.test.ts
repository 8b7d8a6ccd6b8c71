/**
 * Switching to Russian leaves no English on screen: the visible text of each screen (and the accessible
 * names of what is visible) has no English word in it, beyond what Russian physics and ML text writes in
 * Latin letters (unit symbols, product and format names, the sampler settings). The choice is remembered,
 * and switching back to English works.
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { loadApp } from './app.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();

/** Words of three or more Latin letters that Russian text on these screens legitimately contains. */
const LATIN_ALLOWED = new Set([
  // The app's name, file formats, products.
  'Boltzmann',
  'Lab',
  'CSV',
  'PNG',
  'PDF',
  'JSON',
  'WebGL',
  'OpenAI',
  'Hugging',
  'Face',
  'vLLM',
  'llama',
  'cpp',
  // Sampler settings keep their names (top-k, top-p, min-p, typical-p), as do math and unit symbols.
  'top',
  'min',
  'typical',
  'max',
  'argmax',
  // Function names: Hugging Face's generate.
  'generate',
  'exp',
  'meV',
  'THz',
  'mol',
  // A real model: its file format, the runtime, a model's name, and the example Hugging Face address.
  'GGUF',
  'gguf',
  'WebAssembly',
  'TinyStories',
  'resolve',
  'https',
  'huggingface',
  'main',
  // What a person types or presses: "inf" for infinity, the Tab key, Ctrl+P.
  'inf',
  'Tab',
  'Ctrl',
]);

/**
 * Switches language, and returns the language the address named at the moment the page showed the new
 * one (a link's `lang` wins over the remembered choice, so a reload from then on must keep it).
 */
async function switchLanguage(page: Page, locale: 'en' | 'ru'): Promise<string | null> {
  await page.evaluate((locale) => {
    const record = window as unknown as { languageInAddressWhenShown?: string | null };
    delete record.languageInAddressWhenShown;
    const observer = new MutationObserver(() => {
      if (document.documentElement.lang !== locale) return;
      observer.disconnect();
      record.languageInAddressWhenShown = new URLSearchParams(location.search).get('lang');
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }, locale);
  await page.selectOption('#language-select', locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  return page.evaluate(
    () =>
      (window as unknown as { languageInAddressWhenShown?: string | null }).languageInAddressWhenShown ??
      null,
  );
}

function languageInAddress(page: Page): Promise<string | null> {
  return page.evaluate(() => new URLSearchParams(location.search).get('lang'));
}

/**
 * What a person sees: text nodes whose element is visible (for a select, only its chosen option; not the
 * contents of text areas, which are the person's own text), and the aria-label, title and placeholder of
 * visible elements (what a screen reader or a tooltip says).
 */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.nodeValue ?? '').trim();
      if (parent === null || text === '') continue;
      if (parent.closest('script, style, template, textarea')) continue;
      const select = parent.closest('select');
      if (select !== null) {
        const option = parent.closest('option');
        if (option === null || !option.selected || !select.checkVisibility()) continue;
      } else if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
        continue;
      }
      texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Each English word found, with the text it was found in. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const text of await visibleTexts(page)) {
    for (const word of text.match(/\b[A-Za-z]{3,}\b/g) ?? []) {
      if (!LATIN_ALLOWED.has(word)) found.push(`${word} in “${text.slice(0, 120)}”`);
    }
  }
  return found;
}

async function russianOnScreen(page: Page): Promise<string[]> {
  return (await visibleTexts(page)).filter((text) => /[а-яё]/i.test(text));
}

test('in Russian, the physics, language-model and side-by-side screens show no English', async () => {
  const page = await pages.open();
  await loadApp(page, `${inject('baseUrl')}#physics`);
  await switchLanguage(page, 'ru');
  await page.locator('#occupancy-table tbody tr').first().waitFor();

  // Physics.
  await expect.poll(() => page.textContent('#tab-physics')).toBe('Физика');
  await expect.poll(() => page.textContent('#readout-entropy')).toMatch(/\d,\d/);
  expect(await englishOnScreen(page)).toEqual([]);

  // Language model, trained on the Russian corpus so that its tokens (and the context) are Cyrillic.
  await page.click('#tab-language');
  await page.locator('#corpus-select').waitFor();
  await page.selectOption('#corpus-select', 'ru-udhr');
  await expect
    .poll(() => page.textContent('#training-status'), { timeout: 30_000 })
    .toMatch(/^Модель обучена: 11\s8\d\d символов/);
  await page.fill('#lm-context', 'Все люди рождаются свободными и равными ');
  await expect.poll(() => page.textContent('#lm-readout-entropy')).toMatch(/\d,\d+ нат = \d/);
  await expect.poll(() => page.locator('.generation-column').count()).toBeGreaterThan(0);
  expect(await englishOnScreen(page)).toEqual([]);

  // Side by side, once the dictionary shows values on both sides.
  await page.click('#tab-parallel');
  await expect
    .poll(() => page.textContent('#mapping-entropy'), { timeout: 30_000 })
    .toMatch(/H = [\d,]+ нат/);
  expect(await englishOnScreen(page)).toEqual([]);
}, 180_000);

test('an error from the engine is shown in Russian beside its field', async () => {
  const page = await pages.open();
  await loadApp(page, `${inject('baseUrl')}#physics`);
  await switchLanguage(page, 'ru');
  await page.fill('#temperature-input', 'тепло');
  await page.press('#temperature-input', 'Enter');
  await expect.poll(() => page.getAttribute('#temperature-input', 'aria-invalid')).toBe('true');
  const describedBy = (await page.getAttribute('#temperature-input', 'aria-describedby')) ?? '';
  const message = await page.textContent(`#${describedBy.split(' ').at(-1)}`);
  expect(message).toMatch(/^«тепло» — не число и не величина с единицей измерения; введите температуру/);
  expect(await englishOnScreen(page)).toEqual([]);
}, 120_000);

test('the language choice is remembered, and switching back to English works', async () => {
  const page = await pages.open();
  await loadApp(page, `${inject('baseUrl')}#physics`);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect.poll(() => languageInAddress(page)).toBe('en');
  // The switch is in the address by the time the page shows it, while the particles keep playing and
  // nothing else changes.
  expect(await switchLanguage(page, 'ru')).toBe('ru');

  // Reloading keeps Russian. First the service worker finishes its precache (the icons among it), so
  // that the reload cuts off none of its requests.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForLoadState('networkidle');
  await page.reload();
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  expect(await languageInAddress(page)).toBe('ru');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
  expect(await page.inputValue('#language-select')).toBe('ru');
  expect(await page.textContent('#tab-physics')).toBe('Физика');

  // So does opening the app afresh (no link settings in the address): the choice is stored.
  const again = await pages.openBeside(page);
  await loadApp(again);
  expect(await again.evaluate(() => document.documentElement.lang)).toBe('ru');
  expect(await again.textContent('#tab-physics')).toBe('Физика');

  // And back to English: no Russian left on the screen, and the address says so too.
  expect(await switchLanguage(page, 'en')).toBe('en');
  await page.locator('#occupancy-table tbody tr').first().waitFor();
  expect(await page.textContent('#tab-physics')).toBe('Physics');
  await expect.poll(() => page.textContent('#readout-entropy')).toMatch(/\d\.\d/);
  expect(await russianOnScreen(page)).toEqual([]);
}, 120_000);
