import { describe, expect, test } from 'vitest';
import { presetById } from '../core/spectra/index.ts';
import { storyEn } from '../strings/en/story.ts';
import { storyRu } from '../strings/ru/story.ts';
import * as story from './storySteps.ts';

interface Call {
  name: string;
  args: unknown[];
}

const KNOWN = new Set<string>(story.STORY_ACTION_NAMES);

/**
 * A StoryActions that records every call. It is a Proxy, so touching anything that is not a StoryActions
 * method is recorded as well (and then fails the check below) instead of silently returning undefined.
 */
function recordingActions(): { actions: story.StoryActions; calls: Call[]; unknown: string[] } {
  const calls: Call[] = [];
  const unknown: string[] = [];
  const actions = new Proxy({} as story.StoryActions, {
    get(_target, property) {
      const name = String(property);
      if (!KNOWN.has(name)) {
        unknown.push(name);
        return undefined;
      }
      return (...args: unknown[]) => {
        calls.push({ name, args });
      };
    },
  });
  return { actions, calls, unknown };
}

function run(step: story.StoryStep): Call[] {
  const recorder = recordingActions();
  step.apply(recorder.actions);
  expect(recorder.unknown, `${step.id} touched something that is not a StoryActions method`).toEqual([]);
  return recorder.calls;
}

const LANGUAGES: readonly story.StoryLanguage[] = ['en', 'ru'];
const STORY_TEXT: Readonly<Record<story.StoryLanguage, story.StoryStrings>> = { en: storyEn, ru: storyRu };
const CYRILLIC = /[А-Яа-яЁё]/;
/** Common English words that have no business in a Russian sentence. */
const ENGLISH_WORDS = /\b(the|and|of|is|are|to|with|for|in|at|on|it|this|that|from)\b/i;

/** Sentences: a full stop, question or exclamation mark followed by a space or the end (not "0.02"). */
function sentenceCount(text: string): number {
  return text.split(/[.!?](?:\s|$)/).filter((part) => part.trim().length > 0).length;
}

