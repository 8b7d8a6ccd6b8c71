/** The simulation's Einstein-solid mode: the particles are oscillators sharing q quanta. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boltzmannProbabilities } from './distribution.ts';
import {
  createEinsteinSolid,
  type EinsteinStart,
  einsteinBoltzmann,
  einsteinMarginal,
  einsteinStep,
  einsteinTemperature,
} from './dynamics/einsteinSolid.ts';
import { createRng } from './rng.ts';
import { type DynamicsSettings, ParticleSimulation } from './simulation.ts';
import { presetById } from './spectra/index.ts';
import { chiSquareTest } from './statistics.ts';
import type { Spectrum } from './types.ts';

/** The harmonic ladder E_n = n + 1/2, n = 0 … nMax: the spectrum the Einstein solid is drawn on. */
function ladder(nMax: number): Spectrum {
  const preset = presetById('harmonic-oscillator');
  if (!preset) throw new Error('The harmonic oscillator preset is missing.');
  return preset.build({ nMax });
}

const einstein = (metropolisSweeps = 1): DynamicsSettings => ({
  kind: 'einstein',
  heatBathFraction: 1,
  metropolisSweeps,
});

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function recount(simulation: ParticleSimulation): Float64Array {
  const counts = new Float64Array(simulation.levelCount);
  for (const level of simulation.levels) counts[level]++;
  return counts;
}

describe('ParticleSimulation as an Einstein solid', () => {
  test('the quanta are conserved: on a ladder tall enough for all of them, the levels always sum to q', () => {
    const simulation = new ParticleSimulation(ladder(400), 1, 200, 7);
    simulation.setEinstein({ quanta: 300, start: 'concentrated' });
    expect(simulation.levels[0]).toBe(300);
    expect(simulation.counts[0]).toBe(199);
    for (const sweeps of [1, 0.05, 3, 0.5, 10]) {
      simulation.step(einstein(sweeps));
      expect(sum(simulation.levels)).toBe(300);
      expect(sum(simulation.counts)).toBe(200);
    }
    expect(simulation.levels[0]).toBeLessThan(300);
  });

  test('the particles are the quanta of a plain Einstein solid run from the same seed, capped at the top level', () => {
    // Placing the oscillators on the ladder must not change a single draw: replay the plain moves.
    const n = 1000;
    const quanta = 4000;
    const top = 6;
    const simulation = new ParticleSimulation(ladder(top), 1, n, 33);
    simulation.setEinstein({ quanta, start: 'even' });
    const rng = createRng(33);
    const solid = createEinsteinSolid(n, quanta, rng, 'even');
    for (const sweeps of [1, 0.3, 2.5]) {
      simulation.step(einstein(sweeps));
      einsteinStep(solid, Math.round(sweeps * n), rng);
      expect(Array.from(simulation.levels)).toEqual(Array.from(solid.quanta, (q) => Math.min(q, top)));
    }
  });

  test('the theory is Boltzmann at 1/T = ln(1 + N/q), with the top level holding the whole tail', () => {
    const simulation = new ParticleSimulation(ladder(8), 0.3, 2000, 1);
    simulation.setEinstein({ quanta: 2000, start: 'even' });
    const p = simulation.probabilities;
    expect(Array.from(p)).toEqual(Array.from(einsteinBoltzmann(2000, 2000, 8)));
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[1]).toBeCloseTo(0.25, 12);
    expect(p[8]).toBeCloseTo(2 ** -8, 12); // P(n ≥ 8)
    expect(sum(p)).toBeCloseTo(1, 12);
    // Below the top it is the Boltzmann distribution of the untruncated ladder at T_E.
    const tall = ladder(200);
    const atTE = boltzmannProbabilities(tall.energies, einsteinTemperature(2000, 2000), tall.degeneracies);
    for (let level = 0; level < 8; level++) expect(p[level]).toBeCloseTo(atTE[level], 12);

    simulation.setEinstein(null);
    const imposed = boltzmannProbabilities(ladder(8).energies, 0.3, ladder(8).degeneracies);
    expect(Array.from(simulation.probabilities)).toEqual(Array.from(imposed));
  });

  test('long run: one oscillator’s histogram is the exact finite-N marginal, measurably not yet Boltzmann', () => {
    // N = 5, q = 10: P(0) = 4/14 exactly against 1/3 for Boltzmann at T_E, a difference 20 000
    // samples resolve. Samples 80 moves apart (16 sweeps) are close to independent.
    const n = 5;
    const quanta = 10;
    const simulation = new ParticleSimulation(ladder(quanta), 1, n, 2024);
    simulation.setEinstein({ quanta, start: 'concentrated' });
    for (let i = 0; i < 50; i++) simulation.step(einstein(4));
    const histogram = new Float64Array(quanta + 1);
    for (let sample = 0; sample < 20_000; sample++) {
      for (let i = 0; i < 4; i++) simulation.step(einstein(4));
      histogram[simulation.levels[0]]++;
    }
    expect(chiSquareTest(histogram, einsteinMarginal(n, quanta, quanta)).pValue).toBeGreaterThan(1e-3);
    expect(chiSquareTest(histogram, einsteinBoltzmann(n, quanta, quanta)).pValue).toBeLessThan(1e-6);
  });

  test('reset and re-entering the mode start the same run again', () => {
    const simulation = new ParticleSimulation(ladder(20), 1, 300, 5);
    simulation.setEinstein({ quanta: 500, start: 'equilibrium' });
    simulation.step(einstein());
    const afterOneStep = Array.from(simulation.levels);
    simulation.step(einstein());
    simulation.reset();
    simulation.step(einstein());
    expect(Array.from(simulation.levels)).toEqual(afterOneStep);
    simulation.setEinstein(null);
    simulation.setEinstein({ quanta: 500, start: 'equilibrium' });
    simulation.step(einstein());
    expect(Array.from(simulation.levels)).toEqual(afterOneStep);
  });

  test('refused settings change nothing; too many oscillators to draw end the mode', () => {
    const simulation = new ParticleSimulation(ladder(20), 1, 100, 5);
    simulation.setEinstein({ quanta: 50, start: 'even' });
    const before = Array.from(simulation.levels);
    expect(() => simulation.setEinstein({ quanta: -1, start: 'even' })).toThrow(/quanta/);
    expect(() => simulation.setEinstein({ quanta: 2.5, start: 'even' })).toThrow(/quanta/);
    expect(Array.from(simulation.levels)).toEqual(before);
    expect(simulation.einsteinMode).toBe(true);

    simulation.setParticleCount(2e6);
    expect(simulation.einsteinMode).toBe(false);
    expect(simulation.countsOnly).toBe(true);
    expect(() => simulation.setEinstein({ quanta: 50, start: 'even' })).toThrow(/at most/);
  });

  test('stepping the Einstein dynamics outside the mode, or another dynamics inside it, is a programming error', () => {
    const simulation = new ParticleSimulation(ladder(20), 1, 100, 5);
    expect(() => simulation.step(einstein())).toThrow(/together/);
    simulation.setEinstein({ quanta: 50, start: 'even' });
    expect(() => simulation.step({ ...einstein(), kind: 'heat-bath' })).toThrow(/together/);
  });
});

