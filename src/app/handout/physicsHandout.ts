/** The physics screen's handout: the system at its temperature, its particles, table, readouts and formulas. */

import { chiSquareTest, klDivergence } from '../../core/statistics.ts';
import type { PhysicsModel } from '../../screens/physics/model.ts';
import { createReadouts } from '../../screens/physics/readouts.ts';
import { ladderLabels } from '../../screens/physics/screen.ts';
import type { SystemModel } from '../../shared/model/system.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber, formatShare } from '../../shared/ui/format.ts';
import { mathElement } from '../../shared/ui/mathText.ts';
import { axisLabel } from '../../shared/ui/readoutText.ts';
import type { Strings } from '../../strings/en.ts';
import { parameterText, systemName } from '../../strings/presetText.ts';
import { formulaList, handoutPicture, handoutTable, handoutTitle, linkSection } from './handoutParts.ts';

/** The system's energy formula: TeX for a preset, the person's own text for a formula or a list. */
export function energyFormula(strings: Strings, system: SystemModel): string | { plain: string } {
  const { choice } = system;
  switch (choice.kind) {
    case 'preset':
      return strings.handout.energies[choice.presetId];
    case 'formula':
      return {
        plain: strings.handout.energyFormula(
          choice.energy,
          choice.degeneracy,
          formatNumber(choice.nFrom, 6),
          formatNumber(choice.nTo, 6),
        ),
      };
    case 'list':
      return { plain: strings.handout.energyList(choice.text) };
  }
}

/** A preset's parameters as "n_max = 20", or null for a formula or a list (its text says it all). */
function parameterLine(strings: Strings, system: SystemModel): string | null {
  const { choice } = system;
  if (choice.kind !== 'preset') return null;
  const values = Object.entries(choice.params).map(
    ([id, value]) => `${parameterText(strings, choice.presetId, id).label} = ${formatNumber(value, 6)}`,
  );
  return values.length > 0 ? `${strings.handout.parameters}: ${values.join('; ')}` : null;
}

/** The share of the particles and of the theory on the lowest level, as the table writes shares. */
export function groundShare(strings: Strings, theory: Float64Array, counts: Float64Array, total: number) {
  return strings.handout.groundShareValue(formatShare(theory[0] ?? 0), formatShare((counts[0] ?? 0) / total));
}

export function physicsHandout(strings: Strings, physics: PhysicsModel, url: string): HTMLElement[] {
  const snapshot = physics.particles.snapshot.peek();
  const { system } = snapshot;
  const unit = physics.temperatureUnit.peek();
  const readouts = createReadouts(strings, 'handout-');
  readouts.showThermodynamics(system, physics.temperature.peek(), unit, physics.thermo.peek());
  readouts.showFit(
    chiSquareTest(snapshot.counts, snapshot.theory),
    klDivergence(snapshot.counts, snapshot.theory),
    snapshot.stepCount,
  );
  const extra = (label: string, value: string) =>
    h('div', { class: 'readout' }, mathElement('dt', label), h('dd', {}, value));
  readouts.root.append(
    extra(strings.handout.particles, formatNumber(snapshot.particleCount, 6)),
    extra(
      strings.handout.groundShare,
      groundShare(strings, snapshot.theory, snapshot.counts, snapshot.particleCount),
    ),
  );
  const temperature = readouts.root.querySelector('#handout-readout-temperature')?.textContent ?? '';
  const parameters = parameterLine(strings, system);
  return [
    handoutTitle(strings, strings.screenPhysics, [
      strings.handout.systemAt(systemName(strings, system), temperature),
      ...(parameters ? [parameters] : []),
    ]),
    handoutPicture(strings, snapshot, strings.handout.physicsPicture, {
      ladderLabels: ladderLabels(strings, system, unit),
      axisLabels: system.labels.map((label) => axisLabel(strings.levelLabel(label))),
      overflowLabel: strings.higherLevels,
      overflowAxisLabel: () => '…',
    }),
    h(
      'div',
      { class: 'handout-columns' },
      handoutTable(strings, snapshot, { id: 'handout-occupancy-table', unit, maxRows: 22 }),
      h(
        'div',
        {},
        h('section', { class: 'handout-readouts' }, h('h2', {}, strings.readoutsHeading), readouts.root),
        formulaList(strings, [
          strings.handout.boltzmann,
          energyFormula(strings, system),
          strings.handout.averages,
        ]),
      ),
    ),
    linkSection(strings, url),
  ];
}
