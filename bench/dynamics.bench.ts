/**
 * Cost of one frame of each dynamics at 10^6 particles (src/core/dynamics):
 * - heat bath: ms per step for several fractions r (r = 1 is a plain alias fill; small r finds the
 *   redrawn particles by geometric skips, larger r by one coin per particle);
 * - Metropolis: ms per full sweep (10^6 attempted moves) and per partial sweep;
 * - Einstein solid: ms per 10^6 moves, for a small solid (fits in cache) and a 10^6-oscillator one
 *   (every move touches two random places in a 4 MB array).
 * Frame budget: a 60 Hz frame is 16.7 ms, shared with drawing (about 8 ms at 10^6, see particles.bench.ts).
 */
import { AliasTable } from '../src/core/alias.ts';
import { boltzmannProbabilities } from '../src/core/distribution.ts';
import { createEinsteinSolid, einsteinStep } from '../src/core/dynamics/einsteinSolid.ts';
import { BERNOULLI_SCAN_ABOVE, heatBathStep } from '../src/core/dynamics/heatBath.ts';
import {
  createMetropolis,
  METROPOLIS_COIN_SCAN_ABOVE,
  metropolisStep,
} from '../src/core/dynamics/metropolis.ts';
import { createRng } from '../src/core/rng.ts';
import { formatNumber, type Reporter, time } from './timing.ts';

const PARTICLES = 1_000_000;
// Generous warm-up: on a busy machine the optimising compiler (a background thread) can be late.
const OPTIONS = { warmup: 10, repeats: 20 };

/** A 12-level ladder with degeneracies, at a temperature that spreads particles over most of it. */
function spectrum(): { energies: number[]; degeneracies: number[]; temperature: number } {
  const energies = Array.from({ length: 12 }, (_, i) => 0.5 * i);
  const degeneracies = Array.from({ length: 12 }, (_, i) => 1 + (i % 3));
  return { energies, degeneracies, temperature: 1.2 };
}

function checksum(levels: Uint32Array): number {
  return levels[0] + levels[levels.length >> 1] + levels[levels.length - 1];
}

const ms = (ns: number) => formatNumber(ns / 1e6);

export function run(report: Reporter): void {
  const { energies, degeneracies, temperature } = spectrum();
  const p = boltzmannProbabilities(energies, temperature, degeneracies);
  const rng = createRng(1);

  report.heading('Heat bath (heatBathStep), 10^6 particles, 12 levels');
  const table = new AliasTable(p);
  const levels = table.fill(new Uint32Array(PARTICLES), rng);
  const heatRows: (string | number)[][] = [];
  for (const r of [1, 0.9, 0.5, 0.3, 0.15, 0.1, 0.01]) {
    const t = time(() => {
      heatBathStep(levels, table, r, rng);
      return checksum(levels);
    }, OPTIONS);
    heatRows.push([
      r,
      r === 1 ? 'fill' : r > BERNOULLI_SCAN_ABOVE ? 'coin per particle' : 'geometric skips',
      ms(t.bestNs),
      ms(t.medianNs),
      formatNumber(t.bestNs / (r * PARTICLES)),
    ]);
  }
  report.table(['r', 'selection', 'best ms', 'median ms', 'ns per redrawn particle'], heatRows);

  report.heading('Metropolis (metropolisStep), 10^6 particles, 12 levels');
  const prepared = createMetropolis(energies, degeneracies, temperature);
  const metropolisRows: (string | number)[][] = [];
  for (const sweeps of [1, 0.5, 0.25, 0.1]) {
    const t = time(() => {
      metropolisStep(levels, prepared, sweeps, rng);
      return checksum(levels);
    }, OPTIONS);
    metropolisRows.push([
      sweeps,
      sweeps >= 1
        ? 'in order'
        : sweeps > METROPOLIS_COIN_SCAN_ABOVE
          ? 'coin per particle'
          : 'geometric skips',
      ms(t.bestNs),
      ms(t.medianNs),
      formatNumber(t.bestNs / (sweeps * PARTICLES)),
    ]);
  }
  report.table(['sweeps', 'selection', 'best ms', 'median ms', 'ns per attempted move'], metropolisRows);

  report.heading('Einstein solid (einsteinStep), 10^6 moves, q = N');
  const einsteinRows: (string | number)[][] = [];
  for (const oscillators of [1000, 1_000_000]) {
    const solid = createEinsteinSolid(oscillators, oscillators, rng, 'equilibrium');
    const t = time(() => {
      einsteinStep(solid, 1_000_000, rng);
      return checksum(solid.quanta);
    }, OPTIONS);
    einsteinRows.push([
      oscillators.toLocaleString('en'),
      ms(t.bestNs),
      ms(t.medianNs),
      formatNumber(t.bestNs / 1e6),
    ]);
  }
  report.table(['oscillators', 'best ms', 'median ms', 'ns per move'], einsteinRows);
  report.note(
    `Best of ${OPTIONS.repeats} after ${OPTIONS.warmup} warm-up calls. The heat bath switches from geometric ` +
      `skips to a coin per particle above r = ${BERNOULLI_SCAN_ABOVE}, Metropolis partial sweeps above ` +
      `${METROPOLIS_COIN_SCAN_ABOVE}: compare ns per redrawn particle / attempted move on either side.`,
  );
}
