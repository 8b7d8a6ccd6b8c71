import { computed, signal } from '@preact/signals-core';
import { expect, test } from 'vitest';
import type { TokenDistribution } from '../language/model.ts';
import { createParallelScreenModel } from './model.ts';

test('one temperature drives both ladders, and the token side follows the language model once it exists', () => {
  const model = createParallelScreenModel();
  expect(model.hasTokens.value).toBe(false);
  const distribution = signal<TokenDistribution | null>({
    tokens: ['a', 'b', 'c'],
    probabilities: Float64Array.of(0.5, 0.3, 0.2),
    description: null,
  });
  model.followLanguage(computed(() => distribution.value));
  expect(model.hasTokens.value).toBe(true);
  // E = −ln p, and at T = t = 1 the Boltzmann distribution is the model's own.
  expect(Array.from(model.tokens.probabilities.value)).toEqual(
    [0.5, 0.3, 0.2].map((p) => expect.closeTo(p, 12)),
  );
  model.temperature.set(0.5);
  expect(model.physics.temperature.value).toBe(0.5);
  expect(model.tokens.temperature.value).toBe(0.5);
  const z = 0.5 ** 2 + 0.3 ** 2 + 0.2 ** 2;
  expect(model.tokens.probabilities.value[0]).toBeCloseTo(0.25 / z, 12);
  distribution.value = { tokens: ['x', 'y'], probabilities: Float64Array.of(0.9, 0.1), description: null };
  expect(model.tokens.system.value.labels).toEqual(['x', 'y']);
});

test('a system not known to the screen is refused and the last good one kept', () => {
  const model = createParallelScreenModel();
  expect(() => model.physicsSystem.set('hydrogen' as never)).toThrow();
  expect(model.physicsSystem.value).toBe('three-level');
  model.physicsSystem.set('oscillator');
  expect(model.physics.system.value.spectrum.energies.length).toBe(13);
});

test('a negative temperature needs a ladder bounded above: refused on the oscillator, shown on three levels', () => {
  const model = createParallelScreenModel();
  model.physicsSystem.set('oscillator');
  expect(() => model.temperature.set(-1)).toThrow(/bounded/);
  expect(model.temperature.value).toBe(1);
  model.demonstrate('three-level', -1);
  expect(model.temperature.value).toBe(-1);
  expect(() => model.physicsSystem.set('oscillator')).toThrow(/bounded/);
  expect(model.physicsSystem.value).toBe('three-level');
  expect(model.physics.probabilities.value[2]).toBeGreaterThan(model.physics.probabilities.value[0]);
});
