/**
 * The app's sampler against llama.cpp's own, on the same logits: the distribution llama.cpp gives after a
 * context (the exact-answer bigram model) goes through the app's pipeline in its "temperature last"
 * (llama.cpp) order, and llama.cpp's sampler chain (top-k, typical-p, top-p, min-p, temperature, dist) draws
 * from the same logits in the same wasm. Greedy and top-k = 1 must pick the app's token every time; for
 * seeded random settings, thousands of llama.cpp's draws must fit the app's final distribution (Pearson's
 * chi-square) and never land on a token the app removed. llama.cpp's draws are seeded, so the test is
 * deterministic: the same wasm gives the same counts on every run.
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runPipeline, type SamplerSettings } from '../../src/core/lm/pipeline.ts';
import { createRng } from '../../src/core/rng.ts';
import { chiSquareTest } from '../../src/core/statistics.ts';
import { bigramModel } from '../fixtures/gguf/testModels.ts';
import { useBrowserPages } from './pages.ts';
import './runtimePage/testWindow.ts';
import { type RuntimePage, serveRuntimePage } from './runtimePage/serve.ts';

const pages = useBrowserPages();
const model = bigramModel();
const DRAWS = 4000;
let site: RuntimePage;

beforeAll(async () => {
  site = await serveRuntimePage({ 'bigram.gguf': model.bytes });
}, 180_000);
afterAll(async () => {
  await site?.close();
});

async function loadedPage(): Promise<Page> {
  const page = await pages.open();
  await page.goto(site.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.evaluate(async () => {
    window.runtime = window.realModelTest.createRealModelRuntime();
    const blob = await (await fetch('bigram.gguf')).blob();
    await window.runtime.load(blob, 'bigram.gguf');
  });
  return page;
}

/** The context as llama.cpp tokenises it, and the distribution it gives after it (every token id). */
async function distributionAfter(page: Page, text: string): Promise<{ tokens: number[]; p: Float64Array }> {
  const { tokens, p } = await page.evaluate(async (text) => {
    const tokens = Array.from(await window.runtime.tokenize(text));
    return { tokens, p: Array.from(await window.runtime.nextDistribution(tokens)) };
  }, text);
  return { tokens, p: Float64Array.from(p) };
}

async function llamaDraws(
  page: Page,
  tokens: number[],
  settings: SamplerSettings,
  seed: number,
  count: number,
): Promise<number[]> {
  return page.evaluate(
    async ({ tokens, settings, seed, count }) =>
      Array.from(await window.runtime.sampleWithLlamaCpp(tokens, settings, seed, count)),
    { tokens, settings, seed, count },
  );
}

const llamaOrder = (settings: Omit<SamplerSettings, 'order'>): SamplerSettings => ({
  ...settings,
  order: 'temperature-last',
});
const OFF = { temperature: 1, topK: 0, topP: 1, minP: 0, typicalP: 1 };

test('greedy (t = 0, and t < 0 as llama.cpp treats it) and top-k = 1 pick the app’s token every time', async () => {
  const page = await loadedPage();
  for (const context of ['Everyone has the righ', 'All human beings are born free and equal in dig']) {
    const { tokens, p } = await distributionAfter(page, context);
    for (const settings of [
      llamaOrder({ ...OFF, temperature: 0 }),
      llamaOrder({ ...OFF, temperature: -0.7 }),
      llamaOrder({ ...OFF, temperature: 1.3, topK: 1 }),
    ]) {
      const app = runPipeline(p, settings);
      const expected = app.greedy ? app.greedyToken : app.final.findIndex((q) => q === 1);
      expect(expected).toBeGreaterThanOrEqual(0);
      const draws = await llamaDraws(page, tokens, settings, 11, 200);
      expect(new Set(draws)).toEqual(new Set([expected]));
    }
  }
}, 240_000);

test('for seeded random settings, llama.cpp’s draws fit the app’s final distribution', async () => {
  const page = await loadedPage();
  const { tokens, p } = await distributionAfter(page, 'Everyone has the righ');
  const rng = createRng(2026);
  const pick = <T>(values: readonly T[]) => values[Math.floor(rng.nextFloat() * values.length)];
  const results: string[] = [];
  // Temperature alone over the whole vocabulary first (every token can be drawn), then random chains.
  const fixed = [llamaOrder({ ...OFF, temperature: 0.7 }), llamaOrder({ ...OFF, temperature: 1.8 })];
  for (let trial = 0; trial < 8; trial++) {
    const settings =
      fixed[trial] ??
      llamaOrder({
        temperature: Number((0.3 + 1.7 * rng.nextFloat()).toFixed(3)),
        topK: pick([0, 3, 8, 40]),
        topP: Number(pick([1, 0.5 + 0.5 * rng.nextFloat()]).toFixed(3)),
        minP: Number(pick([0, 0.2 * rng.nextFloat()]).toFixed(3)),
        typicalP: Number(pick([1, 1, 0.6 + 0.4 * rng.nextFloat()]).toFixed(3)),
      });
    const app = runPipeline(p, settings);
    const draws = await llamaDraws(page, tokens, settings, 1000 + trial, DRAWS);
    const counts = new Float64Array(p.length);
    for (const token of draws) counts[token]++;
    // Never a token the app removed: the truncation sets are the same.
    const outside = draws.filter((token) => app.final[token] === 0);
    expect(outside, JSON.stringify(settings)).toEqual([]);
    const fit = chiSquareTest(counts, app.final);
    results.push(
      `${JSON.stringify(settings)} kept ${app.keptCount}: χ² ${fit.statistic.toFixed(1)}, df ${fit.degreesOfFreedom}, p ${fit.pValue.toFixed(3)}`,
    );
    // Deterministic (seeded) draws: a fixed p-value per trial; 1e-3 is far below any of them if the two agree.
    expect(fit.pValue, results.at(-1)).toBeGreaterThan(1e-3);
  }
  console.log(results.join('\n'));
}, 400_000);
