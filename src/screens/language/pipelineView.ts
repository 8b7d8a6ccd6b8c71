/**
 * The sampler pipeline, stage by stage: for the model's most likely tokens, bars before and after each
 * stage in the order the sampler applies them (stages that are off stay listed, collapsed, so the order is
 * visible), then the final distribution with its entropy, perplexity and how many tokens can be drawn.
 * The same tokens sit in the same place in every chart, and every chart shares one probability scale, so
 * the eye can follow one token down the stack.
 */
import { mathElement } from '../../shared/ui/mathText.ts';
import './language.css';
import type { PipelineResult, SamplerSettings } from '../../core/lm/pipeline.ts';
import { visibleToken } from '../../shared/model/tokenSystem.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber, formatPercent } from '../../shared/ui/format.ts';
import type { LanguageStrings } from '../../strings/en.ts';
import { createBarChart } from './barChart.ts';
import { stageCaption, stageTitle } from './pipelineCaptions.ts';
import {
  choosePipelineTokens,
  type PipelineBars,
  pipelineBars,
  type StageBars,
  type TokenStatus,
} from './pipelineChart.ts';
import { createTokenTable } from './tokenTable.ts';

export interface PipelineView {
  root: HTMLElement;
  /**
   * Shows a pipeline result; `tokens` is the vocabulary its arrays are indexed by. With `settings` the
   * captions name each stage's value ("top-p 0.9") and say what the temperature does to the shape.
   */
  update(result: PipelineResult, tokens: readonly string[], settings?: SamplerSettings): void;
}

const STAGE_COUNT = 5;

function setText(element: HTMLElement, value: string): void {
  if (element.textContent !== value) element.textContent = value;
}

function statusText(strings: LanguageStrings, status: TokenStatus): string {
  if (status === 'removed-here') return strings.statusRemovedHere;
  return status === 'removed-earlier' ? strings.statusRemovedEarlier : strings.statusKept;
}

function createStageFigure(strings: LanguageStrings, index: number) {
  const number = h('span', { class: 'stage-number' }, strings.stageNumber(index + 1));
  const caption = h('span', { class: 'stage-caption' });
  const chart = createBarChart(true);
  const rest = h('p', { class: 'stage-rest' });
  const table = createTokenTable([
    strings.tableToken,
    strings.tableBefore,
    strings.tableAfter,
    strings.tableStatus,
  ]);
  const body = h('div', { class: 'stage-body' }, chart.root, rest, table.root);
  const root = h(
    'li',
    { class: 'pipeline-stage' },
    h('figure', {}, h('figcaption', {}, number, ' ', caption), body),
  );

  return {
    root,
    update(bars: StageBars, labels: readonly string[], scale: number, sentence: string, title: string): void {
      root.dataset.stage = bars.kind;
      root.dataset.active = String(bars.active);
      setText(caption, sentence);
      body.hidden = !bars.active;
      if (!bars.active) return;
      const before = Array.from(bars.before, (p) => formatPercent(p));
      const after = Array.from(bars.after, (p) => formatPercent(p));
      chart.setTokens(
        labels,
        labels.map((label, i) => strings.tokenTitle(label, before[i], after[i])),
      );
      chart.update({ before: bars.before, after: bars.after, status: bars.status, scale });
      setText(
        rest,
        strings.otherTokens(
          bars.restBeforeCount,
          formatPercent(bars.restBefore),
          formatPercent(bars.restAfter),
        ),
      );
      table.setCaption(strings.tableCaption(title));
      table.setRows(
        labels.map((label, i) => [label, before[i], after[i], statusText(strings, bars.status[i])]),
      );
    },
  };
}

