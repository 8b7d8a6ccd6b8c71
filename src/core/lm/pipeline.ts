/**
 * The sampler pipeline of a language model: temperature, top-k, top-p (nucleus), min-p and typical-p,
 * applied in the order of Hugging Face transformers ('temperature-first') or of llama.cpp
 * ('temperature-last'). Every stage's input and output distribution is kept, with a mask of the tokens it
 * removed, so the interface can show what each stage does.
 *
 * Conventions (checked against ../shared/reference/sampling.md):
 *
 * - Temperature t: p' = softmax(ln p / t) (as temperatureSoftmax), i.e. the Boltzmann distribution at T = t
 *   of energies −ln p. t = 1 leaves p unchanged. t = 0 (either sign of zero) is greedy decoding: all the
 *   probability goes to the first maximum (the lowest token index among the most likely tokens); among the
 *   tokens the earlier stages kept when temperature comes last. A tiny t > 0 is the mathematical limit
 *   instead, which shares the probability equally between tied maxima. t = +∞ is uniform over the tokens
 *   with p > 0. Tokens with p = 0 stay at 0. vLLM's "t below 1e-5 is greedy" is not copied: a small t
 *   shows the limit approaching greedy.
 * - t < 0 depends on the order. 'temperature-last' does what llama.cpp does (its temperature sampler,
 *   llama_sampler_temp_impl): every t ≤ 0, −∞ included, is greedy. 'temperature-first' keeps the physics
 *   extension, which no sampling library allows (HF refuses t ≤ 0 when sampling): t < 0 inverts the
 *   order, least likely first (t → 0− puts everything on the least likely tokens with p > 0, t = −∞ is
 *   uniform). isGreedyTemperature says which.
 * - Greedy among tied maxima: llama.cpp keeps the first maximum in its current candidate order. That is
 *   token order when no stage before temperature sorted the candidates (top-k, top-p and typical-p sort
 *   them; min-p on unsorted candidates keeps their order), so the lowest token index, as here. After a
 *   sort it is whichever tied token its unstable sort put first, which no specification fixes; the app
 *   keeps the lowest index there too.
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
 * - Limits as the libraries set them: top-p = 0 keeps only the most likely token (both libraries accept
 *   it: HF checks top_p ≥ 0, and llama.cpp's first cumulative sum ≥ 0 is the first token); typical-p = 0
 *   keeps only the most typical token in 'temperature-last' (llama.cpp's first sum > 0) and is refused in
 *   'temperature-first', as HF requires 0 < typical_p; min-p = 1 keeps every token tied with the most
 *   likely in both (llama.cpp's logit ≥ max + ln 1).
 * - Ties among tokens a truncation ranks equally: llama.cpp's sorts are unstable, so which of several
 *   tied tokens top-k or top-p keeps at its boundary is unspecified there; the count is the same as here.
 *   llama.cpp works in float32 and converts the settings to float, so a cumulative sum that lands within
 *   float rounding of top_p or typical_p can end one token apart; every other case agrees.
 *
 * Cost: O(K) per call, no sort. A truncation stage needs only where the ranking's prefix ends, so a
 * histogram of probability mass over value buckets (four per octave, read from the float's bits) finds the
 * bucket holding the boundary, and a quickselect that sums the mass it passes over settles the boundary
 * inside that bucket. −ln p of the input is cached in the scratch, so moving a slider over one distribution
 * costs no logarithms, and a stage whose input and setting are unchanged is not recomputed at all.
 * Measured at K = 50,257 (bench/pipeline.bench.ts, best of 30, on a 2-core machine shared with other
 * jobs): temperature + top-p takes 1.4–3.7 ms per update in either order, whichever slider moves or when
 * the distribution itself changes. At K = 151,936 the same slider moves take 2.7–4.0 times as long (best
 * of 4 × 30, the two sizes alternating, on a heavily loaded machine): linear in K up to the noise, with the
 * top-p move in 'temperature-last' at the top of that range. Once a scratch has been used at a given K, a call allocates no arrays
 * (only a few small objects: two typed-array views and the engine's return values).
 *
 * Rounding: the cumulative sums are added bucket by bucket and block by block, not token by token along
 * the sorted list, so they can differ from a sequential scan in the last bit. That can change the result
 * only when a cumulative sum lands exactly on the threshold; the final SMALL_RANGE candidates, which
 * include every exact-boundary case of a few tokens, are scanned sequentially in sorted order as llama.cpp
 * does.
 */
