/**
 * top-p against min-p as the temperature changes: for each t, how many tokens each cut keeps and how much
 * of the probability they hold. It answers "why does min-p behave better at high temperature?": top-p
 * keeps the most likely tokens until they hold a fixed share of the probability, whatever the shape of
 * the distribution, while min-p keeps the tokens at least min_p times as likely as the most likely one, a
 * bar that moves with that token.
 *
 * Each point runs the sampler pipeline itself (runPipeline) with only temperature and the one cut turned
 * on, in the given order, so the counts are exactly those the sampler would produce. "Mass" is the share
 * of the temperature-only distribution at that t (p^(1/t)/Z, no cut) that the kept tokens hold: what the
 * cut leaves of plain temperature sampling. In the 'temperature-first' order it is the mass of the
 * distribution the cut saw, so top-p's mass is always at least top_p; in 'temperature-last' the cut is
 * made on the model's own probabilities and the kept set does not depend on t.
 */
import {
  createPipelineScratch,
  NEUTRAL_SETTINGS,
  type PipelineResult,
  runPipeline,
  type SamplerOrder,
  type SamplerSettings,
} from './pipeline.ts';

export interface TruncationCurve {
  /** Tokens kept at each temperature. */
  kept: Float64Array;
  /** Share of the temperature-only distribution those tokens hold, in [0, 1]. */
  mass: Float64Array;
}

export interface TruncationSweep {
  temperatures: Float64Array;
  topP: TruncationCurve;
  minP: TruncationCurve;
}

export interface TruncationSweepSettings {
  topP: number;
  minP: number;
  order: SamplerOrder;
}

/** The values compared when the sampler has a stage off (top-p = 1 or min-p = 0 would keep every token). */
export const STAND_IN_TOP_P = 0.9;
export const STAND_IN_MIN_P = 0.1;

/** The sampler's own top-p, min-p and order, with a stand-in for a stage that is off. */
export function comparedSettings(sampler: SamplerSettings): TruncationSweepSettings {
  return {
    topP: sampler.topP < 1 ? sampler.topP : STAND_IN_TOP_P,
    minP: sampler.minP > 0 ? sampler.minP : STAND_IN_MIN_P,
    order: sampler.order,
  };
}

/** The temperatures of the comparison chart: 0.05 to 3 in steps of 0.05. */
export function sweepTemperatures(): Float64Array {
  return Float64Array.from({ length: 60 }, (_, i) => Math.round((i + 1) * 5) / 100);
}

/**
 * Kept tokens and their mass for top-p and for min-p at each temperature, on one distribution
 * (validated by runPipeline). Cost: three pipeline runs per temperature.
 */
export function sweepTopPMinP(
  probabilities: ArrayLike<number>,
  settings: TruncationSweepSettings,
  temperatures: ArrayLike<number>,
): TruncationSweep {
  const count = temperatures.length;
  const sweep: TruncationSweep = {
    temperatures: Float64Array.from(temperatures),
    topP: { kept: new Float64Array(count), mass: new Float64Array(count) },
    minP: { kept: new Float64Array(count), mass: new Float64Array(count) },
  };
  const plainScratch = createPipelineScratch();
  const topPScratch = createPipelineScratch();
  const minPScratch = createPipelineScratch();
  const base = { ...NEUTRAL_SETTINGS, order: settings.order };
  for (let j = 0; j < count; j++) {
    const temperature = temperatures[j];
    const plain = runPipeline(probabilities, { ...base, temperature }, plainScratch).final;
    const withTopP = runPipeline(probabilities, { ...base, temperature, topP: settings.topP }, topPScratch);
    const withMinP = runPipeline(probabilities, { ...base, temperature, minP: settings.minP }, minPScratch);
    record(sweep.topP, j, withTopP, plain);
    record(sweep.minP, j, withMinP, plain);
  }
  return sweep;
}

function record(curve: TruncationCurve, index: number, result: PipelineResult, plain: Float64Array): void {
  const kept = result.final;
  let mass = 0;
  for (let i = 0; i < kept.length; i++) if (kept[i] > 0) mass += plain[i];
  curve.kept[index] = result.keptCount;
  curve.mass[index] = Math.min(1, mass);
}
