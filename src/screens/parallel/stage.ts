import { computed } from '@preact/signals-core';
import type { ScreenStage } from '../../app/stage/screenStage.ts';
import { formatNumber, formatPercent } from '../../shared/ui/format.ts';
import { createStageTemperature } from '../../shared/ui/stageTemperature.ts';
import { definedOr, mostLikely } from '../../shared/ui/stageText.ts';
import type { Strings } from '../../strings/en.ts';
import type { ParallelScreenModel } from './model.ts';

/** Side by side on stage: both canvases; T = t, the physical ground level's share and the top token's p. */
export function createParallelStage(
  model: ParallelScreenModel,
  strings: Strings,
  canvases: readonly HTMLElement[],
): ScreenStage {
  const { temperature, physics, tokens } = model;
  const format = (t: number) => formatNumber(t, 4);
  return {
    canvases,
    readouts: [
      {
        id: 'temperature',
        label: strings.linkedTemperatureLabel,
        value: computed(() => definedOr(temperature.value, format, strings)),
      },
      {
        id: 'ground',
        label: strings.stagePhysicsGroundFraction,
        value: computed(() =>
          definedOr(physics.probabilities.value[0] ?? Number.NaN, formatPercent, strings),
        ),
      },
      {
        id: 'top-token',
        label: strings.stageTopTokenProbability,
        value: computed(() => {
          if (!model.hasTokens.value) return strings.stageNoModel;
          const p = tokens.probabilities.value;
          const best = mostLikely(p);
          if (best < 0) return strings.stageUndefined;
          return strings.stageTopToken(tokens.system.value.labels[best] ?? '', formatNumber(p[best], 4));
        }),
      },
    ],
    temperature: createStageTemperature({
      id: 'pp-stage-temperature-slider',
      label: strings.stageTemperatureLabel,
      symbol: 'T = t',
      temperature,
      energyScale: () => 1,
      allowsNegative: () => physics.system.value.allowsNegativeTemperature,
      format,
      onInput: (t) => temperature.set(t),
    }),
  };
}
