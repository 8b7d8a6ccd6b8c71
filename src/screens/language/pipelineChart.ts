/**
 * What the pipeline view draws, without the DOM: for a fixed set of tokens (the model's most likely), each
 * stage's probabilities before and after, which of them the stage removed, and how much probability the
 * tokens not drawn hold. The one O(K) step is choosing the tokens; everything else reads only those.
 */
import { type PipelineResult, type StageKind, topTokens } from '../../core/lm/pipeline.ts';

/** Enough tokens to show a truncation's boundary on a character model, few enough to label every bar. */
export const SHOWN_TOKENS = 24;

/** 'removed-earlier' also covers a token a pasted distribution gave probability 0. */
export type TokenStatus = 'kept' | 'removed-here' | 'removed-earlier';

export interface StageBars {
  kind: StageKind;
  active: boolean;
  /** Indexed like PipelineBars.tokens. */
  before: Float64Array;
  after: Float64Array;
  status: TokenStatus[];
  /** Tokens with probability > 0 entering and leaving the stage, among all K. */
  beforeCount: number;
  keptCount: number;
  removedCount: number;
  /** Tokens not shown that are present before / after the stage, and their total probability. */
  restBeforeCount: number;
  restAfterCount: number;
  restBefore: number;
  restAfter: number;
}

export interface PipelineBars {
  /** Token indices, most likely under the model first (ties: lower index first). */
  tokens: number[];
  stages: StageBars[];
  /** The largest probability any shown bar reaches: one scale for every chart, so heights compare. */
  scale: number;
}

/** The tokens to show: the model's most likely, by the input distribution (O(K · count) via topTokens). */
export function choosePipelineTokens(input: ArrayLike<number>, count = SHOWN_TOKENS): number[] {
  return topTokens(input, count).map((ranked) => ranked.token);
}

/**
 * Rounding leaves 1 − Σ shown at ~1e-16 when nothing else is present; such a remainder would read as a
 * tiny but real probability, so anything below this counts as none.
 */
const REST_EPSILON = 1e-12;

function remainder(shownSum: number, otherCount: number): number {
  if (otherCount === 0) return 0;
  const rest = 1 - shownSum;
  return rest > REST_EPSILON ? rest : 0;
}

export function pipelineBars(result: PipelineResult, tokens: readonly number[]): PipelineBars {
  let scale = 0;
  const stages = result.stages.map((stage): StageBars => {
    const before = new Float64Array(tokens.length);
    const after = new Float64Array(tokens.length);
    const status: TokenStatus[] = [];
    let shownBefore = 0;
    let shownAfter = 0;
    let sumBefore = 0;
    let sumAfter = 0;
    tokens.forEach((token, i) => {
      const b = stage.before[token];
      const a = stage.after[token];
      before[i] = b;
      after[i] = a;
      sumBefore += b;
      sumAfter += a;
      if (b > 0) shownBefore++;
      if (a > 0) shownAfter++;
      status.push(stage.removed[token] ? 'removed-here' : b > 0 ? 'kept' : 'removed-earlier');
      if (b > scale) scale = b;
      if (a > scale) scale = a;
    });
    // Every token present after a stage was present before it, so before = kept + removed.
    const beforeCount = stage.keptCount + stage.removedCount;
    const restBeforeCount = beforeCount - shownBefore;
    const restAfterCount = stage.keptCount - shownAfter;
    return {
      kind: stage.kind,
      active: stage.active,
      before,
      after,
      status,
      beforeCount,
      keptCount: stage.keptCount,
      removedCount: stage.removedCount,
      restBeforeCount,
      restAfterCount,
      restBefore: remainder(sumBefore, restBeforeCount),
      restAfter: remainder(sumAfter, restAfterCount),
    };
  });
  return { tokens: [...tokens], stages, scale: scale > 0 ? scale : 1 };
}
