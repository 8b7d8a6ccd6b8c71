/**
 * A real model on the language screen, as a person uses it: a GGUF file opened from disk (here the exact-
 * answer bigram model written by tests/fixtures/gguf/testModels.ts), its whole vocabulary on the ladder with
 * the probabilities llama.cpp computes, the temperature's three limits, generation at t = 0 along the
 * table's argmax path, the refusals beside the control with the previous model kept, and a model fetched
 * from an address into the browser's storage, reopened offline and deleted.
 */
import type { Page } from 'playwright';
import { expect, inject, test } from 'vitest';
import { parseGgufHeader } from '../../src/core/lm/gguf/ggufHeader.ts';
import { tokenBytes, tokenTexts } from '../../src/core/lm/gguf/tokenText.ts';
import { visibleToken } from '../../src/shared/model/tokenSystem.ts';
import {
  type BigramModel,
  bigramModel,
  truncated,
  unknownArchitectureModel,
  wideVocabularyModel,
  withBadMagic,
} from '../fixtures/gguf/testModels.ts';
import { useBrowserPages } from './pages.ts';

const pages = useBrowserPages();
const model: BigramModel = bigramModel();
const header = (() => {
  const parsed = parseGgufHeader(model.bytes, model.bytes.length);
  if (parsed.kind !== 'header') throw new Error('the bigram model has a whole header');
  return parsed.header;
})();
const { texts, kinds } = tokenTexts(header.vocabulary);
/** The ladder's label of a token id, as the app writes it (special tokens in ⟦ ⟧). */
const labelOf = (id: number) => visibleToken(kinds[id] === 2 ? `⟦${texts[id]}⟧` : texts[id]);

const MODEL_LOAD_TIMEOUT = 60_000;

async function openLanguageScreen(): Promise<Page> {
  const page = await pages.open({ width: 1280, height: 900 });
  await page.goto(`${inject('baseUrl')}#language`);
  await expect.poll(() => page.textContent('#training-status'), { timeout: 30_000 }).toContain('Trained on');
  return page;
}

