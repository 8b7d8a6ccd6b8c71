/**
 * The Einstein solid as a choice of dynamics: the particles become oscillators that trade q quanta
 * among themselves, with no heat bath. While it runs, the temperature is not an input any more: it
 * follows from N and q, T = ħω / ln(1 + N/q), and the particle model's `temperature` is that one.
 */
import { einsteinTemperature } from '../../core/dynamics/einsteinSolid.ts';
import { MAX_DRAWN_PARTICLES } from '../../core/simulation.ts';
import type { PresetId } from '../../core/spectra/index.ts';
import type { SystemModel } from './system.ts';

/**
 * The most quanta the controls accept. The engine allows 2^31 − 1, but the 'equilibrium' start costs
 * one random number per quantum (0.13 s at 10^7 with N = 10^6), and it runs again on every reset;
 * 10^7 quanta among at most 10^6 oscillators is already T ≈ 10.5 ħω, far up the ladder.
 */
export const MAX_EINSTEIN_QUANTA = 10_000_000;

/** The systems whose levels are an oscillator's quanta: index n is E_n = (n + 1/2) ħω. */
const OSCILLATOR_PRESETS: ReadonlySet<PresetId> = new Set(['harmonic-oscillator', 'co-vibration']);

/** Why the Einstein solid cannot run: not a harmonic oscillator, or too many oscillators to draw. */
export type EinsteinRefusal = 'system' | 'particles';

export function einsteinRefusal(system: SystemModel, particleCount: number): EinsteinRefusal | null {
  const { choice } = system;
  if (choice.kind !== 'preset' || !OSCILLATOR_PRESETS.has(choice.presetId)) return 'system';
  if (particleCount > MAX_DRAWN_PARTICLES) return 'particles';
  return null;
}

/**
 * Reads a number of quanta as typed: "2000", "2 000", "1e6". Returns null unless it is a whole number
 * from 0 to MAX_EINSTEIN_QUANTA, so that the caller can say so in the current language.
 */
export function parseQuanta(text: string): number | null {
  const compact = text.trim().replace(/[\s_,]/g, '');
  const value = /^[0-9.eE+]+$/.test(compact) ? Number(compact) : Number.NaN;
  return Number.isInteger(value) && value >= 0 && value <= MAX_EINSTEIN_QUANTA ? value : null;
}

/** T = ħω / ln(1 + N/q) in the system's energy unit (ħω is its level spacing). */
export function einsteinTemperatureOf(system: SystemModel, particleCount: number, quanta: number): number {
  return system.excitationEnergy * einsteinTemperature(particleCount, quanta);
}
