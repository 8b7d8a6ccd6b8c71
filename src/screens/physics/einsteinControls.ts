/**
 * The Einstein solid's own controls: the number of quanta q and how they start (shown in the dynamics
 * panel while that dynamics is chosen), and the temperature it settles at, shown in place of the
 * temperature input it makes meaningless.
 */

import type { EinsteinStart } from '../../core/dynamics/einsteinSolid.ts';
import { formatTemperature } from '../../core/spectra/index.ts';
import { MAX_EINSTEIN_QUANTA, parseQuanta } from '../../shared/model/einstein.ts';
import { h, textInput } from '../../shared/ui/dom.ts';
import { createField, onCommit } from '../../shared/ui/field.ts';
import { formatCount, localizeNumbers, texNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { setMathText } from '../../shared/ui/mathText.ts';
import type { Strings } from '../../strings/en.ts';
import type { PhysicsModel } from './model.ts';

export function createEinsteinFields(state: PhysicsModel, strings: Strings): HTMLElement {
  const max = formatCount(MAX_EINSTEIN_QUANTA);
  const quanta = textInput('einstein-quanta', 'numeric');
  const quantaField = createField(strings.einsteinQuantaLabel, quanta, strings.einsteinQuantaHint(max));
  const apply = () => {
    const value = parseQuanta(quanta.value);
    if (value === null) {
      quantaField.setError(strings.einsteinQuantaInvalid(max));
      return;
    }
    quantaField.setError(null);
    state.particles.quanta.set(value);
  };
  onCommit(quanta, apply);

  const start = h(
    'select',
    { id: 'einstein-start' },
    h('option', { value: 'even' }, strings.einsteinStartEven),
    h('option', { value: 'concentrated' }, strings.einsteinStartConcentrated),
    h('option', { value: 'equilibrium' }, strings.einsteinStartEquilibrium),
  );
  const startField = createField(strings.einsteinStartLabel, start);
  start.addEventListener('change', () => {
    state.particles.einsteinStart.set(start.value as EinsteinStart);
  });

  const root = h(
    'div',
    { class: 'einstein-fields', id: 'einstein-fields' },
    quantaField.root,
    startField.root,
  );
  effect(() => {
    root.hidden = state.particles.dynamics.value !== 'einstein';
    // A refused value stays in the field, beside its message, until it is corrected.
    if (quanta.getAttribute('aria-invalid') !== 'true') quanta.value = String(state.particles.quanta.value);
    start.value = state.particles.einsteinStart.value;
  });
  return root;
}

/** "T = ħω / ln(1 + N/q) = 1.443 ħω", while the Einstein solid runs. */
export function createEinsteinTemperature(state: PhysicsModel, strings: Strings): HTMLElement {
  const note = h('p', { class: 'note', id: 'einstein-temperature', 'aria-live': 'polite' });
  effect(() => {
    const settings = state.particles.einstein.value;
    note.hidden = settings === null;
    if (settings === null) return;
    const system = state.system.value;
    const unit = state.temperatureUnit.value;
    const n = state.particles.particleCount.value;
    // While the solid runs, the model's temperature is T = ħω / ln(1 + N/q).
    const t = formatTemperature(state.temperature.value, unit, system.energyUnit, 4);
    const withUnit = unit === 'internal' ? `${t} ${system.energyUnit.symbol}` : t;
    // N and q stand inside the formula; T after it, as text with its unit.
    setMathText(
      note,
      strings.einsteinTemperature(
        texNumber(formatCount(n)),
        texNumber(formatCount(settings.quanta)),
        localizeNumbers(withUnit),
      ),
    );
  });
  return note;
}
