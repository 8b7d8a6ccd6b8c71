import { computed, signal } from '@preact/signals-core';
import { describe, expect, test } from 'vitest';
import { isInputError } from '../../core/errors.ts';
import { createParticleModel } from './particleModel.ts';
import { presetSystem } from './system.ts';

function twoLevelParticles(count = 500) {
  const system = signal(presetSystem('two-level'));
  const temperature = signal(1);
  return { system, temperature, particles: createParticleModel({ system, temperature }, count) };
}

function refusal(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return null;
}

describe('the particle model', () => {
  test('a refused setting throws an InputError and keeps the last good value', () => {
    const { particles } = twoLevelParticles();
    const bad: [() => void, () => unknown][] = [
      [() => particles.particleCount.set(0), () => particles.particleCount.value],
      [() => particles.particleCount.set(2.5), () => particles.particleCount.value],
      [() => particles.heatBathFraction.set(0), () => particles.heatBathFraction.value],
      [() => particles.heatBathFraction.set(Number.NaN), () => particles.heatBathFraction.value],
      [() => particles.metropolisSweeps.set(100), () => particles.metropolisSweeps.value],
      [() => particles.stepsPerSecond.set(0), () => particles.stepsPerSecond.value],
      [() => particles.seed.set(-1), () => particles.seed.value],
      [() => particles.seed.set(2 ** 32), () => particles.seed.value],
      [() => particles.quanta.set(-3), () => particles.quanta.value],
      [() => particles.setDynamics('einstein'), () => particles.dynamics.value],
    ];
    for (const [action, read] of bad) {
      const before = read();
      expect(isInputError(refusal(action))).toBe(true);
      expect(read()).toBe(before);
    }
  });

  test('p(T) is computed once: the simulation draws from the very array the readouts show', () => {
    const { temperature, particles } = twoLevelParticles();
    expect(particles.snapshot.value.theory).toBe(particles.probabilities.value);
    temperature.value = 0.3;
    expect(particles.snapshot.value.theory).toBe(particles.probabilities.value);
    const [ground, excited] = particles.probabilities.value;
    expect(excited / ground).toBeCloseTo(Math.exp(-1 / 0.3), 12);
  });

  test('time moves the particles at the set speed, at most four steps a frame, and not while paused', () => {
    const { particles } = twoLevelParticles();
    particles.stepsPerSecond.set(8);
    particles.step(0.25);
    expect(particles.snapshot.value.stepCount).toBe(2);
    particles.step(10);
    expect(particles.snapshot.value.stepCount).toBe(6);
    particles.playing.set(false);
    particles.step(1);
    expect(particles.snapshot.value.stepCount).toBe(6);
    particles.stepOnce();
    expect(particles.snapshot.value.stepCount).toBe(7);
  });

  test('replaying k steps from the seed gives the same particles, and a link can say so', () => {
    const first = twoLevelParticles().particles;
    const second = twoLevelParticles().particles;
    first.seed.set(42);
    second.seed.set(42);
    first.reset();
    for (let i = 0; i < 5; i++) first.stepOnce();
    expect(first.replayableSteps.value).toBe(5);
    second.replay(5);
    expect(Array.from(second.snapshot.value.levels ?? [])).toEqual(
      Array.from(first.snapshot.value.levels ?? []),
    );
    expect(second.playing.value).toBe(false);
    // A change after the reset means k steps would not reproduce the particles any more.
    first.heatBathFraction.set(0.5);
    expect(first.replayableSteps.value).toBe(-1);
    first.reset();
    expect(first.replayableSteps.value).toBe(0);
  });

  test('a new system starts its particles from the seed, so its first draw is the same whoever opens it', () => {
    const { system, particles } = twoLevelParticles();
    particles.stepOnce();
    const other = presetSystem('three-level');
    system.value = other;
    expect(particles.snapshot.value.system).toBe(other);
    expect(particles.snapshot.value.stepCount).toBe(0);
    expect(particles.snapshot.value.counts.length).toBe(other.spectrum.energies.length);
  });

  test('the Einstein solid sets its own temperature and hands it back when it ends', () => {
    const system = signal(presetSystem('harmonic-oscillator'));
    const set = signal(0.7);
    const particles = createParticleModel(
      {
        system,
        temperature: computed(() => set.value),
        adoptTemperature: (t) => {
          set.value = t;
        },
      },
      2000,
    );
    particles.setDynamics('einstein');
    const solid = 1 / Math.log(1 + 2000 / particles.quanta.value);
    expect(particles.temperature.value).toBeCloseTo(system.value.excitationEnergy * solid, 12);
    particles.setDynamics('heat-bath');
    expect(set.value).toBeCloseTo(system.value.excitationEnergy * solid, 12);
    expect(particles.temperature.value).toBe(set.value);
  });
});
