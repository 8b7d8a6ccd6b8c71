/**
 * Every message a person can trigger is written in both languages: the corpus below is collected by
 * calling the engine (and the interface's own parsers) with bad input, plus the notes and source
 * descriptions of pasted distributions, plus the few errors that need a failing worker or network and are
 * made here. Each code of the union must occur in it, and each must read as a whole sentence in both.
 */
import { describe, expect, expectTypeOf, test, vi } from 'vitest';
import { str, strings, u32, writeGguf } from '../../tests/fixtures/gguf/ggufWriter.ts';
import {
  bigramModel,
  truncated,
  withBadMagic,
  withHugeFirstKeyLength,
  withTensorType,
  withU32At,
  withVersion,
} from '../../tests/fixtures/gguf/testModels.ts';
import { createAliasTable, validateCount } from '../core/alias.ts';
import { sampleBinomial } from '../core/binomial.ts';
import {
  boltzmannProbabilities,
  boltzmannProbabilitiesAtBeta,
  validateProbabilities,
  validateSpectrum,
} from '../core/distribution.ts';
import { checkHeatBathFraction } from '../core/dynamics/heatBath.ts';
import { createMetropolis, metropolisStep, setMetropolisTemperature } from '../core/dynamics/metropolis.ts';
import {
  type Coded,
  CodedError,
  type ErrorMessage,
  type ErrorParams,
  InputError,
  isCodedError,
  type NoteMessage,
  type NoteParams,
} from '../core/errors.ts';
import { MAX_TRAINING_CHARACTERS } from '../core/lm/corpus.ts';
import { generate } from '../core/lm/generation.ts';
import { parseGgufHeader } from '../core/lm/gguf/ggufHeader.ts';
import { MAX_IMPORT_CHARACTERS, parseTokenDistribution } from '../core/lm/importDistribution.ts';
import { MAX_NODES, trainNgramModel, validateTrainingInput } from '../core/lm/ngram.ts';
import { NEUTRAL_SETTINGS, type SamplerSettings, validateSamplerSettings } from '../core/lm/pipeline.ts';
import { sampleCounts } from '../core/multinomial.ts';
import { createRng } from '../core/rng.ts';
import { checkParticleCount } from '../core/simulation.ts';
import {
  compileFormula,
  ELECTRONVOLT,
  PRESETS,
  parseEnergy,
  parseEnergyList,
  parseTemperature,
  REDUCED,
  spectrumFromFormula,
} from '../core/spectra/index.ts';
import { LESSON_FORMAT, LESSON_LIMITS, parseLesson, parseLessonText } from '../lessons/lesson.ts';
import { playableSlides } from '../lessons/lessonLibrary.ts';
import { classifyLoadFailure } from '../realModel/loadFailure.ts';
import { parseModelAddress } from '../realModel/modelDownload.ts';
import { checkModelSize } from '../realModel/modelLimits.ts';
import { scatterDistribution } from '../realModel/probabilities.ts';
import { createLanguageScreenModel, MAX_CONTEXT_LENGTH } from '../screens/language/model.ts';
import { createParallelScreenModel } from '../screens/parallel/model.ts';
import { createPhysicsModel } from '../screens/physics/model.ts';
import { parseSeed } from '../shared/ui/dynamicsControls.ts';
import { parseParticleCount } from '../shared/ui/particleControls.ts';
import { en, type Strings } from './en.ts';
import { type ErrorTable, errorText, type NoteTable, noteText } from './messageTable.ts';
import { ru } from './ru.ts';

/** The code and parameters of what `action` throws (it must throw a coded error). */
function thrown(action: () => unknown): ErrorMessage {
  try {
    action();
  } catch (error) {
    if (isCodedError(error)) return error.toMessage();
    throw error;
  }
  throw new Error(`expected a throw from ${action.toString()}`);
}

const rng = createRng(1);
const formula = (text: string, field?: 'formula', variables?: string[]) =>
  thrown(() => compileFormula(text, field, variables));
const spectrum = (energy: string, degeneracy: string, from: number, to: number) =>
  thrown(() => spectrumFromFormula(energy, degeneracy, from, to));
