import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { createRng, type Rng } from '../rng.ts';
import { chiSquareTest } from '../statistics.ts';
import { chooseToken, drawToken, generate, MAX_GENERATION_STEPS } from './generation.ts';
import { NEUTRAL_SETTINGS, runPipeline, type SamplerOrder, type SamplerSettings } from './pipeline.ts';

/** Significance used throughout: the right distribution passes with this seed, a 1%-wrong one fails. */
const ALPHA = 1e-4;
const DRAWS = 1_000_000;

function settings(overrides: Partial<SamplerSettings>): SamplerSettings {
  return { ...NEUTRAL_SETTINGS, ...overrides };
}

/** A fixed rng whose nextFloat returns the given values in turn (for edge cases of the inverse CDF). */
function fixedFloats(values: number[]): Rng {
  let i = 0;
  return {
    state: new Uint32Array(4),
    nextUint32: () => 0,
    nextFloat: () => values[i++ % values.length],
    clone() {
      return this;
    },
  };
}

/** Ten tokens with one zero, so that the pipeline's stages all have something to do. */
const MODEL = [0.28, 0.2, 0.14, 0.11, 0.09, 0.07, 0.05, 0.03, 0, 0.03];

describe('drawToken', () => {
  test('inverse CDF: u falls in the token whose cumulative interval contains it; zeros are skipped', () => {
    const p = [0.25, 0, 0.5, 0.25];
    expect(drawToken(p, fixedFloats([0]))).toBe(0);
    expect(drawToken(p, fixedFloats([0.2499]))).toBe(0);
    expect(drawToken(p, fixedFloats([0.25]))).toBe(2);
    expect(drawToken(p, fixedFloats([0.7499]))).toBe(2);
    expect(drawToken(p, fixedFloats([0.75]))).toBe(3);
    expect(drawToken(p, fixedFloats([1 - 2 ** -53]))).toBe(3);
    // Trailing zeros: the largest u still lands on the last token that can be drawn.
    expect(drawToken([0.5, 0.5, 0, 0], fixedFloats([1 - 2 ** -53]))).toBe(1);
  });

  test('consumes exactly one nextFloat per draw', () => {
    const a = createRng(5);
    const b = createRng(5);
    drawToken(MODEL, a);
    b.nextFloat();
    expect(Array.from(a.state)).toEqual(Array.from(b.state));
  });

  test('rejects an invalid distribution', () => {
    expect(() => drawToken([0.5, 0.4], createRng(1))).toThrow(InputError);
  });
});

describe('generation draws from the distribution it shows (seeded chi-square, 1e6 draws)', () => {
  // A negative t draws only with temperature first (the inversion); with temperature last it is greedy.
  const cases = (order: SamplerOrder): { name: string; s: Partial<SamplerSettings> }[] => [
    { name: 't = 0.7, top-p 0.9', s: { temperature: 0.7, topP: 0.9 } },
    { name: 't = 1.5, top-k 6, min-p 0.05', s: { temperature: 1.5, topK: 6, minP: 0.05 } },
    order === 'temperature-first'
      ? { name: 't = −0.8, typical-p 0.9', s: { temperature: -0.8, typicalP: 0.9 } }
      : { name: 't = 2.5, typical-p 0.9', s: { temperature: 2.5, typicalP: 0.9 } },
  ];
  for (const order of ['temperature-first', 'temperature-last'] as SamplerOrder[]) {
    for (const { name, s } of cases(order)) {
      test(`${order}, ${name}`, () => {
        const result = runPipeline(MODEL, settings({ ...s, order }));
        const final = Array.from(result.final);
        const rng = createRng(20_250 + final.length + (order === 'temperature-last' ? 1 : 0));
        const counts = new Float64Array(final.length);
        for (let i = 0; i < DRAWS; i++) counts[chooseToken(result, rng)]++;
        const right = chiSquareTest(counts, final);
        expect(right.pValue).toBeGreaterThan(ALPHA);

        // Move 1% (relative) of the most likely token's probability to the second: the test must see it.
        const ranked = final.map((p, i) => [p, i]).sort((x, y) => y[0] - x[0]);
        const [top, second] = [ranked[0][1], ranked[1][1]];
        const wrong = final.slice();
        wrong[top] = final[top] * 0.99;
        wrong[second] = final[second] + final[top] * 0.01;
        expect(chiSquareTest(counts, wrong).pValue).toBeLessThan(ALPHA);

        // Tokens the pipeline removed were never drawn.
        for (let i = 0; i < final.length; i++) if (final[i] === 0) expect(counts[i]).toBe(0);
      });
    }
  }
});

