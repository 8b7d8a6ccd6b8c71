import { computed } from '@preact/signals-core';
import { InputError } from '../../core/errors.ts';
import type { SamplerOrder, SamplerSettings } from '../../core/lm/pipeline.ts';
import { parseTemperature, REDUCED } from '../../core/spectra/index.ts';
import { h, textInput } from '../../shared/ui/dom.ts';
import { createField, type Field, messageOf, onCommit } from '../../shared/ui/field.ts';
import { acceptDecimalComma, formatNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { setMathText } from '../../shared/ui/mathText.ts';
import { createTemperatureSlider } from '../../shared/ui/temperatureSlider.ts';
import type { Strings } from '../../strings/en.ts';
import type { LanguageScreenModel } from './model.ts';

/** Reads a plain number typed by a person; InputError with the field's name otherwise. */
function readNumber(text: string, label: string): number {
  const value = Number(acceptDecimalComma(text.trim()));
  if (text.trim() === '' || !Number.isFinite(value))
    throw new InputError('field.notANumber', { label, text: text.trim().slice(0, 30) });
  return value;
}

/** Temperature, top-k, top-p, min-p, typical-p and their order, each validated as it is typed. */
export function createSamplerControls(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const sliderField = createTemperatureSlider({
    id: 'lm-temperature-slider',
    label: strings.lmTemperatureSliderLabel,
    symbol: 't',
    temperature: computed(() => state.sampler.value.temperature),
    energyScale: () => 1,
    allowsNegative: () => true,
    format: (t) => formatNumber(t, 4),
    onInput: (t) => {
      temperatureField.setError(null);
      state.updateSampler({ temperature: t });
    },
  });
  const temperature = textInput('lm-temperature-input', 'decimal');
  const temperatureField = createField(strings.lmTemperatureLabel, temperature, strings.lmTemperatureHint);
  // What a negative t does here, said where it is set: neither engine inverts, and llama.cpp is greedy.
  const negativeNote = h('p', { class: 'note', id: 'lm-negative-temperature-note', 'aria-live': 'polite' });

  const numberInput = (id: string, min: number, max: number, step: number | 'any') =>
    h('input', { type: 'number', id, min, max, step, inputmode: 'decimal' });
  const topK = createField(strings.topKLabel, numberInput('top-k', 0, 1_000_000, 1));
  const topP = createField(strings.topPLabel, numberInput('top-p', 0, 1, 'any'));
  const minP = createField(strings.minPLabel, numberInput('min-p', 0, 1, 'any'));
  const typicalP = createField(strings.typicalPLabel, numberInput('typical-p', 0, 1, 'any'));
  const order = h(
    'select',
    { id: 'sampler-order' },
    h('option', { value: 'temperature-first' }, strings.orderTemperatureFirst),
    h('option', { value: 'temperature-last' }, strings.orderTemperatureLast),
  );
  const orderField = createField(strings.samplerOrderLabel, order);

  /** Applies one changed setting if the whole set is valid; the message goes to that setting's field. */
  function apply(
    field: Field<HTMLInputElement | HTMLSelectElement>,
    change: () => Partial<SamplerSettings>,
  ): void {
    try {
      state.updateSampler(change());
      field.setError(null);
    } catch (error) {
      field.setError(messageOf(strings, error));
    }
  }

  const applyTemperature = () =>
    apply(temperatureField, () => ({
      temperature: parseTemperature(acceptDecimalComma(temperature.value), REDUCED),
    }));
  onCommit(temperature, applyTemperature);
  topK.input.addEventListener('change', () =>
    apply(topK, () => ({ topK: readNumber(topK.input.value, 'top-k') })),
  );
  topP.input.addEventListener('change', () =>
    apply(topP, () => ({ topP: readNumber(topP.input.value, 'top-p') })),
  );
  minP.input.addEventListener('change', () =>
    apply(minP, () => ({ minP: readNumber(minP.input.value, 'min-p') })),
  );
  typicalP.input.addEventListener('change', () =>
    apply(typicalP, () => ({ typicalP: readNumber(typicalP.input.value, 'typical-p') })),
  );
  order.addEventListener('change', () => {
    apply(orderField, () => ({ order: order.value as SamplerOrder }));
    // A refused order (typical-p = 0 is valid only with temperature last) leaves the one in use shown.
    order.value = state.sampler.peek().order;
  });

  effect(() => {
    const settings = state.sampler.value;
    const t = settings.temperature;
    if (temperature.getAttribute('aria-invalid') !== 'true')
      temperature.value = String(t).replace('Infinity', 'inf');
    const show = (field: Field<HTMLInputElement>, value: number) => {
      if (field.input.getAttribute('aria-invalid') !== 'true') field.input.value = String(value);
    };
    show(topK, settings.topK);
    show(topP, settings.topP);
    show(minP, settings.minP);
    show(typicalP, settings.typicalP);
    order.value = settings.order;
    negativeNote.hidden = !(t < 0);
    if (t < 0)
      setMathText(
        negativeNote,
        settings.order === 'temperature-last'
          ? strings.lmNegativeTemperatureGreedy
          : strings.lmNegativeTemperatureInverts,
      );
  });

  return h(
    'fieldset',
    { class: 'panel', id: 'sampler-controls' },
    h('legend', {}, strings.samplerHeading),
    sliderField.root,
    temperatureField.root,
    negativeNote,
    h('div', { class: 'field-row' }, topK.root, topP.root),
    h('div', { class: 'field-row' }, minP.root, typicalP.root),
    orderField.root,
  );
}
