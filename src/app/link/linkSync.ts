/**
 * Every setting lives in the page's address, so a copied link opens the same view with the same random
 * draws: applyLink reads a parsed link into the states; linkQuery writes them back.
 */
import { batch } from '@preact/signals-core';
import type { EinsteinStart } from '../../core/dynamics/einsteinSolid.ts';
import type { SamplerOrder } from '../../core/lm/pipeline.ts';
import type { DynamicsKind } from '../../core/simulation.ts';
import type { DisplayUnit, PresetId } from '../../core/spectra/index.ts';
import { defaultParams, presetById } from '../../core/spectra/index.ts';
import type { LanguageState } from '../../screens/language/model.ts';
import type { ParallelState, ParallelSystemId } from '../../screens/parallel/model.ts';
import { displayUnitsFor, listedDisplayUnit, type SimulatorState } from '../../screens/physics/model.ts';
import type { SystemChoice } from '../../shared/model/system.ts';
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

/** Applies a link's physics settings. Returns the names of settings the engine refused. */
export function applyPhysicsLink(link: LinkSettings, physics: SimulatorState): string[] {
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
  batch(() => {
    if (choice) {
      try {
        physics.chooseSystem(choice, false);
      } catch {
        refused.push('sys');
      }
    }
    const system = physics.system.peek();
    if (link.T !== undefined) {
      if (link.T < 0 && !system.allowsNegativeTemperature) refused.push('T');
      else physics.temperature.value = link.T;
    }
    if (link.unit !== undefined) {
      // Older links name CO's cm⁻¹ and hydrogen's eV as the system's own unit, 'internal'.
      const unit = listedDisplayUnit(system, link.unit as DisplayUnit);
      if (displayUnitsFor(system).includes(unit)) physics.temperatureUnit.value = unit;
      else refused.push('unit');
    }
    if (link.N !== undefined) physics.particleCount.value = link.N;
    if (link.q !== undefined) physics.quanta.value = link.q;
    if (link.start !== undefined) physics.einsteinStart.value = link.start as EinsteinStart;
    if (link.dyn !== undefined) physics.dynamics.value = link.dyn as DynamicsKind;
    if (link.r !== undefined) physics.heatBathFraction.value = link.r;
    if (link.sw !== undefined) physics.metropolisSweeps.value = link.sw;
    if (link.sps !== undefined) physics.stepsPerSecond.value = link.sps;
    if (link.seed !== undefined) physics.seed.value = link.seed;
    if (link.play !== undefined) physics.playing.value = link.play;
    if (link.avg !== undefined) physics.showTimeAverage.value = link.avg;
    if (link.step !== undefined) physics.pendingSteps.value = link.step;
  });
  return refused;
}

export function applyLanguageLink(link: LinkSettings, language: LanguageState): string[] {
  const refused: string[] = [];
  batch(() => {
    if (link.corpus !== undefined) language.chooseCorpus(link.corpus);
    if (link.order !== undefined) language.order.value = link.order;
    if (link.ctx !== undefined) language.context.value = link.ctx;
    const sampler = { ...language.sampler.peek() };
    if (link.t !== undefined) sampler.temperature = link.t;
    if (link.k !== undefined) sampler.topK = link.k;
    if (link.p !== undefined) sampler.topP = link.p > 0 ? link.p : 1;
    if (link.minp !== undefined) sampler.minP = link.minp;
    if (link.typ !== undefined) sampler.typicalP = link.typ > 0 ? link.typ : 1;
    if (link.so !== undefined) sampler.order = link.so as SamplerOrder;
    language.sampler.value = sampler;
    if (link.gen !== undefined) {
      const temperatures = readTemperatureList(link.gen);
      if (temperatures) language.generationTemperatures.value = temperatures;
      else refused.push('gen');
    }
    if (link.gseed !== undefined) language.generationSeed.value = link.gseed;
  });
  return refused;
}

export function applyParallelLink(link: LinkSettings, parallel: ParallelState): void {
  batch(() => {
    if (link.pt !== undefined) parallel.temperature.value = link.pt;
    if (link.psys !== undefined) parallel.physicsSystem.value = link.psys as ParallelSystemId;
  });
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
  physics: SimulatorState,
  language: LanguageState | null,
  parallel: ParallelState,
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
  params.set('T', writeLinkNumber(physics.temperature.value));
  params.set('unit', physics.temperatureUnit.value);
  params.set('N', String(physics.particleCount.value));
  params.set('dyn', physics.dynamics.value);
  params.set('q', String(physics.quanta.value));
  params.set('start', physics.einsteinStart.value);
  params.set('r', String(physics.heatBathFraction.value));
  params.set('sw', String(physics.metropolisSweeps.value));
  params.set('sps', String(physics.stepsPerSecond.value));
  params.set('seed', String(physics.seed.value));
  params.set('play', physics.playing.value ? '1' : '0');
  params.set('avg', physics.showTimeAverage.value ? '1' : '0');
  // The step count is read only while paused: while playing it changes with every frame, and an effect
  // that writes the address must not re-run (and rewrite the address) at the pace of the animation.
  if (!physics.playing.value) {
    const stepCount = physics.steps.value;
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
