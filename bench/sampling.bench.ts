/**
 * How fast can particles be assigned to levels? Compares the alias sampler with the generator alone (the
 * limit), with the textbook cumulative-sum + binary search, and with mathjs pickRandom; then times the
 * multinomial count sampler at growing totals to show its cost does not depend on the total.
 *
 * Every competitor inlines sfc32 in locals the same way (except mathjs, which brings its own generator), so
 * the differences are the sampling methods, not the generator plumbing.
 */
import { pickRandom } from 'mathjs';
import { AliasTable, sampleLevels } from '../src/core/alias.ts';
import { sampleCounts } from '../src/core/multinomial.ts';
import { createRng, type Rng } from '../src/core/rng.ts';
import { formatNumber, type Reporter, sinkValue, time } from './timing.ts';

const DRAWS = 1_000_000;
const LEVEL_COUNTS = [2, 64, 1024];

/** The generator alone: sfc32 in locals, outputs summed so the work is used. */
function bareGenerator(rng: Rng, draws: number): number {
  const state = rng.state;
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    const u = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + u) | 0;
    sum = (sum + u) | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = counter;
  return sum;
}

/** Cumulative sums searched by bisection: O(log K) per draw, the usual first implementation. */
function cumulativeSearch(cumulative: Float64Array, out: Uint32Array, rng: Rng): number {
  const state = rng.state;
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  const last = cumulative.length - 1;
  for (let i = 0; i < out.length; i++) {
    const u = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + u) | 0;
    const x = (u >>> 0) * 2.3283064365386963e-10; // / 2^32
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (x < cumulative[middle]) high = middle;
      else low = middle + 1;
    }
    out[i] = low;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = counter;
  return out[out.length - 1];
}

/** Random positive weights, so that a linear scan (mathjs) does not get an easy head-heavy case. */
function randomDistribution(levels: number, rng: Rng): Float64Array {
  const p = new Float64Array(levels);
  let sum = 0;
  for (let i = 0; i < levels; i++) {
    p[i] = rng.nextFloat() + 1e-3;
    sum += p[i];
  }
  for (let i = 0; i < levels; i++) p[i] /= sum;
  return p;
}

function cumulativeOf(p: Float64Array): Float64Array {
  const cumulative = new Float64Array(p.length);
  let running = 0;
  for (let i = 0; i < p.length; i++) {
    running += p[i];
    cumulative[i] = running;
  }
  cumulative[p.length - 1] = 1; // the last bin must catch x just below 1 despite rounding
  return cumulative;
}

export async function run(report: Reporter): Promise<void> {
  const rng = createRng(20260101);
  const out = new Uint32Array(DRAWS);
  const small = new Uint32Array(1000);

  // Warm every hot loop on small inputs first: otherwise V8 may compile a loop mid-way through its first
  // long call (OSR), before the code after the loop has run, which in Node 20 can leave it deoptimising
  // on every call and make the comparison depend on luck.
  const warmTable = new AliasTable(randomDistribution(64, rng));
  const warmCumulative = cumulativeOf(randomDistribution(64, rng));
  for (let i = 0; i < 200; i++) {
    bareGenerator(rng, 1000);
    warmTable.fill(small, rng);
    cumulativeSearch(warmCumulative, small, rng);
  }

  report.heading(`Level sampling: ns per draw (${formatNumber(DRAWS)} draws, best of 9; mathjs best of 3)`);
  const rows: (string | number)[][] = [];
  for (const levels of LEVEL_COUNTS) {
    const p = randomDistribution(levels, rng);
    const table = new AliasTable(p);
    const cumulative = cumulativeOf(p);
    const options = { warmup: 3, repeats: 9 };

    const bare = time(() => bareGenerator(rng, DRAWS), options).bestNs / DRAWS;
    const alias = time(() => table.fill(out, rng)[DRAWS - 1], options).bestNs / DRAWS;
    const search = time(() => cumulativeSearch(cumulative, out, rng), options).bestNs / DRAWS;

    // pickRandom scans the weights linearly for every draw, so K = 1024 needs fewer draws to finish.
    const mathDraws = levels > 100 ? 20_000 : 200_000;
    const values = Array.from({ length: levels }, (_, i) => i);
    const weights = Array.from(p);
    const mathjs =
      time(
        () => {
          const picked = pickRandom(values, mathDraws, weights);
          return picked[picked.length - 1];
        },
        { warmup: 1, repeats: 3 },
      ).bestNs / mathDraws;

    rows.push([
      levels,
      formatNumber(bare),
      formatNumber(alias),
      formatNumber(search),
      formatNumber(mathjs),
      formatNumber(alias / bare),
      formatNumber(mathjs / alias),
    ]);
  }
  report.table(
    ['K', 'bare sfc32', 'alias', 'cumsum+bisect', 'mathjs pickRandom', 'alias/bare', 'mathjs/alias'],
    rows,
  );
  report.note('Targets: alias/bare ≤ 3, mathjs/alias ≥ 30.');

  report.heading('Alias table set-up: µs per rebuild, and sampleLevels (rebuild + 1e6 draws) in ms');
  const setupRows: (string | number)[][] = [];
  for (const levels of LEVEL_COUNTS) {
    const p = randomDistribution(levels, rng);
    const table = new AliasTable(p);
    const rebuilds = 2000;
    const rebuild = time(
      () => {
        for (let i = 0; i < rebuilds; i++) table.rebuild(p);
        return table.entries[0];
      },
      { warmup: 2, repeats: 5 },
    ).bestNs;
    const whole = time(() => sampleLevels(p, DRAWS, rng, out)[0], { warmup: 2, repeats: 5 }).bestNs;
    setupRows.push([levels, formatNumber(rebuild / rebuilds / 1e3), formatNumber(whole / 1e6)]);
  }
  report.table(['K', 'rebuild µs', 'sampleLevels ms'], setupRows);

  report.heading('Multinomial counts (binomial chain), K = 64: µs per sampleCounts call');
  const p = randomDistribution(64, rng);
  const counts = new Float64Array(64);
  const calls = 2000;
  const countRows: (string | number)[][] = [];
  for (const total of [1e6, 1e12, 1e24]) {
    const timing = time(
      () => {
        let check = 0;
        for (let i = 0; i < calls; i++) check += sampleCounts(p, total, rng, counts)[0];
        return check / total;
      },
      { warmup: 3, repeats: 7 },
    );
    countRows.push([
      formatNumber(total),
      formatNumber(timing.bestNs / calls / 1e3),
      formatNumber(timing.medianNs / calls / 1e3),
    ]);
  }
  report.table(['total', 'best µs/call', 'median µs/call'], countRows);
  report.note('The cost should not grow with the total: every level costs one O(1) binomial draw.');
  report.note(`(checksum ${formatNumber(sinkValue())})`);
}
