import { describe, expect, test } from 'vitest';
import { planKvCache } from './kvCachePlan.ts';

describe('planKvCache', () => {
  test('appending keeps the whole cache and decodes only the new tokens', () => {
    expect(planKvCache([1, 5, 7], true, [1, 5, 7, 9, 2])).toEqual({ keep: 3, decode: [9, 2] });
  });
  test('the same context again needs no decode while its logits are the last ones', () => {
    expect(planKvCache([1, 5, 7], true, [1, 5, 7])).toEqual({ keep: 3, decode: [] });
    expect(planKvCache([1, 5, 7], false, [1, 5, 7])).toEqual({ keep: 2, decode: [7] });
  });
  test('a branch keeps the common prefix; a shorter context decodes its last token again', () => {
    expect(planKvCache([1, 5, 7, 8], true, [1, 5, 9])).toEqual({ keep: 2, decode: [9] });
    expect(planKvCache([1, 5, 7, 8], true, [1, 5])).toEqual({ keep: 1, decode: [5] });
  });
  test('nothing in common, or an empty cache: decode everything', () => {
    expect(planKvCache([4, 4], true, [1, 2])).toEqual({ keep: 0, decode: [1, 2] });
    expect(planKvCache([], false, Int32Array.from([3]))).toEqual({ keep: 0, decode: [3] });
  });
});
