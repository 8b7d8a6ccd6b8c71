import type { ScreenHandle } from '../../app/screen.ts';
import { h } from '../../shared/ui/dom.ts';
import { createDynamicsControls } from '../../shared/ui/dynamicsControls.ts';
import { createField, submit } from '../../shared/ui/field.ts';
import { formatNumber } from '../../shared/ui/format.ts';
import { effect } from '../../shared/ui/lifetime.ts';
import { mathElement, setMathText } from '../../shared/ui/mathText.ts';
import { createParticleControls } from '../../shared/ui/particleControls.ts';
import { createParticleStage } from '../../shared/ui/particleStage.ts';
import type { Strings } from '../../strings/en.ts';
import { createContextTokens } from './contextTokens.ts';
import { createEnginePresets } from './enginePresets.ts';
import { createExampleContexts } from './exampleContextButtons.ts';
import { createGenerationPanel } from './generationPanel.ts';
import type { LanguageScreenModel } from './model.ts';
import { createModelControls } from './modelControls.ts';
import { createPipelineView } from './pipelineView.ts';
import { languageReadouts } from './readoutValues.ts';
import { createRealModelControls } from './realModelControls.ts';
import { createSamplerControls } from './samplerControls.ts';
import { createSourceControls } from './sourceControls.ts';
import { createLanguageStage } from './stage.ts';
import { createTruncationComparison } from './truncationComparison.ts';

/**
 * The language-model screen: the next-token distribution as an energy ladder (E = −ln p), particles
 * drawn from the sampler's final distribution, the sampler's stages, and generation at several
 * temperatures. The particle simulation runs the physics engine unchanged: a token is a level, a
 * removed token a level of degeneracy 0, and the temperature t is T.
 */
export async function mountLanguageScreen(
  host: HTMLElement,
  state: LanguageScreenModel,
  strings: Strings,
): Promise<ScreenHandle> {
  host.classList.add('controls-layout');
  const { particles: particlesState } = state;
  const readouts = {
    entropy: h('dd', { id: 'lm-readout-entropy' }),
    perplexity: h('dd', { id: 'lm-readout-perplexity' }),
    partition: h('dd', { id: 'lm-readout-partition' }),
    kept: h('dd', { id: 'lm-readout-kept' }),
    greedy: h('dd', { id: 'lm-readout-greedy' }),
  };
  const term = (text: string, value: HTMLElement) =>
    h('div', { class: 'readout' }, mathElement('dt', text), value);
  const emptyNote = h('p', { class: 'note', id: 'lm-empty' }, strings.noModel);
  const context = h('textarea', { id: 'lm-context', rows: 2, spellcheck: 'false' });
  context.value = state.context.peek();
  const contextField = createField(strings.contextLabel, context, strings.contextHint);
  context.addEventListener('input', () => {
    submit(contextField, strings, () => state.context.set(context.value));
  });
  // A context set from elsewhere (an example button, or an example following a change of training text)
  // shows in the box; typing is left alone.
  effect(() => {
    const text = state.context.value;
    if (context.value !== text && context.getAttribute('aria-invalid') !== 'true') context.value = text;
  });
  const contextPanel = h(
    'div',
    {},
    contextField.root,
    createContextTokens(state, strings),
    createExampleContexts(state, strings),
  );

  const particles = await createParticleStage(particlesState, strings, {
    idPrefix: 'lm-',
    stageLabel: strings.languageStageLabel,
    ladderLabels: (system) =>
      system.labels.map((label, i) =>
        strings.tokenLevelLabel(label, formatNumber(Math.exp(-system.spectrum.energies[i]), 3)),
      ),
    axisLabels: (system) => system.labels.map((label) => label),
    overflowLabel: strings.tokenOverflow,
    lumpedNote: strings.tokensLumpedNote,
    tableHeaders: {
      level: strings.tableToken,
      energy: strings.tableEnergyNats,
      degeneracy: strings.lmTableKept,
    },
  });
  const pipelineView = createPipelineView(strings.lm);
  const generation = createGenerationPanel(state, strings);

  host.append(
    h(
      'div',
      { class: 'primary-column' },
      particles.stage,
      emptyNote,
      h(
        'section',
        { class: 'panel results', 'aria-labelledby': 'lm-readouts-heading' },
        h('h2', { id: 'lm-readouts-heading' }, strings.readoutsHeading),
        h(
          'dl',
          { class: 'readouts' },
          term(strings.lmReadoutEntropy, readouts.entropy),
          term(strings.lmReadoutPerplexity, readouts.perplexity),
          term(strings.lmReadoutPartition, readouts.partition),
          term(strings.lmReadoutKept, readouts.kept),
          term(strings.lmReadoutGreedy, readouts.greedy),
        ),
      ),
      createTruncationComparison(state, strings),
      h('section', { class: 'panel pipeline-panel' }, pipelineView.root),
      h('section', { class: 'panel generation-section' }, generation),
    ),
    h(
      'div',
      { class: 'controls' },
      createModelControls(state, strings),
      h('fieldset', { class: 'panel' }, h('legend', {}, strings.contextHeading), contextPanel),
      createSamplerControls(state, strings),
      createEnginePresets(state, strings),
      createSourceControls(state, strings),
      createRealModelControls(state, strings),
      createParticleControls(particlesState, strings, 'lm-'),
      createDynamicsControls(particlesState, strings, 'lm-'),
    ),
    h(
      'section',
      { class: 'panel table-panel', 'aria-labelledby': 'lm-table-heading' },
      h('h2', { id: 'lm-table-heading' }, strings.tableHeading),
      particles.table,
    ),
  );

  effect(() => {
    const distribution = state.distribution.value;
    const result = state.pipeline.value;
    emptyNote.hidden = distribution !== null;
    emptyNote.textContent = state.source.value === 'real' ? strings.realModel.computing : strings.noModel;
    if (!distribution || !result) return;
    pipelineView.update(result, distribution.tokens, state.sampler.value);
    for (const readout of languageReadouts(state, strings) ?? []) {
      if (readout.formula) setMathText(readouts[readout.key], readout.value);
      else readouts[readout.key].textContent = readout.value;
    }
  });

  const nudge = (change: number) => {
    const t = state.sampler.peek().temperature;
    const next = Number.isFinite(t) ? Math.round((t + change) * 100) / 100 : t;
    try {
      state.updateSampler({ temperature: next });
    } catch {
      // A nudge past what the sampler accepts leaves the temperature where it was.
    }
  };
  const { playing } = particlesState;
  return {
    model: state,
    drawFrame: particles.drawFrame,
    stage: createLanguageStage(state, strings, particles.canvas),
    shortcuts: {
      playPause: () => playing.set(!playing.peek()),
      step: () => particlesState.stepOnce(),
      reset: () => particlesState.reset(),
      hotter: () => nudge(0.1),
      colder: () => nudge(-0.1),
    },
  };
}
