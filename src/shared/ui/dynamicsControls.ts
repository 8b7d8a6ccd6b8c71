import { InputError } from '../../core/errors.ts';
import { type DynamicsKind, MAX_DRAWN_PARTICLES } from '../../core/simulation.ts';
import { einsteinRefusal } from '../../screens/physics/einstein.ts';
import { createEinsteinFields } from '../../screens/physics/einsteinControls.ts';
import type { SimulatorState } from '../../screens/physics/model.ts';
import type { Strings } from '../../strings/en.ts';
import { FAST_FORWARD_FACTOR } from '../model/fastForward.ts';
import { h } from './dom.ts';
import { createField, messageOf } from './field.ts';
import { formatCount } from './format.ts';
import { effect } from './lifetime.ts';

export interface DynamicsActions {
  step(): void;
  reset(): void;
}

/** Parses a seed: a whole number from 0 to 2^32 − 1. */
export function parseSeed(text: string): number {
  const value = Number(text.trim());
  if (!(text.trim() !== '' && Number.isInteger(value) && value >= 0 && value < 2 ** 32)) {
    throw new InputError('seed.range', { got: text.trim().slice(0, 40) });
  }
  return value;
}

/**
 * `einstein`: offer the Einstein solid too. Only the physics screen does: it needs a harmonic
 * oscillator to run on, and its controls' ids are not prefixed, so there is one of it per page.
 */
export function createDynamicsControls(
  state: SimulatorState,
  strings: Strings,
  actions: DynamicsActions,
  idPrefix = '',
  einstein = false,
): HTMLElement {
  const kind = h(
    'select',
    { id: `${idPrefix}dynamics-select` },
    h('option', { value: 'equilibrium' }, strings.dynamicsEquilibrium),
    h('option', { value: 'heat-bath' }, strings.dynamicsHeatBath),
    h('option', { value: 'metropolis' }, strings.dynamicsMetropolis),
    einstein && h('option', { value: 'einstein' }, strings.dynamicsEinstein),
  );
  const kindField = createField(strings.dynamicsLabel, kind);
  kind.addEventListener('change', () => {
    const refusal =
      kind.value === 'einstein' ? einsteinRefusal(state.system.peek(), state.particleCount.peek()) : null;
    if (refusal !== null) {
      kindField.setError(
        refusal === 'system'
          ? strings.einsteinNeedsOscillator
          : strings.einsteinTooManyParticles(formatCount(MAX_DRAWN_PARTICLES)),
      );
      kind.value = state.dynamics.peek();
      return;
    }
    kindField.setError(null);
    state.dynamics.value = kind.value as DynamicsKind;
  });

  // Heat-bath fraction on a log scale from 0.001 to 1.
  const rate = h('input', { type: 'range', id: `${idPrefix}heat-bath-rate`, min: -3, max: 0, step: 0.05 });
  const rateField = createField(strings.heatBathRateLabel, rate);
  rate.addEventListener('input', () => {
    state.heatBathFraction.value = Number((10 ** Number(rate.value)).toPrecision(2));
  });
  const sweeps = h('input', {
    type: 'range',
    id: `${idPrefix}metropolis-sweeps`,
    min: -2,
    max: 1,
    step: 0.05,
  });
  const sweepsField = createField(strings.metropolisSweepsLabel, sweeps);
  sweeps.addEventListener('input', () => {
    state.metropolisSweeps.value = Number((10 ** Number(sweeps.value)).toPrecision(2));
  });

  const play = h('button', { type: 'button', id: `${idPrefix}play-button`, class: 'primary' });
  play.addEventListener('click', () => {
    state.playing.value = !state.playing.peek();
  });
  const step = h('button', { type: 'button', id: `${idPrefix}step-button` }, strings.step);
  step.addEventListener('click', () => {
    state.playing.value = false;
    actions.step();
  });
  const reset = h('button', { type: 'button', id: `${idPrefix}reset-button` }, strings.reset);
  reset.addEventListener('click', () => actions.reset());
  const fastForward = h('button', { type: 'button', id: `${idPrefix}fast-forward-button` });
  fastForward.addEventListener('click', () => {
    const on = !state.fastForward.peek();
    state.fastForward.value = on;
    if (on) state.playing.value = true;
  });

  const speed = h('input', { type: 'range', id: `${idPrefix}speed-slider`, min: 1, max: 60, step: 1 });
  const speedField = createField(strings.speedLabel, speed);
  speed.addEventListener('input', () => {
    state.stepsPerSecond.value = Number(speed.value);
  });

  const seed = h('input', {
    type: 'text',
    id: `${idPrefix}seed-input`,
    inputmode: 'numeric',
    autocomplete: 'off',
  });
  const seedField = createField(strings.seedLabel, seed);
  seed.addEventListener('change', () => {
    try {
      state.seed.value = parseSeed(seed.value);
      seedField.setError(null);
      actions.reset();
    } catch (error) {
      seedField.setError(messageOf(strings, error));
    }
  });

  const average = h('input', { type: 'checkbox', id: `${idPrefix}time-average` });
  average.addEventListener('change', () => {
    state.showTimeAverage.value = average.checked;
  });

  effect(() => {
    kind.value = state.dynamics.value;
    rateField.root.hidden = state.dynamics.value !== 'heat-bath';
    sweepsField.root.hidden = state.dynamics.value !== 'metropolis' && state.dynamics.value !== 'einstein';
    rate.value = String(Math.log10(state.heatBathFraction.value));
    rate.setAttribute('aria-valuetext', String(state.heatBathFraction.value));
    sweeps.value = String(Math.log10(state.metropolisSweeps.value));
    sweeps.setAttribute('aria-valuetext', String(state.metropolisSweeps.value));
    play.textContent = state.playing.value ? strings.pause : strings.play;
    fastForward.textContent = state.fastForward.value
      ? strings.fastForwardStop
      : strings.fastForward(FAST_FORWARD_FACTOR);
    fastForward.setAttribute('aria-pressed', String(state.fastForward.value));
    speed.value = String(state.stepsPerSecond.value);
    if (seed.getAttribute('aria-invalid') !== 'true') seed.value = String(state.seed.value);
    average.checked = state.showTimeAverage.value;
  });

  return h(
    'fieldset',
    { class: 'panel', id: `${idPrefix}dynamics-controls` },
    h('legend', {}, strings.dynamicsHeading),
    kindField.root,
    rateField.root,
    sweepsField.root,
    einstein && createEinsteinFields(state, strings),
    h('div', { class: 'button-row' }, play, step, reset, fastForward),
    speedField.root,
    seedField.root,
    h('label', { class: 'checkbox' }, average, strings.timeAverageLabel),
  );
}
