/**
 * Long-run soak benchmark (not part of CI): runs the physics screen with 100 000 particles under the heat
 * bath for a number of minutes and watches the JavaScript heap, to catch leaks that a 60-second test
 * cannot see (a typed array re-allocated per step, listeners piling up, pixi textures never freed).
 *
 *   npx tsx scripts/long-run.ts [minutes]          (default 10; builds into a temporary folder)
 *   npx tsx scripts/long-run.ts 3 --dist           (serves the existing dist/ from `npm run build`)
 *
 * Every 10 s it forces a garbage collection through the DevTools protocol (HeapProfiler.collectGarbage)
 * and then reads the live heap (Runtime.getHeapUsage), so the figures are what is actually retained,
 * not garbage waiting to be collected. It prints a table, the slope between the first and second halves,
 * and the achieved steps per second (from #readout-steps). Exits 1 when the heap at the end is more than
 * 20% above the heap after the first minute (the first minute is warm-up: shaders, glyph atlases, JIT).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser.ts';

const SAMPLE_EVERY_MS = 10_000;
const WARM_UP_MS = 60_000;
const ALLOWED_GROWTH = 0.2;
const QUERY = '?N=100000&sps=60&dyn=heat-bath&r=0.1&play=1#physics';

interface Sample {
  seconds: number;
  heapMB: number;
  /** Array buffers and external strings (the particles' typed arrays live here, not in the JS heap). */
  buffersMB: number;
  steps: number;
}

const args = process.argv.slice(2);
const minutes = Number(args.find((arg) => !arg.startsWith('--')) ?? 10);
if (!(minutes > 0)) {
  console.error(`usage: npx tsx scripts/long-run.ts [minutes] [--dist]; got minutes = ${minutes}`);
  process.exit(2);
}
const useDist = args.includes('--dist');

// A folder of its own unless told otherwise, so a concurrent `npm run build` cannot swap files mid-run.
const outDir = useDist ? 'dist' : mkdtempSync(join(tmpdir(), 'boltzmann-long-run-'));
if (!useDist) {
  console.log(`building into ${outDir} …`);
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}
const server = await preview({
  logLevel: 'warn',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1', strictPort: false },
});
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address.');
const url = `http://127.0.0.1:${address.port}/${QUERY}`;

const browser = await launchBrowser([
  '--enable-precise-memory-info',
  // A headless page counts as visible, but make sure Chromium never throttles its timers or rAF.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
]);

let exitCode = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.locator('#occupancy-table tbody tr').first().waitFor({ timeout: 120_000 });
  const cdp = await page.context().newCDPSession(page);

  const readSteps = async (): Promise<number> =>
    Number(((await page.textContent('#readout-steps')) ?? '').replace(/[^\d]/g, ''));
  const sample = async (startedAt: number): Promise<Sample> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return {
      seconds: (Date.now() - startedAt) / 1000,
      heapMB: usage.usedSize / 2 ** 20,
      // Older Chromium versions do not report it; NaN prints as such rather than as a fake zero.
      buffersMB: (usage.backingStorageSize ?? Number.NaN) / 2 ** 20,
      steps: await readSteps(),
    };
  };

  console.log(`${url}\nrunning for ${minutes} min, sampling every ${SAMPLE_EVERY_MS / 1000} s`);
  console.log('    time   heap (MB) buffers (MB)     steps   steps/s since last');
  const startedAt = Date.now();
  const samples: Sample[] = [];
  const endAt = startedAt + minutes * 60_000;
  for (;;) {
    const current = await sample(startedAt);
    const previous = samples.at(-1);
    samples.push(current);
    const rate = previous
      ? (current.steps - previous.steps) / (current.seconds - previous.seconds)
      : Number.NaN;
    console.log(
      `${current.seconds.toFixed(0).padStart(6)} s ${current.heapMB.toFixed(2).padStart(10)} ${current.buffersMB.toFixed(2).padStart(12)} ${String(current.steps).padStart(10)} ${
        previous ? rate.toFixed(1).padStart(10) : '         –'
      }`,
    );
    if (Date.now() + SAMPLE_EVERY_MS > endAt + 1000) break;
    await page.waitForTimeout(SAMPLE_EVERY_MS - ((Date.now() - startedAt) % SAMPLE_EVERY_MS));
  }

  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const half = Math.floor(samples.length / 2);
  const first = samples.slice(0, half);
  const second = samples.slice(half);
  const slope =
    (mean(second.map((s) => s.heapMB)) - mean(first.map((s) => s.heapMB))) /
    ((mean(second.map((s) => s.seconds)) - mean(first.map((s) => s.seconds))) / 60);
  const last = samples[samples.length - 1];
  // The first sample at or after one minute is the baseline: before it the app is still warming up.
  const baseline = samples.find((s) => s.seconds * 1000 >= WARM_UP_MS - 1000) ?? samples[0];
  const growth = (last.heapMB - baseline.heapMB) / baseline.heapMB;
  const stepsPerSecond = (last.steps - samples[0].steps) / (last.seconds - samples[0].seconds);

  console.log(`\nslope, first half → second half: ${slope >= 0 ? '+' : ''}${slope.toFixed(3)} MB/min`);
  console.log(
    `heap at ${baseline.seconds.toFixed(0)} s: ${baseline.heapMB.toFixed(2)} MB; at the end: ${last.heapMB.toFixed(2)} MB ` +
      `(${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%, allowed +${ALLOWED_GROWTH * 100}%)`,
  );
  console.log(
    `steps advanced: ${last.steps - samples[0].steps}; achieved ${stepsPerSecond.toFixed(1)} steps/s (asked 60)`,
  );
  if (errors.length > 0) {
    console.log(`page errors:\n  ${errors.join('\n  ')}`);
    exitCode = 1;
  }
  if (last.seconds * 1000 < WARM_UP_MS) console.log('(shorter than the warm-up minute: growth not judged)');
  else if (growth > ALLOWED_GROWTH) {
    console.log('FAIL: the heap grew by more than the allowance');
    exitCode = 1;
  } else console.log('OK: no heap growth beyond the allowance');
} finally {
  await browser.close();
  await server.close();
  if (!useDist) rmSync(outDir, { recursive: true, force: true });
}
process.exit(exitCode);
