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
import type { RealModelTestApi } from './runtimePage/main.ts';
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

declare global {
  interface Window {
    realModelTest: RealModelTestApi;
    runtime: ReturnType<RealModelTestApi['createRealModelRuntime']>;
    cspViolations: string[];
  }
}

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
      return { ok: true as const, vocabularySize: model.vocabularySize, loadMs: model.loadMs, contextLength: model.contextLength };
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
    expect(maxAbsDifference(await distribution(page, branched), bigram.table(bigram.idOf('w')))).toBeLessThan(1e-5);
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
    expect(await distribution(page, context)).toEqual(appended[context.length - 1]);

    // (d) llama.cpp's own sampler: greedy (t = 0) and top-k = 1 pick the table's argmax, every draw.
    const last = context.at(-1) as number;
    const best = argmax(bigram.table(last));
    const off = { topK: 0, topP: 1, minP: 0, typicalP: 1 };
    const draws = await page.evaluate(
      async ({ context, off }) => ({
        greedy: Array.from(await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 0 }, 7, 50)),
        topK1: Array.from(await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1.5, topK: 1 }, 7, 50)),
        seeded: Array.from(await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1 }, 7, 200)),
        again: Array.from(await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1 }, 7, 200)),
        otherSeed: Array.from(await window.runtime.sampleWithLlamaCpp(context, { ...off, temperature: 1 }, 8, 200)),
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
