/**
 * The settings two widely used engines sample with when nothing is set, as one-click presets.
 *
 * - Hugging Face transformers `generate` (GenerationConfig defaults): do_sample with temperature 1.0,
 *   top_k 50, top_p 1.0, min_p unset (off), typical_p 1.0; its logits processors apply temperature
 *   before the truncations ('temperature-first').
 * - llama.cpp (common/common.h, common_params_sampling): temp 0.80, top_k 40, top_p 0.95, min_p 0.05,
 *   typ_p 1.00 (off), and the default chain … top_k, typical_p, top_p, min_p, xtc, temperature: the
 *   temperature comes last ('temperature-last'). Its penalty, DRY, XTC and top-n-σ stages are off by
 *   default and not modelled here.
 */
import { NEUTRAL_SETTINGS, type SamplerSettings } from './pipeline.ts';

export type SamplerPresetId = 'hugging-face' | 'llama-cpp' | 'plain';

export const SAMPLER_PRESETS: Readonly<Record<SamplerPresetId, Readonly<SamplerSettings>>> = Object.freeze({
  'hugging-face': Object.freeze({
    temperature: 1,
    topK: 50,
    topP: 1,
    minP: 0,
    typicalP: 1,
    order: 'temperature-first',
  }),
  'llama-cpp': Object.freeze({
    temperature: 0.8,
    topK: 40,
    topP: 0.95,
    minP: 0.05,
    typicalP: 1,
    order: 'temperature-last',
  }),
  plain: NEUTRAL_SETTINGS,
});
