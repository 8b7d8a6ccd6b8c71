import { computed } from '@preact/signals-core';
import type { ScreenStage } from '../../app/stage/screenStage.ts';
import { formatPercent } from '../../shared/ui/format.ts';
import { formatPartitionFunction } from '../../shared/ui/readoutText.ts';
import { createStageTemperature } from '../../shared/ui/stageTemperature.ts';
import { definedOr } from '../../shared/ui/stageText.ts';
import type { Strings } from '../../strings/en.ts';
import type { PhysicsModel } from './model.ts';
import { energyText, temperatureText } from './quantityText.ts';
import { physicsSliderScale } from './temperatureControls.ts';

/** The physics screen on stage: its canvas; T in the chosen unit, ⟨E⟩, Z and the ground level's share. */
export function createPhysicsStage(state: PhysicsModel, strings: Strings, canvas: HTMLElement): ScreenStage {
  const showTemperature = (t: number) =>
    temperatureText(t, state.temperatureUnit.value, state.system.value.energyUnit, 4);
  const showEnergy = (e: number) =>
    energyText(e, state.temperatureUnit.value, state.system.value.energyUnit, 4);
  return {
    canvases: [canvas],
    readouts: [
      {
        id: 'temperature',
        label: strings.readoutTemperature,
        value: computed(() => definedOr(state.temperature.value, showTemperature, strings)),
      },
      {
        id: 'mean-energy',
        label: strings.readoutMeanEnergy,
        value: computed(() => definedOr(state.thermo.value.meanEnergy, showEnergy, strings)),
      },
      {
        id: 'partition',
        label: strings.readoutPartition,
        value: computed(() => {
          const thermo = state.thermo.value;
          return definedOr(thermo.logZ, () => formatPartitionFunction(thermo, strings), strings);
        }),
        formula: true,
      },
      {
        id: 'ground',
        label: strings.stageGroundFraction,
        value: computed(() => definedOr(state.probabilities.value[0] ?? Number.NaN, formatPercent, strings)),
      },
    ],
    temperature: createStageTemperature({
      id: 'stage-temperature-slider',
      label: strings.stageTemperatureLabel,
      ...physicsSliderScale(state),
      format: showTemperature,
      onInput: (t) => state.setTemperature(t),
      disabled: () => state.particles.einstein.value !== null,
    }),
  };
}