function createFinalFigure(strings: LanguageStrings) {
  const caption = h('span', { class: 'stage-caption' });
  const chart = createBarChart(false);
  const rest = h('p', { class: 'stage-rest' });
  const values = {
    entropy: h('dd', { id: 'pipeline-entropy' }),
    perplexity: h('dd', { id: 'pipeline-perplexity' }),
    kept: h('dd', { id: 'pipeline-kept' }),
    greedy: h('dd', { id: 'pipeline-greedy' }),
  };
  const term = (text: string, value: HTMLElement) =>
    h('div', { class: 'readout' }, mathElement('dt', text), value);
  const greedyReadout = term(strings.readoutGreedy, values.greedy);
  const readouts = h(
    'dl',
    { class: 'readouts pipeline-readouts' },
    term(strings.readoutEntropy, values.entropy),
    term(strings.readoutPerplexity, values.perplexity),
    term(strings.readoutKept, values.kept),
    greedyReadout,
  );
  const table = createTokenTable([strings.tableToken, strings.tableProbability]);
  table.setCaption(strings.finalTableCaption);
  const root = h(
    'figure',
    { class: 'pipeline-final' },
    h('figcaption', {}, h('strong', {}, strings.finalHeading), ' ', caption),
    chart.root,
    rest,
    readouts,
    table.root,
  );

  return {
    root,
    update(
      result: PipelineResult,
      data: PipelineBars,
      labels: readonly string[],
      total: number,
      greedy: string | null,
    ): void {
      const last = data.stages[data.stages.length - 1];
      const probabilities = Array.from(last.after, (p) => formatPercent(p));
      chart.setTokens(
        labels,
        labels.map((label, i) => strings.tokenTitleFinal(label, probabilities[i])),
      );
      // Tokens the sampler removed have no bar in the final chart; their faint labels say why.
      const status = Array.from(last.after, (p): TokenStatus => (p > 0 ? 'kept' : 'removed-earlier'));
      chart.update({ before: null, after: last.after, status, scale: data.scale });
      const bits = formatNumber(result.entropyBits, 3);
      const perplexity = formatNumber(result.perplexity, 3);
      setText(
        caption,
        greedy === null
          ? strings.finalCaption(result.keptCount, total, bits, perplexity)
          : strings.finalCaptionGreedy(greedy),
      );
      setText(rest, strings.otherTokensFinal(last.restAfterCount, formatPercent(last.restAfter)));
      setText(values.entropy, strings.entropyValue(formatNumber(result.entropyNats, 3), bits));
      setText(values.perplexity, perplexity);
      setText(values.kept, strings.keptValue(result.keptCount, total));
      greedyReadout.hidden = greedy === null;
      setText(values.greedy, greedy === null ? '' : strings.greedyValue(greedy));
      table.setRows(labels.map((label, i) => [label, probabilities[i]]));
    },
  };
}

function createLegend(strings: LanguageStrings): HTMLElement {
  const item = (swatch: string, text: string) =>
    h('li', {}, h('span', { class: `swatch ${swatch}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'legend pipeline-legend', 'aria-hidden': 'true' },
    item('swatch-before', strings.legendBefore),
    item('swatch-after', strings.legendAfter),
    item('swatch-removed-here', strings.legendRemovedHere),
    // A token removed earlier has no bar left, only its faint label, so the legend shows a label.
    h(
      'li',
      {},
      h('span', { class: 'bar-label', 'data-status': 'removed-earlier', 'aria-hidden': 'true' }, 'a'),
      strings.legendRemovedEarlier,
    ),
  );
}

export function createPipelineView(strings: LanguageStrings): PipelineView {
  const stages = Array.from({ length: STAGE_COUNT }, (_, i) => createStageFigure(strings, i));
  const final = createFinalFigure(strings);
  const intro = h('p', { class: 'note pipeline-intro' });
  const empty = h('p', { class: 'note' }, strings.pipelineEmpty);
  // Empty charts would say nothing; until the first distribution arrives only the note shows.
  const content = h(
    'div',
    { class: 'pipeline-content' },
    intro,
    createLegend(strings),
    h('ol', { class: 'pipeline-stages' }, ...stages.map((stage) => stage.root)),
    final.root,
  );
  content.hidden = true;
  const root = h(
    'section',
    { class: 'panel pipeline-view', id: 'pipeline-view' },
    h('h2', {}, strings.pipelineHeading),
    empty,
    content,
  );

  return {
    root,
    update(result, tokens, settings) {
      const shown = choosePipelineTokens(result.input);
      const data = pipelineBars(result, shown);
      const labels = shown.map((token) => visibleToken(tokens[token]));
      const greedy = result.greedy ? visibleToken(tokens[result.greedyToken]) : null;
      setText(intro, strings.pipelineIntro(shown.length));
      data.stages.forEach((bars, s) => {
        const title = stageTitle(strings, bars.kind, settings);
        stages[s].update(bars, labels, data.scale, stageCaption(strings, bars, settings, greedy), title);
      });
      final.update(result, data, labels, tokens.length, greedy);
      empty.hidden = true;
      content.hidden = false;
    },
  };
}
