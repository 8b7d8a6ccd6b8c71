/**
 * Reads a next-token distribution pasted or loaded by a person: from a plain JSON map, from OpenAI-style
 * logprobs, or from a llama.cpp server response. Everything is validated and every rejection is an
 * InputError by code; the notes and the description of what was recognised are codes too (NoteMessage),
 * which each language's strings write.
 *
 * Accepted shapes (wrappers are unwrapped from the outside in, and the path taken is reported in `source`):
 *
 * - A JSON object mapping token → probability, or token → log-probability:
 *   `{"the": 0.4, " a": 0.35}` or `{"the": -0.92, " a": -1.05}`. The values say which: any negative value
 *   makes it log-probabilities (then none may be above 0); otherwise all must lie in [0, 1] and are
 *   probabilities. A map whose values are all exactly 0 is read as log-probabilities (probability 1 each),
 *   which is the only reading that can be a distribution, and only for a single token. In an object, a
 *   repeated key keeps its last value: that is what JSON.parse does, and the repetition cannot be seen.
 * - A list of candidates: OpenAI's `top_logprobs` `[{"token": "a", "logprob": -0.1, "bytes": [97]}, …]`,
 *   llama.cpp's `[{"token": "a", "logprob": …}]` or, with post_sampling_probs, `[{"token": "a", "prob": …}]`,
 *   and the older llama.cpp server's `[{"tok_str": "a", "prob": 0.5}, …]`.
 * - One position that holds such a list: `{"top_logprobs": […]}` (OpenAI, and llama.cpp's /completion since
 *   late 2024, whose entries are `{"id", "token", "logprob", "bytes", "top_logprobs": […]}`), `{"top_probs": […]}`
 *   (llama.cpp with post_sampling_probs) or `{"content": "…", "probs": […]}` (llama.cpp before that change).
 * - A list of positions (`completion_probabilities`, or OpenAI's `logprobs.content`), a whole llama.cpp
 *   /completion response `{"completion_probabilities": […]}`, a chat-completions response
 *   `choices[0].logprobs.content[i].top_logprobs` and a legacy completions response
 *   `choices[0].logprobs.top_logprobs[i]` (a map): the first position is taken, with a note.
 *
 * Conventions:
 * - A truncated list (an API's top 20) does not sum to 1. Its probabilities are renormalised over the
 *   listed tokens and a note says how much probability they covered (also returned as `coverage`). No
 *   "(other)" token is added for the missing mass: it would be sampled and tempered as if it were one
 *   token, and temperature applied to a lump of many tokens is not temperature applied to each of them.
 * - A sum above 1 by at most IMPORT_SUM_TOLERANCE is taken as rounding in the source and rescaled, with a
 *   note; beyond that it is an error, since probabilities of different tokens cannot add to more than 1.
 * - Entries of a list with the same token text are merged (their probabilities added), with a note: two
 *   token ids can decode to the same text (partial UTF-8 characters, for one), and as a distribution over
 *   what text comes next their probabilities add.
 * - A candidate whose text is empty but whose `bytes` are given (llama.cpp cuts incomplete UTF-8 from the
 *   text) is named by its bytes, as `<0xE2><0x80>`, so that it can be told apart.
 * - Token texts are data. They are returned exactly as given (except the case above) and must be rendered
 *   as text, never as HTML.
 * - Limits: at most MAX_IMPORT_CHARACTERS characters of text (20 MiB, so 20 MB for ASCII JSON) and at most
 *   MAX_IMPORT_TOKENS tokens; a log-probability of −3.4e38 (llama.cpp's stand-in for ln 0) is probability 0.
 */
import {
  type Described,
  type ErrorParams,
  InputError,
  type JsonProblem,
  type NoteMessage,
} from '../errors.ts';

export const MAX_IMPORT_TOKENS = 200_000;
export const MAX_IMPORT_CHARACTERS = 20 * 1024 * 1024;
/** How far above 1 a sum may be and still be taken for rounding in the source. */
export const IMPORT_SUM_TOLERANCE = 1e-3;
/** Sums within this of 1 are complete distributions, renormalised without a note. */
const COMPLETE_TOLERANCE = 1e-6;

export interface ImportedDistribution {
  /** Token texts in the order given, each once. Data: show as text, never as HTML. */
  tokens: string[];
  /** One probability per token, summing to 1. */
  probabilities: Float64Array;
  /** What was recognised and where in the input, for a person to read. */
  source: NoteMessage<'source.map' | 'source.legacy' | 'source.logprobList' | 'source.probList'>;
  /** Things a person should know: truncation, merged duplicates, which position was taken. */
  notes: NoteMessage[];
  /** The probability the listed tokens carried before renormalisation (1 when complete or rounded up). */
  coverage: number;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** A short, quoted rendering of a token text for a message. */
function quote(text: string): string {
  const json = JSON.stringify(text);
  return json.length > 42 ? `${json.slice(0, 40)}…"` : json;
}

function describe(value: unknown): Described {
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'string') return { kind: 'text', text: quote(value) };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'object') return { kind: 'object' };
  return { kind: typeof value === 'boolean' ? 'boolean' : 'undefined' };
}