import { entropyNats, fillBoltzmannAtBeta, validateProbabilities } from '../distribution.ts';
import { InputError } from '../errors.ts';

export type SamplerOrder = 'temperature-first' | 'temperature-last';

export type StageKind = 'temperature' | 'top-k' | 'top-p' | 'min-p' | 'typical-p';

export interface SamplerSettings {
  /**
   * Any number but NaN; 1 is neutral, 0 greedy, +Infinity uniform. Negative inverts with temperature first
   * (the physics extension) and is greedy with temperature last (llama.cpp); see isGreedyTemperature.
   */
  temperature: number;
  /** Keep the k most likely tokens; a whole number, ≤ 0 or ≥ K turns it off. */
  topK: number;
  /** Nucleus: keep the most likely tokens until their total reaches top_p; in [0, 1], 1 turns it off. */
  topP: number;
  /** Remove tokens less likely than min_p times the most likely; in [0, 1], 0 turns it off. */
  minP: number;
  /** Locally typical sampling mass; 1 turns it off. In [0, 1] with temperature last, (0, 1] first (HF). */
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
  /** True when the temperature stage is greedy (isGreedyTemperature): the next token is `greedyToken`. */
  greedy: boolean;
  /** The token greedy decoding picks (first maximum), or −1 when the temperature stage is not greedy. */
  greedyToken: number;
  /** Entropy of `final` in nats. */
  entropyNats: number;
  /** Entropy of `final` in bits. */
  entropyBits: number;
  /** e^H of `final`: the effective number of choices. */
  perplexity: number;
}

const STAGE_COUNT = 5;
const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);

// Bit access to doubles for the bucket pass. For x ≥ 0 the high 32 bits of the IEEE 754 pattern never
// decrease as x grows, so their top bits split (0, ∞) into ordered buckets: 11 exponent bits and 2 mantissa
// bits, four buckets per octave.
const BIT_VIEW = new Float64Array(1);
const BIT_WORDS = new Uint32Array(BIT_VIEW.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const BUCKET_SHIFT = 18;
const BUCKET_COUNT = 1 << (31 - BUCKET_SHIFT);
/** Bucket mark of a token with probability 0: past every real bucket and past "never reached". */
const ABSENT = BUCKET_COUNT + 1;

/**
 * Working memory for runPipeline, reused between calls so that an update allocates no arrays. The result
 * it returns lives in here too: its arrays are overwritten by the next call with the same scratch.
 */
export class PipelineScratch {
  tokenCount = -1;
  distributions: Float64Array[] = [];
  masks: Uint8Array[] = [];
  keys: Float64Array = new Float64Array(0);
  distance: Float64Array = new Float64Array(0);
  /** −ln of the input, valid while the input stays the same, so that slider moves skip the logarithms. */
  energies: Float64Array = new Float64Array(0);
  energiesValid = false;
  /**
   * What each stage last computed from: its setting (NaN when inactive) and the order. The result arrays
   * are only valid as a cache if nobody writes to them: treat a result as read-only.
   */
  cachedParameters: number[] = new Array<number>(STAGE_COUNT).fill(Number.NaN);
  cachedOrder: SamplerOrder = 'temperature-first';
  cacheValid = false;
  ranking: Uint32Array = new Uint32Array(0);
  buckets: Uint16Array = new Uint16Array(0);
  readonly bucketWeight = new Float64Array(BUCKET_COUNT);
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
    this.distance = new Float64Array(tokenCount);
    this.energies = new Float64Array(tokenCount);
    this.energiesValid = false;
    this.cacheValid = false;
    this.buckets = new Uint16Array(tokenCount);
    this.ranking = new Uint32Array(tokenCount);
    this.tokenCount = tokenCount;
  }
}

export function createPipelineScratch(): PipelineScratch {
  return new PipelineScratch();
}

/**
 * Whether temperature t is greedy decoding in this order: t = 0 (either sign) in both; with temperature
 * last every t ≤ 0, as in llama.cpp, whose temperature sampler treats temp ≤ 0 as greedy.
 */
export function isGreedyTemperature(temperature: number, order: SamplerOrder): boolean {
  return order === 'temperature-last' ? temperature <= 0 : temperature === 0;
}

