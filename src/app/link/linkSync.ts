/**
 * Every setting lives in the page's address, so a copied link opens the same view with the same random
 * draws: applyLink reads a parsed link into the states; linkQuery writes them back.
 */
import { batch } from '@preact/signals-core';
import type { EinsteinStart } from '../../core/dynamics/einsteinSolid.ts';
import type { SamplerOrder, SamplerSettings } from '../../core/lm/pipeline.ts';
import type { DynamicsKind } from '../../core/simulation.ts';
import type { DisplayUnit, PresetId } from '../../core/spectra/index.ts';
import { defaultParams, presetById } from '../../core/spectra/index.ts';
import type { LanguageScreenModel } from '../../screens/language/model.ts';
import type { ParallelScreenModel, ParallelSystemId } from '../../screens/parallel/model.ts';
import { listedDisplayUnit, type PhysicsModel } from '../../screens/physics/model.ts';
import type { SystemChoice } from '../../shared/model/system.ts';
import type { AppModels } from '../models.ts';
import { type LinkSettings, writeLinkNumber } from './urlSchema.ts';

const LINK_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a link's list of temperatures: the app writes "0.2,0.5,1"; a person may type "0; 0,5; 1" (the
 * Russian notation, decimal commas). A list that mixes ", " with "," ("0, 0,5, 1") could be either, so it
 * is refused rather than guessed. Undefined when it is not such a list.
 */
function readTemperatureList(text: string): number[] | undefined {
  const decimalComma = text.includes(';');
  if (!decimalComma && /,\s/.test(text) && /,\S/.test(text)) return undefined;
  const parts = text
    .split(decimalComma ? ';' : ',')
    .map((part) => (decimalComma ? part.trim().replace(',', '.') : part.trim()));
  if (!parts.every((part) => LINK_NUMBER.test(part))) return undefined;
  const values = parts.map(Number);
  return values.length >= 1 && values.length <= 6 && values.every((x) => Math.abs(x) <= 5)
    ? values
    : undefined;
}

/** Each setting goes through its model's door; one it refuses is named in the notice, the rest apply. */
function refuser(refused: string[]): (name: string, apply: () => void) => void {
  return (name, apply) => {
    try {
      apply();
    } catch {
      refused.push(name);
    }
  };
}

/** Applies a link's physics settings. Returns the names of settings the engine refused. */
export function applyPhysicsLink(link: LinkSettings, physics: PhysicsModel): string[] {
  const refused: string[] = [];
  let choice: SystemChoice | null = null;
  if (link.sys === 'formula') {
    choice = {
      kind: 'formula',
      energy: link.fe ?? 'n^2',
      degeneracy: link.fg ?? '1',
      nFrom: link.fn0 ?? 0,
      nTo: link.fn1 ?? 20,
    };
  } else if (link.sys === 'list') {
    choice = { kind: 'list', text: link.fl ?? '0, 1' };
  } else if (link.sys) {
    const preset = presetById(link.sys);
    if (preset)
      choice = {
        kind: 'preset',
        presetId: preset.id as PresetId,
        params: { ...defaultParams(preset), ...link.presetParams },
      };
  }
  const attempt = refuser(refused);
  const { particles } = physics;
  batch(() => {
    if (choice) attempt('sys', () => physics.chooseSystem(choice, false));
    const system = physics.system.peek();
    const { T, unit, N, q, start, dyn, r, sw, sps, seed, play, avg } = link;
    if (T !== undefined) attempt('T', () => physics.setTemperature(T));
    // Older links name CO's cm⁻¹ and hydrogen's eV as the system's own unit, 'internal'.
    if (unit !== undefined)
      attempt('unit', () => physics.temperatureUnit.set(listedDisplayUnit(system, unit as DisplayUnit)));
    if (N !== undefined) attempt('N', () => particles.particleCount.set(N));
    if (q !== undefined) attempt('q', () => particles.quanta.set(q));
    if (start !== undefined) attempt('start', () => particles.einsteinStart.set(start as EinsteinStart));
    if (dyn !== undefined) attempt('dyn', () => particles.setDynamics(dyn as DynamicsKind));
    if (r !== undefined) attempt('r', () => particles.heatBathFraction.set(r));
    if (sw !== undefined) attempt('sw', () => particles.metropolisSweeps.set(sw));
    if (sps !== undefined) attempt('sps', () => particles.stepsPerSecond.set(sps));
    if (seed !== undefined) attempt('seed', () => particles.seed.set(seed));
    if (play !== undefined) particles.playing.set(play);
    if (avg !== undefined) particles.showTimeAverage.set(avg);
  });
  // A link holds "reset from the seed, then k steps at these settings": replay them for the same draws.
  particles.replay(link.step ?? 0);
  return refused;
}

