import { formatCount, formatNumber } from '../../shared/ui/format.ts';
import { formatPartitionFunction } from '../../shared/ui/readoutText.ts';
import type { Strings } from '../../strings/en.ts';
import type { LanguageScreenModel } from './model.ts';

export type LanguageReadoutKey = 'entropy' | 'perplexity' | 'partition' | 'kept' | 'greedy';

export interface LanguageReadout {
  key: LanguageReadoutKey;
  /** May hold formulas between dollar signs. */
  label: string;
  value: string;
  /** The value holds formulas (Z written as e^{…}); a token's text never does. */
  formula?: boolean;
}

/**
 * The language screen's readouts as its panel and the printed handout show them, or null until there
 * is a distribution. Reads the model's signals, so an effect calling it follows them.
 */
export function languageReadouts(state: LanguageScreenModel, strings: Strings): LanguageReadout[] | null {
  const distribution = state.distribution.value;
  const result = state.pipeline.value;
  if (!distribution || !result) return null;
  const system = state.particles.system.value;
  const best = system.labels[0] ?? '';
  return [
    {
      key: 'entropy',
      label: strings.lmReadoutEntropy,
      value: strings.entropyValue(formatNumber(result.entropyNats, 4), formatNumber(result.entropyBits, 4)),
    },
    { key: 'perplexity', label: strings.lmReadoutPerplexity, value: formatNumber(result.perplexity, 4) },
    {
      key: 'partition',
      label: strings.lmReadoutPartition,
      value: formatPartitionFunction(state.particles.thermo.value, strings),
      formula: true,
    },
    {
      key: 'kept',
      label: strings.lmReadoutKept,
      value: strings.keptValue(formatCount(result.keptCount), formatCount(distribution.tokens.length)),
    },
    {
      key: 'greedy',
      label: strings.lmReadoutGreedy,
      value: `${best} (p = ${formatNumber(Math.exp(-system.spectrum.energies[0]), 4)})`,
    },
  ];
}