test('the story has the required steps, in order, with unique ids', () => {
  const ids: readonly string[] = story.STORY_STEPS.map((step) => step.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(story.STORY_STEP_IDS);
  expect(story.STORY_STEPS.length).toBeGreaterThanOrEqual(6);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  const order = [
    'temperature-one',
    'infinite-temperature',
    'zero-temperature',
    'boltzmann-origin',
    'entropy-perplexity',
    'population-inversion',
    'least-likely-first',
  ].map((id) => ids.indexOf(id));
  expect(order.every((position) => position >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

describe.each(story.STORY_STEPS.map((step) => [step.id, step] as const))('step %s', (_id, step) => {
  test.each(LANGUAGES)('has a title and a short body in %s', (language) => {
    const title = STORY_TEXT[language].steps[step.id].title.trim();
    const body = STORY_TEXT[language].steps[step.id].body.trim();
    expect(title.length).toBeGreaterThan(0);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(body.length).toBeGreaterThan(0);
    const sentences = sentenceCount(body);
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(4);
    // Plain text: no markup, no stray template placeholders.
    expect(`${title} ${body}`).not.toMatch(/<[a-z/]|\$\{|undefined|NaN/i);
  });

  test('Russian text is Russian and English text is English', () => {
    const { title, body } = storyRu.steps[step.id];
    for (const text of [title, body]) {
      expect(text).toMatch(CYRILLIC);
      expect(text).not.toMatch(ENGLISH_WORDS);
    }
    for (const text of Object.values(storyEn.steps[step.id])) expect(text).not.toMatch(CYRILLIC);
  });

  test('apply calls only StoryActions, choosing the screen first', () => {
    const calls = run(step);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls[0].name).toBe('goTo');
    expect(calls.filter((call) => call.name === 'goTo')).toHaveLength(1);
  });

  test('apply is self-contained: it sets the temperature of the screen it shows', () => {
    const calls = run(step);
    const screen = calls[0].args[0];
    expect(['physics', 'language', 'parallel']).toContain(screen);
    const setter = {
      physics: 'setPhysicsTemperature',
      language: 'setLanguageTemperature',
      parallel: 'setLinkedTemperature',
    }[screen as 'physics' | 'language' | 'parallel'];
    const temperatures = calls.filter((call) => call.name === setter);
    expect(temperatures).toHaveLength(1);
    const t = temperatures[0].args[0];
    expect(typeof t).toBe('number');
    expect(Number.isNaN(t)).toBe(false);
    if (screen !== 'language') {
      expect(calls.some((call) => call.name === 'setPhysicsSystem')).toBe(true);
    } else {
      // Every truncation stage is set, so a previous step's top-p cannot linger.
      const sampler = calls.find((call) => call.name === 'setSampler');
      expect(sampler?.args[0]).toEqual({
        topK: expect.any(Number),
        topP: expect.any(Number),
        minP: expect.any(Number),
      });
    }
  });

  test('apply passes valid arguments', () => {
    for (const call of run(step)) {
      switch (call.name) {
        case 'setPhysicsSystem': {
          const [presetId, params] = call.args as [string, Record<string, number> | undefined];
          const preset = presetById(presetId);
          expect(preset, `unknown preset ${presetId}`).toBeDefined();
          expect(() => preset?.build(params)).not.toThrow();
          break;
        }
        case 'setSampler': {
          const { topK, topP, minP } = call.args[0] as { topK?: number; topP?: number; minP?: number };
          if (topK !== undefined) expect(Number.isInteger(topK) && topK >= 0).toBe(true);
          if (topP !== undefined) expect(topP > 0 && topP <= 1).toBe(true);
          if (minP !== undefined) expect(minP >= 0 && minP < 1).toBe(true);
          break;
        }
        case 'setPlaying':
          expect(typeof call.args[0]).toBe('boolean');
          break;
        case 'focus':
          expect(call.args[0]).toMatch(/^#[a-z][a-z0-9-]*$/);
          break;
      }
    }
  });

  test('apply does the same thing every time', () => {
    expect(run(step)).toEqual(run(step));
  });
});

test('the steps set what their text promises', () => {
  const byId = new Map<string, Call[]>(story.STORY_STEPS.map((step) => [step.id, run(step)]));
  const argsOf = (id: string, name: string) => byId.get(id)?.find((call) => call.name === name)?.args;
  expect(argsOf('temperature-one', 'setLanguageTemperature')).toEqual([1]);
  expect(argsOf('infinite-temperature', 'setLinkedTemperature')).toEqual([Number.POSITIVE_INFINITY]);
  expect(argsOf('zero-temperature', 'setLinkedTemperature')?.[0]).toBeLessThanOrEqual(0.02);
  expect(argsOf('boltzmann-origin', 'setPhysicsSystem')?.[0]).toBe('harmonic-oscillator');
  expect(argsOf('boltzmann-origin', 'setPhysicsTemperature')).toEqual([1]);
  expect(argsOf('entropy-perplexity', 'goTo')).toEqual(['parallel']);
  expect(argsOf('population-inversion', 'setPhysicsSystem')?.[0]).toBe('two-level');
  expect(argsOf('population-inversion', 'setPhysicsTemperature')).toEqual([-0.5]);
  expect(argsOf('least-likely-first', 'setLanguageTemperature')).toEqual([-1]);
});

test('the panel labels exist in both languages', () => {
  for (const language of LANGUAGES) {
    const strings = STORY_TEXT[language].panel;
    for (const text of [strings.heading, strings.next, strings.back, strings.close]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
    expect(strings.stepOf(3, 8)).toMatch(/3\D+8/);
  }
  expect(storyRu.panel.heading).toMatch(CYRILLIC);
});
