/**
 * Every slider and select, operated from the keyboard as a keyboard user or a careless hand would:
 * each position a control can reach is a value the app takes, or a message beside the control, never an
 * uncaught error.
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
let page: Page;

async function openScreen(hash: string): Promise<void> {
  page = await pages.open();
  await page.goto(`${inject('baseUrl')}${hash}`);
}

test.each([
  ['physics', '#physics', ''],
  ['language', '#language', 'lm-'],
] as const)(
  'on the %s screen, Home then → on the particle slider gives a whole N, shown in its field',
  async (_name, hash, prefix) => {
    await openScreen(hash);
    const slider = page.locator(`#${prefix}particle-slider`);
    const field = page.locator(`#${prefix}particle-input`);
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => field.inputValue()).toBe('1');
    const seen = ['1'];
    for (let press = 0; press < 6; press++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => field.inputValue()).not.toBe(seen.at(-1));
      seen.push(await field.inputValue());
    }
    // Four positions a decade: 1, 2, 3, 6, 10, then two significant digits.
    expect(seen).toEqual(['1', '2', '3', '6', '10', '18', '32']);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(pages.errors()).toEqual([]);
  },
);

/** Every key a range input or a select moves with, each once, from one end to the other and back. */
const KEY_SEQUENCE = ['Home', 'ArrowRight', 'ArrowUp', 'PageUp', 'End', 'ArrowLeft', 'ArrowDown', 'PageDown'];

/**
 * The ids of the sliders, selects and number fields (whose arrows step them) visible now; the header's
 * language select renders the whole page again and is tested on its own (i18n.test.ts).
 */
function visibleControls(): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input[type="range"], input[type="number"], select'))
      .filter((element) => element.id !== 'language-select' && element.checkVisibility())
      .map((element) => element.id),
  );
}

test.each([
  ['physics', '#physics', [], ['temperature-slider', 'particle-slider', 'speed-slider', 'dynamics-select']],
  // The Einstein solid's own controls, with the system left alone (another system ends the solid) and
  // the particle slider too (already swept above; a million moving oscillators would take minutes).
  [
    'physics (Einstein solid)',
    '?dyn=einstein#physics',
    ['system-select', 'particle-slider'],
    ['einstein-start', 'metropolis-sweeps', 'speed-slider'],
  ],
  [
    'language model',
    '#language',
    [],
    [
      'lm-temperature-slider',
      'lm-particle-slider',
      'corpus-select',
      'order-select',
      'sampler-order',
      'top-k',
    ],
  ],
  ['side by side', '#parallel', [], ['linked-temperature-slider', 'parallel-system']],
] as const)(
  'on the %s screen, every slider and select takes Home, End, arrows and Page keys without an error',
  async (_name, hash, skip, mustVisit) => {
    await openScreen(hash);
    await page
      .locator(`#screen-${hash.split('#')[1]} input[type="range"]`)
      .first()
      .waitFor();
    const visited = new Set<string>(skip);
    // A select can show other controls (the dynamics, the system), so the list is read again until
    // every control that has appeared has been operated.
    for (let round = 0; round < 4; round++) {
      const controls = (await visibleControls()).filter((id) => !visited.has(id));
      if (controls.length === 0) break;
      for (const id of controls) {
        visited.add(id);
        const control = page.locator(`#${id}`);
        for (const key of KEY_SEQUENCE) {
          if (!(await control.isVisible())) break;
          await control.focus();
          await page.keyboard.press(key);
          expect(pages.errors(), `${key} on #${id}`).toEqual([]);
        }
        // A value the control refused is explained beside it.
        const invalid = await page.evaluate(() =>
          Array.from(document.querySelectorAll('[aria-invalid="true"]'), (element) => {
            const describedBy = element.getAttribute('aria-describedby') ?? '';
            const message = describedBy
              .split(' ')
              .map((messageId) => document.getElementById(messageId))
              .find((node) => node?.getAttribute('role') === 'alert');
            return { id: element.id, message: message?.textContent ?? '' };
          }),
        );
        for (const { id: invalidId, message } of invalid)
          expect(message, `#${invalidId} is refused after keys on #${id}`).not.toBe('');
      }
    }
    expect(Array.from(visited)).toEqual(expect.arrayContaining([...mustVisit]));
  },
  180_000,
);
