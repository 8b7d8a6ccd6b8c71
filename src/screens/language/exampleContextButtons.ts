import { entropyNats } from '../../core/distribution.ts';
import { EXAMPLE_CONTEXTS } from '../../lm/exampleContexts.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import type { Strings } from '../../strings/en.ts';
import type { LanguageScreenModel } from './model.ts';

/**
 * One-click contexts for the bundled text being used: one where its model is sure of the next character,
 * one where it is not. Each button names the entropy the current model gives, measured as it is shown.
 */
export function createExampleContexts(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const confident = h('button', { type: 'button', id: 'example-confident', class: 'example-context' });
  const uncertain = h('button', { type: 'button', id: 'example-uncertain', class: 'example-context' });
  const root = h(
    'div',
    { class: 'example-contexts', id: 'example-contexts' },
    h('p', { class: 'field-hint' }, strings.exampleContextsLabel),
    h('div', { class: 'button-row' }, confident, uncertain),
  );
  let examples: { confident: string; uncertain: string } | undefined;
  confident.addEventListener('click', () => {
    if (examples) state.context.set(examples.confident);
  });
  uncertain.addEventListener('click', () => {
    if (examples) state.context.set(examples.uncertain);
  });

  effect(() => {
    const model = state.model.value;
    examples = EXAMPLE_CONTEXTS[state.corpusId.value];
    root.hidden = !model || !examples || state.source.value !== 'model';
    if (root.hidden || !model || !examples) return;
    const bits = (context: string) =>
      formatNumber(entropyNats(model.distributionAfter(context)) / Math.LN2, 2);
    confident.textContent = strings.exampleConfident(examples.confident, bits(examples.confident));
    uncertain.textContent = strings.exampleUncertain(examples.uncertain, bits(examples.uncertain));
  });
  return root;
}
