import type { StageTemperatureControl } from '../../app/stage/screenStage.ts';
import { h } from './dom.ts';
import { effect } from './lifetime.ts';
import { createTemperatureSlider, type TemperatureSliderOptions } from './temperatureSlider.ts';

/**
 * Slider positions per press of a clicker's key: 1/40 of the way from cold to T = ∞, the step the
 * physics screen's ↑ and ↓ take. The slider's own step (1 of 1000) is too fine to see from a room.
 */
export const STAGE_TEMPERATURE_STEP = 25;

export interface StageTemperatureOptions extends TemperatureSliderOptions {
  /** True while the temperature is not the person's to set (the Einstein solid has its own). */
  disabled?: () => boolean;
}

/**
 * Stage mode's one large temperature control: the screen's own temperature slider (the same scale, and
 * the same path into the model), drawn large with its value beside it. `warmer` and `colder` move it by
 * one stage step, as if dragged.
 */
export function createStageTemperature(options: StageTemperatureOptions): StageTemperatureControl {
  const field = createTemperatureSlider(options);
  const { input } = field;
  input.setAttribute('aria-label', options.label);
  const value = h('output', { class: 'stage-temperature-value', for: input.id, id: `${input.id}-value` });
  effect(() => {
    value.textContent = `${options.symbol} = ${options.format(options.temperature.value)}`;
    input.disabled = options.disabled?.() ?? false;
  });
  const move = (direction: 1 | -1) => {
    if (input.disabled) return;
    const position = Number(input.value);
    const next = Math.max(0, Math.min(Number(input.max), position + direction * STAGE_TEMPERATURE_STEP));
    if (next === position) return;
    input.value = String(next);
    input.dispatchEvent(new Event('input'));
  };
  return {
    root: h('div', { class: 'stage-temperature' }, value, field.root),
    warmer: () => move(1),
    colder: () => move(-1),
  };
}
