/**
 * What to keep of llama.cpp's KV cache for a new context: the longest common prefix with what was
 * decoded, minus the last token when the new context ends inside what is cached (its logits must be
 * computed again, since llama.cpp keeps only the last decoded batch's logits).
 */
export interface KvCachePlan {
  /** Tokens of the cache to keep (the rest is removed). */
  keep: number;
  /** Tokens to decode after them (empty: the cache already ends with this context's logits). */
  decode: number[];
}

export function planKvCache(
  cached: readonly number[],
  logitsAreLast: boolean,
  context: ArrayLike<number>,
): KvCachePlan {
  let common = 0;
  const limit = Math.min(cached.length, context.length);
  while (common < limit && cached[common] === context[common]) common++;
  if (logitsAreLast && common === cached.length && common === context.length) {
    return { keep: common, decode: [] };
  }
  const keep = Math.min(common, context.length - 1);
  return { keep, decode: Array.from(context).slice(keep) };
}
