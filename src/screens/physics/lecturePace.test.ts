/**
 * The pace of a lecture at the default settings, in simulated steps × the default steps per second:
 * after a temperature change the heat bath must reach agreement with theory within about 5 s, yet not
 * at once (the relaxation should be seen), and what the physics needs longer for, the Einstein solid
 * from "all on one", fast-forward must finish within about 5 s.
 */
import { describe, expect, test } from 'vitest';
import { type DynamicsKind, ParticleSimulation } from '../../core/simulation.ts';
import { chiSquareTest, fitIsConsistent } from '../../core/statistics.ts';
import { FAST_FORWARD_FACTOR } from '../../shared/model/fastForward.ts';
import { createPhysicsModel } from './model.ts';

const LECTURE_SECONDS = 5;
const SEEDS = Array.from({ length: 15 }, (_, i) => i + 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Steps from the opening draw (after `prepare`) until the counts agree with theory. */
function stepsToAgreement(
  seed: number,
  kind: DynamicsKind,
  prepare: (simulation: ParticleSimulation) => void,
): number {
  const state = createPhysicsModel();
  const simulation = new ParticleSimulation(
    state.system.value.spectrum,
    state.temperature.value,
    state.particles.particleCount.value,
    seed,
  );
  prepare(simulation);
  const settings = {
    kind,
    heatBathFraction: state.particles.heatBathFraction.value,
    metropolisSweeps: state.particles.metropolisSweeps.value,
  };
  for (let steps = 1; steps <= 100_000; steps++) {
    simulation.step(settings);
    if (fitIsConsistent(chiSquareTest(simulation.counts, simulation.probabilities).pValue)) return steps;
  }
  return Number.POSITIVE_INFINITY;
}

describe('at the default settings', () => {
  const {
    temperature,
    particles: { stepsPerSecond, dynamics },
  } = createPhysicsModel();
  test('the default dynamics is the heat bath, opening at T = 1', () => {
    expect(dynamics.value).toBe('heat-bath');
    expect(temperature.value).toBe(1);
  });

  test.each([0.5, 2, 4])('after T = 1 → %s the heat bath agrees with theory in 1 to 5 seconds', (next) => {
    const seconds = SEEDS.map(
      (seed) =>
        stepsToAgreement(seed, dynamics.value, (simulation) => simulation.setTemperature(next)) /
        stepsPerSecond.value,
    );
    expect(median(seconds)).toBeLessThanOrEqual(LECTURE_SECONDS);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(1.5 * LECTURE_SECONDS);
    // Not a jump: the first second still shows the particles on their way.
    expect(Math.min(...seconds)).toBeGreaterThanOrEqual(1);
  });

  test('the Einstein solid from "all on one" needs longer than a lecture, and fast-forward does it in 5 s', () => {
    const state = createPhysicsModel();
    const steps = [1, 2, 3].map((seed) =>
      stepsToAgreement(seed, 'einstein', (simulation) =>
        simulation.setEinstein({ quanta: state.particles.quanta.value, start: 'concentrated' }),
      ),
    );
    for (const count of steps) {
      expect(count / stepsPerSecond.value).toBeGreaterThan(60);
      expect(count / (stepsPerSecond.value * FAST_FORWARD_FACTOR)).toBeLessThanOrEqual(LECTURE_SECONDS);
    }
  });
});
