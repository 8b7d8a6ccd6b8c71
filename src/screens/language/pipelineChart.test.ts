import { describe, expect, test } from 'vitest';
import {
  NEUTRAL_SETTINGS,
  runPipeline,
  type SamplerSettings,
  type StageKind,
} from '../../core/lm/pipeline.ts';
import { createRng } from '../../core/rng.ts';
import { en } from '../../strings/en.ts';

const languageEn = en.lm;

import { stageCaption, stageTitle } from './pipelineCaptions.ts';
import { choosePipelineTokens, type PipelineBars, pipelineBars, SHOWN_TOKENS } from './pipelineChart.ts';

const P = [0.05, 0.4, 0.1, 0.3, 0.15];

function settings(overrides: Partial<SamplerSettings>): SamplerSettings {
  return { ...NEUTRAL_SETTINGS, ...overrides };
}

function stageOf(bars: PipelineBars, kind: StageKind) {
  const found = bars.stages.find((stage) => stage.kind === kind);
  if (!found) throw new Error(kind);
  return found;
}

describe('choosePipelineTokens', () => {
  test('the most likely tokens under the model, most likely first, ties by index, zeros skipped', () => {
    expect(choosePipelineTokens(P, 3)).toEqual([1, 3, 4]);
    expect(choosePipelineTokens([0.25, 0.25, 0, 0.5], 10)).toEqual([3, 0, 1]);
  });

  test(`at K = 50,257 it returns ${SHOWN_TOKENS} tokens in descending order`, () => {
    const rng = createRng(1);
    const p = new Float64Array(50_257);
    let total = 0;
    for (let i = 0; i < p.length; i++) total += p[i] = rng.nextFloat() ** 8;
    for (let i = 0; i < p.length; i++) p[i] /= total;
    const shown = choosePipelineTokens(p);
    expect(shown).toHaveLength(SHOWN_TOKENS);
    const sorted = Array.from(p).sort((a, b) => b - a);
    shown.forEach((token, i) => {
      expect(p[token]).toBe(sorted[i]);
    });
  });
});

describe('pipelineBars', () => {
  const result = runPipeline(P, settings({ temperature: 0.5, topK: 2 }));
  const shown = choosePipelineTokens(result.input, 3); // tokens 1, 3, 4
  const bars = pipelineBars(result, shown);

  test('before and after of each shown token, per stage, in the order applied', () => {
    expect(bars.tokens).toEqual([1, 3, 4]);
    expect(bars.stages.map((stage) => stage.kind)).toEqual([
      'temperature',
      'top-k',
      'top-p',
      'min-p',
      'typical-p',
    ]);
    const temperature = stageOf(bars, 'temperature');
    expect(Array.from(temperature.before)).toEqual([0.4, 0.3, 0.15]);
    // t = 0.5 squares and renormalises: 0.16, 0.09, 0.0225 (of 0.285 in all).
    expect(temperature.after[0]).toBeCloseTo(0.16 / 0.285, 12);
    expect(temperature.status).toEqual(['kept', 'kept', 'kept']);
    expect(bars.scale).toBe(result.final[1]);
  });

  test('a token the stage removes is marked there and counts as removed earlier afterwards', () => {
    const topK = stageOf(bars, 'top-k');
    expect(topK.status).toEqual(['kept', 'kept', 'removed-here']);
    expect(topK.after[2]).toBe(0);
    expect(topK.removedCount).toBe(3);
    expect(topK.keptCount).toBe(2);
    expect(topK.beforeCount).toBe(5);
    expect(stageOf(bars, 'top-p').status).toEqual(['kept', 'kept', 'removed-earlier']);
    expect(stageOf(bars, 'top-p').active).toBe(false);
  });

  test('the tokens not shown: how many are present and what they hold, exactly 0 when none are', () => {
    const topK = stageOf(bars, 'top-k');
    expect(topK.restBeforeCount).toBe(2);
    expect(topK.restBefore).toBeCloseTo((0.0025 + 0.01) / 0.285, 12);
    expect(topK.restAfterCount).toBe(0);
    expect(topK.restAfter).toBe(0);
    const all = pipelineBars(result, choosePipelineTokens(result.input, 5));
    for (const stage of all.stages) {
      expect(stage.restBefore).toBe(0);
      expect(stage.restAfter).toBe(0);
    }
  });
});

describe('captions', () => {
  const caption = (s: SamplerSettings, kind: StageKind, withSettings = true) => {
    const result = runPipeline(P, s);
    const bars = pipelineBars(result, choosePipelineTokens(result.input, 3));
    return stageCaption(
      languageEn,
      stageOf(bars, kind),
      withSettings ? s : undefined,
      result.greedy ? 'x' : null,
    );
  };

  test('a truncation says what it removed and what remains', () => {
    expect(caption(settings({ topP: 0.7 }), 'top-p')).toBe('top-p 0.7 removed 3 tokens; 2 remain.');
    expect(caption(settings({ topK: 1 }), 'top-k')).toBe('top-k 1 removed 4 tokens; one remains.');
    expect(caption(settings({ topK: 4 }), 'top-k')).toBe('top-k 4 removed one token; 4 remain.');
    expect(caption(settings({ minP: 0.01 }), 'min-p')).toBe('min-p 0.01 removed no token. 5 tokens remain.');
    expect(caption(settings({ topP: 0.7 }), 'top-p', false)).toBe('top-p removed 3 tokens; 2 remain.');
  });

  test('a stage that is off says so, with its neutral value', () => {
    expect(caption(settings({}), 'top-k')).toBe('top-k 0: off');
    expect(caption(settings({}), 'temperature')).toBe('Temperature 1: off');
  });

  test('temperature says how it changes the shape', () => {
    expect(caption(settings({ temperature: 0.5 }), 'temperature')).toMatch(
      /^Temperature 0\.5 sharpens.*5 tokens remain\.$/,
    );
    expect(caption(settings({ temperature: 2 }), 'temperature')).toMatch(/flattens/);
    expect(caption(settings({ temperature: -1 }), 'temperature')).toMatch(/inverts/);
    expect(caption(settings({ temperature: Number.POSITIVE_INFINITY }), 'temperature')).toBe(
      'Temperature ∞ makes all 5 tokens equally likely.',
    );
    expect(caption(settings({ temperature: 0 }), 'temperature')).toBe(
      'Temperature 0 is greedy decoding: only ‘x’ remains.',
    );
    expect(caption(settings({ temperature: 2 }), 'temperature', false)).toMatch(/^Temperature reshapes/);
  });

  test('stage titles name the value when settings are known', () => {
    expect(stageTitle(languageEn, 'typical-p', settings({ typicalP: 0.95 }))).toBe('typical-p 0.95');
    expect(stageTitle(languageEn, 'typical-p')).toBe('typical-p');
  });
});
