/**
 * A language model's next-token distribution as a physical system: token i is a level with energy
 * E_i = −ln p_i and one state. A token the sampler removed keeps its energy (so the ladder still shows
 * where it would sit) but gets degeneracy 0, which makes it unreachable at every temperature: exactly
 * what top-k, top-p, min-p and typical-p do to it.
 */
import type { SystemModel } from './system.ts';

const VISIBLE_WHITESPACE: Record<string, string> = { ' ': '␣', '\n': '↵', '\t': '⇥', '\r': '␍' };

/** A token's text with whitespace made visible, so "␣" and "↵" can be told apart on a ladder. */
export function visibleToken(token: string): string {
  if (token === '') return '∅';
  return Array.from(token, (character) => VISIBLE_WHITESPACE[character] ?? character).join('');
}

export interface TokenSystem {
  system: SystemModel;
  /** The token index behind each level (levels are sorted from most to least likely). */
  tokenOfLevel: Uint32Array;
}

interface Ladder {
  tokens: readonly string[];
  order: Uint32Array;
  energies: Float64Array;
  labels: string[];
}

/**
 * The ladder of one distribution (which tokens, in which order, at which energy) does not depend on what the
 * sampler removed, so it is kept per distribution: moving a slider over a real model's 151,936 tokens then
 * costs one pass over the levels, not a sort of them.
 */
const ladders = new WeakMap<object, Ladder>();

function ladderOf(tokens: readonly string[], probabilities: ArrayLike<number>): Ladder {
  const key = probabilities as object;
  const cached = ladders.get(key);
  if (cached && cached.tokens === tokens) return cached;
  const positive: number[] = [];
  for (let i = 0; i < probabilities.length; i++) if (probabilities[i] > 0) positive.push(i);
  positive.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  const order = Uint32Array.from(positive);
  const ladder = {
    tokens,
    order,
    energies: Float64Array.from(order, (i) => -Math.log(probabilities[i])),
    labels: Array.from(order, (i) => visibleToken(tokens[i])),
  };
  ladders.set(key, ladder);
  return ladder;
}

/**
 * Builds the token ladder. Tokens with p = 0 are left out (an infinite energy has no place on a ladder
 * and can never be drawn); `removed` marks tokens the sampler cut, by token index. Treat the returned
 * arrays as read-only: the ladder's are shared between calls on the same distribution.
 */
export function buildTokenSystem(
  tokens: readonly string[],
  probabilities: ArrayLike<number>,
  removed: Uint8Array | null,
): TokenSystem {
  const { order, energies, labels } = ladderOf(tokens, probabilities);
  const degeneracies = Float64Array.from(order, (i) => (removed?.[i] ? 0 : 1));
  if (!degeneracies.some((g) => g > 0) && degeneracies.length > 0) degeneracies[0] = 1;
  const gap = energies.length > 1 ? energies[1] - energies[0] : 1;
  return {
    system: {
      choice: { kind: 'list', text: '' },
      spectrum: { energies, degeneracies },
      labels,
      energyUnit: { symbol: 'nats', electronvolts: null },
      allowsNegativeTemperature: true,
      excitationEnergy: gap > 0 ? gap : 1,
    },
    tokenOfLevel: order,
  };
}