const temperature = (text: string, unit = ELECTRONVOLT) => thrown(() => parseTemperature(text, unit));
const list = (text: string) => thrown(() => parseEnergyList(text));
const sampler = (change: Partial<SamplerSettings>) =>
  thrown(() => validateSamplerSettings({ ...NEUTRAL_SETTINGS, ...change }));
const pasted = (text: string) => thrown(() => parseTokenDistribution(text));
const nested = (depth: number): string =>
  depth === 0 ? '{"a": 0.5}' : `{"choices": [${nested(depth - 1)}]}`;

type Message = { table: 'errors'; message: ErrorMessage } | { table: 'notes'; message: NoteMessage };

function corpus(): Message[] {
  const messages: Message[] = [];
  const add = (...more: ErrorMessage[]) =>
    messages.push(...more.map((message) => ({ table: 'errors' as const, message })));
  const note = (...more: NoteMessage[]) =>
    messages.push(...more.map((message) => ({ table: 'notes' as const, message })));

  // Formulas (the energy and degeneracy fields, and any other formula field).
  add(
    formula('import("x")'),
    formula(''),
    formula('  # only a comment'),
    formula('n'.repeat(501)),
    formula(42 as unknown as string),
    formula('n^2 +'),
    formula('  n^2 +'),
    formula('(n + 1'),
    formula('n + * 2'),
    formula('1e+'),
    formula('1e2.5'),
    formula('1.2.3'),
    formula('n @ 2'),
    formula('n )'),
    formula('2 3'),
    formula('[1, 2; 3]'),
    formula('"\\u12"'),
    formula('a?.b = 1'),
    formula('n?.'),
    formula('a.b(1)'),
    formula('n to m'),
    formula('n $ 2'),
    formula('n ? 1'),
    formula('n ? : 1'),
    formula('"abc'),
    formula('[1, 2'),
    formula('{a 1}'),
    formula('{1: 2}'),
    formula('{a: 1 b}'),
    formula('n.'),
    formula('n[1'),
    formula('[[1, 2], [3]]'),
    formula('"\\q"'),
    formula('2 = 3'),
    formula('"abc"'),
    formula('foo'),
    formula('sqrt'),
    formula('n == 2'),
    formula("n'"),
    formula('n & 2'),
    formula('n(1, 2)'),
    formula('foo(n)'),
    formula('sqrt(1, 2)'),
    formula('atan2(1)'),
    formula('log(1, 2, 3)'),
    formula('min()'),
    formula('n.b'),
    formula('n = 2'),
    formula('f(x) = 2'),
    formula('[1, 2]'),
    formula('{a: 1}'),
    formula('n; n'),
    formula('1:3'),
    formula('n ? 1 : 2'),
    formula('n < 2 < 3'),
    formula('NaN'),
    formula('1e999'),
    formula(`${'('.repeat(60)}n${')'.repeat(60)}`),
    formula(Array(150).fill('n').join('+')),
    formula(
      Array(11)
        .fill(`max(${Array(19).fill('1').join(',')})`)
        .join('+'),
    ),
    formula('foo', 'formula', ['a', 'b']),
    formula('foo', 'formula', []),
    spectrum('n^2', '1', 0.5, 3),
    spectrum('n^2', '1', 0, 3.5),
    spectrum('n^2', '1', 5, 3),
    spectrum('n^2', '1', 0, 20_000),
    spectrum('n^2', ' ', 0, 3),
    spectrum('n^2 +', '1', 0, 3),
    spectrum('n^2', 'foo', 0, 3),
    spectrum('sqrt(n - 2)', '1', 0, 3),
    spectrum('1/n', '1', 0, 3),
    spectrum('n', 'sqrt(n - 2)', 0, 3),
    spectrum('n', '1/n', 0, 3),
    spectrum('n', '1 - n', 0, 3),
    spectrum('n', '0', 0, 3),
  );
  // A slow machine: a clock that advances 50 ms per reading runs past the evaluation budget.
  let now = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => {
    now += 50;
    return now;
  });
  try {
    add(spectrum('n', '1', 0, 9_999));
  } finally {
    clock.mockRestore();
  }

  // Temperatures and energies with units.
  add(
    temperature(''),
    temperature(42 as unknown as string),
    temperature('1'.repeat(101)),
    temperature('1e999'),
    temperature('1e999 K'),
    thrown(() => parseEnergy('inf', ELECTRONVOLT)),
    thrown(() => parseEnergy('', ELECTRONVOLT)),
    temperature('1,5 K'),
    temperature('warm'),
    temperature('300 5 K'),
    temperature('300 kelvn'),
    temperature('300 Kelvin'),
    temperature('300 K^'),
    temperature('-500 degC'),
    temperature('5 kg m'),
    temperature('300 K', REDUCED),
    thrown(() => parseEnergy('300 K', REDUCED)),
  );
  for (const unit of ['m', 'kg', 's', 'm^2', 'm^3', 'm/s', 'm/s^2', 'N', 'Pa', 'W', 'A', 'V', 'C', 'ohm']) {
    add(temperature(`5 ${unit}`));
  }
  for (const unit of ['T', 'mol', 'rad', 'bit', 'cd', 'J/K', 'J s', 'K^-1', 'J^-1', 'kg/m^3', 'm/m']) {
    add(temperature(`5 ${unit}`));
  }

  // Typed lists of energies.
  add(
    list(''),
    list(42 as unknown as string),
    list('1'.repeat(100_001)),
    list(Array(10_001).fill('1').join(',')),
    list('1:2:3'),
    list(':3'),
    list('a, b'),
    list('1e999'),
    list('1:'),
    list('1:x'),
    list('1:1e999'),
    list('1:-1'),
    list('1:0, 2:0'),
  );

  // Presets with parameters out of range.
  for (const preset of PRESETS) {
    const [first] = preset.parameters;
    add(thrown(() => preset.build({ [first.id]: Number.NaN })));
    add(thrown(() => preset.build({ [first.id]: first.max * 2 + 1 })));
    add(thrown(() => preset.build({ bogus: 1 })));
    add(thrown(() => preset.build(5 as unknown as Record<string, number>)));
    const whole = preset.parameters.find((parameter) => parameter.integer);
    if (whole) add(thrown(() => preset.build({ [whole.id]: whole.min + 0.5 })));
  }

  // The distribution, the simulation and its dynamics.
  add(
    thrown(() => validateSpectrum([])),
    thrown(() => validateSpectrum([0, 1], [1])),
    thrown(() => validateSpectrum([Number.NaN])),
    thrown(() => validateSpectrum([Number.NEGATIVE_INFINITY])),
    thrown(() => validateSpectrum([0], [Number.NaN])),
    thrown(() => validateSpectrum([0], [-1])),
    thrown(() => validateSpectrum([0], [Number.POSITIVE_INFINITY])),
    thrown(() => validateSpectrum([Number.POSITIVE_INFINITY])),
    thrown(() => boltzmannProbabilities([0], Number.NaN)),
    thrown(() => boltzmannProbabilitiesAtBeta([0], Number.NaN)),
    thrown(() => validateProbabilities([])),
    thrown(() => validateProbabilities([Number.NaN])),
    thrown(() => validateProbabilities([-0.5, 1.5])),
    thrown(() => validateProbabilities([Number.POSITIVE_INFINITY])),
    thrown(() => validateProbabilities([0.5])),
    thrown(() => checkParticleCount(0)),
    thrown(() => parseParticleCount('lots')),
    thrown(() => parseParticleCount('1e25')),
    thrown(() => sampleCounts([1], -1, rng)),
    thrown(() => sampleBinomial(-1, 0.5, rng)),
    thrown(() => sampleBinomial(1, 2, rng)),
    thrown(() => validateCount(-1)),
    thrown(() => createAliasTable(new Float64Array((1 << 20) + 1).fill(1 / ((1 << 20) + 1)))),
    thrown(() => checkHeatBathFraction(0)),
    thrown(() => setMetropolisTemperature(createMetropolis([0, 1], undefined, 1), Number.NaN)),
    thrown(() => metropolisStep(new Uint32Array(1), createMetropolis([0, 1], undefined, 1), 0, rng)),
    thrown(() => parseSeed('abc')),
    thrown(() => parseSeed('-1')),
  );

  // The language model: training, sampler settings, generation.
  add(
    thrown(() => validateTrainingInput(5, 3)),
    thrown(() => validateTrainingInput('abc', 0)),
    thrown(() => validateTrainingInput('a'.repeat(MAX_TRAINING_CHARACTERS + 1), 3)),
    thrown(() => trainNgramModel('', 5)),
    thrown(() => trainNgramModel(' \n ', 5)),
    sampler({ temperature: Number.NaN }),
    sampler({ topK: 1.5 }),
    sampler({ topP: 2 }),
    sampler({ minP: -1 }),
    sampler({ typicalP: 0 }),
    sampler({ typicalP: -1, order: 'temperature-last' }),
    sampler({ order: 'bogus' as SamplerSettings['order'] }),
  );
  const generation = (vocabulary: string[], count: number, alternatives = 0, probabilities = [1]) =>
    thrown(() =>
      generate({
        vocabulary,
        nextDistribution: () => Float64Array.from(probabilities),
        settings: NEUTRAL_SETTINGS,
        rng,
        count,
        alternatives,
      }),
    );
  add(
    generation(['a'], -1),
    generation(['a'], 1e6),
    generation(['a'], 1, -1),
    generation([], 1),
    generation(['a', 'b'], 1),
  );

  // GGUF model files (src/core/lm/gguf/ggufHeader.ts): the test models' bytes, edited, and other files.
  const gguf = bigramModel().bytes;
  const header = (bytes: Uint8Array) => thrown(() => parseGgufHeader(bytes, bytes.length));
  const safetensors = new Uint8Array(64);
  safetensors.set([40, 0, 0, 0, 0, 0, 0, 0, ...new TextEncoder().encode('{"__metadata__":{}}')]);
  const architecture = ['general.architecture', str('llama')] as const;
  const vocabulary = [
    ['tokenizer.ggml.model', str('llama')],
    ['tokenizer.ggml.tokens', strings(['<unk>', 'a'])],
  ] as const;
  add(
    header(new TextEncoder().encode('Whereas recognition of the inherent dignity')),
    header(new Uint8Array(0)),
    header(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0)),
    header(new TextEncoder().encode('tjgg\u0003\u0000\u0000\u0000')),
    header(safetensors),
    header(withBadMagic(gguf)),
    header(withVersion(gguf, 4)),
    header(truncated(gguf, 1_000_000)),
    header(truncated(gguf, gguf.length - 40)),
    header(truncated(gguf, 20)),
    header(withHugeFirstKeyLength(gguf)),
    header(withU32At(gguf, 8, 0xffffffff)),
    header(withTensorType(gguf, 'output.weight', 31)),
    header(withTensorType(gguf, 'output.weight', 12)),
    header(writeGguf([architecture, ...vocabulary, ['general.alignment', u32(24)]], [])),
    header(writeGguf([architecture, ...vocabulary, ['x', u32(1)], ['x', u32(1)]], [])),
    header(writeGguf([...vocabulary], [])),
    header(writeGguf([architecture], [])),
  );

  // Pasted distributions: errors.
  add(
    thrown(() => parseTokenDistribution(5 as unknown as string)),
    pasted('x'.repeat(MAX_IMPORT_CHARACTERS + 1)),
    pasted(''),
    pasted('{'),
    pasted('abc'),
    pasted('{"a": }'),
    pasted('{"a": 1,}'),
    pasted('[1, 2'),
    pasted('{"a" 1}'),
    pasted('"abc'),
    pasted('1 2'),
    pasted('tru'),
    pasted('{"a": 01}'),
    pasted('{"a": -}'),
    pasted('{"a": 1.}'),
    pasted('{"a": 1e}'),
    pasted('"\\q"'),
    pasted('"\\u12"'),
    pasted('{"a": "x\ny"}'),
    pasted('NaN'),
    pasted('{\n  "a": 0.5,\n  "b": 0.5,\n}'),
    pasted('{"a": 0.6, "b": 0.6}'),
    pasted('[{"token": "a", "logprob": -0.5}, {"token": "a", "logprob": -0.5}]'),
    pasted('[{"token": "a", "prob": 0}]'),
    pasted('{"a": -3.4e38}'),
    pasted(nested(10)),
    pasted('[]'),
    pasted('{"top_logprobs": []}'),
    pasted('5'),
    pasted('null'),
    pasted('"text"'),
    pasted('true'),
    pasted('{"choices": []}'),
    pasted('{"logprobs": null}'),
    pasted('{"logprobs": "none"}'),
    pasted('{}'),
    pasted('{"a": "x"}'),
    pasted('{"choices": [{"logprobs": {"top_logprobs": [{"a": -1, "b": "x"}]}}]}'),
    pasted('{"a": -1, "b": 0.5}'),
    pasted('{"a": 2}'),
    pasted('[5]'),
    pasted('[{"x": "y"}]'),
    pasted('[{"token": "a", "logprob": "x"}]'),
    pasted('[{"token": "a", "logprob": 1}]'),
    pasted('[{"token": "a", "prob": "x"}]'),
    pasted('[{"token": "a", "prob": 2}]'),
    pasted('[{"token": "a"}]'),
    pasted('{"choices": [{"logprobs": {"content": [{"top_logprobs": [5]}]}}]}'),
    pasted('{"choices": [{"logprobs": {"content": [{"top_logprobs": [{"token": "a", "prob": 2}]}]}}]}'),
    pasted(JSON.stringify(Object.fromEntries(Array.from({ length: 200_001 }, (_, i) => [`t${i}`, 0])))),
  );

  // Pasted distributions: notes and the description of what was recognised.
  const accepted = [
    '{"a": 0.5, "b": 0.5}',
    '{"a": -0.1}',
    '{"a": 0.5}',
    '{"a": 0.5, "b": 0.5005}',
    '[{"token": "a", "prob": 0.3}, {"token": "a", "prob": 0.2}]',
    '[{"token": "a", "prob": 0.3}, {"token": "a", "prob": 0.2}, {"token": "a", "prob": 0.1}]',
    '[{"token": "", "bytes": [226], "prob": 0.5}, {"token": "", "bytes": [128], "prob": 0.5}]',
    '[{"token": "", "bytes": [226], "prob": 0.5}, {"token": "b", "prob": 0.5}]',
    '{"completion_probabilities": [{"content": "a", "probs": [{"tok_str": "a", "prob": 0.5}]}, {"content": "b", "probs": [{"tok_str": "b", "prob": 1}]}]}',
    '{"completion_probabilities": [{"probs": [{"tok_str": "a", "prob": 1}]}]}',
    '{"choices": [{"logprobs": {"content": [{"token": "a", "top_logprobs": [{"token": "a", "logprob": -0.1}]}]}}, {}]}',
    '{"token": "a", "top_logprobs": [{"token": "a", "logprob": -0.1}, {"token": "b", "logprob": -2.4}]}',
    '{"top_probs": [{"token": "a", "prob": 0.9}, {"token": "b", "prob": 0.1}]}',
    '[{"a": -0.1, "b": -2.4}, {"c": -0.2}]',
  ];
  for (const text of accepted) {
    const imported = parseTokenDistribution(text);
    note(imported.source, ...imported.notes);
  }

  // Errors that need a failing worker, the network, or more memory than a test should take.
  const made = (error: CodedError) => error.toMessage();
  add(
    made(new CodedError('training.unreceived', {})),
    made(new CodedError('training.workerFailed', { reason: null })),
    made(new CodedError('training.workerStopped', {})),
    made(new InputError('training.outOfMemory', {})),
    made(new CodedError('corpus.unknown', { id: 'xx-none' })),
    made(
      new CodedError('corpus.loadFailed', {
        id: 'ru-udhr',
        title: 'Universal Declaration of Human Rights (Russian)',
        status: 404,
      }),
    ),
    made(new InputError('training.tooVaried', { limit: MAX_NODES })),
    made(new InputError('einstein.tooManyOscillators', { limit: 1_000_000, got: 2_000_000 })),
    made(new InputError('einstein.oscillators', { limit: 2_097_152, got: '0' })),
    made(new InputError('einstein.quanta', { limit: 2_147_483_647, got: '-1' })),
    made(new InputError('einstein.start', { start: 'bogus' })),
    made(new InputError('einstein.moves', { got: '-1' })),
    made(new InputError('einstein.histogramBin', { got: '-1' })),
    made(new InputError('metropolis.tooManyLevels', {})),
    // A syntax-tree node a newer mathjs might add (every kind mathjs 15 parses has its own code).
    made(new InputError('formula.unknownNode', { field: 'formula', node: 'FutureNode' })),
    // samplerControls.ts (a field's label in the current language and what was typed), modelControls.ts
    // (a dropped file).
    made(new InputError('field.notANumber', { label: 'top-k', text: 'abc' })),
    made(new InputError('field.notANumber', { label: 'min-p', text: '' })),
    made(new InputError('file.tooLarge', { megabytes: 12.5, limit: 10 })),
  );

  // The models' doors: src/shared/model/particleModel.ts and src/screens/*/model.ts.
  const physics = createPhysicsModel();
  const { particles } = physics;
  const language = createLanguageScreenModel('en');
  add(
    thrown(() => particles.heatBathFraction.set(5)),
    thrown(() => particles.metropolisSweeps.set(0)),
    thrown(() => particles.stepsPerSecond.set(0.5)),
    thrown(() => particles.setDynamics('bogus' as never)),
    thrown(() => physics.setTemperature(-1)),
    thrown(() => physics.temperatureUnit.set('K')),
    thrown(() => language.context.set('x'.repeat(MAX_CONTEXT_LENGTH + 1))),
    thrown(() => language.source.set('pasted')),
    thrown(() => language.source.set('real')),
    thrown(() => language.generationTemperatures.set([])),
    thrown(() => createParallelScreenModel().physicsSystem.set('bogus' as never)),
  );
  physics.chooseSystem({ kind: 'preset', presetId: 'two-level', params: {} });
  add(thrown(() => particles.setDynamics('einstein')));

  // Lessons: src/lessons/lesson.ts (the format's door) and the library; a link's are made by the codec.
  const valid = { format: LESSON_FORMAT, version: 1, title: 'x', slides: [] as unknown[] };
  const slide = { screen: 'physics', view: 'T=1', caption: '' };
  const lessonText = (value: unknown) => thrown(() => parseLessonText(JSON.stringify(value)));
  add(
    thrown(() => parseLessonText('[]')),
    thrown(() => parseLessonText(' '.repeat(LESSON_LIMITS.bytes + 1))),
    thrown(() => parseLessonText('{"__proto__": 1}')),
    thrown(() => parseLessonText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
    thrown(() => parseLessonText('{"title": ')),
    lessonText({ ...valid, format: 'other' }),
    lessonText({ ...valid, version: 2 }),
    lessonText({ ...valid, title: 5 }),
    lessonText({ ...valid, slides: Array(LESSON_LIMITS.slides + 1).fill(slide) }),
    lessonText({ ...valid, title: 'x'.repeat(LESSON_LIMITS.title + 1) }),
    lessonText({ ...valid, language: 'xx' }),
    lessonText({ ...valid, slides: [{ ...slide, screen: 'admin' }] }),
    lessonText({ ...valid, slides: [{ ...slide, caption: 'x'.repeat(LESSON_LIMITS.caption + 1) }] }),
    lessonText({ ...valid, slides: [{ ...slide, view: `fl=${'1,'.repeat(LESSON_LIMITS.view)}` }] }),
    lessonText({ ...valid, slides: [{ ...slide, view: 'T=warm&N=-5' }] }),
    thrown(() => playableSlides(parseLesson(valid))),
    made(new InputError('lesson.linkUnreadable', {})),
    made(new InputError('lesson.linkTooLong', { length: 500_000, limit: 400_000 })),
    made(new InputError('lesson.linkTooLarge', { limit: 256 })),
    made(new InputError('lesson.notSaved', {})),
  );

  // The real model (src/realModel/): its pure doors, and what needs llama.cpp, a server or storage.
  // (llama.cpp's own English reason, quoted in both languages, is checked in loadFailure.test.ts.)
  const megabyte = 1024 * 1024;
  add(
    thrown(() => checkModelSize(3000 * megabyte)),
    classifyLoadFailure(
      ["error loading model architecture: unknown model architecture: 'mamba9'"],
      null,
      1,
    ).toMessage(),
    classifyLoadFailure(['failed to allocate CPU buffer of size 812 MiB'], null, 900 * megabyte).toMessage(),
    classifyLoadFailure([], new Error('Error while loading model'), 1).toMessage(),
    thrown(() => scatterDistribution([{ token: 0, p: Number.NaN }], 1)),
    thrown(() => parseModelAddress('ftp://example.org/model.gguf')),
    made(new CodedError('model.notLoaded', {})),
    made(new CodedError('model.contextFull', { tokens: 2100, limit: 2048 })),
    made(new CodedError('model.runtimeFailed', { reason: null })),
    made(new CodedError('model.superseded', {})),
    made(new CodedError('download.httpStatus', { status: 404 })),
    made(new CodedError('download.network', {})),
    made(new CodedError('download.cancelled', {})),
    made(new CodedError('download.sizeMismatch', { expected: 103_000_000, received: 51_234_567 })),
    made(new CodedError('download.notGguf', {})),
    made(new CodedError('storage.full', { megabytes: 270.6 })),
    made(new CodedError('storage.unavailable', {})),
    made(new InputError('storage.notFound', { id: '0123456789abcdef0123456789abcdef' })),
  );
  return messages;
}

