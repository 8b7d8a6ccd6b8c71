/**
 * The simulator's model: N particles on the levels of a spectrum at a temperature, advanced one
 * fixed step at a time by the chosen dynamics. It owns the particle state (a level index per
 * particle, in a typed array) and the occupancy counts; views read them and never write.
 *
 * Up to MAX_DRAWN_PARTICLES every particle exists. Above that, up to MAX_PARTICLES, only the
 * occupancy counts exist: each step is a fresh multinomial draw from the equilibrium distribution,
 * which is exactly what instant equilibrium means for that many particles.
 */
import { AliasTable } from './alias.ts';
import { boltzmannProbabilities } from './distribution.ts';
import { heatBathStep } from './dynamics/heatBath.ts';
import {
  createMetropolis,
  metropolisStep,
  type PreparedMetropolis,
  setMetropolisTemperature,
} from './dynamics/metropolis.ts';
import { InputError } from './errors.ts';
import { sampleCounts } from './multinomial.ts';
import { createRng, type Rng } from './rng.ts';
import type { Spectrum } from './types.ts';

export const MAX_DRAWN_PARTICLES = 1_000_000;
export const MAX_PARTICLES = 1e24;

export type DynamicsKind = 'equilibrium' | 'heat-bath' | 'metropolis';

export interface DynamicsSettings {
  kind: DynamicsKind;
  /** Heat bath: fraction of particles redrawn per step, in (0, 1]. */
  heatBathFraction: number;
  /** Metropolis: attempted moves per particle per step. */
  metropolisSweeps: number;
}

/** Throws InputError unless n is a whole number of particles the simulator can hold. */
export function checkParticleCount(n: number): void {
  if (!(Number.isFinite(n) && n >= 1 && n <= MAX_PARTICLES && Number.isInteger(n))) {
    throw new InputError(`The number of particles must be a whole number from 1 to 1e24; got ${n}.`);
  }
}

export class ParticleSimulation {
  private spectrum: Spectrum;
  private temperature: number;
  private probabilitiesAtT: Float64Array;
  private readonly sampler = new AliasTable();
  private metropolis: PreparedMetropolis | null = null;
  private rng: Rng;
  private seed: number;
  private count: number;
  private averagedSteps = 0;

  /** Level index of each particle; empty in counts-only mode. */
  levels: Uint32Array = new Uint32Array(0);
  /**
   * Particles per level after the latest step. Kept exact as the particles move (each dynamics
   * updates it in the same pass, or for just the particles it changes), never by a recount per step.
   */
  counts: Float64Array;
  /** Sum of `counts` over the steps since the last change, for the time average. */
  private countSums: Float64Array;
  /** Steps taken since the last reset. */
  stepCount = 0;

  constructor(spectrum: Spectrum, temperature: number, particleCount: number, seed: number) {
    checkParticleCount(particleCount);
    this.spectrum = spectrum;
    this.temperature = temperature;
    this.probabilitiesAtT = boltzmannProbabilities(spectrum.energies, temperature, spectrum.degeneracies);
    this.sampler.rebuild(this.probabilitiesAtT);
    this.counts = new Float64Array(spectrum.energies.length);
    this.countSums = new Float64Array(spectrum.energies.length);
    this.count = particleCount;
    this.seed = seed;
    this.rng = createRng(seed);
    this.redraw();
  }

  get particleCount(): number {
    return this.count;
  }

  /** True when the particles are not drawn individually, only their counts. */
  get countsOnly(): boolean {
    return this.count > MAX_DRAWN_PARTICLES;
  }

  get levelCount(): number {
    return this.counts.length;
  }

  /** The exact Boltzmann probabilities the particles are drawn from. */
  get probabilities(): Float64Array {
    return this.probabilitiesAtT;
  }

  /** Mean occupancy per level over the steps since the last change (equal to `counts` before any step). */
  averageCounts(out: Float64Array = new Float64Array(this.levelCount)): Float64Array {
    if (this.averagedSteps === 0) {
      out.set(this.counts);
      return out;
    }
    for (let i = 0; i < this.levelCount; i++) out[i] = this.countSums[i] / this.averagedSteps;
    return out;
  }