describe('generate', () => {
  const vocabulary = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
  /** A toy model that depends on the last character, so that the context matters. */
  function model(context: string): Float64Array {
    const p = Float64Array.from(MODEL);
    const last = context.length === 0 ? -1 : vocabulary.indexOf(context[context.length - 1]);
    if (last >= 0) {
      // Swap the probability of the token after `last` with token 0.
      const next = (last + 1) % vocabulary.length;
      [p[0], p[next]] = [p[next], p[0]];
    }
    return p;
  }

  test('each step is the pipeline on nextDistribution(prompt + text so far), then chooseToken with the same rng', () => {
    const s = settings({ temperature: 0.9, topP: 0.95, topK: 7 });
    const contexts: string[] = [];
    const generation = generate({
      vocabulary,
      nextDistribution: (context) => {
        contexts.push(context);
        return model(context);
      },
      settings: s,
      rng: createRng(99),
      count: 200,
      prompt: 'ab',
      alternatives: 3,
    });
    expect(generation.prompt).toBe('ab');
    expect(generation.text.length).toBe(200);
    expect(generation.steps.length).toBe(200);

    const rng = createRng(99);
    let text = '';
    for (let i = 0; i < 200; i++) {
      expect(contexts[i]).toBe(`ab${text}`);
      const result = runPipeline(model(`ab${text}`), s);
      const token = chooseToken(result, rng);
      const step = generation.steps[i];
      expect(step.token).toBe(token);
      expect(step.text).toBe(vocabulary[token]);
      expect(step.probability).toBe(result.final[token]);
      expect(step.probability).toBeGreaterThan(0);
      expect(step.modelProbability).toBe(result.input[token]);
      expect(step.entropyBits).toBe(result.entropyBits);
      expect(step.keptCount).toBe(result.keptCount);
      expect(step.alternatives.length).toBe(3);
      expect(step.alternatives[0].probability).toBe(Math.max(...result.final));
      expect(step.alternatives[0].text).toBe(vocabulary[step.alternatives[0].token]);
      text += vocabulary[token];
    }
    expect(generation.text).toBe(text);
  });

  test('the same seed gives the same text; another seed (almost surely) another', () => {
    const run = (seed: number) =>
      generate({
        vocabulary,
        nextDistribution: model,
        settings: settings({ temperature: 1.2 }),
        rng: createRng(seed),
        count: 100,
      }).text;
    expect(run(1)).toBe(run(1));
    expect(run(1)).not.toBe(run(2));
  });

  test('t = 0 is deterministic: the argmax chain, whatever the seed, and no random numbers are used', () => {
    for (const order of ['temperature-first', 'temperature-last'] as SamplerOrder[]) {
      const texts = new Set<string>();
      for (const seed of [1, 2, 3]) {
        const rng = createRng(seed);
        const before = Array.from(rng.state);
        const generation = generate({
          vocabulary,
          nextDistribution: model,
          settings: settings({ temperature: 0, topP: 0.9, order }),
          rng,
          count: 30,
          prompt: 'c',
        });
        expect(Array.from(rng.state)).toEqual(before);
        for (const step of generation.steps) expect(step.probability).toBe(1);
        texts.add(generation.text);
      }
      expect(texts.size).toBe(1);
      // By hand: after 'c' the model favours 'd' (0.28), after 'd' 'e', and so on round the vocabulary.
      expect([...texts][0]).toBe('defghijabcdefghijabcdefghijabc');
    }
  });

  test('alternatives: 0 gives none; the default is 5', () => {
    const base = { vocabulary, nextDistribution: model, settings: settings({}), rng: createRng(4), count: 2 };
    expect(generate({ ...base, alternatives: 0 }).steps[0].alternatives).toEqual([]);
    expect(generate(base).steps[0].alternatives.length).toBe(5);
  });

  test('count 0 generates nothing and does not call the model', () => {
    const generation = generate({
      vocabulary,
      nextDistribution: () => {
        throw new Error('not called');
      },
      settings: settings({}),
      rng: createRng(1),
      count: 0,
    });
    expect(generation.text).toBe('');
    expect(generation.steps).toEqual([]);
  });

  test('errors: bad count, empty vocabulary, a distribution of the wrong length, an invalid distribution', () => {
    const base = { vocabulary, nextDistribution: model, settings: settings({}), rng: createRng(1), count: 3 };
    expect(() => generate({ ...base, count: -1 })).toThrow(/whole number/);
    expect(() => generate({ ...base, count: 1.5 })).toThrow(InputError);
    expect(() => generate({ ...base, count: MAX_GENERATION_STEPS + 1 })).toThrow(/At most/);
    expect(() => generate({ ...base, vocabulary: [] })).toThrow(/vocabulary is empty/);
    expect(() => generate({ ...base, nextDistribution: () => [0.5, 0.5] })).toThrow(
      /gave 2 probabilities for a vocabulary of 10/,
    );
    expect(() => generate({ ...base, nextDistribution: () => new Float64Array(10) })).toThrow(InputError);
    expect(() => generate({ ...base, settings: settings({ topP: 2 }) })).toThrow(/top-p must be in/);
  });
});
