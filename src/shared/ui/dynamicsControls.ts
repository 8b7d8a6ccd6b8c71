import { InputError } from '../../core/errors.ts';
import type { DynamicsKind } from '../../core/simulation.ts';
import type { Strings } from '../../strings/en.ts';
import { FAST_FORWARD_FACTOR } from '../model/fastForward.ts';
import type { ParticleModel } from '../model/particleModel.ts';
import { h, textInput } from './dom.ts';
import { createField, messageOf, submit } from './field.ts';
import { effect } from './lifetime.ts';

/** Parses a seed: a whole number from 0 to 2^32 − 1. */
export function parseSeed(text: string): number {
  const value = Number(text.trim());
  if (!(text.trim() !== '' && Number.isInteger(value) && value >= 0 && value < 2 ** 32)) {
    throw new InputError('seed.range', { got: text.trim().slice(0, 40) });
  }
  return value;
}

/**
 * `einsteinFields`: offer the Einstein solid too, with its own fields. Only the physics screen does: it
 * needs a harmonic oscillator to run on, and its controls' ids are not prefixed, so there is one per page.
 */
export function createDynamicsControls(
  state: ParticleModel,
  strings: Strings,
  idPrefix = '',
  einsteinFields: HTMLElement | null = null,
): HTMLElement {
  const einstein = einsteinFields !== null;
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
    if (!submit(kindField, strings, () => state.setDynamics(kind.value as DynamicsKind))) {
      kind.value = state.dynamics.peek();
    }
  });

  // Heat-bath fraction on a log scale from 0.001 to 1.
  const rate = h('input', { type: 'range', id: `${idPrefix}heat-bath-rate`, min: -3, max: 0, step: 0.05 });
  const rateField = createField(strings.heatBathRateLabel, rate);
  rate.addEventListener('input', () => {
    state.heatBathFraction.set(Number((10 ** Number(rate.value)).toPrecision(2)));
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
    state.metropolisSweeps.set(Number((10 ** Number(sweeps.value)).toPrecision(2)));
  });

  const play = h('button', { type: 'button', id: `${idPrefix}play-button`, class: 'primary' });
  play.addEventListener('click', () => state.playing.set(!state.playing.peek()));
  const step = h('button', { type: 'button', id: `${idPrefix}step-button` }, strings.step);
  step.addEventListener('click', () => state.stepOnce());
  const reset = h('button', { type: 'button', id: `${idPrefix}reset-button` }, strings.reset);
  reset.addEventListener('click', () => state.reset());
  const fastForward = h('button', { type: 'button', id: `${idPrefix}fast-forward-button` });
  fastForward.addEventListener('click', () => state.setFastForward(!state.fastForwarding.peek()));

  const speed = h('input', { type: 'range', id: `${idPrefix}speed-slider`, min: 1, max: 60, step: 1 });
  const speedField = createField(strings.speedLabel, speed);
  speed.addEventListener('input', () => {
    state.stepsPerSecond.set(Number(speed.value));
  });

  const seed = textInput(`${idPrefix}seed-input`, 'numeric');
  const seedField = createField(strings.seedLabel, seed);
  seed.addEventListener('change', () => {
    try {
      state.seed.set(parseSeed(seed.value));
      seedField.setError(null);
      state.reset();
    } catch (error) {
      seedField.setError(messageOf(strings, error));
    }
  });

  const average = h('input', { type: 'checkbox', id: `${idPrefix}time-average` });
  average.addEventListener('change', () => {
    state.showTimeAverage.set(average.checked);
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
    fastForward.textContent = state.fastForwarding.value
      ? strings.fastForwardStop
      : strings.fastForward(FAST_FORWARD_FACTOR);
    fastForward.setAttribute('aria-pressed', String(state.fastForwarding.value));
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
    einsteinFields,
    h('div', { class: 'button-row' }, play, step, reset, fastForward),
    speedField.root,
    seedField.root,
    h('label', { class: 'checkbox' }, average, strings.timeAverageLabel),
  );
}
