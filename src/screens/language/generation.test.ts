import { signal } from '@preact/signals-core';
import { expect, test } from 'vitest';
import { trainNgramModel } from '../../core/lm/ngram.ts';
import { NEUTRAL_SETTINGS } from '../../core/lm/pipeline.ts';
import { createGeneration, type GenerationModel } from './generation.ts';

function setUp() {
  const model = signal<GenerationModel | null>({
    kind: 'characters',
    model: trainNgramModel('the cat sat on the mat. the cat ate the rat. ', 3),
  });
  const seed = signal(1);
  const generation = createGeneration({
    model,
    context: signal('the c'),
    sampler: signal({ ...NEUTRAL_SETTINGS }),
    temperatures: signal([0, 1]),
    seed,
  });
  return { generation, seed };
}

test('while playing, one character a column every 0.12 s of app time; nothing while paused', () => {
  const { generation } = setUp();
  expect(generation.status.value.kind).toBe('ready');
  generation.step(1);
  expect(generation.snapshot.value.steps).toBe(0);
  generation.togglePlaying();
  generation.step(0.13);
  expect(generation.snapshot.value.steps).toBe(1);
  generation.step(0.12);
  expect(generation.snapshot.value.steps).toBe(2);
  // A stalled frame catches up by two characters at most.
  generation.step(5);
  expect(generation.snapshot.value.steps).toBe(4);
  generation.togglePlaying();
  expect(generation.status.value).toEqual({ kind: 'paused', length: 4 });
  generation.stepOnce();
  expect(generation.snapshot.value.steps).toBe(5);
});

test('a change of seed starts the columns again, and the same seed gives the same text', () => {
  const { generation, seed } = setUp();
  for (let i = 0; i < 20; i++) generation.stepOnce();
  const first = generation.snapshot.value.run?.columns.map((column) => column.text);
  seed.value = 2;
  expect(generation.snapshot.value.steps).toBe(0);
  seed.value = 1;
  for (let i = 0; i < 20; i++) generation.stepOnce();
  expect(generation.snapshot.value.run?.columns.map((column) => column.text)).toEqual(first);
  // t = 0 is greedy: the argmax path, whatever the seed.
  expect(first?.[0]).toMatch(/^at /);
});
