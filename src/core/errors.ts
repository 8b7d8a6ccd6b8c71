/**
 * Errors the engine reports to a person, by code. An error carries a code from a typed union and the
 * parameters its message needs (numbers, the person's own text, positions); each language's strings turn
 * the pair into a sentence (src/strings/<language>/errors.ts). `message` is only for logs and tests.
 */

/** Which formula a formula message is about. */
export type FormulaField = 'energy' | 'degeneracy' | 'formula';

/**
 * What mathjs's parser complained about, classified in formula.ts from its English messages (the only
 * English prose the engine still reads). `detail` keeps what mathjs quoted, for the kinds that quote.
 */
export type ParseProblem =
  | 'unexpectedEnd'
  | 'missingParenthesis'
  | 'valueExpected'
  | 'digitExpected'
  | 'syntaxInPart'
  | 'unexpectedOperator'
  | 'unexpectedPart'
  | 'invalidAssignment'
  | 'optionalChainAssignment'
  | 'conditionalFalseExpected'
  | 'conditionalTrueEmpty'
  | 'bracketExpected'
  | 'propertyAfterDot'
  | 'propertyAfterOptionalChain'
  | 'invalidUnicode'
  | 'badEscape'
  | 'endOfString'
  | 'endOfMatrix'
  | 'columnMismatch'
  | 'objectKey'
  | 'objectColon'
  | 'objectComma'
  /** A message no kind above matches (a newer mathjs): shown as mathjs wrote it. */
  | 'other';

/** A syntax-tree node a formula may not contain. */
export type ForbiddenNode =
  | 'access'
  | 'assignment'
  | 'functionDefinition'
  | 'list'
  | 'object'
  | 'severalExpressions'
  | 'range'
  | 'condition'
  | 'comparison';

export type Quantity = 'temperature' | 'energy';

/** The dimension of a quantity that is neither a temperature nor an energy. */
export type Dimension =
  | 'length'
  | 'mass'
  | 'time'
  | 'area'
  | 'volume'
  | 'speed'
  | 'acceleration'
  | 'force'
  | 'pressure'
  | 'power'
  | 'current'
  | 'voltage'
  | 'charge'
  | 'resistance'
  | 'magneticField'
  | 'amountOfSubstance'
  | 'angle'
  | 'information'
  | 'luminousIntensity'
  | 'entropy'
  | 'action'
  | 'inverseTemperature'
  | 'inverseEnergy'
  | 'density'
  | 'pureNumber';

/** What a whole-number count counts, in "the number of … must be a whole number". */
export type Counted = 'draws' | 'particles' | 'trials' | 'alternatives' | 'tokensToGenerate';

/** A JSON value described in a message about a pasted distribution. */
export type Described =
  | { kind: 'null' | 'list' | 'object' | 'boolean' | 'undefined' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number };

/** Where a candidate sits: "Entry 3" in a top-level list (path ''), else a path such as choices[0]…[3]. */
export interface Place {
  path: string;
  index: number;
}

/** What JSON.parse complained about (V8's messages, classified in importDistribution.ts). */
export type JsonProblem =
  | 'propertyNameOrBrace'
  | 'quotedPropertyName'
  | 'commaOrBracket'
  | 'commaOrBrace'
  | 'colon'
  | 'unterminatedString'
  | 'trailingCharacters'
  | 'unexpectedEnd'
  | 'unexpectedNumber'
  | 'unexpectedString'
  | 'controlCharacter'
  | 'noNumberAfterMinus'
  | 'unterminatedFraction'
  | 'exponentMissing'
  | 'badEscape'
  | 'badUnicodeEscape'
  | 'unexpectedToken'
  /** "… is not valid JSON" with the text it quotes. */
  | 'invalidText'
  /** Any other message: shown as the browser wrote it. */
  | 'other';

