import { isInputError } from '../../core/errors.ts';
import type { Strings } from '../../strings/en.ts';
import { errorText } from '../../strings/messageTable.ts';
import { h, uniqueId } from './dom.ts';
import { setMathText } from './mathText.ts';

export type FieldInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<I extends FieldInput> {
  root: HTMLElement;
  input: I;
  /** Shows a message under the field and marks it invalid for assistive technology; null clears it. */
  setError(message: string | null): void;
}

/**
 * A labelled control with an optional hint and an error slot. The label and the hint may hold formulas
 * (TeX between dollars, mathText.ts). The error is announced (role="alert") and tied to the input with
 * aria-describedby, so a screen reader hears why the value was refused; it is plain text, since it may
 * quote what was typed.
 */
export function createField<I extends FieldInput>(label: string, input: I, hint?: string): Field<I> {
  if (!input.id) input.id = uniqueId('field');
  const hintElement = hint ? h('p', { class: 'field-hint', id: `${input.id}-hint` }) : null;
  if (hintElement && hint) setMathText(hintElement, hint);
  const labelElement = h('label', { for: input.id });
  setMathText(labelElement, label);
  const errorElement = h('p', { class: 'field-error', id: `${input.id}-error`, role: 'alert' });
  errorElement.hidden = true;
  const describedBy = () =>
    [hintElement?.id, errorElement.hidden ? undefined : errorElement.id].filter(Boolean).join(' ');
  const root = h('div', { class: 'field' }, labelElement, input, hintElement, errorElement);
  const refreshDescription = () => {
    const ids = describedBy();
    if (ids) input.setAttribute('aria-describedby', ids);
    else input.removeAttribute('aria-describedby');
  };
  refreshDescription();
  return {
    root,
    input,
    setError(message) {
      errorElement.hidden = message === null;
      errorElement.textContent = message ?? '';
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      refreshDescription();
    },
  };
}

/** The text of an error thrown by validation, in the current language; unexpected errors are re-thrown. */
export function messageOf(strings: Strings, error: unknown): string {
  if (isInputError(error)) return errorText(strings, error);
  throw error;
}

/**
 * Turns what a person typed or chose into a model call: the field's message clears when the model
 * accepts it, and shows the model's refusal, in the current language, when it throws. True if accepted.
 */
export function submit(field: Field<FieldInput>, strings: Strings, change: () => void): boolean {
  try {
    change();
  } catch (error) {
    field.setError(messageOf(strings, error));
    return false;
  }
  field.setError(null);
  return true;
}

/** Runs `commit` when a text field's value is committed: on change (leaving it) and on Enter. */
export function onCommit(input: HTMLInputElement, commit: () => void): void {
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
}