/** The percentage to show: one decimal, or as many as it takes not to read as 100% or 0%. */
function honestPercent(fraction: number): number {
  const percent = fraction * 100;
  const text = percent.toFixed(1);
  if (text !== '100.0' && text !== '0.0') return Number(text);
  // "100.0" for 99.997% or "0.0" for 0.02% would misstate it: add digits until it is honest.
  for (let digits = 4; digits < 17; digits++) {
    const rounded = Number(percent.toPrecision(digits));
    if (rounded !== 100 && rounded !== 0) return rounded;
  }
  return percent;
}

/** Collects (token, probability) pairs, merging repeated texts. */
class Collector {
  readonly tokens: string[] = [];
  readonly probabilities: number[] = [];
  private readonly index = new Map<string, number>();
  duplicates = 0;
  firstDuplicate = '';
  byteNamed = 0;

  /** For the keys of one JSON object, which are distinct already: skips the index. */
  addDistinct(token: string, probability: number): void {
    this.tokens.push(token);
    this.probabilities.push(probability);
  }

  add(token: string, probability: number): void {
    const existing = this.index.get(token);
    if (existing !== undefined) {
      this.probabilities[existing] += probability;
      if (this.duplicates === 0) this.firstDuplicate = token;
      this.duplicates++;
      return;
    }
    this.index.set(token, this.tokens.length);
    this.tokens.push(token);
    this.probabilities.push(probability);
  }
}

interface Found {
  collector: Collector;
  source: ImportedDistribution['source'];
  /** True when the values were log-probabilities (for messages). */
  logarithmic: boolean;
}

/**
 * Parses a pasted token distribution; see the module comment for the shapes and conventions.
 * Throws InputError for anything that is not one of them.
 */
export function parseTokenDistribution(text: string): ImportedDistribution {
  if (typeof text !== 'string') throw new InputError('import.notText', {});
  if (text.length > MAX_IMPORT_CHARACTERS) {
    const megabytes = Number((text.length / (1024 * 1024)).toFixed(1));
    throw new InputError('import.tooLarge', { megabytes, limit: MAX_IMPORT_CHARACTERS / (1024 * 1024) });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('import.nothing', {});
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new InputError('import.notJson', classifyJsonError(error, body));
  }

  const notes: NoteMessage[] = [];
  const found = resolve(data, '', notes, 0);
  const { collector } = found;
  const count = collector.tokens.length;
  if (collector.duplicates > 0) {
    notes.push({
      code: 'note.duplicates',
      params: { count: collector.duplicates, first: quote(collector.firstDuplicate) },
    });
  }
  if (collector.byteNamed > 0) notes.push({ code: 'note.byteNamed', params: { count: collector.byteNamed } });

  const probabilities = Float64Array.from(collector.probabilities);
  let total = 0;
  for (let i = 0; i < count; i++) total += probabilities[i];
  if (total === 0) {
    throw new InputError('import.allZero', { logarithmic: found.logarithmic });
  }
  if (total > 1 + IMPORT_SUM_TOLERANCE) {
    throw new InputError('import.sumAboveOne', {
      sum: Number(total.toPrecision(6)),
      logarithmic: found.logarithmic,
      duplicates: collector.duplicates > 0,
    });
  }
  let coverage = 1;
  if (total < 1 - COMPLETE_TOLERANCE) {
    coverage = total;
    notes.push({ code: 'note.coverage', params: { count, percent: honestPercent(total) } });
  } else if (total > 1 + COMPLETE_TOLERANCE) {
    notes.push({ code: 'note.rescaled', params: { sum: Number(total.toPrecision(6)) } });
  }
  for (let i = 0; i < count; i++) probabilities[i] /= total;
  return { tokens: collector.tokens, probabilities, source: found.source, notes, coverage };
}

/**
 * JSON.parse's messages (V8's, in Node and Chromium): the only English prose read here. Each known one
 * becomes a kind a language can write ('import.notJson'); the first group is what it quoted.
 */
