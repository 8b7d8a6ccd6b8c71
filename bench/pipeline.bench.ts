/**
 * The language-model sampler at GPT-2's vocabulary size (K = 50,257): how long one pipeline update takes
 * (the interface reruns it on every slider move), how long a generated token takes, and how long importing
 * a 50,257-token distribution takes. Target: temperature + top-p ≤ 5 ms per update in both orders. Then
 * the same slider moves at K = 151,936 (Qwen's vocabulary, the largest common one) against K = 50,257:
 * the pipeline is O(K), so the ratio should be close to 151,936 / 50,257 ≈ 3.02.
 *
 * The distribution is a shuffled power law p ∝ 1/rank^1.1, the usual shape of a next-token distribution
 * (a heavy head and a long tail), so that top-p's boundary falls where it would on a real model.
 */
import { generate } from '../src/core/lm/generation.ts';
import { parseTokenDistribution } from '../src/core/lm/importDistribution.ts';
import {
  createPipelineScratch,
  NEUTRAL_SETTINGS,
  type PipelineScratch,
  runPipeline,
  type SamplerOrder,
  type SamplerSettings,
} from '../src/core/lm/pipeline.ts';
import { createRng, type Rng } from '../src/core/rng.ts';
import { formatNumber, type Reporter, time } from './timing.ts';

const K = 50_257;
const LARGE_K = 151_936;

