import type { ScreenHandle } from '../../app/screen.ts';
import { type DisplayUnit, formatEnergy, formatTemperature } from '../../core/spectra/index.ts';
import type { SystemModel } from '../../shared/model/system.ts';
import {
  sliderMaximum,
  sliderToTemperature,
  temperatureToSlider,
} from '../../shared/model/temperatureScale.ts';
import { h } from '../../shared/ui/dom.ts';
import { createDynamicsControls } from '../../shared/ui/dynamicsControls.ts';
import { formatCount, formatNumber, formatPercent } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { createParticleControls } from '../../shared/ui/particleControls.ts';
import { createParticleStage } from '../../shared/ui/particleStage.ts';
import { axisLabel } from '../../shared/ui/readoutText.ts';
import type { Strings } from '../../strings/en.ts';
import { systemName } from '../../strings/presetText.ts';
import { createEinsteinFields } from './einsteinControls.ts';
import type { PhysicsModel } from './model.ts';
import { createThermodynamicPlots } from './plots.ts';
import { createReadouts } from './readouts.ts';
import { createPhysicsStage } from './stage.ts';
import { createSystemControls } from './systemControls.ts';
import { createTemperatureControls } from './temperatureControls.ts';

/** Value of one internal energy unit in a display unit, for plot axes (plots are linear in T). */
function displayScale(system: SystemModel, unit: DisplayUnit): number {
  if (unit === 'internal' || system.energyUnit.electronvolts === null) return 1;
  return Number.parseFloat(formatEnergy(1, unit, system.energyUnit, 15));
}

/** The ladder's label of each level: its name, energy and degeneracy (the printed handout shows the same). */
export function ladderLabels(strings: Strings, system: SystemModel, unit: DisplayUnit): string[] {
  const { energies, degeneracies } = system.spectrum;
  return system.labels.map((label, i) => {
    const energy =
      unit === 'internal'
        ? `${formatNumber(energies[i], 4)} ${system.energyUnit.symbol}`
        : formatEnergy(energies[i], unit, system.energyUnit, 4);
    return `${strings.levelLabel(label)} · ${energy} · g ${formatNumber(degeneracies[i], 4)}`;
  });
}

/** The physics screen: a system's levels, the particles on them, and its thermodynamics. */
export async function mountPhysicsScreen(
  host: HTMLElement,
  state: PhysicsModel,
  strings: Strings,
): Promise<ScreenHandle> {
  host.classList.add('controls-layout');
  const readouts = createReadouts(strings);
  const plots = createThermodynamicPlots(strings);
  const summary = h('p', { class: 'visually-hidden', id: 'state-summary', 'aria-live': 'polite' });
  const particles = await createParticleStage(state.particles, strings, {
    idPrefix: '',
    displayUnit: state.temperatureUnit,
    stageLabel: strings.stageLabel,
    ladderLabels: (system, unit) => ladderLabels(strings, system, unit),
    axisLabels: (system) => system.labels.map((label) => axisLabel(strings.levelLabel(label))),
    overflowLabel: strings.higherLevels,
    lumpedNote: strings.levelsLumpedNote,
    onFrame: (fit, divergence, steps) => readouts.showFit(fit, divergence, steps),
  });

  host.append(
    h(
      'div',
      { class: 'primary-column' },
      particles.stage,
      h(
        'section',
        { class: 'panel results', 'aria-labelledby': 'readouts-heading' },
        h('h2', { id: 'readouts-heading' }, strings.readoutsHeading),
        readouts.root,
        readouts.fitExplanation,
      ),
      h(
        'section',
        { class: 'panel plots-panel', 'aria-labelledby': 'plots-heading' },
        h('h2', { id: 'plots-heading' }, strings.plotsHeading),
        plots.root,
      ),
    ),
    h(
      'div',
      { class: 'controls' },
      createSystemControls(state, strings),
      createTemperatureControls(state, strings),
      createParticleControls(state.particles, strings),
      createDynamicsControls(state.particles, strings, '', createEinsteinFields(state, strings)),
    ),
    h(
      'section',
      { class: 'panel table-panel', 'aria-labelledby': 'table-heading' },
      h('h2', { id: 'table-heading' }, strings.tableHeading),
      particles.table,
    ),
    summary,
  );

  effect(() => {
    const system = state.system.value;
    const unit = state.temperatureUnit.value;
    plots.setSystem(
      system,
      displayScale(system, unit),
      unit === 'internal' ? system.energyUnit.symbol : unit,
    );
    plots.setTemperature(state.temperature.peek());
  });
  effect(() => plots.setTemperature(state.temperature.value));
  effect(() => {
    readouts.showThermodynamics(
      state.system.value,
      state.temperature.value,
      state.temperatureUnit.value,
      state.thermo.value,
    );
  });

  // The screen-reader summary follows settled changes, not every step.
  effect(() => {
    const system = state.system.value;
    const temperature = formatTemperature(
      state.temperature.value,
      state.temperatureUnit.value,
      system.energyUnit,
      4,
    );
    const p = state.probabilities.value;
    summary.textContent = strings.summary(
      systemName(strings, system),
      temperature,
      formatCount(state.particles.particleCount.value),
      formatPercent(p[0]),
    );
  });

  const nudge = (direction: 1 | -1) => {
    const system = state.system.peek();
    const position = temperatureToSlider(
      state.temperature.peek(),
      system.excitationEnergy,
      system.allowsNegativeTemperature,
    );
    const next = Math.max(
      0,
      Math.min(sliderMaximum(system.allowsNegativeTemperature), position + 25 * direction),
    );
    state.setTemperature(sliderToTemperature(next, system.excitationEnergy));
  };
  const { playing } = state.particles;
  return {
    model: state,
    drawFrame: particles.drawFrame,
    stage: createPhysicsStage(state, strings, particles.canvas),
    shortcuts: {
      playPause: () => playing.set(!playing.peek()),
      step: () => state.particles.stepOnce(),
      reset: () => state.reset(),
      hotter: () => nudge(1),
      colder: () => nudge(-1),
    },
  };
}