const JSON_PROBLEMS: ReadonlyArray<[RegExp, JsonProblem]> = [
  [/^Expected property name or '\}'$/, 'propertyNameOrBrace'],
  [/^Expected double-quoted property name$/, 'quotedPropertyName'],
  [/^Expected ',' or '\]' after array element$/, 'commaOrBracket'],
  [/^Expected ',' or '\}' after property value$/, 'commaOrBrace'],
  [/^Expected ':' after property name$/, 'colon'],
  [/^Unterminated string$/, 'unterminatedString'],
  [/^Unexpected non-whitespace character after JSON$/, 'trailingCharacters'],
  [/^Unexpected end of JSON input$/, 'unexpectedEnd'],
  [/^Unexpected number$/, 'unexpectedNumber'],
  [/^Unexpected string$/, 'unexpectedString'],
  [/^Bad control character in string literal$/, 'controlCharacter'],
  [/^No number after minus sign$/, 'noNumberAfterMinus'],
  [/^Unterminated fractional number$/, 'unterminatedFraction'],
  [/^Exponent part is missing a number$/, 'exponentMissing'],
  [/^Bad escaped character$/, 'badEscape'],
  [/^Bad Unicode escape$/, 'badUnicodeEscape'],
  [/^Unexpected token '(.+?)', (.*) is not valid JSON$/s, 'unexpectedToken'],
  [/^Unexpected token (.+?) in JSON$/s, 'unexpectedToken'],
  [/^(.*) is not valid JSON$/s, 'invalidText'],
];

