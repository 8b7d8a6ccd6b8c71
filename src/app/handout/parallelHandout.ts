/** The side-by-side handout: the physical ladder and the token ladder under one temperature, with both readouts. */
import type { Thermodynamics } from '../../core/thermodynamics.ts';
import type { ParallelScreenModel } from '../../screens/parallel/model.ts';
import type { ParticleSnapshot } from '../../shared/model/particleModel.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber, formatShare } from '../../shared/ui/format.ts';
import { axisLabel, formatPartitionFunction } from '../../shared/ui/readoutText.ts';
import type { Strings } from '../../strings/en.ts';
import { systemName } from '../../strings/presetText.ts';
import {
  formulaList,
  handoutPicture,
  handoutTable,
  handoutTitle,
  linkSection,
  type Readout,
  readoutList,
} from './handoutParts.ts';
import { energyFormula, groundShare } from './physicsHandout.ts';

const MAX_ROWS = 10;

function physicsReadouts(strings: Strings, t: number, thermo: Thermodynamics, snapshot: ParticleSnapshot) {
  return [
    { label: strings.readoutTemperature, value: formatNumber(t, 4) },
    { label: strings.readoutPartition, value: formatPartitionFunction(thermo, strings), formula: true },
    { label: strings.readoutMeanEnergy, value: formatNumber(thermo.meanEnergy, 5) },
    { label: strings.readoutHeatCapacity, value: formatNumber(thermo.heatCapacity, 4) },
    { label: strings.readoutEntropy, value: formatNumber(thermo.entropy, 4) },
    {
      label: strings.handout.groundShare,
      value: groundShare(strings, snapshot.theory, snapshot.counts, snapshot.particleCount),
    },
  ];
}

function tokenReadouts(strings: Strings, t: number, thermo: Thermodynamics, snapshot: ParticleSnapshot) {
  const readouts: Readout[] = [
    { label: strings.lmTemperatureLabel, value: formatNumber(t, 4) },
    { label: strings.lmReadoutPartition, value: formatPartitionFunction(thermo, strings), formula: true },
    {
      label: strings.lmReadoutEntropy,
      value: strings.entropyValue(
        formatNumber(thermo.entropy, 4),
        formatNumber(thermo.entropy / Math.LN2, 4),
      ),
    },
    { label: strings.lmReadoutPerplexity, value: formatNumber(Math.exp(thermo.entropy), 4) },
  ];
  const best = snapshot.system.labels[0];
  if (best !== undefined) {
    readouts.push({
      label: strings.lmReadoutGreedy,
      value: `${best} (p = ${formatShare(snapshot.theory[0])})`,
    });
  }
  return readouts;
}

export function parallelHandout(strings: Strings, model: ParallelScreenModel, url: string): HTMLElement[] {
  const t = model.temperature.peek();
  const physics = model.physics.snapshot.peek();
  const tokens = model.tokens.snapshot.peek();
  const degenerate = model.physicsSystem.peek() === 'degenerate' ? ' (g₁ = 3)' : '';
  const name = systemName(strings, physics.system) + degenerate;
  const haveTokens = model.hasTokens.peek();
  const side = (heading: string, ...children: HTMLElement[]) =>
    h('div', { class: 'handout-side' }, h('h2', {}, heading), ...children);
  const physicsSide = side(
    strings.parallelPhysicsLabel,
    handoutPicture(
      strings,
      physics,
      name,
      {
        ladderLabels: physics.system.labels.map(
          (label, i) =>
            `${strings.levelLabel(label)} · E ${formatNumber(physics.system.spectrum.energies[i], 3)} · g ${physics.system.spectrum.degeneracies[i]}`,
        ),
        axisLabels: physics.system.labels.map((label) => axisLabel(strings.levelLabel(label))),
        overflowLabel: strings.higherLevels,
        overflowAxisLabel: () => '…',
      },
      'half',
    ),
    handoutTable(strings, physics, { id: 'handout-pp-occupancy-table', unit: 'internal', maxRows: MAX_ROWS }),
    readoutList(physicsReadouts(strings, t, model.physics.thermo.peek(), physics)),
  );
  const tokenSide = haveTokens
    ? side(
        strings.parallelTokensLabel,
        handoutPicture(
          strings,
          tokens,
          strings.handout.tokensPicture,
          {
            ladderLabels: tokens.system.labels.map(
              (label, i) => `${label} · E ${formatNumber(tokens.system.spectrum.energies[i], 3)}`,
            ),
            axisLabels: tokens.system.labels,
            overflowLabel: strings.tokenOverflow,
            overflowAxisLabel: () => '…',
          },
          'half',
        ),
        handoutTable(strings, tokens, {
          id: 'handout-pt-occupancy-table',
          unit: 'internal',
          maxRows: MAX_ROWS,
        }),
        readoutList(tokenReadouts(strings, t, model.tokens.thermo.peek(), tokens)),
      )
    : side(strings.parallelTokensLabel, h('p', { class: 'handout-empty' }, strings.noModel));
  return [
    handoutTitle(strings, strings.screenParallel, [strings.handout.parallelAt(name, formatNumber(t, 4))]),
    h('div', { class: 'handout-sides' }, physicsSide, tokenSide),
    formulaList(strings, [
      strings.handout.boltzmann,
      energyFormula(strings, physics.system),
      strings.handout.tokenEnergy,
      strings.handout.temperatureSampling,
    ]),
    linkSection(strings, url),
  ];
}
