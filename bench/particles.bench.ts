/**
 * The CPU side of drawing particles: building the per-instance data that ParticleLayer uploads.
 *
 * - snap: one writeTargets pass (ranks within levels + target x, y), what a large-N frame costs
 *   whenever the state changed;
 * - animate: settling where the dots are now into aFrom, then writeTargets, what a small-N
 *   change costs when it starts a move (timed at every size to show the slope);
 * - computeSlots alone, for comparison.
 *
 * Target: at most 8 ms at N = 1e6, together with the dynamics step (benchmarked separately).
 */
import {
  computeSlots,
  LayoutScratch,
  type RowLayout,
  settlePositions,
  writeTargets,
} from '../src/shared/view/particleLayout.ts';
import { formatNumber, type Reporter, time } from './timing.ts';

const SIZES = [10_000, 100_000, 1_000_000];
const LEVELS = 12;
const TARGET_MS_AT_1E6 = 8;

/** A deterministic Boltzmann-like occupancy (weights e^-l/2) in shuffled index order. */
function makeLevels(count: number): Uint32Array {
  const levels = new Uint32Array(count);
  let state = 0x9e3779b9 ^ count;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const weights = Array.from({ length: LEVELS }, (_, l) => Math.exp(-l / 2));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < count; i++) {
    let u = next() * total;
    let l = 0;
    while (l < LEVELS - 1 && u >= weights[l]) u -= weights[l++];
    levels[i] = l;
  }
  return levels;
}

function makeLayout(): RowLayout {
  const rowY = new Float32Array(LEVELS);
  for (let l = 0; l < LEVELS; l++) rowY[l] = 700 - l * 55;
  return { rowY, left: 80, width: 1100, rowHeight: 44, maxPitch: 12 };
}

export function run(reporter: Reporter): void {
  reporter.heading('Particle instance data (src/shared/view/particleLayout.ts)');
  const layout = makeLayout();
  const scratch = new LayoutScratch();
  const rows: (string | number)[][] = [];
  let snapAt1e6 = Number.NaN;

  for (const count of SIZES) {
    const levels = makeLevels(count);
    // A second state, as after a dynamics step: a tenth of the particles moved a level.
    const nextLevels = Uint32Array.from(levels);
    for (let i = 0; i < count; i += 10) nextLevels[i] = (nextLevels[i] + 1) % LEVELS;
    const from = new Float32Array(2 * count);
    const to = new Float32Array(2 * count);
    const slots = new Uint32Array(count);
    const slotCounts = new Uint32Array(LEVELS);
    const repeats = count >= 1_000_000 ? 15 : 30;

    const snap = time(
      () => {
        writeTargets(levels, count, layout, to, scratch);
        return to[2 * count - 1];
      },
      { warmup: 5, repeats },
    );
    let flip = false;
    const animate = time(
      () => {
        settlePositions(from, to, count, 0.37);
        flip = !flip;
        writeTargets(flip ? nextLevels : levels, count, layout, to, scratch);
        return to[2 * count - 1] + from[0];
      },
      { warmup: 5, repeats },
    );
    const slotsOnly = time(
      () => {
        const counts = computeSlots(levels, count, LEVELS, slots, slotCounts);
        return counts[0] + slots[count - 1];
      },
      { warmup: 5, repeats },
    );
    if (count === 1_000_000) snapAt1e6 = snap.bestNs / 1e6;
    const ms = (ns: number) => formatNumber(ns / 1e6);
    rows.push([
      count.toLocaleString('en'),
      ms(snap.bestNs),
      ms(snap.medianNs),
      ms(animate.bestNs),
      ms(animate.medianNs),
      ms(slotsOnly.bestNs),
      formatNumber(snap.bestNs / count),
    ]);
  }

  reporter.table(
    [
      'particles',
      'snap best ms',
      'snap median ms',
      'animate best ms',
      'animate median ms',
      'computeSlots ms',
      'snap ns/particle',
    ],
    rows,
  );
  reporter.note(
    `Target: writeTargets at 1e6 within the ${TARGET_MS_AT_1E6} ms frame budget shared with the dynamics step; ` +
      `measured ${formatNumber(snapAt1e6)} ms (${snapAt1e6 <= TARGET_MS_AT_1E6 ? 'within' : 'OVER'}). ` +
      'The GPU upload (8 bytes a particle, aTo only when snapping) is not included.',
  );
}