/** Classifies the parser's message, with the line and column of the position it names. */
export function classifyJsonError(error: unknown, body: string): ErrorParams['import.notJson'] {
  let text = error instanceof Error ? error.message : String(error);
  // Newer V8 adds "(line 2 column 5)" itself.
  text = text.replace(/\s*\(line \d+,? column \d+\)/g, '');
  const at = / (?:in JSON )?at position (\d+)$/.exec(text);
  let position: number | null = null;
  let line: number | null = null;
  let column: number | null = null;
  if (at) {
    text = text.slice(0, at.index);
    position = Number(at[1]);
    line = 1;
    let lineStart = 0;
    for (let i = 0; i < position && i < body.length; i++) {
      if (body.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    column = position - lineStart + 1;
  }
  for (const [pattern, problem] of JSON_PROBLEMS) {
    const match = pattern.exec(text);
    if (match) return { problem, detail: match[1] ?? '', excerpt: match[2] ?? '', line, column, position };
  }
  return { problem: 'other', detail: text, excerpt: '', line, column, position };
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function positionNote(positions: unknown[], path: string, notes: NoteMessage[]): void {
  const first = positions[0] as JsonObject;
  const chosen =
    typeof first.token === 'string' ? first.token : typeof first.content === 'string' ? first.content : null;
  notes.push({
    code: 'note.positions',
    params: { path, positions: positions.length, chosen: chosen === null ? null : quote(chosen) },
  });
}

/** Whether a list entry is one position holding candidates (rather than a candidate itself). */
function isPosition(value: unknown): boolean {
  return (
    isObject(value) &&
    (Array.isArray(value.top_logprobs) || Array.isArray(value.top_probs) || Array.isArray(value.probs))
  );
}

/** Whether a list entry is a legacy completions position: a bare map token → log-probability. */
function isBareMap(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key of ['token', 'tok_str', 'logprob', 'prob']) if (has(value, key)) return false;
  for (const key in value) if (typeof value[key] !== 'number') return false;
  return true;
}

function resolve(data: unknown, path: string, notes: NoteMessage[], depth: number): Found {
  // Each step goes one wrapper inwards; no accepted shape is nested deeper than this.
  if (depth > 8) throw new InputError('import.tooDeep', { path });
  if (Array.isArray(data)) {
    if (data.length === 0) {
      throw new InputError('import.emptyList', { path, askForAlternatives: path.endsWith('top_logprobs') });
    }
    if (isPosition(data[0]) || isBareMap(data[0])) {
      positionNote(data, path, notes);
      return resolve(data[0], `${path}[0]`, notes, depth + 1);
    }
    return readCandidates(data, path);
  }
  if (!isObject(data)) {
    throw new InputError('import.unexpectedValue', { found: describe(data) });
  }
  if (Array.isArray(data.choices)) {
    if (data.choices.length === 0) throw new InputError('import.noChoices', { path: join(path, 'choices') });
    if (data.choices.length > 1) notes.push({ code: 'note.choices', params: { count: data.choices.length } });
    return resolve(data.choices[0], `${join(path, 'choices')}[0]`, notes, depth + 1);
  }
  if (has(data, 'logprobs') && !(typeof data.logprobs === 'number')) {
    if (!isObject(data.logprobs)) {
      throw new InputError('import.noLogprobs', {
        path: join(path, 'logprobs'),
        found: describe(data.logprobs),
      });
    }
    return resolve(data.logprobs, join(path, 'logprobs'), notes, depth + 1);
  }
  if (Array.isArray(data.completion_probabilities)) {
    return resolve(data.completion_probabilities, join(path, 'completion_probabilities'), notes, depth + 1);
  }
  if (Array.isArray(data.content)) {
    return resolve(data.content, join(path, 'content'), notes, depth + 1);
  }
  for (const key of ['top_logprobs', 'top_probs', 'probs']) {
    if (!Array.isArray(data[key])) continue;
    // Inside a list of positions the note about the first position already names the chosen token.
    const chosen =
      typeof data.token === 'string' ? data.token : typeof data.content === 'string' ? data.content : null;
    if (path === '' && chosen !== null) notes.push({ code: 'note.chosen', params: { token: quote(chosen) } });
    return resolve(data[key], join(path, key), notes, depth + 1);
  }
  return readMap(data, path);
}

function readMap(map: JsonObject, path: string): Found {
  const keys = Object.keys(map);
  if (keys.length === 0) throw new InputError('import.emptyMap', { path });
  if (keys.length > MAX_IMPORT_TOKENS) {
    throw new InputError('import.tooManyTokens', { count: keys.length, limit: MAX_IMPORT_TOKENS });
  }
  const values = new Float64Array(keys.length);
  let negative = -1;
  let aboveOne = -1;
  let nonZero = false;
  for (let i = 0; i < keys.length; i++) {
    const value = map[keys[i]];
    if (typeof value !== 'number') {
      throw new InputError('import.valueNotNumber', { token: quote(keys[i]), path, found: describe(value) });
    }
    values[i] = value;
    if (value < 0 && negative < 0) negative = i;
    if (value > 1 && aboveOne < 0) aboveOne = i;
    if (value !== 0) nonZero = true;
  }
  const logarithmic = negative >= 0 || !nonZero;
  const collector = new Collector();
  if (logarithmic) {
    for (let i = 0; i < keys.length; i++) {
      if (values[i] > 0) {
        throw new InputError('import.mixedSigns', {
          token: quote(keys[i]),
          value: values[i],
          negativeToken: quote(keys[negative]),
          negativeValue: values[negative],
        });
      }
      collector.addDistinct(keys[i], Math.exp(values[i]));
    }
  } else {
    if (aboveOne >= 0) {
      throw new InputError('import.aboveOne', { token: quote(keys[aboveOne]), value: values[aboveOne] });
    }
    for (let i = 0; i < keys.length; i++) collector.addDistinct(keys[i], values[i]);
  }
  return { collector, source: { code: 'source.map', params: { logarithmic, path } }, logarithmic };
}

function readCandidates(items: unknown[], path: string): Found {
  if (items.length > MAX_IMPORT_TOKENS) {
    throw new InputError('import.tooManyTokens', { count: items.length, limit: MAX_IMPORT_TOKENS });
  }
  const collector = new Collector();
  let logarithmic = false;
  let legacy = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const at = { path, index: i };
    if (!isObject(item)) throw new InputError('import.entryNotObject', { at, found: describe(item) });
    let token: string;
    if (typeof item.token === 'string') {
      token = item.token;
    } else if (typeof item.tok_str === 'string') {
      token = item.tok_str;
      legacy = true;
    } else {
      throw new InputError('import.entryNoToken', { at });
    }
    if (token === '' && Array.isArray(item.bytes) && item.bytes.length > 0) {
      const named = nameBytes(item.bytes);
      if (named !== null) {
        token = named;
        collector.byteNamed++;
      }
    }
    let probability: number;
    if (has(item, 'logprob')) {
      const value = item.logprob;
      if (typeof value !== 'number') {
        throw new InputError('import.logprobNotNumber', { at, token: quote(token), found: describe(value) });
      }
      if (value > 0) throw new InputError('import.logprobPositive', { at, token: quote(token), value });
      probability = Math.exp(value);
      logarithmic = true;
    } else if (has(item, 'prob')) {
      const value = item.prob;
      if (typeof value !== 'number') {
        throw new InputError('import.probNotNumber', { at, token: quote(token), found: describe(value) });
      }
      if (!(value >= 0 && value <= 1)) {
        throw new InputError('import.probRange', { at, token: quote(token), value });
      }
      probability = value;
    } else {
      throw new InputError('import.entryNoValue', { at, token: quote(token) });
    }
    collector.add(token, probability);
  }
  const code = legacy ? 'source.legacy' : logarithmic ? 'source.logprobList' : 'source.probList';
  return { collector, source: { code, params: { path } }, logarithmic };
}

/** `<0xE2><0x80>` for bytes [226, 128]; null unless every entry is a byte. */
function nameBytes(bytes: unknown[]): string | null {
  let name = '';
  for (const byte of bytes) {
    if (typeof byte !== 'number' || !Number.isInteger(byte) || byte < 0 || byte > 255) return null;
    name += `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
  }
  return name;
}