/** Why a GGUF header cannot be read (see src/core/lm/gguf/ggufHeader.ts). */
export type GgufCorruption =
  /** A string claims more bytes than the file has left. */
  | 'stringLength'
  /** A metadata value or array item has a type GGUF does not define. */
  | 'valueType'
  /** An array claims more items than the file has room for. */
  | 'arrayLength'
  /** Arrays nested deeper than any model writes them. */
  | 'tooDeep'
  /** More metadata entries or tensors than the file has room for. */
  | 'count'
  | 'duplicateKey'
  | 'duplicateTensor'
  /** general.alignment is zero or not a power of two. */
  | 'alignment'
  /** A tensor with no dimensions, more than four, or more elements than any file holds. */
  | 'dimensions'
  /** A tensor's rows are not a whole number of its type's blocks. */
  | 'rowSize'
  /** A tensor's offset into the data is not a multiple of the alignment. */
  | 'tensorMisaligned'
  /** A key llama.cpp reads has a value of the wrong type (general.architecture not text, …). */
  | 'keyType'
  /** tokenizer.ggml.token_type does not have one entry per token. */
  | 'tokenTypes'
  /** The header alone is larger than any model's header. */
  | 'headerTooLarge';

/** What a file that is not GGUF looks like, for a hint in the message. */
export type NotGgufHint = 'ggml' | 'safetensors' | 'zip' | 'text' | 'empty' | null;

/** What a lesson's field should have held, in "slides[2].caption must be text". */
export type LessonFieldKind = 'text' | 'number' | 'list' | 'object' | 'choice';

/** For a formula message: which formula. */
interface InFormula {
  field: FormulaField;
}

/** The parameters of each error code. Text typed by a person is passed as typed (already shortened). */
export interface ErrorParams {
  'formula.notText': InFormula;
  'formula.tooLong': InFormula & { length: number; limit: number };
  'formula.empty': InFormula;
  'formula.degeneracyEmpty': Record<string, never>;
  'formula.tooManyParts': InFormula & { limit: number };
  'formula.tooDeep': InFormula & { limit: number };
  'formula.quotedText': InFormula;
  'formula.notANumber': InFormula & { text: string };
  'formula.infiniteNumber': InFormula;
  'formula.functionAsName': InFormula & { name: string };
  'formula.unknownName': InFormula & { name: string; variables: string[]; constants: string[] };
  'formula.comparison': InFormula & { operator: string };
  'formula.operator': InFormula & { operator: string };
  'formula.unnamedCall': InFormula;
  'formula.notAFunction': InFormula & { name: string };
  'formula.unknownFunction': InFormula & { name: string; allowed: string[] };
  'formula.argumentCount': InFormula & { name: string; min: number; max: number; given: number };
  'formula.forbidden': InFormula & { node: ForbiddenNode };
  'formula.unknownNode': InFormula & { node: string };
  'formula.syntax': InFormula & { problem: ParseProblem; detail: string; position: number | null };
  'formula.firstNNotWhole': { got: string };
  'formula.lastNNotWhole': { got: string };
  'formula.nOrder': { from: number; to: number };
  'formula.tooManyLevels': { from: number; to: number; count: number; limit: number };
  'formula.tooSlow': { milliseconds: number; levels: number };
  'formula.notReal': { quantity: 'energy' | 'degeneracy'; n: number; formula: string };
  'formula.notFinite': { quantity: 'energy' | 'degeneracy'; n: number; formula: string };
  'formula.negativeDegeneracy': { value: number; n: number; formula: string };
  'formula.allDegeneraciesZero': Record<string, never>;

  'quantity.notText': { quantity: Quantity };
  'quantity.tooLong': { quantity: Quantity; length: number; limit: number };
  'quantity.empty': { quantity: Quantity };
  'quantity.tooLarge': { quantity: Quantity; text: string };
  'quantity.notFinite': { quantity: Quantity; text: string };
  'quantity.decimalComma': { text: string };
  'quantity.notQuantity': { quantity: Quantity; text: string };
  'quantity.notNumberAndUnit': { quantity: Quantity; text: string };
  'quantity.unknownUnit': { unit: string; text: string; suggestion: string | null };
  'quantity.unreadableUnit': { quantity: Quantity; unit: string; text: string };
  'quantity.belowAbsoluteZero': { text: string };
  'quantity.neither': { quantity: Quantity; text: string };
  'quantity.wrongDimension': { quantity: Quantity; text: string; dimension: Dimension };
  'quantity.reducedUnits': { quantity: Quantity; symbol: string; text: string };

