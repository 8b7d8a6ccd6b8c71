/**
 * The sampler pipeline of a language model: temperature, top-k, top-p (nucleus), min-p and typical-p,
 * applied in the order of Hugging Face transformers ('temperature-first') or of llama.cpp
 * ('temperature-last'). Every stage's input and output distribution is kept, with a mask of the tokens it
 * removed, so the interface can show what each stage does.
 *
 * Conventions (checked against /work/shared/reference/sampling.md):
 *
 * - Temperature t: p' = softmax(ln p / t) (temperatureSoftmax), i.e. the Boltzmann distribution at T = t
 *   of energies −ln p. t = 1 leaves p unchanged. t = 0 (either sign of zero) is greedy decoding: all the
 *   probability goes to the first maximum (the lowest token index among the most likely tokens), as in
 *   llama.cpp; among the tokens the earlier stages kept when temperature comes last. A tiny t ≠ 0 is the
 *   mathematical limit instead, which shares the probability equally between tied maxima. t < 0, which no
 *   mainstream sampler allows, inverts the order: least likely first (t → 0− puts everything on the least
 *   likely tokens with p > 0). t = ±∞ is uniform over the tokens with p > 0. Tokens with p = 0 stay at 0.
 *   vLLM's "t below 1e-5 is greedy" is not copied: a small t shows the limit approaching greedy.
 * - Order 'temperature-first' (HF): temperature, top-k, top-p, min-p, typical-p. vLLM also applies
 *   temperature first but puts min-p before top-k/top-p. Order 'temperature-last' (llama.cpp's default
 *   chain): top-k, typical-p, top-p, min-p, temperature; there the truncation sets do not depend on t.
 * - Ties: tokens are ranked by probability, equal probabilities by token index (lower first). Where the two
 *   libraries differ by design, each order follows its library: top-k keeps every token tied with the k-th
 *   in 'temperature-first' (HF) and exactly k tokens in 'temperature-last' (llama.cpp); typical-p keeps
 *   every token tied with the boundary token's score and stops at the first cumulative mass ≥ typical_p
 *   in HF, keeps no extra ties and stops at the first cumulative mass > typical_p in llama.cpp.
 * - top-p in both orders: keep the most likely tokens up to and including the first at which the
 *   cumulative probability reaches top_p (≥), llama.cpp's formulation. HF's ("sort ascending, remove the
 *   tokens whose cumulative probability is ≤ 1 − top_p") is the same set in exact arithmetic; they differ
 *   only when a cumulative sum lands exactly on top_p, where HF's rounding of 1 − top_p keeps one more
 *   token: p = [0.5, 0.3, 0.2] with top_p = 0.8 keeps 2 tokens here and in llama.cpp, 3 in HF.
 * - min-p: remove the tokens with p < min_p · p_max (HF's formula; llama.cpp's log-space test is the same
 *   in exact arithmetic).
 * - Every stage keeps at least one token. Disabled values: topK ≤ 0 or ≥ K, topP = 1, minP = 0,
 *   typicalP = 1, temperature = 1. A disabled stage is still listed, with after equal to before.
 *
 * Cost: O(K) per call. The truncation stages need only the boundary of a prefix of the ranking, never the
 * whole ranking, so they use a quickselect that also sums the mass of the part it discards (expected
 * O(K)) instead of sorting. A cumulative sum is therefore added in a different association than a
 * sequential scan of the sorted list; the two can differ in the last bit, which matters only for a sum
 * that lands exactly on the threshold in a distribution of more than SMALL_RANGE tokens (the last
 * SMALL_RANGE tokens of the search, which include every exact-boundary fixture of a few tokens, are
 * scanned sequentially in sorted order as llama.cpp does).
 */
import { entropyNats, temperatureSoftmax, validateProbabilities } from '../distribution.ts';
import { InputError } from '../errors.ts';

export type SamplerOrder = 'temperature-first' | 'temperature-last';

export type StageKind = 'temperature' | 'top-k' | 'top-p' | 'min-p' | 'typical-p';

export interface SamplerSettings {
  /** Any number but NaN; 1 is neutral, 0 greedy, negative inverts, ±Infinity uniform. */
  temperature: number;
  /** Keep the k most likely tokens; a whole number, ≤ 0 or ≥ K turns it off. */
  topK: number;
  /** Nucleus: keep the most likely tokens until their total reaches top_p; in (0, 1], 1 turns it off. */
  topP: number;
  /** Remove tokens less likely than min_p times the most likely; in [0, 1], 0 turns it off. */
  minP: number;
  /** Locally typical sampling mass; in (0, 1], 1 turns it off. */
  typicalP: number;
  order: SamplerOrder;
}

