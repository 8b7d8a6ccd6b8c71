/**
 * The CPU cost of one simulator frame at large N: the dynamics step (which also brings the
 * occupancy counts up to date) plus building the per-particle positions the GPU draws
 * (writeTargets). Everything a running simulation does on the main thread per frame except the
 * buffer upload and the draw call.
 *
 * The machine's load moves these figures a lot (two busy neighbours can double them); compare runs
 * made back to back, and note `uptime` alongside.
 *
 * Target: at most 8 ms per frame at 1e6 particles.
 */
import { ParticleSimulation } from '../src/core/simulation.ts';
import { presetById } from '../src/core/spectra/presets.ts';
import { LayoutScratch, type RowLayout, writeTargets } from '../src/shared/view/particleLayout.ts';
import { formatNumber, type Reporter, time } from './timing.ts';

const SIZES = [10_000, 100_000, 1_000_000];
const TARGET_MS_AT_1E6 = 8;

const DYNAMICS = [
  {
    label: 'instant equilibrium',
    settings: { kind: 'equilibrium', heatBathFraction: 1, metropolisSweeps: 1 },
  },
  {
    label: 'heat bath r = 0.05',
    settings: { kind: 'heat-bath', heatBathFraction: 0.05, metropolisSweeps: 1 },
  },
  { label: 'Metropolis 1 sweep', settings: { kind: 'metropolis', heatBathFraction: 1, metropolisSweeps: 1 } },
] as const;

export function run(report: Reporter): void {
  const preset = presetById('harmonic-oscillator');
  if (!preset) throw new Error('harmonic-oscillator preset missing');
  const spectrum = preset.build({ nMax: 20 });
  const layout: RowLayout = {
    rowY: Float32Array.from(spectrum.energies, (_, i) => 440 - i * 20),
    left: 200,
    width: 500,
    rowHeight: 16,
  };

  report.heading(
    'Simulator frame on the CPU: dynamics step + occupancy counts + particle positions (ms per frame)',
  );
  const rows: string[][] = [];
  let worstAtMillion = 0;
  for (const { label, settings } of DYNAMICS) {
    const row: string[] = [label];
    for (const n of SIZES) {
      const simulation = new ParticleSimulation(spectrum, 2, n, 7);
      const positions = new Float32Array(n * 2);
      const scratch = new LayoutScratch();
      const timing = time(
        () => {
          simulation.step(settings);
          writeTargets(simulation.levels, n, layout, positions, scratch);
          return positions[n - 1] + simulation.counts[0];
        },
        { warmup: 5, repeats: 15 },
      );
      const ms = timing.bestNs / 1e6;
      if (n === 1_000_000) worstAtMillion = Math.max(worstAtMillion, ms);
      row.push(`${formatNumber(ms)} (median ${formatNumber(timing.medianNs / 1e6)})`);
    }
    rows.push(row);
  }
  report.table(['dynamics', ...SIZES.map((n) => `N = ${n.toExponential(0)}`)], rows);
  report.note(
    `Target ≤ ${TARGET_MS_AT_1E6} ms at N = 1e6; slowest dynamics measured ${formatNumber(worstAtMillion)} ms ` +
      `(${worstAtMillion <= TARGET_MS_AT_1E6 ? 'within' : 'over'} target).`,
  );
}
