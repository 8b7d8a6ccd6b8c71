import type { DisplayUnit } from '../../core/spectra/index.ts';
import { type ChiSquareResult, FIT_P_VALUE_THRESHOLD, fitIsConsistent } from '../../core/statistics.ts';
import type { Thermodynamics } from '../../core/thermodynamics.ts';
import type { SystemModel } from '../../shared/model/system.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatCount, formatNumber } from '../../shared/ui/format.ts';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import { formatPartitionFunction } from '../../shared/ui/readoutText.ts';
import type { Strings } from '../../strings/en.ts';
import { energyText, temperatureText } from './quantityText.ts';

export interface Readouts {
  root: HTMLElement;
  /** What the fit readout's test and threshold mean, in words on the page. */
  fitExplanation: HTMLElement;
  showThermodynamics(
    system: SystemModel,
    temperature: number,
    unit: DisplayUnit,
    thermo: Thermodynamics,
  ): void;
  showFit(fit: ChiSquareResult, kl: number, steps: number): void;
}

/** `idPrefix` keeps a second copy (the printed handout's) apart from the screen's readouts. */
export function createReadouts(strings: Strings, idPrefix = ''): Readouts {
  const entries = {
    temperature: h('dd', { id: `${idPrefix}readout-temperature` }),
    partition: h('dd', { id: `${idPrefix}readout-partition` }),
    meanEnergy: h('dd', { id: `${idPrefix}readout-mean-energy` }),
    heatCapacity: h('dd', { id: `${idPrefix}readout-heat-capacity` }),
    entropy: h('dd', { id: `${idPrefix}readout-entropy` }),
    freeEnergy: h('dd', { id: `${idPrefix}readout-free-energy` }),
    steps: h('dd', { id: `${idPrefix}readout-steps` }),
    fit: h('dd', { id: `${idPrefix}readout-fit`, 'aria-describedby': `${idPrefix}fit-explanation` }),
  };
  const term = (text: string, value: HTMLElement) =>
    h('div', { class: 'readout' }, mathElement('dt', text), value);
  const root = h(
    'dl',
    { class: 'readouts', id: `${idPrefix}readouts` },
    term(strings.readoutTemperature, entries.temperature),
    term(strings.readoutPartition, entries.partition),
    term(strings.readoutMeanEnergy, entries.meanEnergy),
    term(strings.readoutHeatCapacity, entries.heatCapacity),
    term(strings.readoutEntropy, entries.entropy),
    term(strings.readoutFreeEnergy, entries.freeEnergy),
    term(strings.readoutSteps, entries.steps),
    term(strings.readoutFit, entries.fit),
  );

  const threshold = formatNumber(FIT_P_VALUE_THRESHOLD, 2);
  const fitExplanation = mathElement('p', strings.fitExplanation(threshold), {
    class: 'note',
    id: `${idPrefix}fit-explanation`,
  });

  return {
    root,
    fitExplanation,
    showThermodynamics(system, temperature, unit, thermo) {
      const physical = system.energyUnit.electronvolts !== null;
      const inKelvin =
        physical && unit !== 'K' ? ` = ${temperatureText(temperature, 'K', system.energyUnit, 4)}` : '';
      entries.temperature.textContent = `${temperatureText(temperature, unit, system.energyUnit, 4)}${inKelvin}`;
      setMathText(entries.partition, formatPartitionFunction(thermo, strings));
      const energy = (e: number) => energyText(e, unit, system.energyUnit, 5);
      entries.meanEnergy.textContent = energy(thermo.meanEnergy);
      entries.heatCapacity.textContent = formatNumber(thermo.heatCapacity, 4);
      entries.entropy.textContent = formatNumber(thermo.entropy, 4);
      entries.freeEnergy.textContent = energy(thermo.freeEnergy);
    },
    showFit(fit, kl, steps) {
      entries.steps.textContent = formatCount(steps);
      const p = formatNumber(fit.pValue, 2);
      const divergence = formatNumber(kl, 2);
      entries.fit.textContent = fitIsConsistent(fit.pValue)
        ? strings.fitConsistent(p, threshold, divergence)
        : strings.fitInconsistent(p, threshold, divergence);
      entries.fit.dataset.pValue = String(fit.pValue);
    },
  };
}