/** Every stage off except the order: sampling from the model's own distribution. */
export const NEUTRAL_SETTINGS: Readonly<SamplerSettings> = Object.freeze({
  temperature: 1,
  topK: 0,
  topP: 1,
  minP: 0,
  typicalP: 1,
  order: 'temperature-first',
});

/** The stages in the order each mode applies them. */
export const STAGE_ORDER: Readonly<Record<SamplerOrder, readonly StageKind[]>> = Object.freeze({
  'temperature-first': Object.freeze(['temperature', 'top-k', 'top-p', 'min-p', 'typical-p'] as const),
  'temperature-last': Object.freeze(['top-k', 'typical-p', 'top-p', 'min-p', 'temperature'] as const),
});

export interface SamplerStage {
  kind: StageKind;
  /** Whether the settings turn this stage on. An inactive stage copies its input. */
  active: boolean;
  /** The distribution entering the stage (normalised); the same array as the previous stage's `after`. */
  before: Float64Array;
  /** The distribution leaving the stage, renormalised to sum to 1. */
  after: Float64Array;
  /** 1 for each token this stage removed (before > 0, after = 0), else 0. */
  removed: Uint8Array;
  removedCount: number;
  /** Tokens with probability > 0 after the stage. */
  keptCount: number;
}

export interface PipelineResult {
  order: SamplerOrder;
  /** The input, divided by its sum; the same array as stages[0].before. */
  input: Float64Array;
  /** The five stages in the order they were applied, disabled ones included. */
  stages: SamplerStage[];
  /** The distribution a token is drawn from; the same array as the last stage's `after`. */
  final: Float64Array;
  /** Tokens with probability > 0 in `final`. */
  keptCount: number;
  /** True when the temperature is 0: the next token is `greedyToken`, without drawing. */
  greedy: boolean;
  /** The token greedy decoding picks (first maximum), or −1 when the temperature is not 0. */
  greedyToken: number;
  /** Entropy of `final` in nats. */
  entropyNats: number;
  /** Entropy of `final` in bits. */
  entropyBits: number;
  /** e^H of `final`: the effective number of choices. */
  perplexity: number;
}

/**
 * Working memory for runPipeline, reused between calls so that an update allocates no arrays. The result
 * it returns lives in here too: its arrays are overwritten by the next call with the same scratch.
 */
export class PipelineScratch {
  tokenCount = -1;
  distributions: Float64Array[] = [];
  masks: Uint8Array[] = [];
  keys: Float64Array = new Float64Array(0);
  ranking: Uint32Array = new Uint32Array(0);
  readonly result: PipelineResult;

  constructor() {
    const stages: SamplerStage[] = [];
    for (let s = 0; s < STAGE_COUNT; s++) {
      stages.push({
        kind: 'temperature',
        active: false,
        before: EMPTY_F64,
        after: EMPTY_F64,
        removed: EMPTY_U8,
        removedCount: 0,
        keptCount: 0,
      });
    }
    this.result = {
      order: 'temperature-first',
      input: EMPTY_F64,
      stages,
      final: EMPTY_F64,
      keptCount: 0,
      greedy: false,
      greedyToken: -1,
      entropyNats: 0,
      entropyBits: 0,
      perplexity: 1,
    };
  }

  /** Sizes the arrays for K tokens; allocates only when K differs from the previous call's. */
  prepare(tokenCount: number): void {
    if (tokenCount === this.tokenCount) return;
    // Exact lengths (not views of a larger buffer) so that the interface can hand the arrays on as they are.
    this.distributions = [];
    this.masks = [];
    for (let s = 0; s <= STAGE_COUNT; s++) this.distributions.push(new Float64Array(tokenCount));
    for (let s = 0; s < STAGE_COUNT; s++) this.masks.push(new Uint8Array(tokenCount));
    this.keys = new Float64Array(tokenCount);
    this.ranking = new Uint32Array(tokenCount);
    this.tokenCount = tokenCount;
  }
}

const STAGE_COUNT = 5;
const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);

export function createPipelineScratch(): PipelineScratch {
  return new PipelineScratch();
}