async function openModelFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('#real-model-file', {
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
}

async function openBigramModel(page: Page): Promise<void> {
  await openModelFile(page, 'bigram-spm.gguf', model.bytes);
  await expect
    .poll(() => page.textContent('#real-model-name'), { timeout: MODEL_LOAD_TIMEOUT })
    .toBe('bigram-spm.gguf');
  await expect.poll(() => page.isChecked('#source-real')).toBe(true);
}

/** Types a context and waits until the distribution on screen is the one after it. */
async function setContext(page: Page, text: string): Promise<void> {
  await page.fill('#lm-context', text);
  await expect
    .poll(() => page.textContent('#lm-context-tokens .token-chip:last-child'), {
      timeout: MODEL_LOAD_TIMEOUT,
    })
    .toBe(visibleToken(text.at(-1) === ' ' ? ' ' : (text.at(-1) ?? '')));
  await expect.poll(() => page.textContent('#real-model-status')).toBe('');
}

/** Every level of the ladder with its exact probability, from the CSV export (full precision). */
async function ladderProbabilities(page: Page): Promise<Map<string, number>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lm-export-csv')]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n').slice(1);
  const result = new Map<string, number>();
  for (const line of lines) {
    // label,energy,… — a label holding a comma or quote is quoted.
    const match = /^("(?:[^"]|"")*"|[^,]*),([^,]+),/.exec(line);
    if (!match) throw new Error(`unreadable CSV line ${line}`);
    const label = match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1];
    result.set(label.replace(/^'/, ''), Math.exp(-Number(match[2])));
  }
  return result;
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

function entropyBits(p: Float64Array): number {
  let h = 0;
  for (const q of p) if (q > 0) h -= q * Math.log2(q);
  return h;
}

/** The numbers in a readout such as "4.12 nats = 5.94 bits". */
function numbersIn(text: string | null): number[] {
  return (text ?? '').match(/[\d.]+/g)?.map(Number) ?? [];
}

test('the whole vocabulary is on the ladder with the probabilities llama.cpp computes', async () => {
  const page = await openLanguageScreen();
  await openBigramModel(page);
  expect(await page.textContent('#real-model-vocabulary')).toBe(model.tokens.length.toLocaleString('en'));
  expect(await page.textContent('#real-model-architecture')).toBe('llama');

  for (const context of ['Everyone has the righ', 'All human beings are born free and equal in ']) {
    await setContext(page, context);
    const last = model.idOf(context.endsWith(' ') ? '▁' : (context.at(-1) ?? ''));
    const expected = model.table(last);
    const shown = await ladderProbabilities(page);
    // Every token of the vocabulary has p > 0 (the table is smoothed), so every one is a level.
    expect(shown.size).toBe(model.tokens.length);
    let largest = 0;
    for (let id = 0; id < expected.length; id++) {
      const p = shown.get(labelOf(id));
      expect(p, labelOf(id)).toBeDefined();
      largest = Math.max(largest, Math.abs((p ?? 0) - expected[id]));
    }
    // float32 logits and llama.cpp's float32 softmax: agreement to a few parts in a million.
    expect(largest).toBeLessThan(2e-6);
  }
}, 240_000);

test('t = 1 changes nothing, t = 0 is the argmax and a large t flattens the real model', async () => {
  const page = await openLanguageScreen();
  await openBigramModel(page);
  await setContext(page, 'Everyone has the righ');
  const p = model.table(model.idOf('h'));

  const [, bits] = numbersIn(await page.textContent('#lm-readout-entropy'));
  expect(bits).toBeCloseTo(entropyBits(p), 2);

  await page.fill('#lm-temperature-input', '0');
  await page.press('#lm-temperature-input', 'Enter');
  await expect.poll(() => page.textContent('#lm-readout-greedy')).toContain(labelOf(argmax(p)));
  await expect.poll(() => page.textContent('#lm-readout-entropy')).toMatch(/^0 nats/);

  await page.fill('#lm-temperature-input', '1000');
  await page.press('#lm-temperature-input', 'Enter');
  await expect
    .poll(async () => numbersIn(await page.textContent('#lm-readout-entropy'))[1])
    .toBeGreaterThan(Math.log2(p.length) - 0.01);
}, 240_000);

test('generation at t = 0 follows the table’s argmax path, token by token', async () => {
  const page = await openLanguageScreen();
  await openBigramModel(page);
  await setContext(page, 'Everyone has the righ');
  await page.fill('#generation-temperatures', '0, 1');
  await page.press('#generation-temperatures', 'Enter');
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.click('#generation-step');
    await expect
      .poll(() => page.textContent('.generation-column[data-temperature="0"] .generation-length'), {
        timeout: MODEL_LOAD_TIMEOUT,
      })
      .toBe(`${i} / 64 tokens`);
  }
  let token = model.idOf('h');
  const bytes: number[] = [];
  for (let i = 0; i < steps; i++) {
    token = argmax(model.table(token));
    bytes.push(...tokenBytes(header.vocabulary, token));
  }
  const path = new TextDecoder().decode(Uint8Array.from(bytes));
  expect(await page.textContent('.generation-column[data-temperature="0"] .generation-text')).toBe(path);
  // The t = 1 column draws: as many tokens, unless it drew the end-of-text token; each named with its p.
  const drawn = await page.textContent('.generation-column[data-temperature="1"] .generation-length');
  const ended = (await page.textContent('.generation-column[data-temperature="1"] .generation-choice')) ?? '';
  expect(drawn === `${steps} / 64 tokens` || ended.includes('⟦</s>⟧')).toBe(true);
  expect(ended).toMatch(/p = 0\.\d\d/);
}, 240_000);

test('a file that is not GGUF, a truncated one and an unknown architecture are refused; the model stays', async () => {
  const page = await openLanguageScreen();
  await openBigramModel(page);
  await setContext(page, 'Everyone has the righ');
  const before = await page.textContent('#lm-readout-greedy');

  const refusals: [string, Uint8Array, RegExp][] = [
    ['notes.gguf', new TextEncoder().encode('just some text, not a model'), /not a GGUF/i],
    ['bad-magic.gguf', withBadMagic(model.bytes), /not a GGUF/i],
    ['half.gguf', truncated(model.bytes, Math.floor(model.bytes.length / 2)), /cut short/],
    ['toy.gguf', unknownArchitectureModel(), /architecture/i],
  ];
  for (const [name, bytes, message] of refusals) {
    await openModelFile(page, name, bytes);
    await expect
      .poll(() => page.textContent('#real-model-error'), { timeout: MODEL_LOAD_TIMEOUT })
      .toMatch(message);
    expect(await page.textContent('#real-model-name')).toBe('bigram-spm.gguf');
    expect(await page.textContent('#lm-readout-greedy')).toBe(before);
  }
  // The model still answers a new context after the refusals.
  await setContext(page, 'All human beings are born free and equal in ');
  expect(await page.textContent('#lm-readout-greedy')).toContain(
    labelOf(argmax(model.table(model.idOf('▁')))),
  );
}, 240_000);

