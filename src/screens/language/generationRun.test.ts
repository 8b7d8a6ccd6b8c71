import { describe, expect, test } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { trainNgramModel } from '../../core/lm/ngram.ts';
import { NEUTRAL_SETTINGS, runPipeline, type SamplerSettings } from '../../core/lm/pipeline.ts';
import { columnRng, GenerationRun, MAX_COLUMN_CHARACTERS } from './generationRun.ts';

const TEXT =
  'The state of our union is strong. The state of the economy is sound. Our union of states, ' +
  'the people of the union, and the spirit of our nation are strong and sound and united.\n' +
  'We the people, in order to form a more perfect union, establish justice and ensure tranquility.';
const model = trainNgramModel(TEXT, 4);
const CONTEXT = 'The state of ';

function sampler(overrides: Partial<SamplerSettings> = {}): SamplerSettings {
  return { ...NEUTRAL_SETTINGS, ...overrides };
}

function generateAll(run: GenerationRun, steps: number): string[] {
  for (let i = 0; i < steps; i++) run.step();
  return run.columns.map((column) => column.text);
}

/** The greedy path computed directly: first maximum of the model's distribution, appended, repeated. */
function argmaxPath(context: string, steps: number): string {
  let text = '';
  for (let i = 0; i < steps; i++) {
    const p = model.distributionAfter(context + text);
    let best = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
    text += model.vocabulary[best];
  }
  return text;
}

describe('GenerationRun', () => {
  test('the same seed reproduces every column; another seed changes the sampled ones', () => {
    const temperatures = [0.5, 1, 1.5];
    const a = generateAll(new GenerationRun(model, CONTEXT, sampler(), temperatures, 7), 120);
    const b = generateAll(new GenerationRun(model, CONTEXT, sampler(), temperatures, 7), 120);
    const c = generateAll(new GenerationRun(model, CONTEXT, sampler(), temperatures, 8), 120);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    for (const text of a) expect(text).toHaveLength(120);
  });

  test('each column has its own stream: equal temperatures still give different texts', () => {
    const [first, second] = generateAll(new GenerationRun(model, CONTEXT, sampler(), [1.5, 1.5], 3), 80);
    expect(first).not.toBe(second);
  });

  test("a column's text depends on its position and the seed, not on the other columns", () => {
    const alone = generateAll(new GenerationRun(model, CONTEXT, sampler(), [1], 11), 60);
    const withOthers = generateAll(new GenerationRun(model, CONTEXT, sampler(), [1, 0.2, 2], 11), 60);
    expect(withOthers[0]).toBe(alone[0]);
  });

  test('t = 0 follows the argmax path, whatever the seed', () => {
    const expected = argmaxPath(CONTEXT, 100);
    for (const seed of [0, 1, 2 ** 32 - 1]) {
      const [greedy] = generateAll(new GenerationRun(model, CONTEXT, sampler(), [0, 1], seed), 100);
      expect(greedy).toBe(expected);
    }
    const [negativeZero] = generateAll(new GenerationRun(model, CONTEXT, sampler(), [-0], 5), 100);
    expect(negativeZero).toBe(expected);
  });

  test('a column is greedy at t = 0, and at every t ≤ 0 with temperature last', () => {
    const temperatures = [-1, -0, 0, 0.5];
    const first = new GenerationRun(model, CONTEXT, sampler(), temperatures, 1);
    expect(first.columns.map((column) => column.greedy)).toEqual([false, true, true, false]);
    const last = new GenerationRun(model, CONTEXT, sampler({ order: 'temperature-last' }), temperatures, 1);
    expect(last.columns.map((column) => column.greedy)).toEqual([true, true, true, false]);
  });

  test("temperature last: every t ≤ 0 follows the argmax path, as llama.cpp's greedy t ≤ 0", () => {
    const expected = argmaxPath(CONTEXT, 100);
    const last = sampler({ order: 'temperature-last' });
    const columns = generateAll(new GenerationRun(model, CONTEXT, last, [-1, -0.05, 0], 3), 100);
    expect(columns).toEqual([expected, expected, expected]);
    // With temperature first the same t = −1 is the inversion, which leaves the argmax path at once.
    const [inverted] = generateAll(new GenerationRun(model, CONTEXT, sampler(), [-1], 3), 100);
    expect(inverted).not.toBe(expected);
  });

  test('every choice reports its probability under the final distribution at its temperature', () => {
    const settings = sampler({ topP: 0.9, minP: 0.05 });
    const run = new GenerationRun(model, CONTEXT, settings, [0.7, 0], 5);
    for (let i = 0; i < 30; i++) {
      const before = run.columns.map((column) => column.text);
      run.step();
      run.columns.forEach((column, c) => {
        const final = runPipeline(model.distributionAfter(CONTEXT + before[c]), {
          ...settings,
          temperature: column.temperature,
        }).final;
        const latest = column.latest;
        expect(latest).not.toBeNull();
        if (latest === null) return;
        expect(latest.text).toBe(model.vocabulary[latest.token]);
        expect(column.text).toBe(before[c] + latest.text);
        expect(latest.probability).toBe(final[latest.token]);
        expect(latest.probability).toBeGreaterThan(0);
      });
    }
    expect(run.columns[1].latest?.probability).toBe(1);
  });

  test('the other sampler settings apply to every column: top-k 1 makes any temperature greedy', () => {
    const expected = argmaxPath(CONTEXT, 50);
    const first = generateAll(new GenerationRun(model, CONTEXT, sampler({ topK: 1 }), [0.3, 1, 4], 9), 50);
    expect(first).toEqual([expected, expected, expected]);
    // Temperature last: top-k has already left one token, so even a negative t has nothing to invert.
    const last = sampler({ topK: 1, order: 'temperature-last' });
    expect(generateAll(new GenerationRun(model, CONTEXT, last, [-2, 3], 9), 50)).toEqual([
      expected,
      expected,
    ]);
  });

  test(`columns stop at ${MAX_COLUMN_CHARACTERS} characters`, () => {
    const run = new GenerationRun(model, '', sampler(), [1, 2], 1);
    expect(run.finished).toBe(false);
    for (let i = 0; i < MAX_COLUMN_CHARACTERS; i++) expect(run.step()).toBe(true);
    expect(run.finished).toBe(true);
    expect(run.step()).toBe(false);
    expect(run.length).toBe(MAX_COLUMN_CHARACTERS);
    for (const column of run.columns) {
      expect(column.steps).toBe(MAX_COLUMN_CHARACTERS);
      expect(Array.from(column.text)).toHaveLength(MAX_COLUMN_CHARACTERS);
    }
  });

  test('settings that are not valid are refused before anything is generated', () => {
    expect(() => new GenerationRun(model, CONTEXT, sampler({ topP: 1.5 }), [1], 1)).toThrow(InputError);
    expect(() => new GenerationRun(model, CONTEXT, sampler({ typicalP: 0 }), [1], 1)).toThrow(InputError);
    expect(() => new GenerationRun(model, CONTEXT, sampler(), [Number.NaN], 1)).toThrow(InputError);
  });
});

describe('columnRng', () => {
  test('reproducible per (seed, column) and distinct across columns and seeds', () => {
    const first = (seed: number, column: number) => columnRng(seed, column).nextUint32();
    expect(first(5, 2)).toBe(first(5, 2));
    const values = new Set([first(5, 0), first(5, 1), first(5, 2), first(6, 0), first(6, 1)]);
    expect(values.size).toBe(5);
  });
});
