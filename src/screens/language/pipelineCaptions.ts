/**
 * The pipeline view's words: each stage's title ("top-p 0.9") and the sentence a figure caption gives in
 * place of the chart ("top-p 0.9 removed 71 tokens; 13 remain"), which is what a screen reader hears.
 */
import type { SamplerSettings, StageKind } from '../../core/lm/pipeline.ts';
import { formatNumber } from '../../shared/ui/format.ts';
import type { LanguageStrings } from '../../strings/en.ts';
import type { StageBars } from './pipelineChart.ts';

export function stageSetting(kind: StageKind, settings: SamplerSettings): number {
  switch (kind) {
    case 'temperature':
      return settings.temperature;
    case 'top-k':
      return settings.topK;
    case 'top-p':
      return settings.topP;
    case 'min-p':
      return settings.minP;
    case 'typical-p':
      return settings.typicalP;
  }
}

export function stageTitle(strings: LanguageStrings, kind: StageKind, settings?: SamplerSettings): string {
  const value = settings === undefined ? null : formatNumber(stageSetting(kind, settings), 3);
  return strings.stageTitle(strings.stageNames[kind], value);
}

/**
 * One sentence for a stage. `greedyToken` is the visible label of the token greedy decoding keeps, used
 * when the temperature stage is at t = 0; without settings the temperature's effect is only "reshapes".
 */
export function stageCaption(
  strings: LanguageStrings,
  bars: StageBars,
  settings: SamplerSettings | undefined,
  greedyToken: string | null,
): string {
  const title = stageTitle(strings, bars.kind, settings);
  if (!bars.active) return strings.stageOff(title);
  const kept = bars.keptCount;
  if (bars.kind === 'temperature') {
    if (greedyToken !== null) return strings.temperatureGreedy(title, greedyToken);
    const t = settings?.temperature;
    if (t === undefined) return strings.temperatureReshapes(title, kept);
    if (!Number.isFinite(t)) return strings.temperatureUniform(title, kept);
    if (t < 0) return strings.temperatureInverts(title, kept);
    return t < 1 ? strings.temperatureSharpens(title, kept) : strings.temperatureFlattens(title, kept);
  }
  if (bars.removedCount === 0) return strings.stageRemovedNone(title, kept);
  return strings.stageRemoved(title, bars.removedCount, kept);
}