type Action =
  | { type: 'einstein'; quanta: number; start: EinsteinStart }
  | { type: 'leave' }
  | { type: 'step'; sweeps: number; otherKind: 'heat-bath' | 'metropolis' }
  | { type: 'particles'; value: number }
  | { type: 'ladder'; nMax: number }
  | { type: 'reset'; seed: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('einstein' as const),
      quanta: fc.oneof(fc.nat(50), fc.nat(20_000)),
      start: fc.constantFrom<EinsteinStart>('even', 'concentrated', 'equilibrium'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'leave' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('step' as const),
      sweeps: fc.constantFrom(0.01, 0.3, 1, 2.7),
      otherKind: fc.constantFrom('heat-bath' as const, 'metropolis' as const),
    }),
  },
  {
    weight: 2,
    // 2e6 cannot be an Einstein solid: the mode ends and only counts remain.
    arbitrary: fc
      .oneof(fc.integer({ min: 1, max: 3000 }), fc.constant(2_000_000))
      .map((value) => ({ type: 'particles' as const, value })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 1, 5, 40).map((nMax) => ({ type: 'ladder' as const, nMax })),
  },
  { weight: 1, arbitrary: fc.nat().map((seed) => ({ type: 'reset' as const, seed })) },
);

describe('ParticleSimulation as an Einstein solid: counts kept without recounting', () => {
  test('property: through any steps, N, ladder and mode changes and resets, counts equal a recount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.nat(),
        fc.array(actionArb, { minLength: 1, maxLength: 25 }),
        (initialCount, seed, actions) => {
          const simulation = new ParticleSimulation(ladder(10), 1, initialCount, seed);
          for (const action of actions) {
            if (action.type === 'einstein') {
              if (simulation.countsOnly) continue;
              simulation.setEinstein({ quanta: action.quanta, start: action.start });
            } else if (action.type === 'leave') simulation.setEinstein(null);
            else if (action.type === 'step') {
              simulation.step(
                simulation.einsteinMode
                  ? einstein(action.sweeps)
                  : { kind: action.otherKind, heatBathFraction: 0.3, metropolisSweeps: action.sweeps },
              );
            } else if (action.type === 'particles') simulation.setParticleCount(action.value);
            else if (action.type === 'ladder') simulation.setSpectrum(ladder(action.nMax), 1);
            else simulation.reset(action.seed);

            expect(sum(simulation.counts)).toBe(simulation.particleCount);
            if (!simulation.countsOnly) {
              expect(Array.from(simulation.counts)).toEqual(Array.from(recount(simulation)));
              expect(sum(simulation.probabilities)).toBeCloseTo(1, 9);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
