/**
 * Runs every bench/*.bench.ts in file-name order and prints their results: `npm run bench`
 * (or `npx tsx bench/run.ts`). Pass words to run only the files whose names contain one of them:
 * `npx tsx bench/run.ts sampling`.
 *
 * Convention for a bench file: it exports
 *
 *     export async function run(report: Reporter): Promise<void>   // or a synchronous run
 *
 * and prints only through `report` (heading, table, note; see timing.ts), which keeps the output of all
 * files uniform and lets this runner change where it goes. Use `time()` from timing.ts for measurements:
 * it warms up, takes the best of several runs and keeps the results alive so the JIT cannot drop the work.
 * A file should finish in well under a minute. Files run one after another in this one process, so JIT
 * state carries over; a file that needs a cold start should say so in its output.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConsoleReporter, type Reporter } from './timing.ts';

interface BenchModule {
  run?: (report: Reporter) => void | Promise<void>;
}

async function main(): Promise<void> {
  const directory = dirname(fileURLToPath(import.meta.url));
  const filters = process.argv.slice(2);
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
    .sort();
  if (files.length === 0) {
    console.error(
      `No bench files matched ${filters.length ? filters.join(', ') : '*.bench.ts'} in ${directory}.`,
    );
    process.exitCode = 1;
    return;
  }

  const report = createConsoleReporter();
  console.log(`Node ${process.version}, ${process.arch}; ${files.length} bench file(s)`);
  for (const name of files) {
    console.log(`\n=== ${name} ===`);
    const started = performance.now();
    try {
      const module = (await import(pathToFileURL(join(directory, name)).href)) as BenchModule;
      if (typeof module.run !== 'function') {
        throw new Error(`${name} does not export a run(report) function.`);
      }
      await module.run(report);
      console.log(`\n(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      // One broken bench should not hide the others' figures; the exit code still reports it.
      console.error(`${name} failed:`, error);
      process.exitCode = 1;
    }
  }
}

await main();