function powerLaw(k: number, exponent: number, rng: Rng): Float64Array {
  const p = new Float64Array(k);
  for (let rank = 0; rank < k; rank++) p[rank] = 1 / (rank + 1) ** exponent;
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(rng.nextFloat() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  let total = 0;
  for (let i = 0; i < k; i++) total += p[i];
  for (let i = 0; i < k; i++) p[i] /= total;
  return p;
}

const ms = (ns: number) => formatNumber(ns / 1e6);

export function run(report: Reporter): void {
  const rng = createRng(50_257);
  const p = powerLaw(K, 1.1, rng);
  const other = powerLaw(K, 1.1, rng);
  const scratch = createPipelineScratch();
  const options = { warmup: 10, repeats: 30 };

  // What a person does: drag one slider (the other settings and the model's distribution stay), or ask
  // the model for a new distribution. The pipeline reuses the stages a change cannot affect, so dragging a
  // slider that acts late in the chain is cheaper than dragging temperature in 'temperature-first'.
  const scenarios: {
    name: string;
    settings: Partial<SamplerSettings>;
    drags: [string, Partial<SamplerSettings>][];
  }[] = [
    {
      name: 't 0.8 + top-p 0.95',
      settings: { temperature: 0.8, topP: 0.95 },
      drags: [
        ['t', { temperature: 0.81 }],
        ['top-p', { topP: 0.94 }],
      ],
    },
    {
      name: 't 1.5 + top-p 0.9',
      settings: { temperature: 1.5, topP: 0.9 },
      drags: [
        ['t', { temperature: 1.51 }],
        ['top-p', { topP: 0.89 }],
      ],
    },
    {
      name: 't 0 (greedy) + top-p 0.9',
      settings: { temperature: 0, topP: 0.9 },
      drags: [['top-p', { topP: 0.89 }]],
    },
    { name: 't 0.7 only', settings: { temperature: 0.7 }, drags: [['t', { temperature: 0.71 }]] },
    { name: 'top-k 50 only', settings: { topK: 50 }, drags: [['top-k', { topK: 51 }]] },
    {
      name: 'all five stages',
      settings: { temperature: 0.9, topK: 5000, topP: 0.95, minP: 0.001, typicalP: 0.95 },
      drags: [
        ['t', { temperature: 0.91 }],
        ['top-p', { topP: 0.94 }],
      ],
    },
    { name: 'all off', settings: {}, drags: [] },
  ];

  const cell = (timing: { bestNs: number; medianNs: number }) =>
    `${ms(timing.bestNs)} (${ms(timing.medianNs)})`;
  report.heading(`Sampler pipeline, K = ${K}: ms per update, best (median) of 30, reused scratch`);
  const rows: (string | number)[][] = [];
  for (const scenario of scenarios) {
    for (const order of ['temperature-first', 'temperature-last'] as SamplerOrder[]) {
      const settings = { ...NEUTRAL_SETTINGS, ...scenario.settings, order };
      const cells: string[] = [];
      for (const [slider, change] of scenario.drags) {
        const moved = { ...settings, ...change };
        let flip = false;
        const timing = time(() => {
          flip = !flip;
          return runPipeline(p, flip ? moved : settings, scratch).entropyNats;
        }, options);
        cells.push(`${slider}: ${cell(timing)}`);
      }
      // Alternating two distributions: every stage recomputed, and the cached −ln p refreshed.
      let flip = false;
      const changing = time(() => {
        flip = !flip;
        return runPipeline(flip ? p : other, settings, scratch).entropyNats;
      }, options);
      const kept = runPipeline(p, settings, scratch).keptCount;
      rows.push([scenario.name, order, kept, cells.join('; ') || '—', cell(changing)]);
    }
  }
  report.table(['settings', 'order', 'kept', 'drag one slider', 'new distribution'], rows);
  const fresh = time(
    () => runPipeline(p, { ...NEUTRAL_SETTINGS, temperature: 0.8, topP: 0.95 }).entropyNats,
    { warmup: 3, repeats: 10 },
  );
  report.note(
    `Without a scratch (allocating ~2.6 MB of arrays per call): ${cell(fresh)} ms. ` +
      'Target: temperature + top-p ≤ 5 ms per update.',
  );

  reportScaling(report, rng, p, scratch, options);

  report.heading(`Generation, K = ${K}: ms per token (pipeline + inverse-CDF draw + top 5 alternatives)`);
  const genRows: (string | number)[][] = [];
  const vocabulary = Array.from({ length: K }, (_, i) => `t${i}`);
  for (const order of ['temperature-first', 'temperature-last'] as SamplerOrder[]) {
    const settings = { ...NEUTRAL_SETTINGS, temperature: 0.8, topP: 0.95, order };
    let step = 0;
    const tokens = 20;
    const timing = time(
      () =>
        generate({
          vocabulary,
          // A new distribution at every step, as a real model gives.
          nextDistribution: () => (step++ % 2 === 0 ? p : other),
          settings,
          rng,
          count: tokens,
          scratch,
        }).steps.length,
      { warmup: 2, repeats: 7 },
    );
    genRows.push([order, ms(timing.bestNs / tokens), ms(timing.medianNs / tokens)]);
  }
  report.table(['order', 'best', 'median'], genRows);

  report.heading(`Import of a ${K}-token distribution: ms per parse (best and median of 7)`);
  const map: Record<string, number> = {};
  const list: { token: string; logprob: number; bytes: number[] }[] = [];
  for (let i = 0; i < K; i++) {
    // GPT-2-like token texts: a leading space on most, a few bytes each.
    const token = `${i % 3 === 0 ? '' : ' '}tok${i}`;
    map[token] = p[i];
    list.push({ token, logprob: Math.log(p[i]), bytes: [116, 111, 107] });
  }
  const mapText = JSON.stringify(map);
  const listText = JSON.stringify({ completion_probabilities: [{ token: ' tok1', top_logprobs: list }] });
  const importRows: (string | number)[][] = [];
  for (const [name, text] of [
    ['JSON map token → probability', mapText],
    ['llama.cpp top_logprobs list', listText],
  ]) {
    const parse = time(() => parseTokenDistribution(text).probabilities.length, { warmup: 2, repeats: 7 });
    const bare = time(() => (JSON.parse(text) as object) && 1, { warmup: 2, repeats: 7 });
    importRows.push([
      name,
      formatNumber(text.length / 1e6),
      ms(parse.bestNs),
      ms(parse.medianNs),
      ms(bare.bestNs),
    ]);
  }
  report.table(['format', 'MB', 'parseTokenDistribution', 'median', 'JSON.parse alone'], importRows);
}

const ROUNDS = 4;

function combine(timings: { bestNs: number; medianNs: number }[]): { bestNs: number; medianNs: number } {
  const medians = timings.map((timing) => timing.medianNs).sort((x, y) => x - y);
  const middle = medians.length >> 1;
  return {
    bestNs: Math.min(...timings.map((timing) => timing.bestNs)),
    medianNs: medians.length % 2 ? medians[middle] : (medians[middle - 1] + medians[middle]) / 2,
  };
}

/**
 * One slider move at K = 50,257 and at K = 151,936, each with its own scratch (a scratch resized between
 * calls would reallocate every time), in both orders, for the temperature and the top-p slider.
 */
function reportScaling(
  report: Reporter,
  rng: Rng,
  small: Float64Array,
  smallScratch: PipelineScratch,
  options: { warmup: number; repeats: number },
): void {
  const large = powerLaw(LARGE_K, 1.1, rng);
  const largeScratch = createPipelineScratch();
  const base: Partial<SamplerSettings> = { temperature: 0.8, topP: 0.95 };
  const drags: [string, Partial<SamplerSettings>][] = [
    ['t 0.8 → 0.81', { temperature: 0.81 }],
    ['top-p 0.95 → 0.94', { topP: 0.94 }],
  ];
  const drag = (p: Float64Array, scratch: PipelineScratch, from: SamplerSettings, to: SamplerSettings) => {
    let flip = false;
    return time(() => {
      flip = !flip;
      return runPipeline(p, flip ? to : from, scratch).entropyNats;
    }, options);
  };
  report.heading(
    `Sampler pipeline per slider move, K = ${K} against K = ${LARGE_K} (t 0.8 + top-p 0.95): ms, best (median) of ${ROUNDS} × 30, sizes alternating`,
  );
  const rows: (string | number)[][] = [];
  for (const order of ['temperature-first', 'temperature-last'] as SamplerOrder[]) {
    const from = { ...NEUTRAL_SETTINGS, ...base, order };
    for (const [slider, change] of drags) {
      const to = { ...from, ...change };
      // Rounds alternate between the two sizes, so that a burst of load from other jobs on the machine
      // does not fall on one size only: best of all rounds, median of the rounds' medians.
      const rounds = Array.from({ length: ROUNDS }, () => [
        drag(small, smallScratch, from, to),
        drag(large, largeScratch, from, to),
      ]);
      const a = combine(rounds.map((round) => round[0]));
      const b = combine(rounds.map((round) => round[1]));
      rows.push([
        order,
        slider,
        `${runPipeline(small, from, smallScratch).keptCount} / ${runPipeline(large, from, largeScratch).keptCount}`,
        `${ms(a.bestNs)} (${ms(a.medianNs)})`,
        `${ms(b.bestNs)} (${ms(b.medianNs)})`,
        `${formatNumber(b.bestNs / a.bestNs)} (${formatNumber(b.medianNs / a.medianNs)})`,
      ]);
    }
  }
  report.table(
    ['order', 'slider', 'kept (small / large)', `K = ${K}`, `K = ${LARGE_K}`, 'ratio, best (median)'],
    rows,
  );
  report.note(`Linear scaling would give ${formatNumber(LARGE_K / K)}×.`);
}
