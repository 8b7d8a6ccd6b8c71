/**
 * The context as the real model reads it: its own tokens, one chip each, so a person sees where BPE or
 * SentencePiece cut the text (and that " the" is one token, "the" another). Token texts are data: text nodes.
 */
import { visibleToken } from '../../shared/model/tokenSystem.ts';
import { h } from '../../shared/ui/dom.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import { errorText } from '../../strings/messageTable.ts';
import type { LanguageScreenModel } from './model.ts';

/** More chips than this say nothing more and cost layout on every keystroke. */
const MAX_CHIPS = 200;

export function createContextTokens(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const heading = h('p', { class: 'field-hint' });
  const chips = h('p', { class: 'token-chips' });
  const note = h('p', { class: 'field-hint', id: 'lm-context-window' });
  const problem = h('p', { class: 'field-error', id: 'lm-context-problem', role: 'alert' });
  const root = h('div', { class: 'context-tokens', id: 'lm-context-tokens' }, heading, chips, note, problem);
  effect(() => {
    const error = state.source.value === 'real' ? state.real.contextProblem.value : null;
    problem.hidden = error === null;
    problem.textContent = error === null ? '' : errorText(strings, error);
  });
  effect(() => {
    const tokens = state.source.value === 'real' ? state.real.contextTokens.value : null;
    root.hidden = tokens === null;
    if (!tokens) return;
    const { texts, dropped } = tokens;
    note.hidden = dropped === 0;
    note.textContent = dropped === 0 ? '' : strings.realModel.contextCut(dropped, texts.length);
    heading.textContent = strings.realModel.contextTokens(texts.length);
    // The last tokens matter most: they are what the model continues.
    const shown = texts.slice(-MAX_CHIPS);
    const hidden = texts.length - shown.length;
    chips.replaceChildren(
      ...(hidden > 0
        ? [h('span', { class: 'token-more' }, strings.realModel.contextTokensMore(hidden))]
        : []),
      ...shown.map((text) => h('span', { class: 'token-chip' }, visibleToken(text))),
    );
  });
  return root;
}
