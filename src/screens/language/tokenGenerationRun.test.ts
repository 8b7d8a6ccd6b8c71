import { signal } from '@preact/signals-core';
import { describe, expect, test } from 'vitest';
import type { GgufHeader } from '../../core/lm/gguf/ggufHeader.ts';
import { NEUTRAL_SETTINGS } from '../../core/lm/pipeline.ts';
import type { LoadedModel, RealModelRuntime } from '../../realModel/realModelRuntime.ts';
import { createGeneration, type GenerationModel } from './generation.ts';
import type { RealModelSession } from './realModel.ts';
import { MAX_COLUMN_TOKENS, TokenGenerationRun } from './tokenGenerationRun.ts';

/**
 * A stand-in for llama.cpp: a bigram table over five tokens (the next token depends on the last one only),
 * answered asynchronously as the worker does. Token 4 is the end of text; token 3 is the first byte of "é"
 * and token 2 its second, so a column that draws 3 then 2 writes "é".
 */
const TEXTS = ['a', 'b', '<0xA9>', '<0xC3>', '</s>'];
const BYTES = [[0x61], [0x62], [0xa9], [0xc3], []];
const TABLE = [
  [0.1, 0.6, 0, 0.2, 0.1],
  [0.5, 0.1, 0, 0.3, 0.1],
  [0.7, 0.2, 0, 0, 0.1],
  [0, 0, 1, 0, 0],
  [0.5, 0.5, 0, 0, 0],
];

function fakeSession(calls: number[][] = []): RealModelSession {
  const runtime = {
    tokenize: async (text: string) => Int32Array.from(text, (c) => (c === 'b' ? 1 : 0)),
    nextDistribution: async (tokens: ArrayLike<number>) => {
      calls.push(Array.from(tokens));
      return Float64Array.from(TABLE[tokens[tokens.length - 1]]);
    },
  } as unknown as RealModelRuntime;
  const model = { name: 'fake', header: {} as GgufHeader } as LoadedModel;
  return {
    model,
    runtime,
    vocabulary: {
      texts: TEXTS,
      labels: TEXTS,
      kinds: new Uint8Array(5),
      bytes: (token) => Uint8Array.from(BYTES[token]),
      endTokens: new Set([4]),
    },
  };
}

async function run(temperatures: number[], seed: number, steps: number, context = 'a') {
  const generation = new TokenGenerationRun(fakeSession(), context, NEUTRAL_SETTINGS, temperatures, seed);
  for (let i = 0; i < steps; i++) await generation.step();
  return generation;
}

describe('TokenGenerationRun', () => {
  test('t = 0 follows the argmax path: a → b → a → b …', async () => {
    const generation = await run([0], 1, 6);
    expect(generation.columns[0].text).toBe('babab' + 'a');
    expect(generation.columns[0].latest).toMatchObject({ token: 0, probability: 1 });
  });

  test('one seed reproduces every column; columns are independent of how many there are', async () => {
    const a = await run([1, 1.5], 9, 20);
    const b = await run([1, 1.5], 9, 20);
    const alone = await run([1], 9, 20);
    expect(a.columns.map((c) => c.text)).toEqual(b.columns.map((c) => c.text));
    expect(alone.columns[0].text).toBe(a.columns[0].text);
  });

  test('a character split over two byte tokens is written whole once its second byte arrives', async () => {
    // From 'b', a t → 0⁺ column is not greedy; top-k = 1 with token 3 forced: context ending in token 3.
    const session = fakeSession();
    const generation = new TokenGenerationRun(session, 'a', { ...NEUTRAL_SETTINGS, topK: 1 }, [1], 1);
    // Replace the argmax of 'a' (b) by the lead byte: the table after 'a' with b removed.
    const original = session.runtime.nextDistribution;
    let first = true;
    session.runtime.nextDistribution = async (tokens) => {
      if (first) {
        first = false;
        return Float64Array.from([0, 0, 0, 1, 0]);
      }
      return original(tokens);
    };
    await generation.step();
    expect(generation.columns[0].text).toBe('');
    expect(generation.columns[0].latest?.label).toBe('<0xC3>');
    await generation.step();
    expect(generation.columns[0].text).toBe('é');
  });

  test('a column ends at the end-of-text token or at the limit', async () => {
    const calls: number[][] = [];
    const session = fakeSession(calls);
    session.runtime.nextDistribution = async () => Float64Array.from([0, 0, 0, 0, 1]);
    const generation = new TokenGenerationRun(session, 'a', NEUTRAL_SETTINGS, [1], 1);
    await generation.step();
    expect(generation.finished).toBe(true);
    expect(await generation.step()).toBe(false);
    const long = await run([0], 1, MAX_COLUMN_TOKENS + 3);
    expect(long.columns[0].steps).toBe(MAX_COLUMN_TOKENS);
    expect(long.finished).toBe(true);
  });
});

test('the generation loop waits for a real model’s step instead of starting another', async () => {
  const calls: number[][] = [];
  const model = signal<GenerationModel | null>({ kind: 'tokens', session: fakeSession(calls) });
  const generation = createGeneration({
    model,
    context: signal('a'),
    sampler: signal({ ...NEUTRAL_SETTINGS }),
    temperatures: signal([0]),
    seed: signal(1),
  });
  generation.stepOnce();
  generation.stepOnce();
  generation.stepOnce();
  await expect.poll(() => generation.snapshot.value.steps).toBe(1);
  // Three clicks while the first step was computing made one step, one forward pass.
  expect(calls).toEqual([[0]]);
  generation.stepOnce();
  await expect.poll(() => generation.snapshot.value.steps).toBe(2);
  expect(calls).toEqual([[0], [0, 1]]);
});
