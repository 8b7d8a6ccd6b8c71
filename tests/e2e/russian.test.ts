/**
 * What a Russian keyboard and a Russian lecture need: units typed in Cyrillic, a temperature list with
 * decimal commas read unambiguously (and shown as read), the language screen opening on a Russian text,
 * one name for the tour, and no text smaller than 12 px.
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

async function open(query: string, _viewport = { width: 1280, height: 800 }): Promise<void> {
  page = await pages.open();
  await page.goto(`${inject('baseUrl')}${query}`);
  const ready = query.endsWith('#language') ? '#lm-occupancy-table tbody tr' : '#occupancy-table tbody tr';
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
}

async function enter(selector: string, text: string): Promise<void> {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
}

test('temperatures typed with Russian unit names are accepted', async () => {
  await open('?lang=ru#physics');
  await page.selectOption('#system-select', 'rigid-rotor');
  await page.selectOption('#temperature-unit', 'K');
  const cases: [string, RegExp][] = [
    ['300 К', /^300\s*K/],
    ['25 мэВ', /^290[,.]1/],
    ['1200 см⁻¹', /^1727\s*K/],
    ['1200 см^-1', /^1727\s*K/],
    ['1200 см-1', /^1727\s*K/],
    ['2 ТГц', /^95[,.]98/],
    ['25 °С', /^298[,.][12]\s*K/],
  ];
  for (const [typed, readout] of cases) {
    await enter('#temperature-input', typed);
    expect(await page.getAttribute('#temperature-input', 'aria-invalid'), typed).not.toBe('true');
    await expect.poll(() => page.textContent('#readout-temperature'), { message: typed }).toMatch(readout);
  }
  await enter('#temperature-input', '300 фыв');
  expect(await page.getAttribute('#temperature-input', 'aria-invalid')).toBe('true');
  const message = (await page.locator('#temperature-controls [role="alert"]').allTextContents()).join(' ');
  expect(message).toContain('Неизвестная единица «фыв»');
  expect(message).toContain('К, °С, мэВ, эВ, см⁻¹');
});

test('a refused formula is written in Russian beside the field it is about', async () => {
  await open('?lang=ru#physics');
  await page.selectOption('#system-select', 'formula');
  await page.locator('#formula-degeneracy').waitFor();
  const submit = () => page.click('#formula-panel button[type=submit]');
  const errorOf = async (selector: string) => {
    const describedBy = (await page.getAttribute(selector, 'aria-describedby')) ?? '';
    return page.textContent(`#${describedBy.split(' ').at(-1)}`);
  };

  await page.fill('#formula-degeneracy', 'foo(n)');
  await submit();
  await expect.poll(() => page.getAttribute('#formula-degeneracy', 'aria-invalid')).toBe('true');
  expect(await page.getAttribute('#formula-energy', 'aria-invalid')).toBeNull();
  expect(await errorOf('#formula-degeneracy')).toMatch(
    /^Формула кратности вырождения: неизвестная функция «foo»/,
  );

  await page.fill('#formula-degeneracy', '1');
  await page.fill('#formula-from', '10');
  await page.fill('#formula-to', '5');
  await submit();
  await expect.poll(() => page.getAttribute('#formula-to', 'aria-invalid')).toBe('true');
  expect(await page.getAttribute('#formula-energy', 'aria-invalid')).toBeNull();
  expect(await errorOf('#formula-to')).toBe('Начальное n (10) не должно быть больше конечного n (5).');
});

test('in Russian the temperature list reads "0, 0,5, 1" as three temperatures and shows what it read', async () => {
  await open('?lang=ru#language');
  const list = '#generation-temperatures';
  await page.locator(list).waitFor();
  await enter(list, '0, 0,5, 1');
  await expect.poll(() => page.textContent('#generation-temperatures-read')).toBe('Прочитано: 0; 0,5; 1');
  expect(await page.getAttribute(list, 'aria-invalid')).not.toBe('true');
  await enter(list, '0,5,1');
  expect(await page.getAttribute(list, 'aria-invalid')).toBe('true');
  expect(await page.textContent('.generation-controls [role="alert"]')).toContain(
    'можно прочитать по-разному',
  );
  // What was read last stays what is used.
  expect(await page.textContent('#generation-temperatures-read')).toBe('Прочитано: 0; 0,5; 1');
});

test('a link with a Russian temperature list reads it, and refuses one that could be read two ways', async () => {
  await open('?lang=ru&gen=0;0,5;1#language');
  await expect.poll(() => page.textContent('#generation-temperatures-read')).toBe('Прочитано: 0; 0,5; 1');
  await page.close();
  await open('?lang=en&gen=0, 0,5, 1#language');
  await expect.poll(() => page.textContent('#generation-temperatures-read')).toBe('Read: 0.2, 0.5, 1, 1.5');
});

test('in Russian the language screen opens on a Russian text, and an untouched example follows the text', async () => {
  await open('?lang=ru#language');
  await expect.poll(() => page.inputValue('#corpus-select')).toBe('ru-udhr');
  expect(await page.inputValue('#lm-context')).toBe('Каждый человек имеет право на ');
  await page.selectOption('#corpus-select', 'en-udhr');
  await expect.poll(() => page.inputValue('#lm-context')).toBe('Everyone has the right to ');
  await page.fill('#lm-context', 'Мой собственный ');
  await page.selectOption('#corpus-select', 'de-udhr');
  await expect.poll(() => page.inputValue('#corpus-select')).toBe('de-udhr');
  expect(await page.inputValue('#lm-context')).toBe('Мой собственный ');
  await page.close();
  // In English, as before.
  await open('?lang=en#language');
  await expect.poll(() => page.inputValue('#corpus-select')).toBe('en-sotu');
  expect(await page.inputValue('#lm-context')).toBe('The state of our ');
});

test('the tour has one name in Russian: the button, its lesson and the keyboard help', async () => {
  await open('?lang=ru#physics');
  const name = (await page.textContent('#story-open'))?.trim() ?? '';
  expect(name).toBe('Экскурсия');
  await page.click('#story-open');
  await expect.poll(() => page.textContent('#lesson-title')).toBe(name);
  await page.click('#lesson-end');
  await page.click('#help-open');
  expect((await page.textContent('#help-dialog'))?.toLowerCase()).toContain('экскурси');
  expect(await page.textContent('#help-dialog')).not.toContain('рассказ');
});

/** The smallest computed font size among visible elements that hold text of their own. */
function smallestText(target: Page): Promise<{ size: number; text: string }> {
  return target.evaluate(() => {
    let smallest = { size: Number.POSITIVE_INFINITY, text: '' };
    for (const element of document.querySelectorAll('body *')) {
      const own = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (own === '' || !(element instanceof HTMLElement) || element.closest('.visually-hidden')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: own.slice(0, 60) };
    }
    return smallest;
  });
}

for (const projector of [false, true]) {
  test(`no text on any screen is smaller than 12 px (Russian${projector ? ', projector mode' : ''})`, async () => {
    await open('?lang=ru#physics', { width: 1920, height: 1080 });
    if (projector) {
      await page.click('#projector-toggle');
      await expect.poll(() => page.getAttribute('html', 'data-projector')).toBe('on');
    }
    for (const [screen, ready] of [
      ['physics', '#occupancy-table tbody tr'],
      ['language', '#lm-occupancy-table tbody tr'],
      ['parallel', '.mapping-table tbody tr'],
      ['how', '#screen-how h2'],
    ]) {
      await page.click(`#tab-${screen}`);
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
      const smallest = await smallestText(page);
      expect(smallest.size, `${screen}: “${smallest.text}”`).toBeGreaterThanOrEqual(12);
    }
  });
}
