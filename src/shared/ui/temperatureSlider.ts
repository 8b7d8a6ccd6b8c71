import type { ReadonlySignal } from '@preact/signals-core';
import {
  sliderMaximum,
  sliderToTemperature,
  temperaturePosition,
  temperatureToSlider,
} from '../model/temperatureScale.ts';
import { h } from './dom.ts';
import { createField, type Field } from './field.ts';
import { effect } from './lifetime.ts';

export interface TemperatureSliderOptions {
  id: string;
  label: string;
  /** The temperature's symbol for a screen reader ("T", "t", "T = t"). */
  symbol: string;
  temperature: ReadonlySignal<number>;
  /** The energy the scale is built around (the first excitation energy; 1 for a language model's t). */
  energyScale: () => number;
  allowsNegative: () => boolean;
  /** How a temperature reads in the tick labels and to a screen reader ("0.5", "300 K"). */
  format: (temperature: number) => string;
  onInput: (temperature: number) => void;
}

/**
 * Four significant digits: a readable number for the fields and links, and still nearer to its own
 * slider step than to the next (neighbouring steps differ by at least 0.7% in T).
 */
function roundTemperature(temperature: number): number {
  if (temperature === 0 || !Number.isFinite(temperature)) return temperature;
  return Number(temperature.toPrecision(4));
}

/**
 * The one temperature slider of every screen, on the β-continuous scale of temperatureScale.ts: cold on
 * the left, T = ∞ in the middle of a bounded spectrum's slider, negative temperatures beyond it on the
 * right (hotter than infinity). Ticks beneath name 0, the energy scale, ∞ and minus the energy scale.
 */
export function createTemperatureSlider(options: TemperatureSliderOptions): Field<HTMLInputElement> {
  const input = h('input', { type: 'range', id: options.id, min: 0, step: 1 });
  const ticks = h('div', { class: 'temperature-ticks', 'aria-hidden': 'true' });
  input.addEventListener('input', () => {
    options.onInput(roundTemperature(sliderToTemperature(Number(input.value), options.energyScale())));
  });

  effect(() => {
    const scale = options.energyScale();
    const negative = options.allowsNegative();
    const maximum = sliderMaximum(negative);
    const marks = negative
      ? [0, scale, Number.POSITIVE_INFINITY, -scale]
      : [0, scale, Number.POSITIVE_INFINITY];
    ticks.replaceChildren(
      ...marks.map((t) => {
        // A typographic minus, as on the other screens' ticks (a typed value keeps its hyphen).
        const tick = h('span', {}, options.format(t).replace(/^-/, '−'));
        tick.style.left = `${(100 * temperaturePosition(t, scale, negative)) / maximum}%`;
        return tick;
      }),
    );
    input.max = String(maximum);
    const t = options.temperature.value;
    input.value = String(temperatureToSlider(t, scale, negative));
    input.setAttribute('aria-valuetext', `${options.symbol} = ${options.format(t)}`);
  });

  const field = createField(options.label, input);
  input.after(ticks);
  return field;
}
