/**
 * Figures of the real-model runtime (printed, for the closing note and README): time from load(file) to the
 * first distribution, ms per whole-vocabulary distribution at K = 32,000 and 151,936 (the test models'
 * vocabularies; the forward pass of a 16-wide model is negligible, so this is mostly llama.cpp's softmax,
 * the transfer and our scatter), and the renderer's memory with a model loaded and after unload. Run with
 * `npm run figures` (not part of `npm test`: figures are printed, never asserted).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useBrowserPages } from '../../tests/e2e/pages.ts';
import '../../tests/e2e/runtimePage/testWindow.ts';
import { type RuntimePage, serveRuntimePage } from '../../tests/e2e/runtimePage/serve.ts';
import { bigramModel, wideVocabularyModel } from '../../tests/fixtures/gguf/testModels.ts';

const pages = useBrowserPages();
let site: RuntimePage;

beforeAll(async () => {
  site = await serveRuntimePage({
    'bigram.gguf': bigramModel().bytes,
    'wide-32000.gguf': wideVocabularyModel(32_000).bytes,
    'wide-151936.gguf': wideVocabularyModel(151_936).bytes,
  });
});
afterAll(async () => {
  await site?.close();
});

/**
 * Resident memory of this test's Chromium renderer processes (the page's worker and its wasm heap live
 * there), in MB: the renderers that descend from this Node process (its Playwright-launched browser).
 */
function rendererMegabytes(): number {
  const parents = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer'))
        renderers.push(Number(entry));
    } catch {
      // The process ended while the table was read.
    }
  }
  const descendsFromUs = (pid: number) => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === process.pid) return true;
    return false;
  };
  let kilobytes = 0;
  for (const pid of renderers.filter(descendsFromUs)) {
    try {
      kilobytes += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return kilobytes / 1024;
}

interface Timing {
  sizeMB: number;
  vocabulary: number;
  loadMs: number;
  loadToFirstMs: number;
  perDistributionMs: number;
}

function measure(page: Page, file: string): Promise<Timing> {
  return page.evaluate(async (file) => {
    const blob = await (await fetch(file)).blob();
    const started = performance.now();
    const model = await window.runtime.load(blob, file);
    const context = await window.runtime.tokenize(' a');
    await window.runtime.nextDistribution(context);
    const loadToFirstMs = performance.now() - started;
    // Alternate two contexts so each call decodes one token and reads the whole vocabulary.
    const rounds = 20;
    const a = [...context];
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) {
      await window.runtime.nextDistribution([...a, (i % 2) + 3]);
    }
    return {
      sizeMB: blob.size / (1024 * 1024),
      vocabulary: model.vocabularySize,
      loadMs: model.loadMs,
      loadToFirstMs,
      perDistributionMs: (performance.now() - t0) / rounds,
    };
  }, file);
}

test('figures: load to first distribution, ms per distribution, memory loaded and after unload', async () => {
  const page = await pages.open();
  await page.goto(site.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.evaluate(() => {
    window.runtime = window.realModelTest.createRealModelRuntime();
  });
  const before = rendererMegabytes();
  const timings: Timing[] = [];
  for (const file of ['bigram.gguf', 'wide-32000.gguf', 'wide-151936.gguf'])
    timings.push(await measure(page, file));
  const loaded = rendererMegabytes();
  const workersLoaded = page.workers().length;
  await page.evaluate(() => window.runtime.unload());
  await expect.poll(() => page.workers().length).toBe(0);
  const unloaded = rendererMegabytes();
  console.info(
    [
      'real-model runtime figures (headless Chromium, single-thread wasm):',
      ...timings.map(
        (t) =>
          `  K = ${t.vocabulary}: file ${t.sizeMB.toFixed(1)} MB, load ${t.loadMs.toFixed(0)} ms, load → first distribution ${t.loadToFirstMs.toFixed(0)} ms, ${t.perDistributionMs.toFixed(1)} ms per distribution`,
      ),
      `  renderer RSS: ${before.toFixed(0)} MB before, ${loaded.toFixed(0)} MB with the K = 151,936 model loaded (${workersLoaded} worker), ${unloaded.toFixed(0)} MB after unload (0 workers)`,
    ].join('\n'),
  );
  expect(workersLoaded).toBe(1);
}, 240_000);
