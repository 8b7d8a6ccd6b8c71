/**
 * One column of the generation panel: the context's tail (muted), the generated text with its latest
 * character highlighted, and what the last step chose. Text goes in as text nodes only: generated
 * characters come from a model trained on arbitrary text and are data, never markup.
 */

import { visibleToken } from '../../shared/model/tokenSystem.ts';
import { h, uniqueId } from '../../shared/ui/dom.ts';
import { formatNumber } from '../../shared/ui/format.ts';
import { mathElement } from '../../shared/ui/mathText.ts';
import type { LanguageStrings } from '../../strings/en.ts';
import type { GenerationColumn } from './generationRun.ts';
import { displayTemperature, formatTemperature } from './temperatureList.ts';

/** Enough of the context to see where the text picks up, without pushing the new text out of view. */
const CONTEXT_SHOWN = 60;

export interface ColumnView {
  root: HTMLElement;
  readonly temperature: number;
  /**
   * Clears the generated text and shows the context the column continues; `greedy` shows the badge
   * (t = 0, or any t ≤ 0 with temperature last).
   */
  reset(context: string, greedy: boolean): void;
  /** Shows the column after a step: the characters generated since the last call and the latest choice. */
  show(column: GenerationColumn): void;
}

export function createColumnView(
  strings: LanguageStrings,
  temperature: number,
  /** How far the column has got, in the run's unit (characters or tokens). */
  lengthText: (steps: number) => string,
): ColumnView {
  const headingId = uniqueId('generation-column');
  const contextText = document.createTextNode('');
  const earlier = document.createTextNode('');
  const latest = h('mark');
  const output = h(
    'p',
    { class: 'generation-output', tabindex: 0 },
    h('span', { class: 'generation-context' }, contextText),
    h('span', { class: 'generation-text' }, earlier, latest),
  );
  const choice = h('p', { class: 'generation-choice' });
  const length = h('p', { class: 'generation-length' });
  const shown = displayTemperature(temperature);
  const badge = h('span', { class: 'generation-badge' }, strings.columnGreedy);
  badge.hidden = temperature !== 0;
  const root = h(
    'div',
    {
      class: 'generation-column',
      role: 'group',
      'aria-labelledby': headingId,
      'data-temperature': formatTemperature(temperature),
    },
    h('h3', { id: headingId }, mathElement('span', strings.columnTitle(shown)), badge),
    output,
    choice,
    length,
  );
  output.setAttribute('aria-label', strings.columnLabel(shown));
  /** Characters of the column's text already on screen, so a step appends instead of rewriting. */
  let shownLength = 0;
  let latestLength = 0;
  let shownSteps = 0;

  return {
    root,
    temperature,
    reset(context, greedy) {
      badge.hidden = !greedy;
      contextText.data = context.length > CONTEXT_SHOWN ? `…${context.slice(-CONTEXT_SHOWN)}` : context;
      earlier.data = '';
      latest.textContent = '';
      shownLength = 0;
      latestLength = 0;
      shownSteps = 0;
      choice.textContent = strings.choiceNone;
      length.textContent = lengthText(0);
      output.scrollTop = 0;
    },
    show(column) {
      const pick = column.latest;
      if (pick === null || (column.text.length === shownLength && column.steps === shownSteps)) return;
      // Everything before the latest character moves out of the highlight into the plain text.
      const plainEnd = column.text.length - pick.text.length;
      earlier.appendData(column.text.slice(shownLength - latestLength, plainEnd));
      latest.textContent = pick.text;
      latestLength = pick.text.length;
      shownLength = column.text.length;
      shownSteps = column.steps;
      choice.textContent = strings.choice(
        visibleToken(pick.label ?? pick.text),
        formatNumber(pick.probability, 2),
      );
      length.textContent = lengthText(column.steps);
      output.scrollTop = output.scrollHeight;
    },
  };
}
