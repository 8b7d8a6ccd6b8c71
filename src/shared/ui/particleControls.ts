import { InputError } from '../../core/errors.ts';
import { checkParticleCount, MAX_DRAWN_PARTICLES } from '../../core/simulation.ts';
import type { Strings } from '../../strings/en.ts';
import type { ParticleModel } from '../model/particleModel.ts';
import { h, textInput } from './dom.ts';
import { createField, messageOf, onCommit, submit } from './field.ts';
import { formatCount } from './format.ts';
import { effect } from './lifetime.ts';

const SLIDER_DECADES = 24;
const SLIDER_STEPS_PER_DECADE = 4;
export const PARTICLE_SLIDER_POSITIONS = SLIDER_DECADES * SLIDER_STEPS_PER_DECADE + 1;

/** Parses "2000", "1e6", "1 000 000" or "10^12" into a particle count; InputError otherwise. */
export function parseParticleCount(text: string): number {
  const compact = text.trim().replace(/[\s_,]/g, '');
  const power = /^10\^(\d{1,2})$/.exec(compact);
  const value = power ? 10 ** Number(power[1]) : /^[0-9.eE+]+$/.test(compact) ? Number(compact) : Number.NaN;
  if (Number.isNaN(value)) {
    // Say what was typed, not what it converted to.
    throw new InputError('particles.count', { got: text.trim().slice(0, 40) });
  }
  checkParticleCount(value);
  return value;
}

/**
 * The particle count at a slider position: four positions a decade, rounded to two significant digits
 * (numbers people say) and then to a whole number, so the first decade reads 1, 2, 3, 6, 10.
 */
export function particleCountAtSliderPosition(position: number): number {
  const value = 10 ** (position / SLIDER_STEPS_PER_DECADE);
  return Math.max(1, Math.round(Number(value.toPrecision(2))));
}

export function createParticleControls(state: ParticleModel, strings: Strings, idPrefix = ''): HTMLElement {
  const slider = h('input', {
    type: 'range',
    id: `${idPrefix}particle-slider`,
    min: 0,
    max: PARTICLE_SLIDER_POSITIONS - 1,
    step: 1,
  });
  const sliderField = createField(strings.particleSliderLabel, slider);
  const text = textInput(`${idPrefix}particle-input`, 'numeric');
  const textField = createField(strings.particleCountLabel, text, strings.particleHint);
  const note = h('p', { class: 'note', id: `${idPrefix}counts-only-note` }, strings.countsOnlyNote);

  slider.addEventListener('input', () => {
    const value = particleCountAtSliderPosition(Number(slider.value));
    try {
      checkParticleCount(value);
    } catch (error) {
      sliderField.setError(messageOf(strings, error));
      return;
    }
    sliderField.setError(null);
    textField.setError(null);
    state.particleCount.set(value);
  });
  const apply = () => {
    if (submit(textField, strings, () => state.particleCount.set(parseParticleCount(text.value)))) {
      sliderField.setError(null);
    }
  };
  onCommit(text, apply);

  effect(() => {
    const n = state.particleCount.value;
    // The Einstein solid moves every oscillator, so its slider stops where drawing does.
    const decades = state.einstein.value !== null ? Math.log10(MAX_DRAWN_PARTICLES) : SLIDER_DECADES;
    slider.max = String(decades * SLIDER_STEPS_PER_DECADE);
    slider.value = String(Math.round(Math.log10(n) * SLIDER_STEPS_PER_DECADE));
    slider.setAttribute('aria-valuetext', formatCount(n));
    if (text.getAttribute('aria-invalid') !== 'true')
      text.value = n < 1e7 ? String(n) : n.toExponential().replace('e+', 'e');
    note.hidden = n <= MAX_DRAWN_PARTICLES;
  });

  return h(
    'fieldset',
    { class: 'panel', id: `${idPrefix}particle-controls` },
    h('legend', {}, strings.particlesHeading),
    textField.root,
    sliderField.root,
    note,
  );
}
