/**
 * Heat-bath (Glauber) dynamics: each step, a fraction r of the particles forget their level and are
 * redrawn from the Boltzmann distribution p(T), through an alias table (O(1) per draw).
 *
 * Which particles: each particle is redrawn independently with probability r (per-particle
 * Bernoulli), not a fixed-size random subset and not a rotating window. Reasons:
 * - A particle's chance of not having been redrawn after k steps is exactly (1 − r)^k = e^{−k/τ}
 *   with τ = −1/ln(1 − r) ≈ 1/r for small r. So after a change of T every occupancy relaxes
 *   exponentially, n_i(k) = p_i(new) + (n_i(0) − p_i(new)) (1 − r)^k in expectation, as the physics
 *   reference describes. (A rotating window would relax linearly and finish after exactly 1/r steps;
 *   indices drawn with replacement would never reach everyone at r = 1.)
 * - r = 1 redraws everyone: instant equilibrium.
 * - Whether a particle is redrawn does not depend on its level, and a redraw is an exact sample of p,
 *   so p is stationary and the particles stay independent of one another.
 *
 * For r ≤ BERNOULLI_SCAN_ABOVE the chosen particles are found by skipping ahead: gaps between them are
 * independent Geometric(r), drawn by inversion ⌊ln U / ln(1 − r)⌋, so the cost is proportional to r·N
 * (one logarithm per redrawn particle). Above it, comparing one random number per particle with r is
 * cheaper than a logarithm per redrawn particle. Both select particles by the same law (each
 * independently with probability r, to within 2^−31), from different random numbers.
 */
import type { AliasTable } from '../alias.ts';
import { InputError } from '../errors.ts';
import type { Rng } from '../rng.ts';

/**
 * Above this fraction a coin per particle (≈ 1.7 ms at 10^6 plus the draws) is cheaper than geometric
 * skipping (≈ 15 ns per redrawn particle, mostly the logarithm). Crossover measured with
 * bench/dynamics.bench.ts at about 0.14.
 */
export const BERNOULLI_SCAN_ABOVE = 0.15;

/** The chosen particles are collected in chunks and redrawn with AliasTable.fillAt(Counting): no allocation. */
const CHUNK = 4096;
const chosen = new Uint32Array(CHUNK);

/**
 * Throws InputError unless 0 < r ≤ 1. r is what a person sets with a slider ("fraction redrawn per
 * step"), so the message is for them.
 */
export function checkHeatBathFraction(fraction: number): void {
  if (!(fraction > 0 && fraction <= 1)) {
    throw new InputError('heatBath.fraction', { got: String(fraction) });
  }
}

/**
 * The relaxation time in steps, τ = −1/ln(1 − r): after k steps a fraction e^{−k/τ} = (1 − r)^k of the
 * particles has not been redrawn yet. τ ≈ 1/r for small r; τ = 0 for r = 1 (instant equilibrium).
 */
export function heatBathRelaxationSteps(fraction: number): number {
  checkHeatBathFraction(fraction);
  return -1 / Math.log1p(-fraction);
}

/**
 * One heat-bath step in place: every particle independently, with probability `fraction`, gets a fresh
 * level drawn from `sampler` (an alias table of p(T); rebuild it when T or the spectrum changes, which
 * AliasTable.rebuild does without allocating). Allocates nothing.
 *
 * With `counts` (the occupancy of `levels` before the call), the step keeps it equal to the occupancy
 * after: redrawn particles move their count from the old level to the new one, at O(r·N) instead of a
 * recount of all N. The draws are the same with or without it.
 */
export function heatBathStep(
  levels: Uint32Array,
  sampler: AliasTable,
  fraction: number,
  rng: Rng,
  counts?: Float64Array,
): void {
  checkHeatBathFraction(fraction);
  const n = levels.length;
  if (fraction === 1) {
    if (counts) {
      counts.fill(0);
      sampler.fillCounting(levels, rng, 0, n, counts);
    } else {
      sampler.fill(levels, rng, 0, n);
    }
    return;
  }
  const state = rng.state;
  // sfc32 state in locals (rng.ts's recurrence, inlined); written back before every redraw call,
  // which continues the same stream, and re-read after it.
  let a = state[0] | 0;
  let b = state[1] | 0;
  let c = state[2] | 0;
  let counter = state[3] | 0;
  let count = 0;
  if (fraction > BERNOULLI_SCAN_ABOVE) {
    // One coin per particle: redraw when its top 31 bits are below r·2^31 (to the nearest 2^−31;
    // capped so that r just below 1 still fits). The sign bit of the difference is "redraw", added
    // to the count without a branch: the coin is unpredictable, and a mispredicted branch per
    // particle costs more than always writing the index.
    const coinLimit = Math.min(Math.round(fraction * 2147483648), 2147483647);
    for (let p = 0; p < n; p++) {
      const u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      chosen[count] = p;
      count += ((u >>> 1) - coinLimit) >>> 31;
      if (count === CHUNK) {
        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = counter;
        redrawChosen(levels, sampler, rng, count, counts);
        a = state[0] | 0;
        b = state[1] | 0;
        c = state[2] | 0;
        counter = state[3] | 0;
        count = 0;
      }
    }
  } else {
    const inverseLogKeep = 1 / Math.log1p(-fraction);
    let p = -1;
    for (;;) {
      const u = (a + b + counter) | 0;
      counter = (counter + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + u) | 0;
      // U = (u + 1/2) / 2^32 lies strictly inside (0, 1), so ln U is finite and the gap ≥ 0.
      p += 1 + Math.floor(Math.log(((u >>> 0) + 0.5) * 2.3283064365386963e-10) * inverseLogKeep);
      if (p >= n) break;
      chosen[count++] = p;
      if (count === CHUNK) {
        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = counter;
        redrawChosen(levels, sampler, rng, count, counts);
        a = state[0] | 0;
        b = state[1] | 0;
        c = state[2] | 0;
        counter = state[3] | 0;
        count = 0;
      }
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = counter;
  if (count > 0) redrawChosen(levels, sampler, rng, count, counts);
}

/** Redraws chosen[0..count). Called once per CHUNK particles, so the branch costs nothing per particle. */
function redrawChosen(
  levels: Uint32Array,
  sampler: AliasTable,
  rng: Rng,
  count: number,
  counts: Float64Array | undefined,
): void {
  if (counts) sampler.fillAtCounting(levels, chosen, rng, count, counts);
  else sampler.fillAt(levels, chosen, rng, count);
}