const CYRILLIC = /[а-яё]/i;
/** Two English words in a row: a sentence left untranslated (single names such as sqrt or top-k are fine). */
const ENGLISH_PHRASE = /\b[A-Za-z]{2,}\s+[A-Za-z]{3,}\b/;

function text(strings: Strings, item: Message): string {
  return item.table === 'errors'
    ? errorText(strings, new CodedError(item.message.code, item.message.params as never))
    : noteText(strings, item.message);
}

const codesOf = (items: Message[], table: Message['table']) =>
  new Set(items.filter((item) => item.table === table).map((item) => item.message.code));

describe('messages by code', () => {
  const messages = corpus();

  test('each language has a table of every code (a missing entry is a type error)', () => {
    expectTypeOf(en.errors).toEqualTypeOf<ErrorTable>();
    expectTypeOf(ru.errors).toEqualTypeOf<ErrorTable>();
    expectTypeOf(en.notes).toEqualTypeOf<NoteTable>();
    expectTypeOf(ru.notes).toEqualTypeOf<NoteTable>();
    expectTypeOf<keyof typeof ru.errors>().toEqualTypeOf<keyof ErrorParams>();
    expectTypeOf<keyof typeof ru.notes>().toEqualTypeOf<keyof NoteParams>();
    expect(Object.keys(ru.errors).sort()).toEqual(Object.keys(en.errors).sort());
    expect(Object.keys(ru.notes).sort()).toEqual(Object.keys(en.notes).sort());
  });

  test('the corpus holds every code of the union, from real errors where a test can make them', () => {
    expect([...codesOf(messages, 'errors')].sort()).toEqual(Object.keys(en.errors).sort());
    expect([...codesOf(messages, 'notes')].sort()).toEqual(Object.keys(en.notes).sort());
    expect(messages.length).toBeGreaterThan(200);
  });

  const unique = [...new Map(messages.map((item) => [JSON.stringify(item.message), item])).values()];
  test.each(unique.map((item) => [text(en, item), item] as const))('%s', (english, item) => {
    const russian = text(ru, item);
    expect(english).not.toMatch(/undefined|\[object/);
    expect(russian).not.toMatch(/undefined|\[object/);
    expect(russian).toMatch(CYRILLIC);
    expect(russian).not.toMatch(ENGLISH_PHRASE);
    // Inserted values stay: every run of digits in the English is in the Russian (except those of a
    // preset's English name or a parameter's label, "1D box", and a JSON position given again as a line and column).
    const names = Object.values(en.presets).flatMap((preset) => [
      preset.name,
      ...Object.values(preset.parameters as Record<string, { label: string }>).map(
        (parameter) => parameter.label,
      ),
    ]);
    const values = names
      .reduce((text, name) => text.replaceAll(name, ''), english)
      .replace(/ at position \d+(?= \(line)/, '');
    for (const digits of values.match(/\d+/g) ?? []) expect(russian).toContain(digits);
  });

  test('the person’s own text is kept exactly', () => {
    const ruText = (message: ErrorMessage) => text(ru, { table: 'errors', message });
    expect(ruText(temperature('300 kelvn'))).toContain('«kelvn»');
    expect(ruText(formula('n^2 +'))).toBe('Формула: выражение неожиданно оборвалось (символ 6).');
    expect(ruText(list('1, два'))).toContain('Запись 2 («два») — не число.');
    expect(ruText(thrown(() => parseSeed(' x y ')))).toContain('«x y»');
  });

  test('an unknown unit is answered with the Russian spellings that work', () => {
    expect(text(ru, { table: 'errors', message: temperature('300 к') })).toBe(
      'Неизвестная единица «к» в «300 к». Возможно, имелось в виду «К»? ' +
        'Попробуйте К, °С, мэВ, эВ, см⁻¹ (или см^-1, см-1), ТГц, Дж или кДж/моль; латинские K, °C, meV, cm⁻¹, THz тоже подходят.',
    );
  });

  test('preset names, dimensions and corpus titles are written in the language too', () => {
    const ruText = (message: ErrorMessage) => text(ru, { table: 'errors', message });
    const hydrogen = PRESETS.find((preset) => preset.id === 'hydrogen');
    expect(ruText(thrown(() => hydrogen?.build({ nMax: 0 })))).toBe(
      'Атом водорода: nₘₐₓ должно быть целым числом от 1 до 10000 (получено 0).',
    );
    expect(ruText(temperature('5 m'))).toBe(
      '«5 m» — это длина; введите температуру (300 К) или энергию (25 мэВ).',
    );
    const failed = {
      code: 'corpus.loadFailed',
      params: { id: 'ru-udhr', title: 'Universal Declaration of Human Rights (Russian)', status: 404 },
    } as const;
    expect(ruText(failed)).toBe(
      'Не удалось загрузить текст «Всеобщая декларация прав человека (русский)» (HTTP 404).',
    );
  });

  test('numbers are written the language’s way: a decimal comma in Russian', () => {
    const megabytes = { code: 'file.tooLarge', params: { megabytes: 12.5, limit: 10 } } as const;
    expect(text(en, { table: 'errors', message: megabytes })).toBe(
      'That file is 12.5 MB; the limit is 10 MB.',
    );
    expect(text(ru, { table: 'errors', message: megabytes })).toBe(
      'Этот файл занимает 12,5 МБ; предел — 10 МБ.',
    );
    const coverage = parseTokenDistribution('{"a": 0.5, "b": 0.3, "c": 0.131}').notes[0];
    expect(noteText(ru, coverage)).toMatch(/^Эти 3 токена покрывают 93,1% вероятности/);
  });

  test('plural forms agree with the numbers', () => {
    const ruText = (message: ErrorMessage) => text(ru, { table: 'errors', message });
    expect(ruText({ code: 'energyList.tooManyEntries', params: { count: 10_001, limit: 10_000 } })).toBe(
      'В списке энергий 10001 запись; предел — 10000.',
    );
    expect(ruText(formula('atan2(1)'))).toBe('Формула: atan2 принимает 2 аргумента, а передано 1.');
    expect(ruText(formula('min()'))).toBe('Формула: min принимает от 1 до 20 аргументов, а передано 0.');
  });

  test('an error without a code is an unexpected error, in either language', () => {
    for (const strings of [en, ru]) {
      expect(errorText(strings, new Error('disk on fire'))).toBe(strings.unexpectedError);
      expect(errorText(strings, 'a thrown string')).toBe(strings.unexpectedError);
    }
    expect(ru.unexpectedError).toMatch(CYRILLIC);
  });

  test('an error crosses the worker boundary as its code and parameters', () => {
    const error = thrown(() => trainNgramModel('', 3));
    const rebuilt: Coded<ErrorParams> = structuredClone(error);
    expect(errorText(ru, new InputError(rebuilt.code, rebuilt.params as never))).toBe(
      'Обучающий текст пуст.',
    );
  });
});
