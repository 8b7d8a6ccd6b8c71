import { computed } from '@preact/signals-core';
import type { ScreenStage } from '../../app/stage/screenStage.ts';
import { formatEnergy, formatTemperature } from '../../core/spectra/index.ts';
import { formatNumber, formatPercent, localizeNumbers } from '../../shared/ui/format.ts';
import { formatPartitionFunction } from '../../shared/ui/readoutText.ts';
import { createStageTemperature } from '../../shared/ui/stageTemperature.ts';
import { definedOr } from '../../shared/ui/stageText.ts';
import type { Strings } from '../../strings/en.ts';
import type { PhysicsModel } from './model.ts';

/** The physics screen on stage: its canvas; T in the chosen unit, ⟨E⟩, Z and the ground level's share. */
export function createPhysicsStage(state: PhysicsModel, strings: Strings, canvas: HTMLElement): ScreenStage {
  const temperatureText = (t: number) => {
    const system = state.system.value;
    const unit = state.temperatureUnit.value;
    const value = formatTemperature(t, unit, system.energyUnit, 4);
    return localizeNumbers(unit === 'internal' ? `${value} ${system.energyUnit.symbol}` : value);
  };
  const energyText = (e: number) => {
    const system = state.system.value;
    const unit = state.temperatureUnit.value;
    return unit === 'internal'
      ? `${formatNumber(e, 4)} ${system.energyUnit.symbol}`
      : localizeNumbers(formatEnergy(e, unit, system.energyUnit, 4));
  };
  return {
    canvases: [canvas],
    readouts: [
      {
        id: 'temperature',
        label: strings.readoutTemperature,
        value: computed(() => definedOr(state.temperature.value, temperatureText, strings)),
      },
      {
        id: 'mean-energy',
        label: strings.readoutMeanEnergy,
        value: computed(() => definedOr(state.thermo.value.meanEnergy, energyText, strings)),
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
      symbol: 'T',
      temperature: state.temperature,
      energyScale: () => state.system.value.excitationEnergy,
      allowsNegative: () => state.system.value.allowsNegativeTemperature,
      format: temperatureText,
      onInput: (t) => state.setTemperature(t),
      disabled: () => state.particles.einstein.value !== null,
    }),
  };
}
