import { type InputError, isInputError } from '../../core/errors.ts';
import { defaultParams, PRESETS, type PresetId, presetById } from '../../core/spectra/index.ts';
import type { SystemChoice } from '../../shared/model/system.ts';
import { h } from '../../shared/ui/dom.ts';
import { createField, messageOf } from '../../shared/ui/field.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { setMathText } from '../../shared/ui/mathText.ts';
import type { Strings } from '../../strings/en.ts';
import { parameterText } from '../../strings/presetText.ts';
import type { PhysicsModel } from './model.ts';

const FORMULA = 'formula';
const LIST = 'list';

/** Picks the system: a preset with its parameters, a formula of n, or a typed list of energies. */
export function createSystemControls(state: PhysicsModel, strings: Strings): HTMLElement {
  const select = h('select', { id: 'system-select' });
  for (const preset of PRESETS)
    select.append(h('option', { value: preset.id }, strings.presets[preset.id].name));
  select.append(
    h('option', { value: FORMULA }, strings.customFormula),
    h('option', { value: LIST }, strings.energyList),
  );
  const systemField = createField(strings.systemLabel, select);
  const description = h('p', { class: 'system-description' });
  const parameters = h('div', { class: 'parameter-fields' });
  const formulaPanel = createFormulaPanel(state, strings);
  const listPanel = createListPanel(state, strings);

  /** Applies a choice; a refused one shows its message on `field` and leaves the last good system. */
  function tryChoose(choice: SystemChoice, report: (message: string | null) => void): void {
    try {
      state.chooseSystem(choice);
      report(null);
    } catch (error) {
      report(messageOf(strings, error));
    }
  }

  function showPreset(presetId: PresetId, params: Record<string, number>): void {
    const preset = presetById(presetId);
    if (!preset) return;
    setMathText(description, strings.presets[presetId].description);
    parameters.replaceChildren();
    for (const parameter of preset.parameters) {
      const input = h('input', {
        type: 'number',
        id: `param-${parameter.id}`,
        value: params[parameter.id] ?? parameter.default,
        min: parameter.min,
        max: parameter.max,
        step: parameter.integer ? 1 : 'any',
        inputmode: parameter.integer ? 'numeric' : 'decimal',
      });
      const text = parameterText(strings, presetId, parameter.id);
      const label = parameter.unit ? `${text.label} (${parameter.unit})` : text.label;
      const field = createField(label, input, text.description);
      input.addEventListener('change', () => {
        const current = state.system.peek().choice;
        const base =
          current.kind === 'preset' && current.presetId === presetId ? current.params : defaultParams(preset);
        const value = input.value.trim() === '' ? Number.NaN : Number(input.value);
        tryChoose({ kind: 'preset', presetId, params: { ...base, [parameter.id]: value } }, field.setError);
      });
      parameters.append(field.root);
    }
  }

  select.addEventListener('change', () => {
    const value = select.value;
    if (value === FORMULA) formulaPanel.apply();
    else if (value === LIST) listPanel.apply();
    else {
      const preset = presetById(value);
      if (preset)
        tryChoose(
          { kind: 'preset', presetId: preset.id, params: defaultParams(preset) },
          systemField.setError,
        );
    }
  });

  effect(() => {
    const choice = state.system.value.choice;
    select.value = choice.kind === 'preset' ? choice.presetId : choice.kind;
    formulaPanel.root.hidden = choice.kind !== 'formula';
    listPanel.root.hidden = choice.kind !== 'list';
    parameters.hidden = choice.kind !== 'preset';
    description.hidden = choice.kind !== 'preset';
    if (choice.kind === 'preset') showPreset(choice.presetId, choice.params);
  });

  return h(
    'fieldset',
    { class: 'panel', id: 'system-controls' },
    h('legend', {}, strings.systemHeading),
    systemField.root,
    description,
    parameters,
    formulaPanel.root,
    listPanel.root,
  );
}

interface Panel {
  root: HTMLElement;
  apply(): void;
}

function createFormulaPanel(state: PhysicsModel, strings: Strings): Panel {
  const energy = createField(
    strings.energyFormulaLabel,
    h('input', {
      type: 'text',
      id: 'formula-energy',
      value: 'n^2',
      spellcheck: 'false',
      autocomplete: 'off',
    }),
  );
  const degeneracy = createField(
    strings.degeneracyFormulaLabel,
    h('input', {
      type: 'text',
      id: 'formula-degeneracy',
      value: '2n+1',
      spellcheck: 'false',
      autocomplete: 'off',
    }),
  );
  const nFrom = createField(
    strings.nFromLabel,
    h('input', { type: 'number', id: 'formula-from', value: 0, step: 1 }),
  );
  const nTo = createField(
    strings.nToLabel,
    h('input', { type: 'number', id: 'formula-to', value: 30, step: 1 }),
  );
  const status = h('p', { class: 'field-error', role: 'alert', id: 'formula-error' });
  status.hidden = true;
  const button = h('button', { type: 'submit' }, strings.apply);
  const root = h(
    'form',
    { class: 'formula-panel', id: 'formula-panel' },
    energy.root,
    degeneracy.root,
    h('div', { class: 'field-row' }, nFrom.root, nTo.root),
    button,
    status,
  );

  function apply(): void {
    const choice: SystemChoice = {
      kind: 'formula',
      energy: energy.input.value,
      degeneracy: degeneracy.input.value,
      nFrom: Number(nFrom.input.value),
      nTo: Number(nTo.input.value),
    };
    for (const field of [energy, degeneracy, nFrom, nTo]) field.setError(null);
    try {
      state.chooseSystem(choice);
      status.hidden = true;
    } catch (error) {
      const message = messageOf(strings, error);
      // Point at the field the message is about; the rest of the message stands on its own.
      const target = isInputError(error) ? fieldOf(error, { energy, degeneracy, nFrom, nTo }) : energy;
      target.setError(message);
    }
  }
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  return { root, apply };
}

function createListPanel(state: PhysicsModel, strings: Strings): Panel {
  const text = h('textarea', { id: 'energy-list', rows: 3, spellcheck: 'false' }, '0, 1, 1, 2.5');
  const field = createField(strings.energyListLabel, text, strings.energyListHint);
  const button = h('button', { type: 'submit' }, strings.apply);
  const root = h('form', { class: 'list-panel', id: 'list-panel' }, field.root, button);
  function apply(): void {
    try {
      state.chooseSystem({ kind: 'list', text: text.value });
      field.setError(null);
    } catch (error) {
      field.setError(messageOf(strings, error));
    }
  }
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  return { root, apply };
}

/** The formula panel's field a refusal is about, read from its code and parameters. */
function fieldOf<F>(error: InputError, fields: { energy: F; degeneracy: F; nFrom: F; nTo: F }): F {
  const params = error.params as { field?: unknown; quantity?: unknown };
  switch (error.code) {
    case 'formula.firstNNotWhole':
      return fields.nFrom;
    case 'formula.lastNNotWhole':
    case 'formula.nOrder':
    case 'formula.tooManyLevels':
    case 'formula.tooSlow':
      return fields.nTo;
    case 'formula.degeneracyEmpty':
    case 'formula.negativeDegeneracy':
    case 'formula.allDegeneraciesZero':
      return fields.degeneracy;
    default:
      return params.field === 'degeneracy' || params.quantity === 'degeneracy'
        ? fields.degeneracy
        : fields.energy;
  }
}
