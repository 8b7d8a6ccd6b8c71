/**
 * Figures of a real model on the language screen, as a person meets it: the time from choosing a .gguf
 * file to its distribution on the ladder, from editing the context to the new distribution, and from a
 * temperature change to the readouts and ladder following, at K = 316 (the exact-answer bigram model),
 * 32,000 and 151,936 (the largest common vocabulary). Printed, never asserted: `npm run figures`.
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { useBrowserPages } from '../../tests/e2e/pages.ts';
import { bigramModel, wideVocabularyModel } from '../../tests/fixtures/gguf/testModels.ts';

const pages = useBrowserPages();

/** Sets a field as typing would, and resolves with the ms until `selector`'s text differs from before. */
function msUntilChanged(
  page: Page,
  selector: string,
  change: { field: string; value: string; event: 'input' | 'change' },
): Promise<number> {
  return page.evaluate(
    ({ selector, change }) =>
      new Promise<number>((resolve) => {
        const target = document.querySelector(selector);
        if (!target) throw new Error(`no ${selector}`);
        const before = target.textContent;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (target.textContent !== before) {
            observer.disconnect();
            // The frame that shows it.
            requestAnimationFrame(() => resolve(performance.now() - started));
          }
        });
        observer.observe(target, { childList: true, characterData: true, subtree: true });
        const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(change.field);
        if (!field) throw new Error(`no ${change.field}`);
        field.value = change.value;
        field.dispatchEvent(new Event(change.event));
      }),
    { selector, change },
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('figures: a real model on the language screen at K = 316, 32,000 and 151,936', async () => {
  const lines = ['real model on the language screen (headless Chromium, production build):'];
  for (const [name, bytes] of [
    ['bigram', bigramModel().bytes],
    ['wide-32000', wideVocabularyModel(32_000).bytes],
    ['wide-151936', wideVocabularyModel(151_936, 4).bytes],
  ] as const) {
    const page = await pages.open({ width: 1280, height: 900 });
    await page.goto(`${inject('baseUrl')}#language`);
    await expect.poll(() => page.textContent('#training-status'), { timeout: 60_000 }).toContain('Trained');
    const started = Date.now();
    await page.setInputFiles('#real-model-file', {
      name: `${name}.gguf`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(bytes),
    });
    await expect.poll(() => page.isChecked('#source-real'), { timeout: 300_000 }).toBe(true);
    await expect.poll(() => page.textContent('#lm-readout-kept'), { timeout: 300_000 }).toMatch(/of/);
    const openMs = Date.now() - started;
    const loadMs = await page.textContent('#real-model-load-time');
    const contextMs: number[] = [];
    for (const text of ['The state of', 'The state of our', 'The state of our union']) {
      contextMs.push(
        await msUntilChanged(page, '#lm-readout-entropy', {
          field: '#lm-context',
          value: text,
          event: 'input',
        }),
      );
    }
    const temperatureMs: number[] = [];
    for (const t of ['0.5', '2', '0.8', '1.5', '1']) {
      temperatureMs.push(
        await msUntilChanged(page, '#lm-readout-entropy', {
          field: '#lm-temperature-input',
          value: t,
          event: 'change',
        }),
      );
    }
    const k = await page.textContent('#real-model-vocabulary');
    lines.push(
      `  K = ${k}: file → distribution on the ladder ${openMs} ms (llama.cpp load ${loadMs}); context edit → new distribution, median ${median(contextMs).toFixed(0)} ms (${contextMs.map((m) => m.toFixed(0)).join(', ')}); temperature change → readouts, median ${median(temperatureMs).toFixed(0)} ms (${temperatureMs.map((m) => m.toFixed(0)).join(', ')})`,
    );
    await page.close();
  }
  console.info(lines.join('\n'));
});
