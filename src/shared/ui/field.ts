import { h, uniqueId } from './dom.ts';

let translate: (message: string) => string = (message) => message;

/** Error messages come from the engine in English; the current language's strings translate them. */
export function setErrorTranslator(translator: (message: string) => string): void {
  translate = translator;
}

/** A message for display in the current language, for places that show one outside a field. */
export function translateMessage(message: string): string {
  return translate(message);
}

export type FieldInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<I extends FieldInput> {
  root: HTMLElement;
  input: I;
  /** Shows a message under the field and marks it invalid for assistive technology; null clears it. */
  setError(message: string | null): void;
}

/**
 * A labelled control with an optional hint and an error slot. The error is announced (role="alert")
 * and tied to the input with aria-describedby, so a screen reader hears why the value was refused.
 */
export function createField<I extends FieldInput>(label: string, input: I, hint?: string): Field<I> {
  if (!input.id) input.id = uniqueId('field');
  const hintElement = hint ? h('p', { class: 'field-hint', id: `${input.id}-hint` }, hint) : null;
  const errorElement = h('p', { class: 'field-error', id: `${input.id}-error`, role: 'alert' });
  errorElement.hidden = true;
  const describedBy = () =>
    [hintElement?.id, errorElement.hidden ? undefined : errorElement.id].filter(Boolean).join(' ');
  const root = h(
    'div',
    { class: 'field' },
    h('label', { for: input.id }, label),
    input,
    hintElement,
    errorElement,
  );
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
      errorElement.textContent = message === null ? '' : translate(message);
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      refreshDescription();
    },
  };
}

/** The message of an error thrown by validation, for display; unexpected errors are re-thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'InputError') return error.message;
  throw error;
}