  'energyList.notText': Record<string, never>;
  'energyList.tooLong': { length: number; limit: number };
  'energyList.empty': Record<string, never>;
  'energyList.tooManyEntries': { count: number; limit: number };
  'energyList.extraColon': { entry: number; text: string };
  'energyList.noEnergy': { entry: number; text: string };
  'energyList.notANumber': { entry: number; text: string };
  'energyList.energyTooLarge': { entry: number; text: string };
  'energyList.noDegeneracy': { entry: number; text: string };
  'energyList.degeneracyNotANumber': { entry: number; text: string; degeneracy: string };
  'energyList.degeneracyTooLarge': { entry: number; text: string };
  'energyList.degeneracyNegative': { entry: number; text: string };
  'energyList.allDegeneraciesZero': Record<string, never>;

  /** `preset` and `parameter` are ids; each language's table names them. */
  'preset.parametersNotObject': { preset: string };
  'preset.unknownParameter': { preset: string; parameter: string; known: string[] };
  'preset.parameterRange': {
    preset: string;
    parameter: string;
    integer: boolean;
    min: number;
    max: number;
    got: string;
  };

  'spectrum.noLevels': Record<string, never>;
  'spectrum.degeneracyCount': { energies: number; degeneracies: number };
  'spectrum.energyNaN': { level: number };
  'spectrum.energyMinusInfinity': { level: number };
  'spectrum.degeneracyNaN': { level: number };
  'spectrum.degeneracyNegative': { level: number; value: number };
  'spectrum.degeneracyInfinite': { level: number };
  'spectrum.nothingPopulated': Record<string, never>;
  'temperature.notANumber': { beta: boolean };
  'probabilities.none': Record<string, never>;
  'probabilities.notANumber': { index: number };
  'probabilities.negative': { index: number; value: number };
  'probabilities.infinite': { index: number };
  'probabilities.sum': { sum: number; tolerance: number };

  'particles.count': { got: string };
  'count.notWhole': { what: Counted; got: string };
  'alias.tooManyLevels': { limit: number; got: number };
  'binomial.probability': { got: string };
  'einstein.tooManyOscillators': { limit: number; got: number };
  'einstein.oscillators': { limit: number; got: string };
  'einstein.quanta': { limit: number; got: string };
  'einstein.start': { start: string };
  'einstein.moves': { got: string };
  'einstein.histogramBin': { got: string };
  'heatBath.fraction': { got: string };
  'metropolis.tooManyLevels': Record<string, never>;
  'metropolis.temperature': Record<string, never>;
  'metropolis.sweeps': { got: string };
  'seed.range': { got: string };
  /** A setting of the particles outside the range its controls and links accept. */
  'setting.range': {
    setting: 'heatBathFraction' | 'metropolisSweeps' | 'stepsPerSecond';
    min: number;
    max: number;
    whole: boolean;
    got: string;
  };
  'dynamics.unknown': { got: string };
  'einstein.needsOscillator': Record<string, never>;
  'temperature.negativeUnbounded': Record<string, never>;
  'unit.notForSystem': { unit: string };
  'context.tooLong': { limit: number };
  'source.nothingPasted': Record<string, never>;
  'source.noRealModel': Record<string, never>;
  'generation.temperatures': { columns: number; limit: number };
  'parallel.unknownSystem': { got: string };
  /** A sampler field's text that is no number; `label` is the field's label in the current language. */
  'field.notANumber': { label: string; text: string };
  'file.tooLarge': { megabytes: number; limit: number };

  'gguf.notGguf': { hint: NotGgufHint };
  'gguf.version': { got: number; supported: number[] };
  /** The file is shorter than its header says: `neededBytes` is where its header or tensor data ends. */
  'gguf.truncated': { neededBytes: number; fileBytes: number; inHeader: boolean };
  /** `at` names the key or tensor where reading stopped (null before the first key). */
  'gguf.corrupt': { reason: GgufCorruption; at: string | null };
  'gguf.unknownTensorType': { tensor: string; type: number };
  'gguf.noArchitecture': Record<string, never>;
  'gguf.noVocabulary': Record<string, never>;

