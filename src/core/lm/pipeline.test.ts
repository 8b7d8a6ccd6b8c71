import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { entropyNats, temperatureSoftmax } from '../distribution.ts';
import { InputError } from '../errors.ts';
import { createRng } from '../rng.ts';
import {
  createPipelineScratch,
  isGreedyTemperature,
  NEUTRAL_SETTINGS,
  type PipelineResult,
  runPipeline,
  type SamplerOrder,
  type SamplerSettings,
  STAGE_ORDER,
  type StageKind,
  selectPrefix,
  topTokens,
} from './pipeline.ts';

const ORDERS: readonly SamplerOrder[] = ['temperature-first', 'temperature-last'];

function settings(overrides: Partial<SamplerSettings>): SamplerSettings {
  return { ...NEUTRAL_SETTINGS, ...overrides };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      throw new Error(
        `index ${i}: ${actual[i]} vs ${expected[i]}\n  actual   ${Array.from(actual).join(', ')}\n  expected ${Array.from(expected).join(', ')}`,
      );
    }
  }
}

function stage(result: PipelineResult, kind: StageKind) {
  const found = result.stages.find((s) => s.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} stage`);
  return found;
}

function support(values: ArrayLike<number>): number[] {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] > 0) kept.push(i);
  return kept;
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function expectInputError(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as Error).message).toMatch(message);
}

const P4 = [0.5, 0.25, 0.15, 0.1];

describe('hand-computed fixtures', () => {
  test('t = 2, top-k = 2, top-p = 0.7, min-p = 0.3: both orders keep tokens 0 and 1 as 2 − √2 and √2 − 1', () => {
    // temperature-first (HF): t = 2 gives p' ∝ √p = [0.7071, 0.5, 0.3873, 0.3162] / 1.9106
    //   = [0.3701, 0.2617, 0.2027, 0.1655]. top-k 2 keeps tokens 0, 1: √0.5 / (√0.5 + √0.25) = 2 − √2
    //   = 0.5858 and √2 − 1 = 0.4142. top-p 0.7: 0.5858 < 0.7, then 1 ≥ 0.7, so both stay. min-p 0.3:
    //   0.3 · 0.5858 = 0.1757 ≤ 0.4142, both stay.
    // temperature-last (llama.cpp): top-k 2 keeps [0.5, 0.25] → [2/3, 1/3]; top-p 0.7: 2/3 < 0.7, both stay;
    //   min-p 0.3: 0.2 ≤ 1/3, both stay; t = 2: √(2/3) / (√(2/3) + √(1/3)) = √2 / (√2 + 1) = 2 − √2.
    // The orders agree because temperature keeps the ranking and neither top-p nor min-p cuts here.
    const expected = [2 - Math.SQRT2, Math.SQRT2 - 1, 0, 0];
    for (const order of ORDERS) {
      const result = runPipeline(P4, settings({ temperature: 2, topK: 2, topP: 0.7, minP: 0.3, order }));
      expectClose(result.final, expected);
      expect(Array.from(stage(result, 'top-k').removed)).toEqual([0, 0, 1, 1]);
      expect(stage(result, 'top-p').removedCount).toBe(0);
      expect(stage(result, 'min-p').removedCount).toBe(0);
      expect(result.keptCount).toBe(2);
    }
    const first = runPipeline(P4, settings({ temperature: 2, topK: 2, topP: 0.7, minP: 0.3 }));
    const root = Math.sqrt(0.5) + Math.sqrt(0.25) + Math.sqrt(0.15) + Math.sqrt(0.1);
    expectClose(
      stage(first, 'temperature').after,
      P4.map((p) => Math.sqrt(p) / root),
    );
  });

  test('t = 2, top-k = 3, top-p = 0.8, min-p = 0.3: the orders differ (top-p sees a flatter distribution first)', () => {
    // temperature-first: t = 2 → ∝ √p; top-k 3 keeps [√0.5, √0.25, √0.15] / 1.5944 = [0.4435, 0.3136, 0.2429];
    //   top-p 0.8: 0.4435, 0.7571 < 0.8, 1 ≥ 0.8 → all three stay; min-p 0.3: 0.1330 ≤ 0.2429, all stay.
    const roots = [Math.sqrt(0.5), Math.sqrt(0.25), Math.sqrt(0.15)];
    const rootSum = roots[0] + roots[1] + roots[2];
    const first = runPipeline(P4, settings({ temperature: 2, topK: 3, topP: 0.8, minP: 0.3 }));
    expectClose(first.final, [...roots.map((r) => r / rootSum), 0]);
    expect(stage(first, 'top-p').removedCount).toBe(0);

    // temperature-last: top-k 3 keeps [0.5, 0.25, 0.15] / 0.9 = [0.5556, 0.2778, 0.1667]; top-p 0.8:
    //   0.5556 < 0.8, 0.8333 ≥ 0.8 → tokens 0, 1 → [2/3, 1/3]; min-p: 0.2 ≤ 1/3; t = 2 → [2 − √2, √2 − 1].
    const last = runPipeline(
      P4,
      settings({ temperature: 2, topK: 3, topP: 0.8, minP: 0.3, order: 'temperature-last' }),
    );
    expectClose(last.final, [2 - Math.SQRT2, Math.SQRT2 - 1, 0, 0]);
    expect(Array.from(stage(last, 'top-p').removed)).toEqual([0, 0, 1, 0]);
    expectClose(stage(last, 'top-p').after, [2 / 3, 1 / 3, 0, 0]);
  });

  test('t = 0.5, top-k = 3, top-p = 0.95, min-p = 0.2: min-p cuts only when temperature comes first', () => {
    // temperature-first: t = 0.5 → ∝ p² = [0.25, 0.0625, 0.0225, 0.01]; top-k 3 → [0.25, 0.0625, 0.0225] / 0.335
    //   = [0.7463, 0.1866, 0.0672]; top-p 0.95: 0.7463, 0.9328 < 0.95, 1 → all three stay;
    //   min-p 0.2: 0.2 · 0.7463 = 0.1493 > 0.0672 → token 2 goes → [0.25, 0.0625] / 0.3125 = [0.8, 0.2].
    const first = runPipeline(P4, settings({ temperature: 0.5, topK: 3, topP: 0.95, minP: 0.2 }));
    expectClose(first.final, [0.8, 0.2, 0, 0]);
    expect(Array.from(stage(first, 'min-p').removed)).toEqual([0, 0, 1, 0]);

    // temperature-last: top-k 3 → [5/9, 5/18, 1/6]; top-p 0.95: 0.5556, 0.8333, 1 → all stay; min-p 0.2:
    //   0.2 · 5/9 = 0.1111 ≤ 1/6 → all stay; t = 0.5 → ∝ [25/81, 25/324, 1/36] = [0.25, 0.0625, 0.0225] / 0.335.
    const last = runPipeline(
      P4,
      settings({ temperature: 0.5, topK: 3, topP: 0.95, minP: 0.2, order: 'temperature-last' }),
    );
    expectClose(last.final, [0.25 / 0.335, 0.0625 / 0.335, 0.0225 / 0.335, 0]);
    expect(stage(last, 'min-p').removedCount).toBe(0);
  });

  test('typical-p ranks by |surprisal − entropy| and can remove the most likely token', () => {
    // H(P4) = 0.5 ln 2 + 0.25 ln 4 + 0.15 ln(1/0.15) + 0.1 ln 10 = 1.2080 nats. Surprisals −ln p:
    // 0.6931, 1.3863, 1.8971, 2.3026; distances from H: 0.5148, 0.1783, 0.6891, 1.0946. So the typical order
    // is token 1, 0, 2, 3. typical-p 0.5: 0.25 < 0.5, 0.75 ≥ 0.5 → tokens 1, 0 → [2/3, 1/3].
    // typical-p 0.2: 0.25 ≥ 0.2 already → only token 1, the second most likely.
    for (const order of ORDERS) {
      const half = runPipeline(P4, settings({ typicalP: 0.5, order }));
      expectClose(half.final, [2 / 3, 1 / 3, 0, 0]);
      const narrow = runPipeline(P4, settings({ typicalP: 0.2, order }));
      expectClose(narrow.final, [0, 1, 0, 0]);
      // Greedy after typical-p (llama.cpp's chain) takes the most likely survivor; greedy first (HF) the argmax.
      const greedy = runPipeline(P4, settings({ typicalP: 0.2, temperature: 0, order }));
      expect(greedy.greedyToken).toBe(order === 'temperature-last' ? 1 : 0);
      // HF keeps at least one token: after greedy only token 0 is left, and typical-p keeps it.
      expect(support(greedy.final)).toEqual([order === 'temperature-last' ? 1 : 0]);
    }
  });

  test('typical-p boundary: HF stops at the first cumulative ≥ p, llama.cpp at the first > p', () => {
    // Typical order 1, 0, 2, 3 (see above); cumulative 0.25, 0.75 (exact in binary), 0.9, 1.
    // typical-p = 0.75 exactly: HF keeps {1, 0}; llama.cpp needs a sum > 0.75, so it keeps {1, 0, 2}.
    const hf = runPipeline(P4, settings({ typicalP: 0.75 }));
    expect(support(hf.final)).toEqual([0, 1]);
    const llama = runPipeline(P4, settings({ typicalP: 0.75, order: 'temperature-last' }));
    expect(support(llama.final)).toEqual([0, 1, 2]);
  });
});

describe('conventions', () => {
  test('top-k ties: HF order keeps every token tied with the k-th, llama.cpp order keeps exactly k (lowest index)', () => {
    const p = [0.4, 0.2, 0.2, 0.2];
    const hf = runPipeline(p, settings({ topK: 2 }));
    expectClose(hf.final, p);
    expect(stage(hf, 'top-k').removedCount).toBe(0);
    const llama = runPipeline(p, settings({ topK: 2, order: 'temperature-last' }));
    expectClose(llama.final, [2 / 3, 1 / 3, 0, 0]);
  });

  test('top-p boundary of sampling.md: [0.5, 0.3, 0.2] with top-p 0.8 keeps 2 tokens in both orders (llama.cpp rule)', () => {
    // 0.5 + 0.3 is exactly 0.8 in binary floating point, so the cumulative sum reaches top-p at token 1 and
    // the scan stops there (llama.cpp). HF's 1 − 0.8 = 0.19999999999999996 would keep the third token.
    for (const order of ORDERS) {
      const result = runPipeline([0.5, 0.3, 0.2], settings({ topP: 0.8, order }));
      expectClose(result.final, [0.625, 0.375, 0]);
    }
  });

  test('top-p ties at the boundary: the lower token index is kept first', () => {
    const result = runPipeline([0.2, 0.4, 0.2, 0.2], settings({ topP: 0.5 }));
    expectClose(result.final, [1 / 3, 2 / 3, 0, 0]);
  });

  test('temperature 1 is a no-op, and every disabled stage copies its input', () => {
    const p = [0.1, 0.2, 0, 0.3, 0.4];
    for (const order of ORDERS) {
      const result = runPipeline(p, settings({ order }));
      expect(Array.from(result.final)).toEqual(p);
      expect(result.stages.map((s) => s.kind)).toEqual(STAGE_ORDER[order]);
      for (const s of result.stages) {
        expect(s.active).toBe(false);
        expect(s.removedCount).toBe(0);
        expect(s.keptCount).toBe(4);
        expect(Array.from(s.after)).toEqual(Array.from(s.before));
      }
      expect(result.greedy).toBe(false);
      expect(result.greedyToken).toBe(-1);
    }
  });

  test('top-k ≥ K and top-k ≤ 0 are off', () => {
    for (const topK of [0, -3, 4, 100]) {
      const result = runPipeline(P4, settings({ topK }));
      expect(stage(result, 'top-k').active).toBe(false);
      expectClose(result.final, P4);
    }
  });

  test('t = 0 is greedy: the first maximum gets everything, in both orders', () => {
    const p = [0.1, 0.3, 0.3, 0.2, 0.1];
    for (const order of ORDERS) {
      for (const temperature of [0, -0]) {
        const result = runPipeline(p, settings({ temperature, order }));
        expect(result.greedy).toBe(true);
        expect(result.greedyToken).toBe(1);
        expect(Array.from(result.final)).toEqual([0, 1, 0, 0, 0]);
        expect(result.entropyNats).toBe(0);
        expect(result.perplexity).toBe(1);
        expect(Array.from(stage(result, 'temperature').removed)).toEqual([1, 0, 1, 1, 1]);
      }
    }
  });

  test('t → 0+ approaches greedy; tied maxima share in the limit (greedy at exactly 0 picks the first)', () => {
    const result = runPipeline([0.3, 0.5, 0.2], settings({ temperature: 1e-3 }));
    expectClose(result.final, [0, 1, 0]);
    const tied = runPipeline([0.1, 0.45, 0.45], settings({ temperature: 1e-3 }));
    expectClose(tied.final, [0, 0.5, 0.5]);
    expect(tied.greedy).toBe(false);
  });

  test('t < 0 inverts with temperature first (the physics extension): p′ ∝ p^(1/t), least likely first', () => {
    // t = −1: p′ ∝ 1/p = [2, 3.333, 5] / 10.333.
    const inverted = runPipeline([0.5, 0.3, 0.2], settings({ temperature: -1 }));
    const w = [2, 1 / 0.3, 5];
    const z = w[0] + w[1] + w[2];
    expectClose(inverted.final, [w[0] / z, w[1] / z, w[2] / z]);
    expect(inverted.greedy).toBe(false);
    // Temperature first, then top-k 1: the one token kept is the least likely of the original.
    const least = runPipeline([0.5, 0.3, 0.2], settings({ temperature: -1, topK: 1 }));
    expectClose(least.final, [0, 0, 1]);
    // t → 0−: everything on the least likely token with p > 0; zeros stay zero.
    const limit = runPipeline([0.5, 0, 0.3, 0.2], settings({ temperature: -1e-3 }));
    expectClose(limit.final, [0, 0, 0, 1]);
  });

  test("temperature last: every t ≤ 0 is greedy, as llama.cpp's temperature sampler (temp ≤ 0 keeps the maximum)", () => {
    // The app used to invert here too: t = −1 gave [0.194, 0.323, 0.484]; llama.cpp gives [1, 0, 0].
    const last = { order: 'temperature-last' as const };
    for (const temperature of [-0, -1e-3, -1, -7.5, Number.NEGATIVE_INFINITY]) {
      const result = runPipeline([0.5, 0.3, 0.2], settings({ temperature, ...last }));
      expect(result.greedy).toBe(true);
      expect(result.greedyToken).toBe(0);
      expect(Array.from(result.final)).toEqual([1, 0, 0]);
      expect(result.keptCount).toBe(1);
      expect(result.entropyNats).toBe(0);
    }
    // After top-k 2 the most likely survivor, not the lesser one an inversion would favour ([0.375, 0.625]).
    const afterTopK = runPipeline([0.5, 0.3, 0.2], settings({ temperature: -1, topK: 2, ...last }));
    expect(Array.from(afterTopK.final)).toEqual([1, 0, 0]);
    // Tied maxima: llama.cpp keeps the first maximum in its candidate order (token order when no stage
    // before it sorted them; after a sort, its unstable sort decides), the app the lowest token index.
    const tied = [0.1, 0.3, 0.3, 0.2, 0.1];
    for (const extra of [{}, { topK: 3 }, { topP: 0.7 }, { minP: 0.5 }]) {
      const result = runPipeline(tied, settings({ temperature: -2, ...extra, ...last }));
      expect(result.greedyToken).toBe(1);
      expect(Array.from(result.final)).toEqual([0, 1, 0, 0, 0]);
    }
  });

  test('top-p = 0 keeps only the most likely token, in both orders (llama.cpp and HF both accept 0)', () => {
    for (const order of ORDERS) {
      const result = runPipeline([0.2, 0.5, 0.3], settings({ topP: 0, order }));
      expect(Array.from(result.final)).toEqual([0, 1, 0]);
      expect(stage(result, 'top-p').active).toBe(true);
      expect(stage(result, 'top-p').removedCount).toBe(2);
      // Tied maxima: one token, the lower index (llama.cpp stops at the first cumulative sum ≥ 0).
      const tied = runPipeline([0.4, 0.2, 0.4], settings({ topP: 0, order }));
      expect(Array.from(tied.final)).toEqual([1, 0, 0]);
    }
  });

  test("typical-p = 0 keeps only the most typical token in llama.cpp's order; HF's order refuses it as HF does", () => {
    // P4's most typical token is token 1 (see the typical-p fixture above): llama.cpp stops at the first
    // cumulative sum > 0, which is the first token in the typical order.
    const result = runPipeline(P4, settings({ typicalP: 0, order: 'temperature-last' }));
    expect(Array.from(result.final)).toEqual([0, 1, 0, 0]);
    expect(stage(result, 'typical-p').removedCount).toBe(3);
    expectInputError(
      () => runPipeline(P4, settings({ typicalP: 0 })),
      /typical-p must be in \(0, 1\] with temperature first/,
    );
  });

  test("min-p = 1 keeps every token tied with the most likely, as llama.cpp's logit ≥ max + ln 1", () => {
    for (const order of ORDERS) {
      const result = runPipeline([0.4, 0.2, 0.4], settings({ minP: 1, order }));
      expect(Array.from(result.final)).toEqual([0.5, 0, 0.5]);
    }
  });

  test('t = ±∞ is uniform over the tokens with p > 0, except −∞ with temperature last (greedy)', () => {
    for (const temperature of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      for (const order of ORDERS) {
        const result = runPipeline([0.7, 0, 0.2, 0.1], settings({ temperature, order }));
        if (order === 'temperature-last' && temperature < 0) {
          expect(Array.from(result.final)).toEqual([1, 0, 0, 0]);
          continue;
        }
        expectClose(result.final, [1 / 3, 0, 1 / 3, 1 / 3]);
        expect(result.perplexity).toBeCloseTo(3, 12);
      }
    }
  });

  test('tokens with p = 0 stay at 0 through every stage', () => {
    const p = [0, 0.4, 0, 0.3, 0.2, 0, 0.1];
    const result = runPipeline(
      p,
      settings({ temperature: -2, topK: 3, topP: 0.99, minP: 0.01, typicalP: 0.99 }),
    );
    for (const s of result.stages) for (const i of [0, 2, 5]) expect(s.after[i]).toBe(0);
  });

  test('at least one token is always kept', () => {
    const p = [0.25, 0.25, 0.25, 0.25];
    for (const order of ORDERS) {
      const tiny = runPipeline(p, settings({ topP: 1e-12, order }));
      expect(support(tiny.final)).toEqual([0]);
      const strictMin = runPipeline([0.5, 0.2, 0.3], settings({ minP: 1, order }));
      expect(support(strictMin.final)).toEqual([0]);
      const typical = runPipeline([0.5, 0.2, 0.3], settings({ typicalP: 1e-12, order }));
      expect(typical.keptCount).toBe(1);
      const all = runPipeline(
        [0.5, 0.2, 0.3],
        settings({ topK: 1, topP: 1e-9, minP: 1, typicalP: 1e-9, order }),
      );
      expect(all.keptCount).toBe(1);
    }
  });

  test('entropy and perplexity: uniform over k tokens gives ln k nats, log2 k bits, perplexity k', () => {
    for (const k of [1, 2, 5, 10]) {
      const p = Array.from({ length: 12 }, (_, i) => 0.02 + i / 100);
      const pSum = p.reduce((a, b) => a + b, 0);
      // Top-k (exactly k, temperature last) then t = ∞ flattens the k kept tokens.
      const result = runPipeline(
        p.map((x) => x / pSum),
        settings({ topK: k, temperature: Number.POSITIVE_INFINITY, order: 'temperature-last' }),
      );
      expect(result.keptCount).toBe(k);
      expect(result.entropyNats).toBeCloseTo(Math.log(k), 12);
      expect(result.entropyBits).toBeCloseTo(Math.log2(k), 12);
      expect(result.perplexity).toBeCloseTo(k, 10);
    }
  });

  test('the input is renormalised (within the 1e-6 tolerance of validateProbabilities)', () => {
    const result = runPipeline([0.5, 0.5000004], settings({}));
    expect(sum(result.input)).toBeCloseTo(1, 15);
    expect(result.input[0]).toBeCloseTo(0.5 / 1.0000004, 15);
  });

  test('temperature agrees with temperatureSoftmax on a long ladder', () => {
    const rng = createRng(7);
    const p = new Float64Array(300);
    for (let i = 0; i < p.length; i++) p[i] = i % 7 === 0 ? 0 : rng.nextFloat() ** 4;
    const total = sum(p);
    for (let i = 0; i < p.length; i++) p[i] /= total;
    for (const t of [0.05, 0.3, 0.9, 1.7, 25, -0.4, -3]) {
      const result = runPipeline(p, settings({ temperature: t }));
      expectClose(result.final, temperatureSoftmax(p, t), 1e-14);
    }
  });
});

describe('validation', () => {
  test('settings out of range are InputErrors with human messages', () => {
    expectInputError(
      () => runPipeline(P4, settings({ temperature: Number.NaN })),
      /Temperature must be a number/,
    );
    expectInputError(() => runPipeline(P4, settings({ topK: 2.5 })), /top-k must be a whole number/);
    expectInputError(() => runPipeline(P4, settings({ topK: Number.POSITIVE_INFINITY })), /top-k must be/);
    expectInputError(() => runPipeline(P4, settings({ topP: -0.1 })), /top-p must be in \[0, 1\]/);
    expectInputError(() => runPipeline(P4, settings({ topP: 1.01 })), /top-p must be in \[0, 1\]/);
    expectInputError(() => runPipeline(P4, settings({ topP: Number.NaN })), /top-p must be in \[0, 1\]/);
    expectInputError(() => runPipeline(P4, settings({ minP: -0.1 })), /min-p must be in \[0, 1\]/);
    expectInputError(() => runPipeline(P4, settings({ minP: 2 })), /min-p must be in \[0, 1\]/);
    expectInputError(() => runPipeline(P4, settings({ typicalP: 0 })), /typical-p must be in \(0, 1\]/);
    expectInputError(() => runPipeline(P4, settings({ typicalP: 1.5 })), /typical-p must be in \(0, 1\]/);
    for (const typicalP of [-0.1, 1.5, Number.NaN]) {
      expectInputError(
        () => runPipeline(P4, settings({ typicalP, order: 'temperature-last' })),
        /typical-p must be in \[0, 1\]/,
      );
    }
    expectInputError(
      () => runPipeline(P4, settings({ order: 'sideways' as SamplerOrder })),
      /order must be 'temperature-first' or 'temperature-last'/,
    );
  });

  test('invalid probabilities are InputErrors', () => {
    expectInputError(() => runPipeline([], settings({})), /no probabilities/);
    expectInputError(() => runPipeline([0.5, Number.NaN], settings({})), /not a number/);
    expectInputError(() => runPipeline([1.5, -0.5], settings({})), /cannot be negative/);
    expectInputError(() => runPipeline([0.5, 0.4], settings({})), /sum to/);
  });
});

describe('scratch reuse', () => {
  test('a reused scratch returns the same arrays and the same numbers as a fresh run', () => {
    const scratch = createPipelineScratch();
    const a = runPipeline(P4, settings({ temperature: 0.7, topP: 0.9 }), scratch);
    const arrays = [a.input, a.final, ...a.stages.map((s) => s.removed)];
    const copy = Array.from(a.final);
    const b = runPipeline(P4, settings({ temperature: 1.3, topK: 2, order: 'temperature-last' }), scratch);
    expect(b).toBe(a);
    expect([b.input, b.final, ...b.stages.map((s) => s.removed)]).toEqual(arrays);
    for (let i = 0; i < arrays.length; i++) {
      expect([b.input, b.final, ...b.stages.map((s) => s.removed)][i]).toBe(arrays[i]);
    }
    expectClose(
      b.final,
      runPipeline(P4, settings({ temperature: 1.3, topK: 2, order: 'temperature-last' })).final,
    );
    // Back to the first settings: identical to the first call, although the energies cache was reused.
    expect(Array.from(runPipeline(P4, settings({ temperature: 0.7, topP: 0.9 }), scratch).final)).toEqual(
      copy,
    );
  });

  test('a new distribution of the same size is noticed (the cached energies are refreshed)', () => {
    const scratch = createPipelineScratch();
    const q = [0.1, 0.2, 0.3, 0.4];
    runPipeline(P4, settings({ temperature: 2 }), scratch);
    const result = runPipeline(q, settings({ temperature: 2 }), scratch);
    expectClose(result.final, temperatureSoftmax(q, 2), 1e-15);
  });

  test('a sequence of settings and inputs on one scratch gives what fresh runs give (stage reuse is invisible)', () => {
    const scratch = createPipelineScratch();
    const step = fc.record({ p: distributionArb, s: settingsArb, keepP: fc.boolean(), keepS: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let p = steps[0].p;
        let s = steps[0].s;
        for (const next of steps) {
          // Often keep the distribution and change one setting, as a slider does.
          if (!next.keepP) p = next.p;
          s = next.keepS ? { ...s, topP: next.s.topP } : next.s;
          const reused = runPipeline(p, s, scratch);
          const fresh = runPipeline(p, s);
          expect(reused.greedy).toBe(fresh.greedy);
          expect(reused.greedyToken).toBe(fresh.greedyToken);
          expect(reused.keptCount).toBe(fresh.keptCount);
          expect(reused.entropyNats).toBe(fresh.entropyNats);
          for (let k = 0; k < reused.stages.length; k++) {
            const [a, b] = [reused.stages[k], fresh.stages[k]];
            expect([a.kind, a.active, a.removedCount, a.keptCount]).toEqual([
              b.kind,
              b.active,
              b.removedCount,
              b.keptCount,
            ]);
            expect(Array.from(a.after)).toEqual(Array.from(b.after));
            expect(Array.from(a.removed)).toEqual(Array.from(b.removed));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a different K gets arrays of the new length', () => {
    const scratch = createPipelineScratch();
    runPipeline(P4, settings({ temperature: 2 }), scratch);
    const result = runPipeline([0.5, 0.5], settings({ temperature: 2 }), scratch);
    expect(result.final.length).toBe(2);
    expect(result.stages[0].removed.length).toBe(2);
    expectClose(result.final, [0.5, 0.5]);
  });
});

/**
 * The documented conventions, implemented the obvious way: full sorts and sequential cumulative sums.
 * `boundary` is set when a cumulative sum lands within 1e-12 of a threshold, where the two summation
 * orders may legitimately disagree.
 */
function reference(p: ArrayLike<number>, s: SamplerSettings): { final: number[]; boundary: boolean } {
  const n = p.length;
  const total = sum(p);
  let cur = Array.from(p, (x) => x / total);
  let boundary = false;
  const hf = s.order === 'temperature-first';
  const renormalise = (keep: (i: number) => boolean) => {
    const kept = cur.reduce((a, x, i) => (keep(i) ? a + x : a), 0);
    cur = cur.map((x, i) => (keep(i) ? x / kept : 0));
  };
  const ranked = (key: (i: number) => number) =>
    cur
      .map((_, i) => i)
      .filter((i) => cur[i] > 0)
      .sort((a, b) => key(a) - key(b) || a - b);
  const prefix = (order: number[], target: number, strict: boolean): number => {
    let cumulative = 0;
    for (let j = 0; j < order.length; j++) {
      cumulative += cur[order[j]];
      if (Math.abs(cumulative - target) < 1e-12) boundary = true;
      if (strict ? cumulative > target : cumulative >= target) return j;
    }
    return order.length - 1;
  };
  for (const kind of STAGE_ORDER[s.order]) {
    if (kind === 'temperature' && s.temperature !== 1) {
      if (s.temperature === 0 || (!hf && s.temperature < 0)) {
        let best = 0;
        for (let i = 1; i < n; i++) if (cur[i] > cur[best]) best = i;
        cur = cur.map((_, i) => (i === best ? 1 : 0));
      } else {
        cur = Array.from(temperatureSoftmax(cur, s.temperature));
      }
    } else if (kind === 'top-k' && s.topK > 0 && s.topK < n) {
      const order = ranked((i) => -cur[i]);
      if (s.topK < order.length) {
        const kth = cur[order[s.topK - 1]];
        const keep = new Set(order.slice(0, s.topK));
        renormalise((i) => keep.has(i) || (hf && cur[i] === kth));
      }
    } else if (kind === 'top-p' && s.topP < 1) {
      const order = ranked((i) => -cur[i]);
      const keep = new Set(order.slice(0, prefix(order, s.topP, false) + 1));
      renormalise((i) => keep.has(i));
    } else if (kind === 'min-p' && s.minP > 0) {
      const max = Math.max(...cur);
      renormalise((i) => cur[i] > 0 && cur[i] >= s.minP * max);
    } else if (kind === 'typical-p' && s.typicalP < 1) {
      const h = entropyNats(cur);
      const distance = cur.map((x) => (x > 0 ? Math.abs(-Math.log(x) - h) : 0));
      const order = ranked((i) => distance[i]);
      const last = prefix(order, s.typicalP, !hf);
      const keep = new Set(order.slice(0, last + 1));
      const tie = distance[order[last]];
      renormalise((i) => keep.has(i) || (hf && cur[i] > 0 && distance[i] === tie));
    }
  }
  return { final: cur, boundary };
}

/** Distributions with many exact ties (integer weights) and zeros, long enough to exercise the selection. */
const distributionArb = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 120 })
  .filter((w) => w.some((x) => x > 0))
  .map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  });

const settingsArb: fc.Arbitrary<SamplerSettings> = fc
  .record({
    temperature: fc.oneof(
      fc.constantFrom(0, 1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: -20, max: -0.05, noNaN: true }),
    ),
    topK: fc.integer({ min: -2, max: 130 }),
    topP: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0.001, max: 1, noNaN: true })),
    minP: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    typicalP: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0.001, max: 1, noNaN: true })),
    order: fc.constantFrom<SamplerOrder>('temperature-first', 'temperature-last'),
  })
  // typical-p = 0 is refused with temperature first, as in HF (the validation tests cover it).
  .map((s) => (s.order === 'temperature-first' && s.typicalP === 0 ? { ...s, typicalP: 1 } : s));

describe('properties', () => {
  test('every stage output sums to 1, supports only shrink, masks match, at least one token survives', () => {
    const scratch = createPipelineScratch();
    fc.assert(
      fc.property(distributionArb, settingsArb, (p, s) => {
        const result = runPipeline(p, s, scratch);
        const finalSupport = support(result.final);
        expect(finalSupport.length).toBeGreaterThanOrEqual(1);
        expect(result.keptCount).toBe(finalSupport.length);
        for (const st of result.stages) {
          expect(Math.abs(sum(st.after) - 1)).toBeLessThan(1e-12);
          let removed = 0;
          for (let i = 0; i < p.length; i++) {
            if (st.after[i] > 0) expect(st.before[i]).toBeGreaterThan(0);
            expect(st.removed[i]).toBe(st.before[i] > 0 && st.after[i] === 0 ? 1 : 0);
            removed += st.removed[i];
          }
          expect(st.removedCount).toBe(removed);
          expect(st.keptCount).toBe(support(st.after).length);
          for (const i of finalSupport) expect(st.after[i]).toBeGreaterThan(0);
        }
        expect(result.perplexity).toBeCloseTo(Math.exp(result.entropyNats), 10);
        expect(result.entropyNats).toBeLessThanOrEqual(Math.log(finalSupport.length) + 1e-12);
      }),
      { numRuns: 400 },
    );
  });

  test('matches the sort-based reference implementation of the documented conventions', () => {
    const scratch = createPipelineScratch();
    fc.assert(
      fc.property(distributionArb, settingsArb, (p, s) => {
        const expected = reference(p, s);
        fc.pre(!expected.boundary);
        const result = runPipeline(p, s, scratch);
        expect(support(result.final)).toEqual(support(expected.final));
        expectClose(result.final, expected.final, 1e-9);
      }),
      { numRuns: 600 },
    );
  });

  test('with temperature last, every t ≤ 0 puts all the probability on the first maximum the truncation kept', () => {
    const scratch = createPipelineScratch();
    const nonPositive = fc.oneof(
      fc.constantFrom(0, -0, Number.NEGATIVE_INFINITY),
      fc.double({ min: -50, max: -Number.MIN_VALUE, noNaN: true }),
    );
    fc.assert(
      fc.property(distributionArb, settingsArb, nonPositive, (p, s, temperature) => {
        const result = runPipeline(p, { ...s, temperature, order: 'temperature-last' }, scratch);
        const truncated = stage(result, 'min-p').after;
        let first = 0;
        for (let i = 1; i < truncated.length; i++) if (truncated[i] > truncated[first]) first = i;
        expect(result.greedy).toBe(true);
        expect(result.greedyToken).toBe(first);
        expect(support(result.final)).toEqual([first]);
        expect(result.final[first]).toBe(1);
        expect(result.entropyNats).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test('with temperature last, the truncation sets do not depend on t', () => {
    fc.assert(
      fc.property(distributionArb, settingsArb, settingsArb, (p, s, other) => {
        const a = runPipeline(p, { ...s, order: 'temperature-last' });
        const b = runPipeline(p, { ...s, order: 'temperature-last', temperature: other.temperature });
        for (const kind of ['top-k', 'typical-p', 'top-p', 'min-p'] as const) {
          expect(Array.from(stage(b, kind).after)).toEqual(Array.from(stage(a, kind).after));
        }
        // The final support is the truncation set, unless a temperature is greedy (which keeps one token).
        const last = 'temperature-last';
        if (!isGreedyTemperature(other.temperature, last) && !isGreedyTemperature(s.temperature, last)) {
          expect(support(b.final)).toEqual(support(a.final));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('large vocabularies', () => {
  function zipf(k: number, seed: number): Float64Array {
    const rng = createRng(seed);
    const p = new Float64Array(k);
    // A shuffled power law with some exact ties, so that the boundary bucket holds many tokens.
    for (let i = 0; i < k; i++) p[i] = 1 / (1 + Math.floor(rng.nextFloat() * 2000)) ** 1.1;
    const total = sum(p);
    for (let i = 0; i < k; i++) p[i] /= total;
    return p;
  }

  test('K = 20,000 agrees with the reference in both orders', () => {
    const p = zipf(20_000, 11);
    const cases: Partial<SamplerSettings>[] = [
      { temperature: 0.8, topP: 0.9 },
      { temperature: 1.6, topP: 0.95, topK: 5000 },
      { temperature: 1.2, topK: 700, minP: 0.01 },
      { temperature: 0.9, typicalP: 0.8 },
      { temperature: -0.7, topP: 0.5 },
      { temperature: 1.3, topP: 0 },
      { temperature: -2, topK: 900 },
    ];
    const scratch = createPipelineScratch();
    for (const order of ORDERS) {
      for (const c of cases) {
        const s = settings({ ...c, order });
        const expected = reference(p, s);
        expect(expected.boundary).toBe(false);
        const result = runPipeline(p, s, scratch);
        expect(support(result.final)).toEqual(support(expected.final));
        expectClose(result.final, expected.final, 1e-12);
      }
    }
  });
});

describe('selectPrefix', () => {
  test('finds the k-th of the ranking whatever the arrangement, including long runs of equal keys', () => {
    const rng = createRng(3);
    for (const arrangement of ['sorted', 'reversed', 'equal', 'random', 'organ pipe']) {
      const n = 5000;
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        keys[i] =
          arrangement === 'sorted'
            ? i
            : arrangement === 'reversed'
              ? n - i
              : arrangement === 'equal'
                ? 1
                : arrangement === 'random'
                  ? Math.floor(rng.nextFloat() * 50)
                  : Math.min(i, n - i);
      }
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
      for (const k of [1, 17, 2500, 4999, 5000]) {
        const ranking = Uint32Array.from({ length: n }, (_, i) => i);
        const last = selectPrefix(ranking, n, keys, null, k, false);
        expect(last).toBe(k - 1);
        expect(Array.from(ranking.subarray(0, k)).sort((a, b) => a - b)).toEqual(
          expected.slice(0, k).sort((a, b) => a - b),
        );
      }
      const ranking = Uint32Array.from({ length: n }, (_, i) => i);
      expect(selectPrefix(ranking, n, keys, null, n + 1, false)).toBe(n - 1);
    }
  });
});

describe('topTokens', () => {
  test('most likely first, ties by lower index, zeros skipped', () => {
    expect(topTokens([0.1, 0.3, 0, 0.3, 0.2, 0.1], 4)).toEqual([
      { token: 1, probability: 0.3 },
      { token: 3, probability: 0.3 },
      { token: 4, probability: 0.2 },
      { token: 0, probability: 0.1 },
    ]);
    expect(topTokens([0, 0.5, 0.5], 10)).toEqual([
      { token: 1, probability: 0.5 },
      { token: 2, probability: 0.5 },
    ]);
    expect(topTokens([0.5, 0.5], 0)).toEqual([]);
  });
});
