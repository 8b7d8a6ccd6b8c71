import { parseTokenDistribution } from '../../core/lm/importDistribution.ts';
import { h } from '../../shared/ui/dom.ts';
import { createField, messageOf } from '../../shared/ui/field.ts';
import { formatCount } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import { noteText } from '../../strings/messageTable.ts';
import type { DistributionSource, LanguageScreenModel } from './model.ts';

/** Pastes longer than this are cleared from the box once loaded (the summary below says what was loaded). */
const LARGE_PASTE = 200_000;

const EXAMPLE = JSON.stringify(
  { ' the': -0.9, ' a': -1.6, ' our': -2.3, ' this': -2.8, ' their': -3.4, ' every': -4.1 },
  null,
  1,
);

/**
 * Where the distribution comes from: the character model, a real model's distribution pasted as JSON, or a
 * real model run in the tab (opened in the real-model controls).
 */
export function createSourceControls(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const name = 'distribution-source';
  const radio = (value: DistributionSource, label: string) => {
    const input = h('input', { type: 'radio', name, value, id: `source-${value}` });
    input.addEventListener('change', () => {
      if (input.checked) state.source.set(value);
    });
    return { input, root: h('label', { class: 'checkbox', for: input.id }, input, label) };
  };
  const fromModel = radio('model', strings.sourceModel);
  const fromPaste = radio('pasted', strings.sourcePasted);
  fromPaste.input.disabled = true;
  const fromReal = radio('real', strings.sourceReal);
  fromReal.input.disabled = true;

  const text = h('textarea', { id: 'paste-json', rows: 6, spellcheck: 'false' }, EXAMPLE);
  const field = createField(strings.pasteLabel, text, strings.pasteHint);
  const load = h('button', { type: 'button', id: 'paste-load' }, strings.pasteLoad);
  const summary = h('p', { class: 'note', id: 'paste-summary' });
  const notes = h('ul', { class: 'note', id: 'paste-notes' });

  load.addEventListener('click', () => {
    try {
      const imported = parseTokenDistribution(text.value);
      field.setError(null);
      // Megabytes of text left in the box would be laid out again on every later change of the page.
      if (text.value.length > LARGE_PASTE) text.value = '';
      state.usePasted(imported);
    } catch (error) {
      field.setError(messageOf(strings, error));
    }
  });

  effect(() => {
    const imported = state.pasted.value;
    fromPaste.input.disabled = imported === null;
    fromModel.input.checked = state.source.value === 'model';
    fromPaste.input.checked = state.source.value === 'pasted';
    fromReal.input.checked = state.source.value === 'real';
    fromReal.input.disabled = state.real.session.value === null;
    summary.textContent = imported
      ? strings.pastedSummary(formatCount(imported.tokens.length), noteText(strings, imported.source))
      : '';
    notes.replaceChildren(...(imported?.notes ?? []).map((note) => h('li', {}, noteText(strings, note))));
  });

  return h(
    'fieldset',
    { class: 'panel', id: 'source-controls' },
    h('legend', {}, strings.sourceHeading),
    h('div', { class: 'radio-group', role: 'radiogroup' }, fromModel.root, fromPaste.root, fromReal.root),
    field.root,
    h('div', { class: 'button-row' }, load),
    summary,
    notes,
  );
}
