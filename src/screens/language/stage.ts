import { computed } from '@preact/signals-core';
import type { ScreenStage } from '../../app/stage/screenStage.ts';
import { visibleToken } from '../../shared/model/tokenSystem.ts';
import { formatNumber } from '../../shared/ui/format.ts';
import { createStageTemperature } from '../../shared/ui/stageTemperature.ts';
import { definedOr, mostLikely } from '../../shared/ui/stageText.ts';
import type { Strings } from '../../strings/en.ts';
import type { LanguageScreenModel } from './model.ts';

/**
 * The language screen on stage: its canvas; t, the entropy of the distribution a token is drawn from
 * (in bits), and that distribution's most likely token with its probability.
 */
export function createLanguageStage(
  state: LanguageScreenModel,
  strings: Strings,
  canvas: HTMLElement,
): ScreenStage {
  const temperature = computed(() => state.sampler.value.temperature);
  const format = (t: number) => formatNumber(t, 4);
  return {
    canvases: [canvas],
    readouts: [
      {
        id: 'temperature',
        label: strings.stageLmTemperature,
        value: computed(() => definedOr(temperature.value, format, strings)),
      },
      {
        id: 'entropy',
        label: strings.lmReadoutEntropy,
        value: computed(() => {
          const result = state.pipeline.value;
          if (!result) return strings.stageNoModel;
          return definedOr(
            result.entropyBits,
            (bits) => strings.stageEntropyBits(formatNumber(bits, 4)),
            strings,
          );
        }),
      },
      {
        id: 'top-token',
        label: strings.lmReadoutGreedy,
        value: computed(() => {
          const result = state.pipeline.value;
          const distribution = state.distribution.value;
          if (!result || !distribution) return strings.stageNoModel;
          const best = mostLikely(result.final);
          if (best < 0) return strings.stageUndefined;
          return strings.stageTopToken(
            visibleToken(distribution.tokens[best]),
            formatNumber(result.final[best], 4),
          );
        }),
      },
    ],
    temperature: createStageTemperature({
      id: 'lm-stage-temperature-slider',
      label: strings.stageTemperatureLabel,
      symbol: 't',
      temperature,
      energyScale: () => 1,
      allowsNegative: () => true,
      format,
      onInput: (t) => state.updateSampler({ temperature: t }),
    }),
  };
}
