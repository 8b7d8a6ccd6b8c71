/**
 * The real-model runtime (src/realModel/) in Chromium under the app's CSP, on the test models whose
 * answer is known exactly (tests/fixtures/gguf/testModels.ts). The runtime is not wired into the app's
 * screens yet, so it runs in a test-only page built by the same Vite (tests/e2e/runtimePage/).
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  bigramModel,
  truncated,
  UNKNOWN_ARCHITECTURE,
  unknownArchitectureModel,
  wideVocabularyModel,
  withBadMagic,
} from '../fixtures/gguf/testModels.ts';
import { useBrowserPages } from './pages.ts';
import './runtimePage/testWindow.ts';
import { type RuntimePage, serveRuntimePage } from './runtimePage/serve.ts';

const LONG_TEST_MS = 180_000;
const pages = useBrowserPages();
const bigram = bigramModel();
const wide = wideVocabularyModel(32_000);
let site: RuntimePage;

beforeAll(async () => {
  site = await serveRuntimePage({
    'bigram.gguf': bigram.bytes,
    'wide-32000.gguf': wide.bytes,
    'unknown-architecture.gguf': unknownArchitectureModel(),
    'truncated.gguf': truncated(bigram.bytes, Math.floor(bigram.bytes.length / 2)),
    'not-gguf.gguf': withBadMagic(bigram.bytes),
  });
});
afterAll(async () => {
  await site?.close();
});

/** The test page, with every CSP violation recorded from before its first script. */
async function openRuntimePage(): Promise<Page> {
  const page = await pages.open();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await page.goto(site.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.evaluate(() => {
    window.runtime = window.realModelTest.createRealModelRuntime();
  });
  return page;
}

/** Loads a file the page serves; returns the LoadedModel's figures, or the refusal's code and parameters. */
function loadFile(page: Page, file: string) {
  return page.evaluate(async (file) => {
    const blob = await (await fetch(file)).blob();
    try {
      const model = await window.runtime.load(blob, file);
      return {
        ok: true as const,
        vocabularySize: model.vocabularySize,
        loadMs: model.loadMs,
        contextLength: model.contextLength,
      };
    } catch (error) {
      const coded = error as { code?: string; params?: unknown; message?: string };
      return { ok: false as const, code: coded.code ?? `uncoded: ${coded.message}`, params: coded.params };
    }
  }, file);
}

const distribution = (page: Page, tokens: number[]) =>
  page.evaluate(async (tokens) => Array.from(await window.runtime.nextDistribution(tokens)), tokens);

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

const argmax = (p: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
};

test(
  'the bigram model: every distribution equals the table, appending equals decoding afresh, refusals keep the model',
  async () => {
    const page = await openRuntimePage();
    const loaded = await loadFile(page, 'bigram.gguf');
    expect(loaded).toMatchObject({ ok: true, vocabularySize: bigram.tokens.length });

    // The model's own tokenisation: BOS, the dummy-prefix space, then one piece per character.
    const context = await page.evaluate(async () => Array.from(await window.runtime.tokenize('the right')));
    const pieces = ['<s>', '▁', 't', 'h', 'e', '▁', 'r', 'i', 'g', 'h', 't'];
    expect(context).toEqual(pieces.map((piece) => bigram.idOf(piece)));

    // (a) After each prefix (the cache grows by one token each time), the table of its last token.
    let worst = 0;
    const appended: number[][] = [];
    for (let n = 1; n <= context.length; n++) {
      const p = await distribution(page, context.slice(0, n));
      appended.push(p);
      worst = Math.max(worst, maxAbsDifference(p, bigram.table(context[n - 1])));
      expect(p.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1, 12);
    }
    console.info(`bigram model: max |p − table| over ${context.length} contexts = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-5);

    // (b) The same contexts decoded afresh (cache cleared by a context sharing nothing), and reached by
    // branching (the cache keeps a prefix and drops the rest), give the same numbers exactly.
    const other = [bigram.idOf('x')];
    for (const n of [context.length, 4, 7]) {
      await distribution(page, other);
      expect(await distribution(page, context.slice(0, n))).toEqual(appended[n - 1]);
    }
    await distribution(page, context);
    const branched = [...context.slice(0, 6), bigram.idOf('w')];
    expect(maxAbsDifference(await distribution(page, branched), bigram.table(bigram.idOf('w')))).toBeLessThan(
      1e-5,
    );
    expect(await distribution(page, context.slice(0, 6))).toEqual(appended[5]);

    // (c) Refused before or by llama.cpp, each with its code; the bigram model still answers.
    const refusals = {
      notGguf: await loadFile(page, 'not-gguf.gguf'),
      truncated: await loadFile(page, 'truncated.gguf'),
      unknownArchitecture: await loadFile(page, 'unknown-architecture.gguf'),
    };
    expect(refusals.notGguf).toMatchObject({ ok: false, code: 'gguf.notGguf' });
    expect(refusals.truncated).toMatchObject({ ok: false, code: 'gguf.truncated' });
    expect(refusals.unknownArchitecture).toEqual({
      ok: false,
      code: 'model.architecture',
      params: { architecture: UNKNOWN_ARCHITECTURE },
    });
    console.info(`refusals: ${JSON.stringify(refusals)}`);
    // A refused load leaves no worker behind: only the bigram model's runs.
    await expect.poll(() => page.workers().length).toBe(1);
    expect(await distribution(page, context)).toEqual(appended[context.length - 1]);

    // (d) llama.cpp's own sampler: greedy (t = 0) and top-k = 1 pick the table's argmax, every draw.
    const last = context.at(-1) as number;
    const best = argmax(bigram.table(last));
    const off = { topK: 0, topP: 1, minP: 0, typicalP: 1 };
    const draws = await page.evaluate(
      async ({ context, off }) => ({
        greedy: Array.from(
          await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 0 }, 7, 50),
        ),
        topK1: Array.from(
          await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1.5, topK: 1 }, 7, 50),
        ),
        seeded: Array.from(
          await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1 }, 7, 200),
        ),
        again: Array.from(
          await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1 }, 7, 200),
        ),
        otherSeed: Array.from(
          await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1 }, 8, 200),
        ),
      }),
      { context, off },
    );
    expect(new Set(draws.greedy)).toEqual(new Set([best]));
    expect(new Set(draws.topK1)).toEqual(new Set([best]));
    expect(draws.again).toEqual(draws.seeded);
    expect(draws.otherSeed).not.toEqual(draws.seeded);
    expect(new Set(draws.seeded).size).toBeGreaterThan(3);

    // The distribution instance is untouched by the sampler's instances.
    expect(await distribution(page, context)).toEqual(appended[context.length - 1]);

    await page.evaluate(() => window.runtime.unload());
    expect(await page.evaluate(() => window.runtime.loaded)).toBeNull();
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  },
  LONG_TEST_MS,
);

/** Serves the bigram model (and failures) at https://models.test/, as a model host with CORS would. */
async function routeModelHost(page: Page): Promise<void> {
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Length' };
  await page.route('https://models.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/missing.gguf') return route.fulfill({ status: 404, headers: cors, body: 'Not found' });
    if (path === '/page.html') {
      return route.fulfill({
        status: 200,
        headers: cors,
        contentType: 'text/html',
        body: '<!doctype html><p>Sign in</p>',
      });
    }
    // GET only: Chromium aborts a HEAD that Playwright fulfils with a Content-Length and no body, so the
    // size is probed on the same-origin host (a real server answers HEAD properly).
    const body = Buffer.from(bigram.bytes);
    const headers = {
      ...cors,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.length),
    };
    return route.fulfill({ status: 200, headers, body });
  });
}

/** Runs a download in the page; returns the stored model, or the refusal's code, and the progress seen. */
function download(page: Page, address: string, cancelAfterFirstBytes = false) {
  return page.evaluate(
    async ({ address, cancelAfterFirstBytes }) => {
      const api = window.realModelTest;
      const progress: { receivedBytes: number; totalBytes: number | null }[] = [];
      const controller = new AbortController();
      try {
        const stored = await api.downloadModel(api.parseModelAddress(address), {
          signal: controller.signal,
          onProgress: (step) => {
            progress.push(step);
            if (cancelAfterFirstBytes && step.receivedBytes > 0) controller.abort();
          },
        });
        return { ok: true as const, stored, progress };
      } catch (error) {
        const coded = error as { code?: string; params?: unknown; message?: string };
        return {
          ok: false as const,
          code: coded.code ?? `uncoded: ${coded.message}`,
          params: coded.params,
          progress,
        };
      }
    },
    { address, cancelAfterFirstBytes },
  );
}

const storedList = (page: Page) =>
  page.evaluate(async () =>
    (await window.realModelTest.listStoredModels()).map(({ name, url, sizeBytes }) => ({
      name,
      url,
      sizeBytes,
    })),
  );

test(
  'a model fetched from an address: size first, progress, refusals, kept in storage, reopened offline, deleted',
  async () => {
    const page = await openRuntimePage();
    await routeModelHost(page);
    const size = bigram.bytes.length;

    const causedOnPurpose = pages.expectProblems(
      /status of 404/,
      new RegExp(`request failed: ${site.url}slow/bigram.gguf net::ERR_ABORTED`),
    );
    const probed = await page.evaluate(async (address) => {
      const api = window.realModelTest;
      return api.probeModelSize(api.parseModelAddress(address));
    }, `${site.url}slow/bigram.gguf`);
    expect(probed).toBe(size);

    const fetched = await download(page, 'https://models.test/bigram.gguf');
    if (!fetched.ok) throw new Error(`download refused: ${fetched.code}`);
    expect(fetched.stored).toMatchObject({
      name: 'bigram.gguf',
      url: 'https://models.test/bigram.gguf',
      sizeBytes: size,
    });
    const received = fetched.progress.map((step) => step.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(fetched.progress.at(-1)).toEqual({ receivedBytes: size, totalBytes: size });
    console.info(`download: ${fetched.progress.length} progress reports for ${size} bytes`);

    const expected = [{ name: 'bigram.gguf', url: 'https://models.test/bigram.gguf', sizeBytes: size }];
    expect(await storedList(page)).toEqual(expected);

    // Refused downloads keep nothing (and leave the stored model alone).
    expect(await download(page, 'https://models.test/missing.gguf')).toMatchObject({
      ok: false,
      code: 'download.httpStatus',
      params: { status: 404 },
    });
    expect(await download(page, 'https://models.test/page.html')).toMatchObject({
      ok: false,
      code: 'download.notGguf',
    });
    // Cancelled midway: the same-origin host streams 64 KB at a time.
    const cancelled = await download(page, `${site.url}slow/bigram.gguf`, true);
    expect(cancelled).toMatchObject({ ok: false, code: 'download.cancelled' });
    const cancelledAt = cancelled.progress.at(-1)?.receivedBytes ?? 0;
    console.info(`cancelled at ${cancelledAt} of ${size} bytes`);
    expect(cancelledAt).toBeLessThan(size);
    expect(await download(page, 'ftp://models.test/x.gguf')).toMatchObject({
      ok: false,
      code: 'download.badAddress',
    });
    expect(await storedList(page)).toEqual(expected);
    const figures = await page.evaluate(() => window.realModelTest.storageFigures());
    expect(figures?.usageBytes).toBeGreaterThanOrEqual(size);

    // Offline: the stored copy loads and answers (llama.cpp's wasm was fetched once by this page).
    expect(await loadFile(page, 'wide-32000.gguf')).toMatchObject({ ok: true });
    await page.context().setOffline(true);
    const x = bigram.idOf('t');
    const offline = await page.evaluate(
      async ({ id, x }) => {
        const file = await window.realModelTest.openStoredModel(id);
        await window.runtime.load(file, file.name);
        return Array.from(await window.runtime.nextDistribution([x]));
      },
      { id: fetched.stored.id, x },
    );
    expect(maxAbsDifference(offline, bigram.table(x))).toBeLessThan(1e-5);
    await page.context().setOffline(false);

    const afterDelete = await page.evaluate(async (id) => {
      const api = window.realModelTest;
      await api.deleteStoredModel(id);
      const list = await api.listStoredModels();
      const reopened = await api.openStoredModel(id).then(
        () => 'opened',
        (error: { code?: string }) => error.code,
      );
      return { list, reopened };
    }, fetched.stored.id);
    expect(afterDelete).toEqual({ list: [], reopened: 'storage.notFound' });

    await page.evaluate(() => window.runtime.unload());
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    // The HEAD, the 404 asked for and the cancelled download, and nothing else (pages.ts fails on any other).
    // Chromium reports a HEAD request as aborted once its headers are in (it has no body to read).
    const aborted = `request failed: ${site.url}slow/bigram.gguf net::ERR_ABORTED`;
    expect(causedOnPurpose()).toEqual([
      aborted,
      'console.error: Failed to load resource: the server responded with a status of 404 (Not Found)',
      aborted,
    ]);
  },
  LONG_TEST_MS,
);