  /** A new spectrum means new levels: the particles are drawn afresh at the current temperature. */
  setSpectrum(spectrum: Spectrum, temperature: number): void {
    const probabilities = boltzmannProbabilities(spectrum.energies, temperature, spectrum.degeneracies);
    this.spectrum = spectrum;
    this.temperature = temperature;
    this.probabilitiesAtT = probabilities;
    this.sampler.rebuild(probabilities);
    this.metropolis = null;
    this.counts = new Float64Array(spectrum.energies.length);
    this.countSums = new Float64Array(spectrum.energies.length);
    this.redraw();
  }

  /** Changing T leaves the particles where they are; the dynamics relax them towards the new p. */
  setTemperature(temperature: number): void {
    if (Object.is(temperature, this.temperature)) return;
    this.probabilitiesAtT = boltzmannProbabilities(
      this.spectrum.energies,
      temperature,
      this.spectrum.degeneracies,
      this.probabilitiesAtT,
    );
    this.temperature = temperature;
    this.sampler.rebuild(this.probabilitiesAtT);
    if (this.metropolis) setMetropolisTemperature(this.metropolis, temperature);
    this.clearAverage();
  }

  /** Existing particles keep their levels; new ones are drawn from the current distribution. */
  setParticleCount(particleCount: number): void {
    checkParticleCount(particleCount);
    if (particleCount === this.count) return;
    const wasDrawn = !this.countsOnly;
    const previous = this.levels;
    this.count = particleCount;
    if (this.countsOnly) {
      this.levels = new Uint32Array(0);
      sampleCounts(this.probabilitiesAtT, particleCount, this.rng, this.counts);
    } else {
      this.levels = new Uint32Array(particleCount);
      const kept = wasDrawn ? Math.min(previous.length, particleCount) : 0;
      this.levels.set(previous.subarray(0, kept));
      this.recount(kept);
      this.sampler.fillCounting(this.levels, this.rng, kept, particleCount, this.counts);
    }
    this.clearAverage();
  }

  /** Starts again from the seed: the same seed and settings give the same particles, step by step. */
  reset(seed: number = this.seed): void {
    this.seed = seed;
    this.rng = createRng(seed);
    this.redraw();
  }

  /** Advances one fixed step of the dynamics. In counts-only mode every step is a fresh equilibrium draw. */
  step(dynamics: DynamicsSettings): void {
    if (this.countsOnly) {
      sampleCounts(this.probabilitiesAtT, this.count, this.rng, this.counts);
    } else {
      switch (dynamics.kind) {
        case 'equilibrium':
          this.counts.fill(0);
          this.sampler.fillCounting(this.levels, this.rng, 0, this.levels.length, this.counts);
          break;
        case 'heat-bath':
          heatBathStep(this.levels, this.sampler, dynamics.heatBathFraction, this.rng, this.counts);
          break;
        case 'metropolis':
          metropolisStep(
            this.levels,
            this.preparedMetropolis(),
            dynamics.metropolisSweeps,
            this.rng,
            this.counts,
          );
          break;
      }
    }
    this.stepCount++;
    for (let i = 0; i < this.levelCount; i++) this.countSums[i] += this.counts[i];
    this.averagedSteps++;
  }

  private preparedMetropolis(): PreparedMetropolis {
    this.metropolis ??= createMetropolis(
      this.spectrum.energies,
      this.spectrum.degeneracies,
      this.temperature,
    );
    return this.metropolis;
  }

  private redraw(): void {
    this.stepCount = 0;
    if (this.countsOnly) {
      this.levels = new Uint32Array(0);
      sampleCounts(this.probabilitiesAtT, this.count, this.rng, this.counts);
    } else {
      if (this.levels.length !== this.count) this.levels = new Uint32Array(this.count);
      this.counts.fill(0);
      this.sampler.fillCounting(this.levels, this.rng, 0, this.count, this.counts);
    }
    this.clearAverage();
  }

  /** Counts the first `end` particles afresh: only when the particle count changes, not per step. */
  private recount(end: number): void {
    const counts = this.counts;
    counts.fill(0);
    const levels = this.levels;
    for (let i = 0; i < end; i++) counts[levels[i]]++;
  }

  private clearAverage(): void {
    this.countSums.fill(0);
    this.averagedSteps = 0;
  }
}
