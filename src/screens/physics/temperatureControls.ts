import { type DisplayUnit, formatTemperature, parseTemperature } from '../../core/spectra/index.ts';
import type { SystemModel } from '../../shared/model/system.ts';
import { h, textInput } from '../../shared/ui/dom.ts';
import { createField, onCommit, submit } from '../../shared/ui/field.ts';
import { acceptDecimalComma, localizeNumbers } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { createTemperatureSlider } from '../../shared/ui/temperatureSlider.ts';
import type { Strings } from '../../strings/en.ts';
import { systemName } from '../../strings/presetText.ts';
import { createEinsteinTemperature } from './einsteinControls.ts';
import { displayUnitsFor, type PhysicsModel } from './model.ts';

export function unitName(unit: DisplayUnit, symbol: string, strings: Strings): string {
  return unit === 'internal' ? strings.internalUnit(symbol) : unit;
}

/** The physics temperature's slider scale, shared by the page's slider and the stage's large one. */
export function physicsSliderScale(state: PhysicsModel) {
  return {
    symbol: 'T',
    temperature: state.temperature,
    energyScale: () => state.system.value.excitationEnergy,
    allowsNegative: () => state.system.value.allowsNegativeTemperature,
  };
}

/** A slider from cold through infinitely hot (into negative T where that means something), and a typed value with units. */
export function createTemperatureControls(state: PhysicsModel, strings: Strings): HTMLElement {
  const format = (t: number) =>
    formatTemperature(t, state.temperatureUnit.value, state.system.value.energyUnit, 4);
  const sliderField = createTemperatureSlider({
    id: 'temperature-slider',
    label: strings.temperatureSliderLabel,
    ...physicsSliderScale(state),
    format: (t) => localizeNumbers(format(t)),
    onInput: (t) => {
      state.setTemperature(t);
      textField.setError(null);
    },
  });
  const slider = sliderField.input;
  const text = textInput('temperature-input', 'decimal');
  const textField = createField(strings.temperatureFieldLabel, text, strings.temperatureHint);
  const unit = h('select', { id: 'temperature-unit' });
  const unitField = createField(strings.temperatureUnitLabel, unit);

  function applyText(): void {
    const system = state.system.peek();
    submit(textField, strings, () =>
      state.setTemperature(parseTemperature(acceptDecimalComma(text.value), system.energyUnit)),
    );
  }
  onCommit(text, applyText);
  unit.addEventListener('change', () => {
    state.temperatureUnit.set(unit.value as DisplayUnit);
  });

  effect(() => {
    const system = state.system.value;
    unit.replaceChildren(
      ...displayUnitsFor(system).map((u) =>
        h('option', { value: u }, unitName(u, system.energyUnit.symbol, strings)),
      ),
    );
    unit.value = state.temperatureUnit.value;
  });

  // The Einstein solid imposes no temperature: it has one, which the note beside these shows.
  effect(() => {
    const derived = state.particles.einstein.value !== null;
    slider.disabled = derived;
    text.disabled = derived;
  });

  effect(() => {
    const t = state.temperature.value;
    // Don't overwrite what the person is typing, unless it was just accepted.
    if (document.activeElement !== text || text.getAttribute('aria-invalid') !== 'true')
      text.value = format(t);
  });

  // A system switch moves the temperature to the new system's starting value: say so while it stands.
  const moveNote = h('p', { class: 'note', id: 'temperature-note' });
  effect(() => {
    const move = state.temperatureMove.value;
    const current = move !== null && Object.is(state.temperature.value, move.next);
    moveNote.hidden = !current;
    if (!move || !current) return;
    const withUnit = (t: number, unit: DisplayUnit, system: SystemModel) => {
      const value = formatTemperature(t, unit, system.energyUnit, 4);
      return localizeNumbers(unit === 'internal' ? `${value} ${system.energyUnit.symbol}` : value);
    };
    const system = state.system.value;
    moveNote.textContent = strings.temperatureMoved(
      withUnit(move.next, state.temperatureUnit.value, system),
      systemName(strings, system),
      withUnit(move.previous, move.previousUnit, move.previousSystem),
    );
  });

  return h(
    'fieldset',
    { class: 'panel', id: 'temperature-controls' },
    h('legend', {}, strings.temperatureHeading),
    sliderField.root,
    h('div', { class: 'field-row' }, textField.root, unitField.root),
    moveNote,
    createEinsteinTemperature(state, strings),
  );
}
