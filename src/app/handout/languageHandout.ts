/** The language screen's handout: the model and its context, the token ladder, its table and readouts. */
import type { SamplerSettings } from '../../core/lm/pipeline.ts';
import { CORPORA } from '../../lm/corpora.ts';
import type { LanguageScreenModel } from '../../screens/language/model.ts';
import { languageReadouts } from '../../screens/language/readoutValues.ts';
import { visibleToken } from '../../shared/model/tokenSystem.ts';
import { h } from '../../shared/ui/dom.ts';
import { formatNumber, formatPercent } from '../../shared/ui/format.ts';
import type { Strings } from '../../strings/en.ts';
import {
  formulaList,
  handoutPicture,
  handoutTable,
  handoutTitle,
  linkSection,
  type Readout,
  readoutList,
} from './handoutParts.ts';

const TOP_TOKENS = 5;

/** The model's source: the bundled text's title, or "your own text". */
function corpusName(strings: Strings, corpusId: string): string {
  const entry = CORPORA.find((corpus) => corpus.id === corpusId);
  return entry ? strings.corpusTitle(entry.id, entry.title) : strings.ownText;
}

/** The most likely tokens of the final distribution, as "‘e’ 23.4%". */
function topTokens(tokens: readonly string[], final: Float64Array): string {
  const order = Array.from(final, (_, i) => i)
    .filter((i) => final[i] > 0)
    .sort((a, b) => final[b] - final[a] || a - b)
    .slice(0, TOP_TOKENS);
  return order.map((i) => `‘${visibleToken(tokens[i])}’ ${formatPercent(final[i])}`).join(', ');
}

/** The sampler's cuts and order, as the pipeline view titles its stages ("top-k 40, top-p 0.95 …"). */
function samplerLine(strings: Strings, sampler: SamplerSettings): string {
  const { stageNames, stageTitle } = strings.lm;
  const cuts = [
    stageTitle(stageNames['top-k'], formatNumber(sampler.topK, 4)),
    stageTitle(stageNames['top-p'], formatNumber(sampler.topP, 4)),
    stageTitle(stageNames['min-p'], formatNumber(sampler.minP, 4)),
    stageTitle(stageNames['typical-p'], formatNumber(sampler.typicalP, 4)),
  ];
  const order = sampler.order === 'temperature-first' ? strings.compareOrderFirst : strings.compareOrderLast;
  return `${cuts.join(', ')}; ${order}`;
}

/** The screen's readouts with the temperature and the sampler first and the most likely tokens last. */
function languageReadoutItems(strings: Strings, language: LanguageScreenModel): Readout[] {
  const sampler = language.sampler.peek();
  const items: Readout[] = [
    { label: strings.lmTemperatureLabel, value: formatNumber(sampler.temperature, 4) },
    { label: strings.samplerHeading, value: samplerLine(strings, sampler) },
  ];
  items.push(...(languageReadouts(language, strings) ?? []));
  const distribution = language.distribution.peek();
  const result = language.pipeline.peek();
  if (distribution && result) {
    items.push({ label: strings.handout.topTokens, value: topTokens(distribution.tokens, result.final) });
  }
  return items;
}

export function languageHandout(strings: Strings, language: LanguageScreenModel, url: string): HTMLElement[] {
  const t = formatNumber(language.sampler.peek().temperature, 4);
  const pasted = language.distribution.peek()?.description;
  const title = handoutTitle(strings, strings.screenLanguage, [
    pasted
      ? strings.handout.pastedAt(t)
      : strings.handout.modelAt(corpusName(strings, language.corpusId.peek()), language.order.peek(), t),
    ...(pasted ? [] : [strings.handout.contextLine(language.context.peek())]),
  ]);
  const formulas = formulaList(strings, [
    strings.handout.tokenEnergy,
    strings.handout.temperatureSampling,
    strings.handout.boltzmann,
    strings.handout.tokenEntropy,
  ]);
  if (!language.distribution.peek()) {
    return [title, h('p', { class: 'handout-empty' }, strings.noModel), formulas, linkSection(strings, url)];
  }
  const snapshot = language.particles.snapshot.peek();
  const { system } = snapshot;
  return [
    title,
    handoutPicture(strings, snapshot, strings.handout.tokensPicture, {
      ladderLabels: system.labels.map((label, i) =>
        strings.tokenLevelLabel(label, formatNumber(Math.exp(-system.spectrum.energies[i]), 3)),
      ),
      axisLabels: system.labels,
      overflowLabel: strings.tokenOverflow,
      overflowAxisLabel: () => '…',
    }),
    h(
      'div',
      { class: 'handout-columns' },
      handoutTable(strings, snapshot, {
        id: 'handout-lm-occupancy-table',
        unit: 'internal',
        headers: {
          level: strings.tableToken,
          energy: strings.tableEnergyNats,
          degeneracy: strings.lmTableKept,
        },
        maxRows: 14,
      }),
      readoutList(languageReadoutItems(strings, language), strings.readoutsHeading),
    ),
    // Across the page: typeset fractions make each formula line taller than a column has room for.
    formulas,
    linkSection(strings, url),
  ];
}