  'model.order': { min: number; max: number; got: string };
  /** A GGUF file larger than this build of llama.cpp can hold in the tab (see src/realModel/modelLimits.ts). */
  'model.tooLarge': { megabytes: number; limitMegabytes: number };
  /** llama.cpp has no implementation of the file's `general.architecture`. */
  'model.architecture': { architecture: string };
  /** llama.cpp could not allocate the model's weights, cache and work buffers in the tab's memory. */
  'model.outOfMemory': { megabytes: number };
  /** llama.cpp refused the file for a reason of its own; `reason` is its log line (English), if any. */
  'model.loadFailed': { reason: string | null };
  'model.notLoaded': Record<string, never>;
  /** The context has more tokens than the context window the model was loaded with. */
  'model.contextFull': { tokens: number; limit: number };
  /** llama.cpp's probabilities were not finite (a logit above ~88 overflows its float32 softmax). */
  'model.badDistribution': { token: number };
  /** The worker running llama.cpp failed during an operation. */
  'model.runtimeFailed': { reason: string | null };
  /** A newer request of the same kind replaced this one before it ran. */
  'model.superseded': Record<string, never>;
  'download.badAddress': { text: string };
  'download.httpStatus': { status: number };
  'download.network': Record<string, never>;
  'download.cancelled': Record<string, never>;
  /** The server's Content-Length and the bytes that came differ (a cut connection). */
  'download.sizeMismatch': { expected: number; received: number };
  'download.notGguf': Record<string, never>;
  /** Browser storage refused the file (its quota); `megabytes` is the file's size. */
  'storage.full': { megabytes: number };
  'storage.unavailable': Record<string, never>;
  'storage.notFound': { id: string };
  'training.notText': Record<string, never>;
  'training.tooLong': { millions: number; limit: number };
  'training.tooVaried': { limit: number };
  'training.empty': Record<string, never>;
  'training.whitespace': Record<string, never>;
  'training.outOfMemory': Record<string, never>;
  'training.unreceived': Record<string, never>;
  'training.workerFailed': { reason: string | null };
  'training.workerStopped': Record<string, never>;
  'corpus.unknown': { id: string };
  'corpus.loadFailed': { id: string; title: string; status: number };
  'sampler.temperature': Record<string, never>;
  'sampler.topK': { got: string };
  'sampler.topP': { got: string };
  'sampler.minP': { got: string };
  /** zeroAllowed: the order is 'temperature-last', where typical-p = 0 is valid (llama.cpp). */
  'sampler.typicalP': { got: string; zeroAllowed: boolean };
  'sampler.order': { got: string };
  'generation.tooMany': { limit: number; got: number };
  'generation.emptyVocabulary': Record<string, never>;
  'generation.sizeMismatch': { probabilities: number; vocabulary: number };

  'import.notText': Record<string, never>;
  'import.tooLarge': { megabytes: number; limit: number };
  'import.nothing': Record<string, never>;
  'import.notJson': {
    problem: JsonProblem;
    /** What the parser quoted: the unexpected character, the text, or its whole message for 'other'. */
    detail: string;
    /** The start of the text around an unexpected character, as the parser quoted it ('' if none). */
    excerpt: string;
    line: number | null;
    column: number | null;
    position: number | null;
  };
  'import.allZero': { logarithmic: boolean };
  'import.sumAboveOne': { sum: number; logarithmic: boolean; duplicates: boolean };
  'import.tooDeep': { path: string };
  'import.emptyList': { path: string; askForAlternatives: boolean };
  'import.unexpectedValue': { found: Described };
  'import.noChoices': { path: string };
  'import.noLogprobs': { path: string; found: Described };
  'import.emptyMap': { path: string };
  'import.tooManyTokens': { count: number; limit: number };
  'import.mixedSigns': { token: string; value: number; negativeToken: string; negativeValue: number };
  'import.aboveOne': { token: string; value: number };
  'import.valueNotNumber': { token: string; path: string; found: Described };
  'import.entryNotObject': { at: Place; found: Described };
  'import.entryNoToken': { at: Place };
  'import.logprobNotNumber': { at: Place; token: string; found: Described };
  'import.logprobPositive': { at: Place; token: string; value: number };
  'import.probNotNumber': { at: Place; token: string; found: Described };
  'import.probRange': { at: Place; token: string; value: number };
  'import.entryNoValue': { at: Place; token: string };