/** Throws InputError with a message for a person unless every setting is usable. */
export function validateSamplerSettings(settings: SamplerSettings): void {
  const { temperature, topK, topP, minP, typicalP, order } = settings;
  if (typeof temperature !== 'number' || Number.isNaN(temperature)) {
    throw new InputError('Temperature must be a number (0 for greedy, 1 for the model as it is).');
  }
  if (typeof topK !== 'number' || !Number.isSafeInteger(topK)) {
    throw new InputError(`top-k must be a whole number (0 turns it off); got ${String(topK)}.`);
  }
  if (typeof topP !== 'number' || !(topP > 0 && topP <= 1)) {
    throw new InputError(`top-p must be in (0, 1] (1 turns it off); got ${String(topP)}.`);
  }
  if (typeof minP !== 'number' || !(minP >= 0 && minP <= 1)) {
    throw new InputError(`min-p must be in [0, 1] (0 turns it off); got ${String(minP)}.`);
  }
  if (typeof typicalP !== 'number' || !(typicalP > 0 && typicalP <= 1)) {
    throw new InputError(`typical-p must be in (0, 1] (1 turns it off); got ${String(typicalP)}.`);
  }
  if (order !== 'temperature-first' && order !== 'temperature-last') {
    throw new InputError(
      `The sampler order must be 'temperature-first' or 'temperature-last'; got ${String(order)}.`,
    );
  }
}

/** Whether a stage changes anything under these settings for K tokens. */
export function isStageActive(kind: StageKind, settings: SamplerSettings, tokenCount: number): boolean {
  switch (kind) {
    case 'temperature':
      return settings.temperature !== 1;
    case 'top-k':
      return settings.topK > 0 && settings.topK < tokenCount;
    case 'top-p':
      return settings.topP < 1;
    case 'min-p':
      return settings.minP > 0;
    case 'typical-p':
      return settings.typicalP < 1;
  }
}

/**
 * Runs the sampler on `probabilities` (validated as by validateProbabilities: finite, ≥ 0, summing to 1
 * within 1e-6). Without `scratch` the result is freshly allocated; with it, the result and its arrays
 * belong to the scratch and are reused by the next call.
 */
export function runPipeline(
  probabilities: ArrayLike<number>,
  settings: SamplerSettings,
  scratch: PipelineScratch = new PipelineScratch(),
): PipelineResult {
  validateSamplerSettings(settings);
  const sum = validateProbabilities(probabilities);
  const n = probabilities.length;
  scratch.prepare(n);
  const result = scratch.result;
  const distributions = scratch.distributions;
  const input = distributions[0];
  for (let i = 0; i < n; i++) input[i] = probabilities[i] / sum;

  const kinds = STAGE_ORDER[settings.order];
  const hf = settings.order === 'temperature-first';
  result.order = settings.order;
  result.input = input;
  result.greedy = false;
  result.greedyToken = -1;
  for (let s = 0; s < STAGE_COUNT; s++) {
    const kind = kinds[s];
    const before = distributions[s];
    const after = distributions[s + 1];
    const stage = result.stages[s];
    stage.kind = kind;
    stage.before = before;
    stage.after = after;
    stage.removed = scratch.masks[s];
    stage.active = isStageActive(kind, settings, n);
    if (!stage.active) {
      after.set(before);
    } else if (kind === 'temperature') {
      const t = settings.temperature;
      if (t === 0) {
        result.greedy = true;
        result.greedyToken = greedy(before, after);
      } else {
        temperatureSoftmax(before, t, after);
      }
    } else if (kind === 'top-k') {
      applyTopK(before, after, settings.topK, hf, scratch);
    } else if (kind === 'top-p') {
      applyTopP(before, after, settings.topP, scratch);
    } else if (kind === 'min-p') {
      applyMinP(before, after, settings.minP);
    } else {
      applyTypical(before, after, settings.typicalP, hf, scratch);
    }
    markRemoved(stage);
  }

  const final = distributions[STAGE_COUNT];
  result.final = final;
  result.keptCount = result.stages[STAGE_COUNT - 1].keptCount;
  const h = entropyNats(final);
  result.entropyNats = h;
  result.entropyBits = h / Math.LN2;
  result.perplexity = Math.exp(h);
  return result;
}

/** One definition for every stage, so a mask never disagrees with the arrays it describes. */
function markRemoved(stage: SamplerStage): void {
  const { before, after, removed } = stage;
  let removedCount = 0;
  let keptCount = 0;
  for (let i = 0; i < before.length; i++) {
    const gone = before[i] > 0 && after[i] === 0 ? 1 : 0;
    removed[i] = gone;
    removedCount += gone;
    if (after[i] > 0) keptCount++;
  }
  stage.removedCount = removedCount;
  stage.keptCount = keptCount;
}

