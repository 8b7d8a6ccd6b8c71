import { SAMPLER_PRESETS, type SamplerPresetId } from '../../core/lm/samplerPresets.ts';
import { h } from '../../shared/ui/dom.ts';
import type { Strings } from '../../strings/en.ts';
import type { LanguageScreenModel } from './model.ts';

/** The engines' default sampler settings, each spelled out in full and applied with one click. */
export function createEnginePresets(state: LanguageScreenModel, strings: Strings): HTMLElement {
  const presets: [SamplerPresetId, string, string][] = [
    ['hugging-face', strings.presetHuggingFace, strings.presetHuggingFaceDetail],
    ['llama-cpp', strings.presetLlamaCpp, strings.presetLlamaCppDetail],
    ['plain', strings.presetPlain, strings.presetPlainDetail],
  ];
  const rows = presets.map(([id, name, detail]) => {
    const button = h('button', { type: 'button', id: `preset-${id}` }, strings.presetApply(name));
    button.addEventListener('click', () => {
      state.updateSampler({ ...SAMPLER_PRESETS[id] });
    });
    return h('li', { class: 'preset' }, button, h('span', { class: 'preset-detail' }, detail));
  });
  return h(
    'fieldset',
    { class: 'panel', id: 'engine-presets' },
    h('legend', {}, strings.presetsHeading),
    h('p', { class: 'field-hint' }, strings.presetsNote),
    h('ul', { class: 'preset-list' }, ...rows),
  );
}
