import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AliasTable } from './alias.ts';
import { boltzmannProbabilities } from './distribution.ts';
import { heatBathStep } from './dynamics/heatBath.ts';
import { createMetropolis, metropolisStep } from './dynamics/metropolis.ts';
import { createRng } from './rng.ts';
import { type DynamicsSettings, ParticleSimulation } from './simulation.ts';
import { chiSquareTest } from './statistics.ts';
import type { Spectrum } from './types.ts';

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

/** The occupancy of the drawn particles, counted afresh. */
function recount(simulation: ParticleSimulation): Float64Array {
  const counts = new Float64Array(simulation.levelCount);
  for (const level of simulation.levels) counts[level]++;
  return counts;
}

const fiveLevels: Spectrum = {
  energies: Float64Array.of(0, 0.5, 0.5, 2, Number.POSITIVE_INFINITY),
  degeneracies: Float64Array.of(1, 2, 0, 3, 1),
};

const settingsArb: fc.Arbitrary<DynamicsSettings> = fc.record({
  kind: fc.constantFrom('equilibrium', 'heat-bath', 'metropolis'),
  // Both heat-bath selection methods and r = 1; partial and whole Metropolis sweeps of both kinds.
  heatBathFraction: fc.constantFrom(0.004, 0.05, 0.15, 0.3, 0.97, 1),
  metropolisSweeps: fc.constantFrom(0.02, 0.2, 0.5, 1, 1.5, 2, 2.1),
});

type Action =
  | { type: 'step'; settings: DynamicsSettings }
  | { type: 'temperature'; value: number }
  | { type: 'particles'; value: number }
  | { type: 'spectrum'; which: number }
  | { type: 'reset'; seed: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: settingsArb.map((settings) => ({ type: 'step' as const, settings })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(1e-3, 0.4, 1, 3, -0.7, Number.POSITIVE_INFINITY)
      .map((value) => ({ type: 'temperature' as const, value })),
  },
  {
    weight: 2,
    // 2e6 switches to counts only and back; the others keep, drop or add particles, across blocks of four.
    arbitrary: fc
      .oneof(fc.integer({ min: 1, max: 3000 }), fc.constant(2_000_000))
      .map((value) => ({ type: 'particles' as const, value })),
  },
  { weight: 1, arbitrary: fc.nat(2).map((which) => ({ type: 'spectrum' as const, which })) },
  { weight: 1, arbitrary: fc.nat().map((seed) => ({ type: 'reset' as const, seed })) },
);

describe('ParticleSimulation: counts kept without recounting', () => {
  // The third lists its levels out of energy order.
  const spectra: Spectrum[] = [
    threeLevels,
    fiveLevels,
    { energies: Float64Array.of(1, 0, 3, 2), degeneracies: Float64Array.of(1, 1, 2, 1) },
  ];

  test('property: after any sequence of steps, T, N and spectrum changes and resets, counts equal a recount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.nat(),
        fc.array(actionArb, { minLength: 1, maxLength: 25 }),
        (initialCount, seed, actions) => {
          const simulation = new ParticleSimulation(threeLevels, 1, initialCount, seed);
          let temperature = 1;
          for (const action of actions) {
            if (action.type === 'step') simulation.step(action.settings);
            else if (action.type === 'temperature') {
              temperature = action.value;
              simulation.setTemperature(temperature);
            } else if (action.type === 'particles') simulation.setParticleCount(action.value);
            else if (action.type === 'spectrum') simulation.setSpectrum(spectra[action.which], temperature);
            else simulation.reset(action.seed);

            expect(total(simulation.counts)).toBe(simulation.particleCount);
            if (!simulation.countsOnly) {
              expect(Array.from(simulation.counts)).toEqual(Array.from(recount(simulation)));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('the particles are those the dynamics draw on their own from the same seed', () => {
    // The counting passes must not change a single draw: replay the steps with the plain functions.
    const spectrum = fiveLevels;
    const temperature = 0.9;
    const n = 4099;
    const simulation = new ParticleSimulation(spectrum, temperature, n, 21);
    const rng = createRng(21);
    const table = new AliasTable(
      boltzmannProbabilities(spectrum.energies, temperature, spectrum.degeneracies),
    );
    const metropolis = createMetropolis(spectrum.energies, spectrum.degeneracies, temperature);
    const levels = table.fill(new Uint32Array(n), rng);
    expect(simulation.levels).toEqual(levels);
    const sequence: DynamicsSettings[] = [
      { kind: 'equilibrium', heatBathFraction: 1, metropolisSweeps: 1 },
      { kind: 'heat-bath', heatBathFraction: 0.05, metropolisSweeps: 1 },
      { kind: 'heat-bath', heatBathFraction: 0.5, metropolisSweeps: 1 },
      { kind: 'metropolis', heatBathFraction: 1, metropolisSweeps: 1 },
      { kind: 'metropolis', heatBathFraction: 1, metropolisSweeps: 2.1 },
      { kind: 'metropolis', heatBathFraction: 1, metropolisSweeps: 0.6 },
    ];
    for (const settings of [...sequence, ...sequence]) {
      simulation.step(settings);
      if (settings.kind === 'equilibrium') table.fill(levels, rng);
      else if (settings.kind === 'heat-bath') heatBathStep(levels, table, settings.heatBathFraction, rng);
      else metropolisStep(levels, metropolis, settings.metropolisSweeps, rng);
      expect(simulation.levels).toEqual(levels);
    }
  });
});