/** The first maximum (lowest index among ties) gets everything; returns its index. */
function greedy(before: Float64Array, after: Float64Array): number {
  let best = 0;
  for (let i = 1; i < before.length; i++) if (before[i] > before[best]) best = i;
  after.fill(0);
  after[best] = 1;
  return best;
}

/**
 * Writes the tokens with before > 0 into scratch.ranking with key −p (so that ascending key is descending
 * probability), and returns how many there are.
 */
function rankByProbability(before: Float64Array, scratch: PipelineScratch): number {
  const ranking = scratch.ranking;
  const keys = scratch.keys;
  let count = 0;
  for (let i = 0; i < before.length; i++) {
    const p = before[i];
    if (p > 0) {
      ranking[count++] = i;
      keys[i] = -p;
    }
  }
  return count;
}

/**
 * Keeps ranking[0..last] (plus, when `keepTies`, every later token whose key equals the boundary token's)
 * and writes the kept probabilities, renormalised, into `after`.
 */
function keepPrefix(
  before: Float64Array,
  after: Float64Array,
  ranking: Uint32Array,
  count: number,
  last: number,
  keys: Float64Array,
  keepTies: boolean,
): void {
  after.fill(0);
  for (let j = 0; j <= last; j++) after[ranking[j]] = 1;
  if (keepTies) {
    const boundary = keys[ranking[last]];
    for (let j = last + 1; j < count; j++) if (keys[ranking[j]] === boundary) after[ranking[j]] = 1;
  }
  // Summed in token order, independent of how the selection happened to arrange the ranking.
  let kept = 0;
  for (let i = 0; i < before.length; i++) if (after[i] === 1) kept += before[i];
  for (let i = 0; i < before.length; i++) after[i] = after[i] === 1 ? before[i] / kept : 0;
}

function applyTopK(
  before: Float64Array,
  after: Float64Array,
  k: number,
  keepTies: boolean,
  scratch: PipelineScratch,
): void {
  const count = rankByProbability(before, scratch);
  if (k >= count) {
    after.set(before);
    return;
  }
  const last = selectPrefix(scratch.ranking, count, scratch.keys, null, k, false);
  keepPrefix(before, after, scratch.ranking, count, last, scratch.keys, keepTies);
}

function applyTopP(before: Float64Array, after: Float64Array, topP: number, scratch: PipelineScratch): void {
  const count = rankByProbability(before, scratch);
  const last = selectPrefix(scratch.ranking, count, scratch.keys, before, topP, false);
  keepPrefix(before, after, scratch.ranking, count, last, scratch.keys, false);
}

function applyMinP(before: Float64Array, after: Float64Array, minP: number): void {
  let max = 0;
  for (let i = 0; i < before.length; i++) if (before[i] > max) max = before[i];
  const threshold = minP * max;
  let kept = 0;
  for (let i = 0; i < before.length; i++) {
    const p = before[i];
    if (p > 0 && p >= threshold) kept += p;
  }
  for (let i = 0; i < before.length; i++) {
    const p = before[i];
    after[i] = p > 0 && p >= threshold ? p / kept : 0;
  }
}

/**
 * Locally typical sampling (Meister et al. 2023): rank tokens by how far their surprisal −ln p is from the
 * entropy H, closest first, and keep them until their mass reaches typical_p.
 */
function applyTypical(
  before: Float64Array,
  after: Float64Array,
  typicalP: number,
  hf: boolean,
  scratch: PipelineScratch,
): void {
  const h = entropyNats(before);
  const ranking = scratch.ranking;
  const keys = scratch.keys;
  let count = 0;
  for (let i = 0; i < before.length; i++) {
    const p = before[i];
    if (p > 0) {
      ranking[count++] = i;
      keys[i] = Math.abs(-Math.log(p) - h);
    }
  }
  // HF counts the tokens whose cumulative mass is < mass and keeps one more (so: first ≥), llama.cpp stops
  // at the first cumulative sum > p.
  const last = selectPrefix(ranking, count, keys, before, typicalP, !hf);
  keepPrefix(before, after, ranking, count, last, keys, hf);
}

/** Below this many candidates the selection sorts and scans sequentially. */
const SMALL_RANGE = 16;

/**
 * Quickselect over the ranking "key ascending, then token index ascending", which is a strict total order,
 * so the answer is unique whatever the arrangement. Rearranges ranking[0..count) so that its first
 * last + 1 entries are the tokens that come first in that order, up to and including the first token at
 * which the cumulative weight reaches `target` (≥, or > when `strict`); returns `last`. `weights` null
 * counts tokens (weight 1 each). If the total never reaches the target, returns count − 1 (keep all).
 */
