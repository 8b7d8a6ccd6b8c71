/**
 * The simulator's model: N particles on the levels of a spectrum at a temperature, advanced one
 * fixed step at a time by the chosen dynamics. It owns the particle state (a level index per
 * particle, in a typed array) and the occupancy counts; views read them and never write.
 *
 * Up to MAX_DRAWN_PARTICLES every particle exists. Above that, up to MAX_PARTICLES, only the
 * occupancy counts exist: each step is a fresh multinomial draw from the equilibrium distribution,
 * which is exactly what instant equilibrium means for that many particles.
 *
 * The Einstein solid is a mode rather than a separate model, so that every view of the particles
 * works unchanged: the particles become oscillators on a harmonic ladder sharing q quanta, and the
 * temperature is no longer imposed but follows from N and q (see setEinstein).
 */
import { AliasTable } from './alias.ts';
import { boltzmannProbabilities } from './distribution.ts';
import {
  createEinsteinSolid,
  type EinsteinSolid,
  type EinsteinStart,
  einsteinBoltzmann,
  einsteinStep,
  placeOnLadder,
} from './dynamics/einsteinSolid.ts';
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

export type DynamicsKind = 'equilibrium' | 'heat-bath' | 'metropolis' | 'einstein';

export interface DynamicsSettings {
  kind: DynamicsKind;
  /** Heat bath: fraction of particles redrawn per step, in (0, 1]. */
  heatBathFraction: number;
  /** Metropolis and the Einstein solid: attempted moves per particle per step. */
  metropolisSweeps: number;
}

/** The Einstein solid's own settings: how many quanta the oscillators share, and how they start. */
export interface EinsteinSettings {
  quanta: number;
  start: EinsteinStart;
}

/** Throws InputError unless n is a whole number of particles the simulator can hold. */
export function checkParticleCount(n: number): void {
  if (!(Number.isFinite(n) && n >= 1 && n <= MAX_PARTICLES && Number.isInteger(n))) {
    throw new InputError('particles.count', { got: String(n) });
  }
}

