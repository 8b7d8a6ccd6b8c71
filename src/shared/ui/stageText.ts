import type { Strings } from '../../strings/en.ts';

/** A stage readout's text: the formatted value, or the word "undefined" where there is no number. */
export function definedOr(value: number, format: (value: number) => string, strings: Strings): string {
  return Number.isNaN(value) ? strings.stageUndefined : format(value);
}

/** The level (or token) with the largest probability: the first maximum, or −1 when there is none. */
export function mostLikely(probabilities: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < probabilities.length; i++) {
    if (probabilities[i] > (best < 0 ? -1 : probabilities[best])) best = i;
  }
  return best;
}