/** Throws InputError with a message for a person unless every setting is usable. */
export function validateSamplerSettings(settings: SamplerSettings): void {
  const { temperature, topK, topP, minP, typicalP, order } = settings;
  if (typeof temperature !== 'number' || Number.isNaN(temperature)) {
    throw new InputError('sampler.temperature', {});
  }
  if (typeof topK !== 'number' || !Number.isSafeInteger(topK)) {
    throw new InputError('sampler.topK', { got: String(topK) });
  }
  if (typeof topP !== 'number' || !(topP >= 0 && topP <= 1)) {
    throw new InputError('sampler.topP', { got: String(topP) });
  }
  if (typeof minP !== 'number' || !(minP >= 0 && minP <= 1)) {
    throw new InputError('sampler.minP', { got: String(minP) });
  }
  if (order !== 'temperature-first' && order !== 'temperature-last') {
    throw new InputError('sampler.order', { got: String(order) });
  }
  const zeroAllowed = order === 'temperature-last';
  if (typeof typicalP !== 'number' || !(typicalP <= 1 && (zeroAllowed ? typicalP >= 0 : typicalP > 0))) {
    throw new InputError('sampler.typicalP', { got: String(typicalP), zeroAllowed });
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
 * belong to the scratch and are reused by the next call, which also recomputes only the stages whose input
 * or setting changed. Treat the result as read-only: its arrays double as that cache.
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
  // distributions[0] still holds the previous call's input: note whether this one differs as it is written.
  let inputChanged = 0;
  for (let i = 0; i < n; i++) {
    const value = probabilities[i] / sum;
    inputChanged |= +(value !== input[i]);
    input[i] = value;
  }
  if (inputChanged) scratch.energiesValid = false;

  const kinds = STAGE_ORDER[settings.order];
  const hf = settings.order === 'temperature-first';
  result.order = settings.order;
  result.input = input;
  // A stage whose input and setting are those of the previous call already holds its output: dragging one
  // slider recomputes only its stage and those after it. Its input is unchanged exactly when the
  // pipeline's input is and every stage before it was skipped.
  let reuse = scratch.cacheValid && !inputChanged && scratch.cachedOrder === settings.order;
  scratch.cacheValid = false; // until every stage below is consistent with cachedParameters again
  for (let s = 0; s < STAGE_COUNT; s++) {
    const kind = kinds[s];
    const active = isStageActive(kind, settings, n);
    const parameter = active ? stageParameter(kind, settings) : Number.NaN;
    reuse &&= Object.is(scratch.cachedParameters[s], parameter);
    scratch.cachedParameters[s] = parameter;
    if (reuse) continue;

    const before = distributions[s];
    const after = distributions[s + 1];
    const stage = result.stages[s];
    stage.kind = kind;
    stage.before = before;
    stage.after = after;
    stage.removed = scratch.masks[s];
    stage.active = active;
    if (kind === 'temperature') {
      result.greedy = active && isGreedyTemperature(settings.temperature, settings.order);
      result.greedyToken = -1;
    }
    if (!active) {
      after.set(before);
      stage.removed.fill(0);
      stage.removedCount = 0;
      stage.keptCount = s === 0 ? countPositive(before) : result.stages[s - 1].keptCount;
      continue;
    }
    if (kind === 'temperature') {
      if (result.greedy) {
        result.greedyToken = greedy(before, after);
      } else {
        refreshEnergies(input, scratch);
        applyTemperature(before, after, settings.temperature, scratch);
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
  scratch.cachedOrder = settings.order;
  scratch.cacheValid = true;
  if (reuse) return result; // nothing changed at all: the summary below is still right

  const final = distributions[STAGE_COUNT];
  result.final = final;
  result.keptCount = result.stages[STAGE_COUNT - 1].keptCount;
  const h = entropyNats(final);
  result.entropyNats = h;
  result.entropyBits = h / Math.LN2;
  result.perplexity = Math.exp(h);
  return result;
}

/** The one number that decides what an active stage does, given the order (which fixes the tie rules). */
function stageParameter(kind: StageKind, settings: SamplerSettings): number {
  switch (kind) {
    case 'temperature':
      // Every greedy temperature (−0 like +0, and any t ≤ 0 with temperature last) does the same, so they
      // must compare equal here; Object.is would tell −0 from +0.
      return isGreedyTemperature(settings.temperature, settings.order) ? 0 : settings.temperature;
    case 'top-k':
      return settings.topK;
    case 'top-p':
      return settings.topP;
    case 'min-p':
      return settings.minP;
    case 'typical-p':
      return settings.typicalP;
  }
}

function countPositive(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) count++;
  return count;
}

/**
 * Keeps scratch.energies = −ln(input) (+∞ where the input is 0), recomputing the logarithms only after the
 * input has changed (runPipeline clears energiesValid then). Moving a slider changes the settings, not the
 * model's distribution, so most updates skip K logarithms.
 */
function refreshEnergies(input: Float64Array, scratch: PipelineScratch): void {
  if (scratch.energiesValid) return;
  const energies = scratch.energies;
  for (let i = 0; i < input.length; i++) {
    const p = input[i];
    energies[i] = p === 0 ? Number.POSITIVE_INFINITY : -Math.log(p);
  }
  scratch.energiesValid = true;
}

/**
 * p' = softmax(ln p / t) over the tokens still present: the Boltzmann distribution at T = t of E = −ln p,
 * exactly what temperatureSoftmax computes. It goes through the same engine (fillBoltzmannAtBeta) with the
 * input's cached energies: the earlier stages only removed tokens (E = +∞) and renormalised, which shifts
 * every remaining energy by one constant, and the Boltzmann distribution ignores a shift.
 */
function applyTemperature(
  before: Float64Array,
  after: Float64Array,
  t: number,
  scratch: PipelineScratch,
): void {
  const cached = scratch.energies;
  // 1/t maps t = ±∞ to β = ±0 (uniform over the tokens present); a greedy t never gets here.
  const beta = 1 / t;
  if (before === scratch.distributions[0]) {
    // Temperature first: the tokens present are the input's, whose zeros already have E = +∞.
    fillBoltzmannAtBeta(cached, beta, undefined, after);
    return;
  }
  // Temperature last: gather the survivors' energies into a dense list, so that the engine's loops run
  // over fewer tokens and without a hard-to-predict "is this token present?" branch in each of them.
  const ranking = scratch.ranking;
  const n = before.length;
  let count = 0;
  for (let i = 0; i < n; i++) {
    ranking[count] = i;
    count += +(before[i] > 0); // branch-free compaction: a skipped token's write is overwritten by the next
  }
  const energies = scratch.keys.subarray(0, count);
  const tempered = scratch.distance.subarray(0, count);
  for (let j = 0; j < count; j++) energies[j] = cached[ranking[j]];
  fillBoltzmannAtBeta(energies, beta, undefined, tempered);
  after.fill(0);
  for (let j = 0; j < count; j++) after[ranking[j]] = tempered[j];
}

/** One definition for every stage, so a mask never disagrees with the arrays it describes. */
function markRemoved(stage: SamplerStage): void {
  const { before, after, removed } = stage;
  let removedCount = 0;
  let keptCount = 0;
  // Written without branches: after a truncation, which tokens survive follows no pattern the CPU could
  // predict, and a mispredicted branch per token costs more than the rest of the loop.
  for (let i = 0; i < before.length; i++) {
    // +(comparison) compiles to a flag move in V8; `? 1 : 0` stays a branch (3–4× slower here, measured).
    const present = +(after[i] > 0);
    const gone = +(before[i] > 0) & (present ^ 1);
    removed[i] = gone;
    removedCount += gone;
    keptCount += present;
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
 * The shared core of top-k, top-p and typical-p. Ranks the tokens with before > 0 by `values` (descending
 * or ascending; equal values by token index, lower first), keeps them in that order up to and including the
 * first at which the cumulative weight (`weights`, or 1 per token when null) reaches `target` (≥, or >
 * when `strict`), plus, when `keepTies`, every later token with the boundary token's value; writes the kept
 * probabilities, renormalised, into `after`. If the total never reaches the target, everything is kept.
 *
 * First a histogram of the weight per value bucket finds the one bucket holding the boundary: tokens in
 * better buckets are kept outright, worse ones dropped, and only the boundary bucket's tokens go through
 * selectPrefix. On a language model's distribution that bucket is a small part of the vocabulary.
 */
function truncate(
  before: Float64Array,
  after: Float64Array,
  values: Float64Array,
  descending: boolean,
  weights: Float64Array | null,
  target: number,
  strict: boolean,
  keepTies: boolean,
  scratch: PipelineScratch,
): void {
  const n = before.length;
  const buckets = scratch.buckets;
  const bucketWeight = scratch.bucketWeight;
  bucketWeight.fill(0);
  for (let i = 0; i < n; i++) {
    if (!(before[i] > 0)) {
      buckets[i] = ABSENT;
      continue;
    }
    BIT_VIEW[0] = values[i];
    const raw = BIT_WORDS[HIGH_WORD] >>> BUCKET_SHIFT;
    const bucket = descending ? BUCKET_COUNT - 1 - raw : raw; // 0 is the most preferred bucket
    buckets[i] = bucket;
    bucketWeight[bucket] += weights === null ? 1 : weights[i];
  }
  let boundary = BUCKET_COUNT;
  let massBefore = 0;
  for (let b = 0; b < BUCKET_COUNT; b++) {
    const through = massBefore + bucketWeight[b];
    // An empty bucket never holds the boundary, not even when the target is 0 (top-p = 0).
    if (bucketWeight[b] > 0 && (strict ? through > target : through >= target)) {
      boundary = b;
      break;
    }
    massBefore = through;
  }

  const ranking = scratch.ranking;
  const keys = scratch.keys;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const bucket = buckets[i];
    // 1 exactly when bucket < boundary, without a branch (see markRemoved); ABSENT is never below it.
    after[i] = (bucket - boundary) >>> 31;
    if (bucket === boundary) {
      ranking[count++] = i;
      keys[i] = descending ? -values[i] : values[i];
    }
  }
  if (count > 0) {
    const last = selectPrefix(ranking, count, keys, weights, target, strict, massBefore);
    for (let j = 0; j <= last; j++) after[ranking[j]] = 1;
    if (keepTies) {
      // Equal values share a bucket, so the boundary bucket holds every tie.
      const tie = keys[ranking[last]];
      for (let j = last + 1; j < count; j++) if (keys[ranking[j]] === tie) after[ranking[j]] = 1;
    }
  }
  // Summed in token order, independent of how the selection happened to arrange the ranking.
  // after[i] is the keep flag, 0 or 1: multiplying by it selects without branching.
  let kept = 0;
  for (let i = 0; i < n; i++) kept += after[i] * before[i];
  for (let i = 0; i < n; i++) after[i] *= before[i] / kept;
}

function applyTopK(
  before: Float64Array,
  after: Float64Array,
  k: number,
  keepTies: boolean,
  scratch: PipelineScratch,
): void {
  truncate(before, after, before, true, null, k, false, keepTies, scratch);
}

function applyTopP(before: Float64Array, after: Float64Array, topP: number, scratch: PipelineScratch): void {
  truncate(before, after, before, true, before, topP, false, false, scratch);
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
 * entropy H, closest first, and keep them until their mass reaches typical_p. HF counts the tokens whose
 * cumulative mass is < typical_p and keeps one more (so: first ≥) plus ties in score; llama.cpp stops at the
 * first cumulative sum > typical_p.
 */
function applyTypical(
  before: Float64Array,
  after: Float64Array,
  typicalP: number,
  hf: boolean,
  scratch: PipelineScratch,
): void {
  const h = entropyNats(before);
  const distance = scratch.distance;
  for (let i = 0; i < before.length; i++) {
    const p = before[i];
    distance[i] = p > 0 ? Math.abs(-Math.log(p) - h) : 0;
  }
  truncate(before, after, distance, false, before, typicalP, !hf, hf, scratch);
}

/** Below this many candidates the selection sorts and scans sequentially. */
const SMALL_RANGE = 16;

/**
 * Quickselect over the ranking "key ascending, then token index ascending", which is a strict total order,
 * so the answer is unique whatever the arrangement. Rearranges ranking[0..count) so that its first
 * last + 1 entries are the tokens that come first in that order, up to and including the first token at
 * which the cumulative weight, starting from `initialMass` (the weight of tokens ranked before all of
 * these), reaches `target` (≥, or > when `strict`); returns `last`. `weights` null counts tokens (weight 1
 * each). If the total never reaches the target, returns count − 1 (keep all).
 */
export function selectPrefix(
  ranking: Uint32Array,
  count: number,
  keys: Float64Array,
  weights: Float64Array | null,
  target: number,
  strict: boolean,
  initialMass = 0,
): number {
  let lo = 0;
  let hi = count;
  let massBefore = initialMass; // weight of everything ranked before ranking[lo..hi)
  // Once the target is known to be reached within ranking[lo..hi), a sequential scan that falls an ulp
  // short of the block sum that showed it must still stop in the range: at its last token.
  let reachedInRange = false;
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
    // An empty left part cannot hold the boundary, even where a target of 0 is already reached.
    if (store > lo && (strict ? throughLeft > target : throughLeft >= target)) {
      hi = store;
      reachedInRange = true;
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
  return reachedInRange ? hi - 1 : count - 1;
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
