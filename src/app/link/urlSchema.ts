/**
 * The shape of a shared link's settings. Every parameter is optional and validated on its own, so
 * one bad or hostile value falls back to its default without taking the others with it.
 */
import * as v from 'valibot';
import { MAX_ORDER, MIN_ORDER } from '../../core/lm/ngram.ts';
import { MAX_FORMULA_LENGTH } from '../../core/spectra/formula.ts';
import { DISPLAY_UNITS, PRESETS } from '../../core/spectra/index.ts';
import { PARALLEL_SYSTEMS } from '../../screens/parallel/model.ts';
import { MAX_EINSTEIN_QUANTA } from '../../shared/model/einstein.ts';
import { DYNAMICS_KINDS, EINSTEIN_STARTS, PARTICLE_LIMITS } from '../../shared/model/particleModel.ts';

const MAX_TEXT = 2000;

/** A number as a link writes it: digits, or inf / -inf for the infinite temperatures. */
const linkNumber = v.pipe(
  v.string(),
  v.maxLength(40),
  v.transform((text) =>
    text === 'inf'
      ? Number.POSITIVE_INFINITY
      : text === '-inf'
        ? Number.NEGATIVE_INFINITY
        : text === '-0'
          ? -0
          : Number(text),
  ),
  v.number(),
  v.check((x) => !Number.isNaN(x), 'not a number'),
);
const finiteNumber = v.pipe(linkNumber, v.finite());
const wholeNumber = (min: number, max: number) =>
  v.pipe(finiteNumber, v.integer(), v.minValue(min), v.maxValue(max));
/** The range a particle setting accepts at the model's door, so a link is refused where a control would be. */
const inRange = ({ min, max }: { min: number; max: number }) =>
  v.pipe(finiteNumber, v.minValue(min), v.maxValue(max));
const flag = v.pipe(
  v.picklist(['0', '1']),
  v.transform((text) => text === '1'),
);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const LINK_SCHEMA = {
  lang: v.picklist(['en', 'ru']),
  // Physics screen
  sys: v.picklist([...PRESETS.map((preset) => preset.id), 'formula', 'list'] as unknown as [
    string,
    ...string[],
  ]),
  fe: text(MAX_FORMULA_LENGTH),
  fg: text(MAX_FORMULA_LENGTH),
  fn0: wholeNumber(-1e6, 1e6),
  fn1: wholeNumber(-1e6, 1e6),
  fl: text(MAX_TEXT),
  T: linkNumber,
  unit: v.picklist(DISPLAY_UNITS as [string, ...string[]]),
  N: wholeNumber(1, 1e24),
  dyn: v.picklist(DYNAMICS_KINDS as [string, ...string[]]),
  q: wholeNumber(0, MAX_EINSTEIN_QUANTA),
  start: v.picklist(EINSTEIN_STARTS as [string, ...string[]]),
  r: inRange(PARTICLE_LIMITS.heatBathFraction),
  sw: inRange(PARTICLE_LIMITS.metropolisSweeps),
  sps: wholeNumber(PARTICLE_LIMITS.stepsPerSecond.min, PARTICLE_LIMITS.stepsPerSecond.max),
  seed: wholeNumber(PARTICLE_LIMITS.seed.min, PARTICLE_LIMITS.seed.max),
  play: flag,
  avg: flag,
  step: wholeNumber(0, 10_000),
  // Language-model screen
  corpus: text(40),
  order: wholeNumber(MIN_ORDER, MAX_ORDER),
  ctx: text(MAX_TEXT),
  t: linkNumber,
  k: wholeNumber(0, 1_000_000),
  p: v.pipe(finiteNumber, v.minValue(0), v.maxValue(1)),
  minp: v.pipe(finiteNumber, v.minValue(0), v.maxValue(1)),
  typ: v.pipe(finiteNumber, v.minValue(0), v.maxValue(1)),
  so: v.picklist(['temperature-first', 'temperature-last']),
  gen: text(100),
  gseed: wholeNumber(0, 4294967295),
  // Side-by-side screen
  pt: linkNumber,
  psys: v.picklist(PARALLEL_SYSTEMS as unknown as [string, ...string[]]),
} as const;

export type LinkKey = keyof typeof LINK_SCHEMA;
export type LinkSettings = { [K in LinkKey]?: v.InferOutput<(typeof LINK_SCHEMA)[K]> } & {
  /** Preset parameters, from p.<id>=value. */
  presetParams?: Record<string, number>;
};

export interface ParsedLink {
  settings: LinkSettings;
  /** Parameters that were present but invalid (they keep their defaults). */
  rejected: string[];
}

/** Reads a query string. Unknown parameters are ignored; invalid ones are listed in `rejected`. */
export function parseLink(search: string): ParsedLink {
  const params = new URLSearchParams(search.length > 20_000 ? '' : search);
  const settings: Record<string, unknown> = {};
  const presetParams: Record<string, number> = {};
  const rejected: string[] = [];
  for (const [key, value] of params) {
    if (key.startsWith('p.')) {
      const result = v.safeParse(finiteNumber, value);
      const name = key.slice(2);
      if (result.success && /^[A-Za-z][A-Za-z0-9]{0,30}$/.test(name)) presetParams[name] = result.output;
      else rejected.push(key.slice(0, 40));
      continue;
    }
    if (!Object.hasOwn(LINK_SCHEMA, key)) continue;
    const result = v.safeParse(LINK_SCHEMA[key as LinkKey], value);
    if (result.success) settings[key] = result.output;
    else rejected.push(key);
  }
  if (Object.keys(presetParams).length > 0) settings.presetParams = presetParams;
  return { settings: settings as LinkSettings, rejected };
}

/** A number as a link writes it; the inverse of the schema's reading. */
export function writeLinkNumber(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}