export function selectPrefix(
  ranking: Uint32Array,
  count: number,
  keys: Float64Array,
  weights: Float64Array | null,
  target: number,
  strict: boolean,
): number {
  let lo = 0;
  let hi = count;
  let massBefore = 0; // weight of ranking[0..lo), all of which precede ranking[lo..hi)
  // Median-of-three makes quadratic behaviour unlikely; the budget makes it impossible (introselect).
  let budget = 2 * (32 - Math.clz32(count)) + 8;
  while (hi - lo > SMALL_RANGE) {
    if (--budget < 0) {
      sortRange(ranking, lo, hi, keys);
      break;
    }
    const pivot = medianOfThreeToEnd(ranking, lo, (lo + hi) >>> 1, hi - 1, keys);
    const pivotKey = keys[pivot];
    let store = lo;
    let mass = 0;
    for (let i = lo; i < hi - 1; i++) {
      const token = ranking[i];
      const key = keys[token];
      if (key < pivotKey || (key === pivotKey && token < pivot)) {
        ranking[i] = ranking[store];
        ranking[store] = token;
        store++;
        mass += weights === null ? 1 : weights[token];
      }
    }
    ranking[hi - 1] = ranking[store];
    ranking[store] = pivot;
    const throughLeft = massBefore + mass;
    if (strict ? throughLeft > target : throughLeft >= target) {
      hi = store;
      continue;
    }
    const throughPivot = throughLeft + (weights === null ? 1 : weights[pivot]);
    if (strict ? throughPivot > target : throughPivot >= target) return store;
    massBefore = throughPivot;
    lo = store + 1;
  }
  if (hi - lo <= SMALL_RANGE) sortRange(ranking, lo, hi, keys);
  for (let i = lo; i < hi; i++) {
    massBefore += weights === null ? 1 : weights[ranking[i]];
    if (strict ? massBefore > target : massBefore >= target) return i;
  }
  return count - 1;
}

function precedes(a: number, b: number, keys: Float64Array): boolean {
  return keys[a] < keys[b] || (keys[a] === keys[b] && a < b);
}

/** Orders the three candidates and leaves the median at position `c`; returns it. */
function medianOfThreeToEnd(
  ranking: Uint32Array,
  a: number,
  b: number,
  c: number,
  keys: Float64Array,
): number {
  let x = ranking[a];
  let y = ranking[b];
  let z = ranking[c];
  if (precedes(y, x, keys)) [x, y] = [y, x];
  if (precedes(z, y, keys)) {
    [y, z] = [z, y];
    if (precedes(y, x, keys)) [x, y] = [y, x];
  }
  ranking[a] = x;
  ranking[b] = z;
  ranking[c] = y;
  return y;
}

/** Sorts ranking[lo..hi) into the ranking order. Insertion sort when short; otherwise a library sort. */
function sortRange(ranking: Uint32Array, lo: number, hi: number, keys: Float64Array): void {
  if (hi - lo > SMALL_RANGE) {
    // Only reached when the selection runs out of budget, which needs an adversarial arrangement.
    ranking.subarray(lo, hi).sort((a, b) => (precedes(a, b, keys) ? -1 : precedes(b, a, keys) ? 1 : 0));
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const token = ranking[i];
    let j = i - 1;
    while (j >= lo && precedes(token, ranking[j], keys)) {
      ranking[j + 1] = ranking[j];
      j--;
    }
    ranking[j + 1] = token;
  }
}

export interface RankedToken {
  token: number;
  probability: number;
}

/**
 * The `count` most likely tokens of a distribution, most likely first (ties: lower index first), skipping
 * probability 0. O(K · count), meant for a handful of alternatives or a short table.
 */
export function topTokens(distribution: ArrayLike<number>, count: number): RankedToken[] {
  const best: RankedToken[] = [];
  if (!(count > 0)) return best;
  for (let i = 0; i < distribution.length; i++) {
    const p = distribution[i];
    if (!(p > 0)) continue;
    if (best.length === count && p <= best[count - 1].probability) continue;
    let j = best.length < count ? best.length : count - 1;
    // Strictly greater moves up, so an earlier token stays ahead of a later one with equal probability.
    while (j > 0 && p > best[j - 1].probability) j--;
    if (best.length === count) best.pop();
    best.splice(j, 0, { token: i, probability: p });
  }
  return best;
}