function boltzmannAt(spectrum: Spectrum, temperature: number): Float64Array {
  return boltzmannProbabilities(spectrum.energies, temperature, spectrum.degeneracies);
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
  /** Set while the particles are an Einstein solid; then `solid` holds their quanta. */
  private einsteinSettings: EinsteinSettings | null = null;
  private solid: EinsteinSolid | null = null;
  private einsteinTheory: Float64Array = new Float64Array(0);

  /** Level index of each particle; empty in counts-only mode. */
  levels: Uint32Array = new Uint32Array(0);
  /**
   * Particles per level after the latest step. Kept exact as the particles move (each dynamics
   * updates it in the same pass, or for just the particles it changes), never by a separate recount
   * per step. The Einstein solid's moves change quanta, not levels: its one pass that puts the
   * oscillators on their levels counts them as it goes.
   */
  counts: Float64Array;
  /** Sum of `counts` over the steps since the last change, for the time average. */
  private countSums: Float64Array;
  /** Steps taken since the last reset. */
  stepCount = 0;

  /**
   * `probabilities`, when given, must be the Boltzmann distribution of `spectrum` at `temperature`: the
   * app computes it once for its readouts and the alias table is built from that same array (which the
   * simulation never writes into).
   */
  constructor(
    spectrum: Spectrum,
    temperature: number,
    particleCount: number,
    seed: number,
    probabilities: Float64Array = boltzmannAt(spectrum, temperature),
  ) {
    checkParticleCount(particleCount);
    this.spectrum = spectrum;
    this.temperature = temperature;
    this.probabilitiesAtT = probabilities;
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

  /**
   * The theory the particles are compared with: the exact Boltzmann probabilities they are drawn from,
   * or for the Einstein solid the Boltzmann distribution at its temperature 1/T = ln(1 + N/q) with the
   * top level holding the whole tail (einsteinBoltzmann).
   */
  get probabilities(): Float64Array {
    return this.einsteinSettings ? this.einsteinTheory : this.probabilitiesAtT;
  }

  /** True while the particles are an Einstein solid (see setEinstein). */
  get einsteinMode(): boolean {
    return this.einsteinSettings !== null;
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
  setSpectrum(
    spectrum: Spectrum,
    temperature: number,
    probabilities: Float64Array = boltzmannAt(spectrum, temperature),
  ): void {
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
  setTemperature(temperature: number, probabilities?: Float64Array): void {
    if (
      Object.is(temperature, this.temperature) &&
      (probabilities ?? this.probabilitiesAtT) === this.probabilitiesAtT
    )
      return;
    this.probabilitiesAtT = probabilities ?? boltzmannAt(this.spectrum, temperature);
    this.temperature = temperature;
    this.sampler.rebuild(this.probabilitiesAtT);
    if (this.metropolis) setMetropolisTemperature(this.metropolis, temperature);
    this.clearAverage();
  }

  /**
   * Turns the Einstein solid on or off. On: the particles become N oscillators sharing
   * `settings.quanta` quanta, placed as `settings.start` says, and a particle's level is its number of
   * quanta n on the spectrum, which must be the harmonic ladder E_n ∝ n + 1/2 (the top level also
   * holds every oscillator with more quanta). Off (null): the particles stay where they are, and the
   * imposed temperature takes over again. Throws InputError in counts-only mode (every oscillator must
   * exist) and for a bad number of quanta.
   */
  setEinstein(settings: EinsteinSettings | null): void {
    const current = this.einsteinSettings;
    if (settings === null) {
      if (current === null) return;
      this.einsteinSettings = null;
      this.solid = null;
      this.clearAverage();
      return;
    }
    if (current && current.quanta === settings.quanta && current.start === settings.start) return;
    if (this.countsOnly) {
      throw new InputError('einstein.tooManyOscillators', { limit: MAX_DRAWN_PARTICLES, got: this.count });
    }
    // A new solid starts from the seed, exactly as reset() would start it, so that the same seed and
    // settings give the same run; and it is made before switching, so a refused setting changes nothing.
    const rng = createRng(this.seed);
    const solid = createEinsteinSolid(this.count, settings.quanta, rng, settings.start);
    this.rng = rng;
    this.einsteinSettings = { ...settings };
    this.redraw(solid);
  }

  /**
   * Existing particles keep their levels; new ones are drawn from the current distribution. An
   * Einstein solid starts afresh instead (its q quanta are now shared by a different N), or ends when
   * N is too large for every oscillator to be drawn.
   */
  setParticleCount(particleCount: number): void {
    checkParticleCount(particleCount);
    if (particleCount === this.count) return;
    if (this.einsteinSettings) {
      this.count = particleCount;
      if (this.countsOnly) this.setEinstein(null);
      this.redraw();
      return;
    }
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
      if ((dynamics.kind === 'einstein') !== (this.solid !== null)) {
        throw new Error('The Einstein solid dynamics and setEinstein must be switched together.');
      }
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
        case 'einstein':
          if (this.solid) {
            einsteinStep(this.solid, Math.round(dynamics.metropolisSweeps * this.count), this.rng);
            // The levels need a pass over the oscillators anyway, and that pass counts them too.
            placeOnLadder(this.solid, this.levels, this.counts);
          }
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

  /** Starts afresh: particles drawn at T, or the Einstein solid from its start (`solid` if made already). */
  private redraw(solid?: EinsteinSolid): void {
    this.stepCount = 0;
    if (this.einsteinSettings) {
      const { quanta, start } = this.einsteinSettings;
      if (this.levels.length !== this.count) this.levels = new Uint32Array(this.count);
      this.solid = solid ?? createEinsteinSolid(this.count, quanta, this.rng, start);
      placeOnLadder(this.solid, this.levels, this.counts);
      this.einsteinTheory = einsteinBoltzmann(this.count, quanta, this.levelCount - 1);
    } else if (this.countsOnly) {
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
