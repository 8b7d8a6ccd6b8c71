/**
 * top-p against min-p as the temperature changes: for each t, how many tokens each cut keeps and how much
 * of the probability they hold. It answers "why does min-p behave better at high temperature?": top-p
 * keeps the most likely tokens until they hold a fixed share of the probability, whatever the shape of
 * the distribution, while min-p keeps the tokens at least min_p times as likely as the most likely one, a
 * bar that moves with that token.
 *
 * compareAt runs the sampler pipeline itself (runPipeline) with only temperature and the one cut turned
 * on, in the given order, so its counts are exactly those the sampler produces; sweepTopPMinP computes
 * the same over many temperatures at once (checked against compareAt). "Mass" is the share
 * of the temperature-only distribution at that t (p^(1/t)/Z, no cut) that the kept tokens hold: what the
 * cut leaves of plain temperature sampling. In the 'temperature-first' order it is the mass of the
 * distribution the cut saw, so top-p's mass is always at least top_p; in 'temperature-last' the cut is
 * made on the model's own probabilities and the kept set does not depend on t.
 */
import { validateProbabilities } from '../distribution.ts';
import {
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
 * Kept tokens and their mass for top-p and for min-p at one temperature (any t: 0, negative and ±∞
 * included), by running the sampler pipeline itself with temperature and the one cut turned on.
 */
export function compareAt(
  probabilities: ArrayLike<number>,
  settings: TruncationSweepSettings,
  temperature: number,
): TruncationSweep {
  const sweep = emptySweep([temperature]);
  const base = { ...NEUTRAL_SETTINGS, order: settings.order, temperature };
  const plain = runPipeline(probabilities, base).final;
  record(sweep.topP, 0, runPipeline(probabilities, { ...base, topP: settings.topP }), plain);
  record(sweep.minP, 0, runPipeline(probabilities, { ...base, minP: settings.minP }), plain);
  return sweep;
}

function emptySweep(temperatures: ArrayLike<number>): TruncationSweep {
  const count = temperatures.length;
  return {
    temperatures: Float64Array.from(temperatures),
    topP: { kept: new Float64Array(count), mass: new Float64Array(count) },
    minP: { kept: new Float64Array(count), mass: new Float64Array(count) },
  };
}

function record(curve: TruncationCurve, index: number, result: PipelineResult, plain: Float64Array): void {
  const kept = result.final;
  let mass = 0;
  for (let i = 0; i < kept.length; i++) if (kept[i] > 0) mass += plain[i];
  curve.kept[index] = result.keptCount;
  curve.mass[index] = Math.min(1, mass);
}

/**
 * The same as compareAt at many positive, finite temperatures, fast enough for a 50,000-token
 * vocabulary (three pipeline runs per point took over a second there). Both cuts keep a prefix of the
 * tokens ranked by p, most likely first, ties by index, as the pipeline ranks them, and tempering keeps
 * that ranking, so one sort serves every t: per t it costs K exponentials. top-p keeps up to the first
 * token at which the cumulative mass reaches top_p; min-p keeps the tokens with p'/p'_max ≥ min_p,
 * where p'/p'_max = (p/p_max)^(1/t). With temperature last both cuts see p itself. The unit tests check it
 * against compareAt, which runs the pipeline.
 */
export function sweepTopPMinP(
  probabilities: ArrayLike<number>,
  settings: TruncationSweepSettings,
  temperatures: ArrayLike<number>,
): TruncationSweep {
  validateProbabilities(probabilities);
  const sweep = emptySweep(temperatures);
  const ranked: number[] = [];
  for (let i = 0; i < probabilities.length; i++) if (probabilities[i] > 0) ranked.push(i);
  ranked.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  const size = ranked.length;
  // ln(p / p_max), 0 first and falling: tempering multiplies it by 1/t.
  const logRatio = Float64Array.from(ranked, (i) => Math.log(probabilities[i] / probabilities[ranked[0]]));
  const weights = new Float64Array(size);
  const last = settings.order === 'temperature-last';
  // With temperature last the cuts see the model's own probabilities: the same prefix at every t.
  const fixedTopP = last
    ? topPPrefix(
        Float64Array.from(ranked, (i) => probabilities[i]),
        settings.topP,
      )
    : 0;
  const fixedMinP = last ? minPPrefix(logRatio, 1, settings.minP) : 0;
  for (let j = 0; j < temperatures.length; j++) {
    const beta = 1 / temperatures[j];
    let total = 0;
    for (let r = 0; r < size; r++) {
      weights[r] = Math.exp(logRatio[r] * beta);
      total += weights[r];
    }
    for (let r = 0; r < size; r++) weights[r] /= total;
    const topPKept = last ? fixedTopP : topPPrefix(weights, settings.topP);
    const minPKept = last ? fixedMinP : minPPrefix(logRatio, beta, settings.minP);
    sweep.topP.kept[j] = topPKept;
    sweep.minP.kept[j] = minPKept;
    sweep.topP.mass[j] = prefixMass(weights, topPKept);
    sweep.minP.mass[j] = prefixMass(weights, minPKept);
  }
  return sweep;
}

/** Tokens top-p keeps from a distribution ranked most likely first: up to the first reaching the target. */
function topPPrefix(ranked: Float64Array, topP: number): number {
  let total = 0;
  for (let r = 0; r < ranked.length; r++) total += ranked[r];
  let cumulative = 0;
  for (let r = 0; r < ranked.length; r++) {
    cumulative += ranked[r] / total;
    if (cumulative >= topP) return r + 1;
  }
  return ranked.length;
}

/** Tokens min-p keeps: those with (p/p_max)^β ≥ min_p, a prefix of the ranking (always the first). */
function minPPrefix(logRatio: Float64Array, beta: number, minP: number): number {
  let kept = 1;
  while (kept < logRatio.length && Math.exp(logRatio[kept] * beta) >= minP) kept++;
  return kept;
}

function prefixMass(weights: Float64Array, count: number): number {
  let mass = 0;
  for (let r = 0; r < count; r++) mass += weights[r];
  return Math.min(1, mass);
}