test('a model fetched from an address shows its size first, is listed as stored and can be deleted', async () => {
  // (The offline reopening of a stored copy is tested with the runtime, tests/e2e/realModelRuntime.test.ts.)
  const page = await openLanguageScreen();
  const address = 'https://models.example.org/resolve/main/bigram-spm.gguf';
  const missing = 'https://models.example.org/missing.gguf';
  // The 404 asked for, and the HEAD answer that playwright's route ends with a declared length it does not send.
  pages.expectProblems(
    /status of 404/,
    new RegExp(`request failed: ${missing}`),
    /request failed: https:\/\/models\.example\.org\/resolve\/.* net::ERR_ABORTED/,
  );
  await page.route(address, (route) =>
    route.fulfill({
      status: 200,
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(model.bytes.length),
        'access-control-allow-origin': '*',
      },
      body: route.request().method() === 'HEAD' ? '' : Buffer.from(model.bytes),
    }),
  );
  await page.route(missing, (route) =>
    route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' }),
  );

  await page.fill('#real-model-url', missing);
  await page.click('#real-model-check');
  await expect.poll(() => page.textContent('#real-model-error')).toMatch(/404/);
  expect(await page.isDisabled('#real-model-download')).toBe(true);

  await page.fill('#real-model-url', address);
  await page.click('#real-model-check');
  const megabytes = (model.bytes.length / 1e6).toPrecision(3);
  await expect.poll(() => page.textContent('#real-model-download')).toBe(`Download ${megabytes} MB`);
  expect(await page.isHidden('#real-model-error')).toBe(true);
  await page.click('#real-model-download');
  await expect
    .poll(() => page.textContent('#real-model-name'), { timeout: MODEL_LOAD_TIMEOUT })
    .toBe('bigram-spm.gguf');
  await expect.poll(() => page.locator('#real-model-stored li').count()).toBe(1);
  expect(await page.textContent('#real-model-stored li .stored-size')).toBe(`${megabytes} MB`);
  await page.click('#real-model-stored li .stored-delete');
  await expect.poll(() => page.locator('#real-model-stored li').count()).toBe(0);
  // Deleting the stored copy does not take away the model that is loaded.
  expect(await page.textContent('#real-model-name')).toBe('bigram-spm.gguf');
}, 240_000);

test('a 32,000-token vocabulary works on the ladder, in the sampler and on the stage', async () => {
  const page = await openLanguageScreen();
  const wide = wideVocabularyModel(32_000, 16);
  await openModelFile(page, 'wide.gguf', wide.bytes);
  await expect
    .poll(() => page.textContent('#real-model-vocabulary'), { timeout: MODEL_LOAD_TIMEOUT })
    .toBe('32\u202f000');
  await expect
    .poll(() => page.textContent('#lm-readout-kept'), { timeout: MODEL_LOAD_TIMEOUT })
    .toMatch(/of 32\u202f000/);
  await page.fill('#top-k', '40');
  await page.press('#top-k', 'Enter');
  await expect.poll(() => page.textContent('#lm-readout-kept')).toMatch(/^40 of 32\u202f000/);
  await page.click('#stage-toggle');
  await expect.poll(() => page.getAttribute('html', 'data-stage')).toBe('on');
  await expect.poll(() => page.locator('#stage-canvases canvas').count()).toBeGreaterThan(0);
  // The stage's readouts name the real model's most likely token and its entropy, with no NaN anywhere.
  await expect.poll(() => page.textContent('#stage-readouts')).toMatch(/bits/);
  expect(await page.textContent('#stage-readouts')).not.toMatch(/NaN/);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getAttribute('html', 'data-stage')).not.toBe('on');
}, 240_000);