  'lesson.notObject': Record<string, never>;
  'lesson.tooLarge': { kilobytes: number; limit: number };
  'lesson.forbiddenKey': { key: string };
  'lesson.tooDeep': Record<string, never>;
  'lesson.format': Record<string, never>;
  'lesson.version': { version: string; supported: number };
  'lesson.field': { path: string; expected: LessonFieldKind };
  'lesson.tooManySlides': { count: number; limit: number };
  'lesson.titleTooLong': { length: number; limit: number };
  'lesson.language': { language: string };
  'lesson.unknownScreen': { slide: number; screen: string };
  'lesson.captionTooLong': { slide: number; length: number; limit: number };
  'lesson.viewTooLong': { slide: number; length: number; limit: number };
  /** A slide's settings that a link would refuse (by parameter name). */
  'lesson.badView': { slide: number; parameters: string[] };
  'lesson.linkUnreadable': Record<string, never>;
  'lesson.linkTooLong': { length: number; limit: number };
  /** Inflating stopped at the limit, so the true size is not known. */
  'lesson.linkTooLarge': { limit: number };
  'lesson.empty': Record<string, never>;
  'lesson.notSaved': Record<string, never>;
}

export type ErrorCode = keyof ErrorParams;

/** A code and its parameters: what a message is, before a language writes it. */
export type Coded<P, C extends keyof P = keyof P> = { [K in C]: { code: K; params: P[K] } }[C];

export type ErrorMessage<C extends ErrorCode = ErrorCode> = Coded<ErrorParams, C>;

/**
 * What importDistribution tells a person about a pasted distribution (notes), and what it recognised
 * (sources); shown through the same tables as errors.
 */
export interface NoteParams {
  'note.duplicates': { count: number; first: string };
  'note.byteNamed': { count: number };
  'note.coverage': { count: number; percent: number };
  'note.rescaled': { sum: number };
  'note.positions': { path: string; positions: number; chosen: string | null };
  'note.choices': { count: number };
  'note.chosen': { token: string };
  'source.map': { logarithmic: boolean; path: string };
  'source.legacy': { path: string };
  'source.logprobList': { path: string };
  'source.probList': { path: string };
}

export type NoteCode = keyof NoteParams;
export type NoteMessage<C extends NoteCode = NoteCode> = Coded<NoteParams, C>;

/**
 * An error with a code a language can write. Its `message` is read from the prototype, a code-and-
 * parameters line for logs; the unit tests replace that getter with the English text
 * (tests/setup/english-errors.ts), so that they read what a person reads.
 */
export class CodedError<C extends ErrorCode = ErrorCode> extends Error {
  override name = 'CodedError';
  readonly code: C;
  readonly params: ErrorParams[C];

  constructor(code: C, params: ErrorParams[C]) {
    // No message argument: Error then leaves `message` to the prototype's getter below.
    super();
    this.code = code;
    this.params = params;
  }

  /** The code and parameters alone, for crossing a worker boundary. */
  toMessage(): ErrorMessage {
    return { code: this.code, params: this.params } as ErrorMessage;
  }
}

Object.defineProperty(CodedError.prototype, 'message', {
  configurable: true,
  get(this: CodedError) {
    return `${this.code} ${JSON.stringify(this.params)}`;
  },
});

/** An error caused by input a person gave (a formula, a number, a pasted file). */
export class InputError<C extends ErrorCode = ErrorCode> extends CodedError<C> {
  override name = 'InputError';
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}

/** Rebuilds an InputError from its code and parameters (sent by the trainer worker). */
export function inputErrorFrom(message: ErrorMessage): InputError {
  return new InputError(message.code, message.params as never);
}
