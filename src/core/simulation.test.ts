import { describe, expect, test } from 'vitest';
import { boltzmannProbabilities } from './distribution.ts';
import { ParticleSimulation } from './simulation.ts';
import { chiSquareTest } from './statistics.ts';

const threeLevels = { energies: Float64Array.of(0, 1, 2), degeneracies: Float64Array.of(1, 2, 1) };
const equilibrium = { kind: 'equilibrium', heatBathFraction: 0.1, metropolisSweeps: 1 } as const;

function total(counts: Float64Array): number {
  return counts.reduce((sum, c) => sum + c, 0);
}

describe('ParticleSimulation', () => {
  test('counts match the particles and follow the Boltzmann distribution', () => {
    const simulation = new ParticleSimulation(threeLevels, 1.3, 200_000, 11);
    simulation.step(equilibrium);
    expect(total(simulation.counts)).toBe(200_000);
    const p = boltzmannProbabilities(threeLevels.energies, 1.3, threeLevels.degeneracies);
    expect(chiSquareTest(simulation.counts, p).pValue).toBeGreaterThan(1e-4);
  });

  test('the same seed reproduces the same steps; reset starts the sequence again', () => {
    const a = new ParticleSimulation(threeLevels, 0.7, 1000, 5);
    const b = new ParticleSimulation(threeLevels, 0.7, 1000, 5);
    a.step(equilibrium);
    b.step(equilibrium);
    expect(Array.from(a.levels)).toEqual(Array.from(b.levels));
    const afterOneStep = Array.from(a.levels);
    a.step(equilibrium);
    a.reset();
    expect(a.stepCount).toBe(0);
    a.step(equilibrium);
    expect(Array.from(a.levels)).toEqual(afterOneStep);
  });

  test('near zero temperature every particle is in the ground state', () => {
    const simulation = new ParticleSimulation(threeLevels, 1e-3, 10_000, 1);
    expect(simulation.counts[0]).toBe(10_000);
  });

  test('negative temperature inverts the population', () => {
    const simulation = new ParticleSimulation(threeLevels, -0.3, 10_000, 1);
    expect(simulation.counts[2]).toBeGreaterThan(simulation.counts[1]);
    expect(simulation.counts[1]).toBeGreaterThan(simulation.counts[0]);
  });

  test('above a million particles only counts exist, and they sum to the total', () => {
    const simulation = new ParticleSimulation(threeLevels, 1, 1e12, 3);
    expect(simulation.countsOnly).toBe(true);
    expect(simulation.levels.length).toBe(0);
    simulation.step(equilibrium);
    expect(total(simulation.counts)).toBe(1e12);
  });

  test('changing N keeps existing particles and draws only the new ones', () => {
    const simulation = new ParticleSimulation(threeLevels, 1, 100, 3);
    const before = Array.from(simulation.levels);
    simulation.setParticleCount(150);
    expect(Array.from(simulation.levels.subarray(0, 100))).toEqual(before);
    expect(total(simulation.counts)).toBe(150);
    simulation.setParticleCount(40);
    expect(Array.from(simulation.levels)).toEqual(before.slice(0, 40));
  });

  test('after a temperature change the heat bath relaxes the particles towards the new distribution', () => {
    const simulation = new ParticleSimulation(threeLevels, 1e-3, 100_000, 9);
    simulation.setTemperature(10);
    const heatBath = { kind: 'heat-bath', heatBathFraction: 0.2, metropolisSweeps: 1 } as const;
    simulation.step(heatBath);
    const p = simulation.probabilities;
    // After one step about 20% have been redrawn: the ground state still holds ≈ 0.8 + 0.2·p0.
    expect(simulation.counts[0] / 100_000).toBeCloseTo(0.8 + 0.2 * p[0], 2);
    for (let i = 0; i < 60; i++) simulation.step(heatBath);
    expect(chiSquareTest(simulation.counts, p).pValue).toBeGreaterThan(1e-4);
  });

  test('Metropolis dynamics reach the Boltzmann distribution', () => {
    const simulation = new ParticleSimulation(threeLevels, 1e-3, 50_000, 4);
    simulation.setTemperature(0.8);
    const metropolis = { kind: 'metropolis', heatBathFraction: 1, metropolisSweeps: 1 } as const;
    for (let i = 0; i < 200; i++) simulation.step(metropolis);
    expect(chiSquareTest(simulation.counts, simulation.probabilities).pValue).toBeGreaterThan(1e-4);
  });

  test('the time average is the mean of the counts since the last change', () => {
    const simulation = new ParticleSimulation(threeLevels, 1, 500, 8);
    simulation.step(equilibrium);
    const first = Float64Array.from(simulation.counts);
    simulation.step(equilibrium);
    const average = simulation.averageCounts();
    for (let i = 0; i < 3; i++) expect(average[i]).toBeCloseTo((first[i] + simulation.counts[i]) / 2, 12);
  });

  test('a particle count outside 1 … 1e24 is refused with a message', () => {
    const simulation = new ParticleSimulation(threeLevels, 1, 10, 1);
    expect(() => simulation.setParticleCount(0)).toThrow(/from 1 to 1e24/);
    expect(() => simulation.setParticleCount(2.5)).toThrow(/whole number/);
    expect(() => simulation.setParticleCount(Number.NaN)).toThrow(/whole number/);
  });
});