export function applyLanguageLink(link: LinkSettings, language: LanguageScreenModel): string[] {
  const refused: string[] = [];
  const attempt = refuser(refused);
  batch(() => {
    const { corpus, order, ctx, gen, gseed } = link;
    if (corpus !== undefined) language.chooseCorpus(corpus);
    if (order !== undefined) attempt('order', () => language.order.set(order));
    if (ctx !== undefined) attempt('ctx', () => language.context.set(ctx));
    const sampler: Partial<SamplerSettings> = {};
    if (link.t !== undefined) sampler.temperature = link.t;
    if (link.k !== undefined) sampler.topK = link.k;
    if (link.p !== undefined) sampler.topP = link.p;
    if (link.minp !== undefined) sampler.minP = link.minp;
    if (link.so !== undefined) sampler.order = link.so as SamplerOrder;
    // typical-p = 0 is valid only with temperature last (llama.cpp); older links meant "off" by it.
    const stageOrder = sampler.order ?? language.sampler.peek().order;
    if (link.typ !== undefined)
      sampler.typicalP = link.typ > 0 || stageOrder === 'temperature-last' ? link.typ : 1;
    attempt('t', () => language.updateSampler(sampler));
    if (gen !== undefined) {
      const temperatures = readTemperatureList(gen);
      if (temperatures) attempt('gen', () => language.generationTemperatures.set(temperatures));
      else refused.push('gen');
    }
    if (gseed !== undefined) attempt('gseed', () => language.generationSeed.set(gseed));
  });
  return refused;
}

export function applyParallelLink(link: LinkSettings, parallel: ParallelScreenModel): string[] {
  const refused: string[] = [];
  const attempt = refuser(refused);
  batch(() => {
    const { pt, psys } = link;
    if (pt !== undefined) attempt('pt', () => parallel.temperature.set(pt));
    if (psys !== undefined) attempt('psys', () => parallel.physicsSystem.set(psys as ParallelSystemId));
  });
  return refused;
}

/**
 * Puts a link's settings into the app's models: the physics and side-by-side screens at once, the language
 * model once it has loaded (only when the link mentions it). Returns what each part refused.
 */
export function applyLink(
  link: LinkSettings,
  models: Pick<AppModels, 'physics' | 'parallel' | 'language'>,
): { refused: string[]; languageRefused: Promise<string[]> } {
  const refused = [...applyPhysicsLink(link, models.physics), ...applyParallelLink(link, models.parallel)];
  const languageRefused = mentionsLanguage(link)
    ? models.language().then((language) => applyLanguageLink(link, language))
    : Promise.resolve([]);
  return { refused, languageRefused };
}

/** True when the link says anything about the language-model screen. */
export function mentionsLanguage(link: LinkSettings): boolean {
  return ['corpus', 'order', 'ctx', 't', 'k', 'p', 'minp', 'typ', 'so', 'gen', 'gseed'].some(
    (key) => key in link,
  );
}

/** The query string for the current settings (defaults included, so a link is complete on its own). */
export function linkQuery(
  locale: string,
  physics: PhysicsModel,
  language: LanguageScreenModel | null,
  parallel: ParallelScreenModel,
): string {
  const params = new URLSearchParams();
  params.set('lang', locale);
  const choice = physics.system.value.choice;
  if (choice.kind === 'preset') {
    params.set('sys', choice.presetId);
    for (const [key, value] of Object.entries(choice.params)) params.set(`p.${key}`, writeLinkNumber(value));
  } else if (choice.kind === 'formula') {
    params.set('sys', 'formula');
    params.set('fe', choice.energy);
    params.set('fg', choice.degeneracy);
    params.set('fn0', String(choice.nFrom));
    params.set('fn1', String(choice.nTo));
  } else {
    params.set('sys', 'list');
    params.set('fl', choice.text);
  }
  const { particles } = physics;
  params.set('T', writeLinkNumber(physics.temperature.value));
  params.set('unit', physics.temperatureUnit.value);
  params.set('N', String(particles.particleCount.value));
  params.set('dyn', particles.dynamics.value);
  params.set('q', String(particles.quanta.value));
  params.set('start', particles.einsteinStart.value);
  params.set('r', String(particles.heatBathFraction.value));
  params.set('sw', String(particles.metropolisSweeps.value));
  params.set('sps', String(particles.stepsPerSecond.value));
  params.set('seed', String(particles.seed.value));
  params.set('play', particles.playing.value ? '1' : '0');
  params.set('avg', particles.showTimeAverage.value ? '1' : '0');
  // The step count is read only while paused: while playing it changes with every frame, and an effect
  // that writes the address must not re-run (and rewrite the address) at the pace of the animation.
  if (!particles.playing.value) {
    const stepCount = particles.replayableSteps.value;
    if (stepCount > 0 && stepCount <= 10_000) params.set('step', String(stepCount));
  }
  if (language) {
    const sampler = language.sampler.value;
    params.set('corpus', language.corpusId.value);
    params.set('order', String(language.order.value));
    params.set('ctx', language.context.value);
    params.set('t', writeLinkNumber(sampler.temperature));
    params.set('k', String(sampler.topK));
    params.set('p', String(sampler.topP));
    params.set('minp', String(sampler.minP));
    params.set('typ', String(sampler.typicalP));
    params.set('so', sampler.order);
    params.set('gen', language.generationTemperatures.value.join(','));
    params.set('gseed', String(language.generationSeed.value));
  }
  params.set('pt', writeLinkNumber(parallel.temperature.value));
  params.set('psys', parallel.physicsSystem.value);
  return params.toString();
}
