/** The engine's errors, notes and source descriptions in English, by code (see src/core/errors.ts). */
import type * as Engine from '../../core/errors.ts';
import type { ErrorTable, NoteTable } from '../messageTable.ts';
import { presetLabels } from '../presetText.ts';

/** A number as the engine computed it, with the infinities written as signs. */
const num = (x: number) =>
  x === Number.POSITIVE_INFINITY ? '∞' : x === Number.NEGATIVE_INFINITY ? '−∞' : String(x);

/** The particle settings a range error can name. */
const SETTING_NAMES = {
  heatBathFraction: 'fraction redrawn per step',
  metropolisSweeps: 'number of sweeps per step',
  stepsPerSecond: 'number of steps per second',
} as const;

const LESSON_FIELD_KIND: Record<Engine.LessonFieldKind, string> = {
  text: 'text',
  number: 'a number',
  list: 'a list',
  object: 'an object',
  choice: 'one of the allowed values',
};

const GGUF_HINT: Record<Exclude<Engine.NotGgufHint, null>, string> = {
  ggml: ' It looks like an old GGML/GGJT model: convert it to GGUF with llama.cpp first.',
  safetensors: ' It looks like a safetensors file: convert it to GGUF with llama.cpp first.',
  zip: ' It looks like a ZIP archive (a PyTorch .bin or .pt): convert the model to GGUF with llama.cpp first.',
  text: ' It looks like a text file.',
  empty: ' The file is empty.',
};

const GGUF_CORRUPTION: Record<Engine.GgufCorruption, string> = {
  stringLength: 'a text claims more bytes than the file has left',
  valueType: 'a value has a type GGUF does not define',
  arrayLength: 'a list claims more entries than the file has room for',
  tooDeep: 'lists are nested deeper than any model writes them',
  count: 'it claims more entries or tensors than the file has room for',
  duplicateKey: 'a key appears twice',
  duplicateTensor: 'two tensors have the same name',
  alignment: 'its alignment is not a power of two',
  dimensions: 'a tensor has an impossible shape',
  rowSize: "a tensor's rows do not fill whole blocks of its type",
  tensorMisaligned: "a tensor's data does not start at a multiple of the alignment",
  keyType: 'a key has a value of the wrong type',
  tokenTypes: 'the token types do not match the tokens one for one',
  headerTooLarge: 'its header is larger than any model’s header',
};

/** Sizes in MB, with enough decimals that two different sizes never read the same. */
function megabytePair(a: number, b: number): [string, string] {
  let digits = 1;
  while (digits < 6 && (a / 1e6).toFixed(digits) === (b / 1e6).toFixed(digits)) digits++;
  return [(a / 1e6).toFixed(digits), (b / 1e6).toFixed(digits)];
}

const FORMULA: Record<Engine.FormulaField, string> = {
  energy: 'Energy formula',
  degeneracy: 'Degeneracy formula',
  formula: 'Formula',
};
const formula = (field: Engine.FormulaField, detail: string) => `${FORMULA[field]}: ${detail}`;

const FORBIDDEN: Record<Engine.ForbiddenNode, string> = {
  access: "property access and indexing ('.' or '[ ]') are not allowed",
  assignment: "assignments ('=') are not allowed; type only the expression, for example n^2",
  functionDefinition: 'defining functions is not allowed; type only the expression, for example n^2',
  list: "lists and matrices ('[ ]') are not allowed",
  object: "objects ('{ }') are not allowed",
  severalExpressions: "only one expression is allowed (no ';' or line breaks)",
  range: "ranges ('a:b') are not allowed",
  condition: "conditions ('a ? b : c') are not allowed",
  comparison: "comparisons ('<', '>', '==') are not allowed",
};

const PARSE: Record<Exclude<Engine.ParseProblem, 'other'>, (detail: string) => string> = {
  unexpectedEnd: () => 'unexpected end of input',
  missingParenthesis: () => "a closing parenthesis ')' is missing",
  valueExpected: () => 'a value is expected',
  digitExpected: (d) => `digit expected, got "${d}"`,
  syntaxInPart: (d) => `syntax error in part "${d}"`,
  unexpectedOperator: (d) => `unexpected operator ${d}`,
  unexpectedPart: (d) => `unexpected part "${d}"`,
  invalidAssignment: () => 'invalid left hand side of assignment operator =',
  optionalChainAssignment: () => 'cannot assign to optional chain',
  conditionalFalseExpected: () => 'false part of conditional expression expected',
  conditionalTrueEmpty: () => 'the true-expression of a conditional operator may not be empty',
  bracketExpected: () => 'parenthesis ] expected',
  propertyAfterDot: () => 'property name expected after dot',
  propertyAfterOptionalChain: () => 'property name expected after optional chain',
  invalidUnicode: (d) => `invalid unicode character ${d}`,
  badEscape: (d) => `bad escape character ${d}`,
  endOfString: (d) => `end of string ${d} expected`,
  endOfMatrix: () => 'end of matrix ] expected',
  columnMismatch: (d) => `column dimensions mismatch ${d}`,
  objectKey: () => 'symbol or string expected as object key',
  objectColon: () => 'colon : expected after object key',
  objectComma: () => 'comma , or bracket } expected after object value',
};

const arguments_ = (min: number, max: number) =>
  min === max
    ? `${min} argument${min === 1 ? '' : 's'}`
    : max - min > 1
      ? `from ${min} to ${max} arguments`
      : `${min} or ${max} arguments`;

const NOUN: Record<Engine.Quantity, string> = { temperature: 'Temperature', energy: 'Energy' };
const HINT: Record<Engine.Quantity, string> = {
  temperature: 'type a temperature (300 K) or an energy (25 meV)',
  energy: 'type an energy (25 meV, 1200 cm⁻¹) or a temperature (300 K)',
};

const DIMENSION: Record<Engine.Dimension, string> = {
  length: 'a length',
  mass: 'a mass',
  time: 'a time',
  area: 'an area',
  volume: 'a volume',
  speed: 'a speed',
  acceleration: 'an acceleration',
  force: 'a force',
  pressure: 'a pressure',
  power: 'a power',
  current: 'an electric current',
  voltage: 'a voltage',
  charge: 'an electric charge',
  resistance: 'a resistance',
  magneticField: 'a magnetic field',
  amountOfSubstance: 'an amount of substance',
  angle: 'an angle',
  information: 'an amount of information',
  luminousIntensity: 'a luminous intensity',
  entropy: 'an entropy (or heat capacity)',
  action: 'an action (energy × time)',
  inverseTemperature: 'an inverse temperature',
  inverseEnergy: 'an inverse energy',
  density: 'a density',
  pureNumber: 'a pure number (its units cancel)',
};

const COUNTED: Record<Engine.Counted, string> = {
  draws: 'number of draws',
  particles: 'number of particles',
  trials: 'number of trials',
  alternatives: 'number of alternatives',
  tokensToGenerate: 'number of tokens to generate',
};

const entry = (p: { entry: number; text: string }) => `Entry ${p.entry} ('${p.text}')`;

function described(found: Engine.Described): string {
  switch (found.kind) {
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'boolean':
      return 'a boolean';
    case 'undefined':
      return 'nothing';
    case 'text':
      return `the text ${found.text}`;
    case 'number':
      return num(found.value);
  }
}

const place = (at: Engine.Place) => (at.path === '' ? `Entry ${at.index}` : `${at.path}[${at.index}]`);
const inPath = (path: string) => (path === '' ? '' : ` at ${path}`);

const JSON_PROBLEM: Record<
  Exclude<Engine.JsonProblem, 'other'>,
  (detail: string, excerpt: string) => string
> = {
  propertyNameOrBrace: () => "Expected property name or '}'",
  quotedPropertyName: () => 'Expected double-quoted property name',
  commaOrBracket: () => "Expected ',' or ']' after array element",
  commaOrBrace: () => "Expected ',' or '}' after property value",
  colon: () => "Expected ':' after property name",
  unterminatedString: () => 'Unterminated string',
  trailingCharacters: () => 'Unexpected non-whitespace character after JSON',
  unexpectedEnd: () => 'Unexpected end of JSON input',
  unexpectedNumber: () => 'Unexpected number',
  unexpectedString: () => 'Unexpected string',
  controlCharacter: () => 'Bad control character in string literal',
  noNumberAfterMinus: () => 'No number after minus sign',
  unterminatedFraction: () => 'Unterminated fractional number',
  exponentMissing: () => 'Exponent part is missing a number',
  badEscape: () => 'Bad escaped character',
  badUnicodeEscape: () => 'Bad Unicode escape',
  unexpectedToken: (detail, excerpt) =>
    excerpt === ''
      ? `Unexpected token ${detail} in JSON`
      : `Unexpected token '${detail}', ${excerpt} is not valid JSON`,
  invalidText: (detail) => `${detail} is not valid JSON`,
};

export const errorsEn: ErrorTable = {
  'formula.notText': (p) => `${FORMULA[p.field]} must be text.`,
  'formula.tooLong': (p) =>
    `${FORMULA[p.field]} is too long (${p.length} characters; the limit is ${p.limit}).`,
  'formula.empty': (p) => `${FORMULA[p.field]} is empty.`,
  'formula.degeneracyEmpty': () => 'Degeneracy formula is empty; type 1 if every level has a single state.',
  'formula.tooManyParts': (p) => formula(p.field, `the formula is too long (more than ${p.limit} parts).`),
  'formula.tooDeep': (p) =>
    formula(p.field, `the formula is nested too deeply (more than ${p.limit} levels).`),
  'formula.quotedText': (p) =>
    formula(p.field, 'text in quotes is not allowed; a formula is made of numbers, n and functions.'),
  'formula.notANumber': (p) => formula(p.field, `'${p.text}' is not allowed; only numbers are.`),
  'formula.infiniteNumber': (p) =>
    formula(p.field, 'a number in the formula is infinite or too large to represent.'),
  'formula.functionAsName': (p) => formula(p.field, `'${p.name}' is a function: write ${p.name}(…).`),
  'formula.unknownName': (p) => {
    const what =
      p.variables.length === 0
        ? 'numbers'
        : p.variables.length === 1
          ? `the variable ${p.variables[0]}`
          : `the variables ${p.variables.join(', ')}`;
    return formula(
      p.field,
      `unknown name '${p.name}'. Use ${what} and the constants ${p.constants.join(', ')}.`,
    );
  },
  'formula.comparison': (p) => formula(p.field, `comparisons ('${p.operator}') are not allowed.`),
  'formula.operator': (p) =>
    formula(
      p.field,
      `the operator ${p.operator === "'" ? "' (transpose)" : `'${p.operator}'`} is not allowed. ` +
        'Allowed: + - * / ^ % (remainder) and ! (factorial).',
    ),
  'formula.unnamedCall': (p) => formula(p.field, 'only named functions such as sqrt(n) can be called.'),
  'formula.notAFunction': (p) =>
    formula(p.field, `'${p.name}' is not a function; write a * between factors.`),
  'formula.unknownFunction': (p) =>
    formula(p.field, `unknown function '${p.name}'. Allowed: ${p.allowed.join(', ')}.`),
  'formula.argumentCount': (p) =>
    formula(p.field, `${p.name} takes ${arguments_(p.min, p.max)}, but was given ${p.given}.`),
  'formula.forbidden': (p) => formula(p.field, `${FORBIDDEN[p.node]}.`),
  'formula.unknownNode': (p) => formula(p.field, `'${p.node}' is not allowed.`),
  'formula.syntax': (p) => {
    const text = p.problem === 'other' ? p.detail : PARSE[p.problem](p.detail);
    return formula(p.field, `${text}${p.position === null ? '' : ` at character ${p.position}`}.`);
  },
  'formula.firstNNotWhole': (p) => `The first n must be a whole number (got ${p.got}).`,
  'formula.lastNNotWhole': (p) => `The last n must be a whole number (got ${p.got}).`,
  'formula.nOrder': (p) => `The first n (${p.from}) must not be larger than the last n (${p.to}).`,
  'formula.tooManyLevels': (p) =>
    `Too many levels: n from ${p.from} to ${p.to} is ${p.count} levels; the limit is ${p.limit}.`,
  'formula.tooSlow': (p) =>
    `The formulas took longer than ${p.milliseconds} ms to evaluate over ${p.levels} levels; use fewer levels or a simpler formula.`,
  'formula.notReal': (p) =>
    `${p.quantity === 'energy' ? 'Energy' : 'Degeneracy'} is not a real number at n = ${p.n} (${p.formula}).`,
  'formula.notFinite': (p) =>
    `${p.quantity === 'energy' ? 'Energy' : 'Degeneracy'} is not finite at n = ${p.n} (${p.formula}).`,
  'formula.negativeDegeneracy': (p) =>
    `Degeneracy is negative (${num(p.value)}) at n = ${p.n} (${p.formula}); it counts states, so it must be 0 or more.`,
  'formula.allDegeneraciesZero': () =>
    'Every degeneracy is 0, so no level has any state to occupy. At least one level needs g > 0.',

  'quantity.notText': (p) => `${NOUN[p.quantity]} must be text.`,
  'quantity.tooLong': (p) =>
    `${NOUN[p.quantity]} is too long (${p.length} characters; the limit is ${p.limit}).`,
  'quantity.empty': (p) => `${NOUN[p.quantity]} is empty; ${HINT[p.quantity]}.`,
  'quantity.tooLarge': (p) => `${NOUN[p.quantity]} '${p.text}' is too large.`,
  'quantity.notFinite': (p) => `${NOUN[p.quantity]} must be finite (got '${p.text}').`,
  'quantity.decimalComma': (p) => `'${p.text}': write decimals with a point, for example 0.5 or 2.5 meV.`,
  'quantity.notQuantity': (p) => `'${p.text}' is not a number or a quantity; ${HINT[p.quantity]}.`,
  'quantity.notNumberAndUnit': (p) => `'${p.text}' is not a number followed by a unit; ${HINT[p.quantity]}.`,
  'quantity.unknownUnit': (p) =>
    `Unknown unit '${p.unit}' in '${p.text}'.${p.suggestion === null ? '' : ` Did you mean '${p.suggestion}'?`} ` +
    'Try K, °C, meV, eV, cm⁻¹, THz, J or kJ/mol.',
  'quantity.unreadableUnit': (p) => `Cannot read the unit '${p.unit}' in '${p.text}'; ${HINT[p.quantity]}.`,
  'quantity.belowAbsoluteZero': (p) =>
    `'${p.text}' is below absolute zero. A negative absolute temperature (population inversion) is written in kelvin, for example -300 K.`,
  'quantity.neither': (p) => `'${p.text}' is neither a temperature nor an energy; ${HINT[p.quantity]}.`,
  'quantity.wrongDimension': (p) => `'${p.text}' is ${DIMENSION[p.dimension]}; ${HINT[p.quantity]}.`,
  'quantity.reducedUnits': (p) =>
    `This system is in reduced units (${p.symbol}) with no physical scale, so '${p.text}' cannot be converted. ` +
    `Type a plain number: the ${p.quantity} in units of ${p.symbol}, with Boltzmann’s constant taken as 1.`,

  'energyList.notText': (_, s) => `The energy list must be text. ${s.energyListHint}`,
  'energyList.tooLong': (p) =>
    `The energy list is too long (${p.length} characters; the limit is ${p.limit}).`,
  'energyList.empty': (_, s) => `The energy list is empty. ${s.energyListHint}`,
  'energyList.tooManyEntries': (p) => `The energy list has ${p.count} entries; the limit is ${p.limit}.`,
  'energyList.extraColon': (p, s) => `${entry(p)} has more than one ':'. ${s.energyListHint}`,
  'energyList.noEnergy': (p, s) => `${entry(p)} has no energy before the ':'. ${s.energyListHint}`,
  'energyList.notANumber': (p, s) => `${entry(p)} is not a number. ${s.energyListHint}`,
  'energyList.energyTooLarge': (p) => `${entry(p)} is too large: every energy must be a finite number.`,
  'energyList.noDegeneracy': (p, s) => `${entry(p)} has no degeneracy after the ':'. ${s.energyListHint}`,
  'energyList.degeneracyNotANumber': (p, s) =>
    `${entry(p)}: the degeneracy '${p.degeneracy}' is not a number. ${s.energyListHint}`,
  'energyList.degeneracyTooLarge': (p) => `${entry(p)}: the degeneracy is too large.`,
  'energyList.degeneracyNegative': (p) =>
    `${entry(p)}: the degeneracy counts states, so it must be 0 or more.`,
  'energyList.allDegeneraciesZero': () =>
    'Every degeneracy in the list is 0, so no level has any state to occupy. At least one level needs g > 0.',

  'preset.parametersNotObject': (p, s) =>
    `${presetLabels(s, p.preset).preset}: parameters must be given as an object.`,
  'preset.unknownParameter': (p, s) =>
    `${presetLabels(s, p.preset).preset} has no parameter '${p.parameter}' (its parameters: ${p.known.join(', ') || 'none'}).`,
  'preset.parameterRange': (p, s) => {
    const names = presetLabels(s, p.preset, p.parameter);
    return `${names.preset}: ${names.parameter} must be ${p.integer ? 'a whole number' : 'a number'} from ${num(p.min)} to ${num(p.max)} (got ${p.got}).`;
  },

  'spectrum.noLevels': () => 'The spectrum has no levels; give at least one energy.',
  'spectrum.degeneracyCount': (p) =>
    `There are ${p.energies} energies but ${p.degeneracies} degeneracies; give one degeneracy per level.`,
  'spectrum.energyNaN': (p) => `Energy of level ${p.level} is not a number.`,
  'spectrum.energyMinusInfinity': (p) =>
    `Energy of level ${p.level} is −∞; energies must be finite (or +∞ for a level that is never populated).`,
  'spectrum.degeneracyNaN': (p) => `Degeneracy of level ${p.level} is not a number.`,
  'spectrum.degeneracyNegative': (p) =>
    `Degeneracy of level ${p.level} is ${num(p.value)}; degeneracies must be ≥ 0.`,
  'spectrum.degeneracyInfinite': (p) => `Degeneracy of level ${p.level} is ∞; degeneracies must be finite.`,
  'spectrum.nothingPopulated': () =>
    'No level can be populated: every level has infinite energy or zero degeneracy, so there is no distribution.',
  'temperature.notANumber': (p) => `${p.beta ? 'Inverse temperature β' : 'Temperature'} is not a number.`,
  'probabilities.none': () => 'There are no probabilities; give at least one.',
  'probabilities.notANumber': (p) =>
    `Probability ${p.index} is not a number; every probability must be a finite number.`,
  'probabilities.negative': (p) =>
    `Probability ${p.index} is ${num(p.value)}; probabilities cannot be negative.`,
  'probabilities.infinite': (p) => `Probability ${p.index} is ∞; every probability must be a finite number.`,
  'probabilities.sum': (p) =>
    `The probabilities sum to ${num(p.sum)}, not 1 (allowed difference ${p.tolerance}).`,

  'particles.count': (p) => `The number of particles must be a whole number from 1 to 1e24; got ${p.got}.`,
  'count.notWhole': (p) => `The ${COUNTED[p.what]} must be a whole number, 0 or more; got ${p.got}.`,
  'alias.tooManyLevels': (p) => `An alias table holds at most ${p.limit} levels; got ${p.got}.`,
  'binomial.probability': (p) => `The success probability must lie between 0 and 1; got ${p.got}.`,
  'einstein.tooManyOscillators': (p) =>
    `The Einstein solid moves every oscillator, so it allows at most ${p.limit} of them; got ${p.got}.`,
  'einstein.oscillators': (p) =>
    `The number of oscillators must be a whole number from 1 to ${p.limit}, got ${p.got}.`,
  'einstein.quanta': (p) => `The number of quanta must be a whole number from 0 to ${p.limit}, got ${p.got}.`,
  'einstein.start': (p) => `Unknown start "${p.start}"; use even, concentrated or equilibrium.`,
  'einstein.moves': (p) => `The number of moves must be a whole number ≥ 0, got ${p.got}.`,
  'einstein.histogramBin': (p) =>
    `The highest histogram bin must be a whole number from 0 to 10^7, got ${p.got}.`,
  'heatBath.fraction': (p) =>
    `The fraction of particles redrawn per step must be above 0 and at most 1, got ${p.got}.`,
  'metropolis.tooManyLevels': () => 'Too many levels.',
  'metropolis.temperature': () => 'The temperature must be a number.',
  'metropolis.sweeps': (p) => `Sweeps per step must be a finite number above 0, got ${p.got}.`,
  'seed.range': (p) => `The seed must be a whole number from 0 to 4294967295; got “${p.got}”.`,
  'setting.range': (p) =>
    `The ${SETTING_NAMES[p.setting]} must be ${p.whole ? 'a whole number' : 'a number'} from ${num(p.min)} to ${num(p.max)}; got ${p.got}.`,
  'dynamics.unknown': (p) =>
    `Unknown dynamics “${p.got}”; use equilibrium, heat-bath, metropolis or einstein.`,
  'einstein.needsOscillator': (_, s) => s.einsteinNeedsOscillator,
  'temperature.negativeUnbounded': (_, s) => s.negativeTemperatureRefused,
  'unit.notForSystem': (p) => `The unit ${p.unit} does not fit this system.`,
  'context.tooLong': (p) => `The context can be at most ${num(p.limit)} characters long.`,
  'source.nothingPasted': () => 'Paste a distribution first.',
  'generation.temperatures': (p) =>
    `Give 1 to ${p.columns} temperatures, each from −${num(p.limit)} to ${num(p.limit)}.`,
  'parallel.unknownSystem': (p) => `Unknown system “${p.got}”.`,
  'field.notANumber': (p) => `${p.label}: “${p.text}” is not a number.`,
  'file.tooLarge': (p) => `That file is ${num(p.megabytes)} MB; the limit is ${p.limit} MB.`,

  'gguf.notGguf': (p) => `This is not a GGUF model file.${p.hint ? GGUF_HINT[p.hint] : ''}`,
  'gguf.version': (p) =>
    `This GGUF file has format version ${p.got}; versions ${p.supported.join(' and ')} can be read.`,
  'gguf.truncated': (p) => {
    const [needed, size] = megabytePair(p.neededBytes, p.fileBytes);
    return p.inHeader
      ? `The file ends inside its header, after ${p.fileBytes < 1e6 ? `${p.fileBytes} bytes` : `${size} MB`}: it was cut short (an interrupted download?).`
      : `The model's data needs ${needed} MB but the file has only ${size} MB: it was cut short (an interrupted download?).`;
  },
  'gguf.corrupt': (p) =>
    `This GGUF file is damaged: ${GGUF_CORRUPTION[p.reason]}${p.at === null ? '' : ` (at “${p.at}”)`}.`,
  'gguf.unknownTensorType': (p) =>
    `The tensor “${p.tensor}” has type ${p.type}, which this version of llama.cpp does not know.`,
  'gguf.noArchitecture': () => 'This GGUF file does not say which architecture its model has.',
  'gguf.noVocabulary': () =>
    'This GGUF file has no vocabulary (tokenizer.ggml.tokens), so its tokens cannot be shown.',

  'model.order': (p) => `The model order must be a whole number from ${p.min} to ${p.max}; got ${p.got}.`,
  'model.tooLarge': (p) =>
    `This model file is ${p.megabytes.toFixed(1)} MB; llama.cpp in the browser can load at most ${p.limitMegabytes} MB (one file must stay under 2 GiB, and the weights, cache and work memory under the 4 GiB a WebAssembly tab can address).`,
  'model.architecture': (p) =>
    `This model's architecture, "${p.architecture}", is not one this build of llama.cpp can run.`,
  'model.outOfMemory': (p) =>
    `The tab ran out of memory loading this ${p.megabytes.toFixed(1)} MB model; try a smaller or more quantised file.`,
  'model.loadFailed': (p) => `llama.cpp could not load this file${p.reason ? `: ${p.reason}` : ''}.`,
  'model.notLoaded': () => 'No model is loaded: open a GGUF file first.',
  'model.contextFull': (p) =>
    `The context has ${p.tokens} tokens; this model was loaded with room for ${p.limit}. Shorten the text.`,
  'model.badDistribution': (p) =>
    `llama.cpp returned a probability that is not a finite number (token ${p.token}): this model's logits overflow its float32 softmax.`,
  'model.runtimeFailed': (p) => `The model's worker failed${p.reason ? `: ${p.reason}` : ''}.`,
  'model.superseded': () => 'A newer request replaced this one.',
  'download.badAddress': (p) => `"${p.text}" is not a web address (it should start with https://).`,
  'download.httpStatus': (p) => `The server answered HTTP ${p.status} instead of sending the file.`,
  'download.network': () =>
    'The download failed: the server could not be reached, the connection broke, or the server does not allow downloads from other sites (CORS).',
  'download.cancelled': () => 'The download was cancelled; nothing was stored.',
  'download.sizeMismatch': (p) =>
    `The download stopped at ${p.received.toLocaleString('en-US')} of ${p.expected.toLocaleString('en-US')} bytes; nothing was stored.`,
  'download.notGguf': () => 'That address does not serve a GGUF file (its first bytes are not "GGUF").',
  'storage.full': (p) =>
    `The browser's storage has no room for this ${p.megabytes.toFixed(1)} MB model; delete a stored model or free disk space.`,
  'storage.unavailable': () =>
    'This browser gives the page no file storage (private mode?), so models cannot be kept.',
  'storage.notFound': () => 'That stored model is no longer in the browser’s storage.',
  'training.notText': () => 'The training text must be text.',
  'training.tooLong': (p) =>
    `The training text has ${p.millions.toFixed(1)} million characters; the limit is ${p.limit} million.`,
  'training.tooVaried': (p) =>
    `This text has more than ${p.limit.toLocaleString('en-US')} distinct character sequences at this order; choose a lower order or a shorter text.`,
  'training.empty': () => 'The training text is empty.',
  'training.whitespace': () => 'The training text has only whitespace.',
  'training.outOfMemory': () =>
    'There is not enough memory to train this model; choose a lower order or a shorter text.',
  'training.unreceived': () => 'The trained model could not be received from the training worker.',
  'training.workerFailed': (p) => `The training worker failed: ${p.reason ?? 'it could not be started'}.`,
  'training.workerStopped': () => 'The training worker was stopped.',
  'corpus.unknown': (p) => `No bundled text called ${p.id}.`,
  'corpus.loadFailed': (p, s) =>
    `The text ${s.corpusTitle(p.id, p.title)} could not be loaded (HTTP ${p.status}).`,
  'sampler.temperature': () => 'Temperature must be a number (0 for greedy, 1 for the model as it is).',
  'sampler.topK': (p) => `top-k must be a whole number (0 turns it off); got ${p.got}.`,
  'sampler.topP': (p) => `top-p must be in (0, 1] (1 turns it off); got ${p.got}.`,
  'sampler.minP': (p) => `min-p must be in [0, 1] (0 turns it off); got ${p.got}.`,
  'sampler.typicalP': (p) => `typical-p must be in (0, 1] (1 turns it off); got ${p.got}.`,
  'sampler.order': (p) =>
    `The sampler order must be 'temperature-first' or 'temperature-last'; got ${p.got}.`,
  'generation.tooMany': (p) => `At most ${p.limit} tokens can be generated at once; ${p.got} were asked for.`,
  'generation.emptyVocabulary': () => 'The vocabulary is empty; there is nothing to generate.',
  'generation.sizeMismatch': (p) =>
    `The model gave ${p.probabilities} probabilities for a vocabulary of ${p.vocabulary} tokens.`,

  'import.notText': () => 'Expected text to import.',
  'import.tooLarge': (p) => `The text is ${num(p.megabytes)} MB; at most ${p.limit} MB can be imported.`,
  'import.nothing': () =>
    'There is nothing to import. Paste a JSON object of token → probability, or an API response with logprobs.',
  'import.notJson': (p) => {
    const problem = p.problem === 'other' ? p.detail : JSON_PROBLEM[p.problem](p.detail, p.excerpt);
    const at = p.position === null ? '' : ` at position ${p.position}`;
    const where = p.line === null ? '' : ` (line ${p.line}, column ${p.column})`;
    return `This is not valid JSON: ${problem}${at}${where}.`;
  },
  'import.allZero': (p) =>
    `Every probability is 0${p.logarithmic ? ' (the log-probabilities are all −∞)' : ''}; there is nothing to sample.`,
  'import.sumAboveOne': (p) =>
    `The probabilities add up to ${num(p.sum)}${p.logarithmic ? ' (after converting the log-probabilities)' : ''}, ` +
    'more than 1, so they cannot be the probabilities of different tokens.' +
    (p.duplicates ? ' Some tokens were listed more than once and their probabilities added.' : ''),
  'import.tooDeep': (p) => `${p.path} is nested deeper than any supported format.`,
  'import.emptyList': (p) =>
    `${p.path === '' ? 'The list' : p.path} is empty: there are no tokens to import.` +
    (p.askForAlternatives ? ' Ask the API for alternatives (for example top_logprobs: 20).' : ''),
  'import.unexpectedValue': (p) =>
    `Expected a JSON object (token → probability) or a list of tokens with probabilities; found ${described(p.found)}.`,
  'import.noChoices': (p) => `${p.path} is empty.`,
  'import.noLogprobs': (p) =>
    `${p.path} is ${described(p.found)}: the response has no log-probabilities. ` +
    'Ask the API for them (for example logprobs: true, top_logprobs: 20).',
  'import.emptyMap': (p) => `${p.path === '' ? 'The object' : p.path} is empty: there are no tokens.`,
  'import.tooManyTokens': (p) => `There are ${p.count} tokens; at most ${p.limit} can be imported.`,
  'import.mixedSigns': (p) =>
    `The value for ${p.token} is ${num(p.value)}, but ${p.negativeToken} has ${num(p.negativeValue)}: ` +
    'with negative values these read as log-probabilities, which are never above 0.',
  'import.aboveOne': (p) =>
    `The value for ${p.token} is ${num(p.value)}: above 1, so not a probability, and ` +
    'log-probabilities are never above 0. Give probabilities (0 to 1) or log-probabilities (0 or less).',
  'import.valueNotNumber': (p) =>
    `The value for ${p.token}${p.path === '' ? '' : ` in ${p.path}`} is ${described(p.found)}; ` +
    'expected a probability (0 to 1) or a log-probability (0 or less).',
  'import.entryNotObject': (p) =>
    `${place(p.at)} is ${described(p.found)}; expected an object like {"token": "a", "logprob": -0.1} or {"tok_str": "a", "prob": 0.5}.`,
  'import.entryNoToken': (p) => `${place(p.at)} has no token text: expected a "token" (or "tok_str") string.`,
  'import.logprobNotNumber': (p) =>
    `The logprob of ${place(p.at)} (${p.token}) is ${described(p.found)}; expected a number.`,
  'import.logprobPositive': (p) =>
    `The logprob of ${place(p.at)} (${p.token}) is ${num(p.value)}; log-probabilities are never above 0.`,
  'import.probNotNumber': (p) =>
    `The prob of ${place(p.at)} (${p.token}) is ${described(p.found)}; expected a number.`,
  'import.probRange': (p) =>
    `The prob of ${place(p.at)} (${p.token}) is ${num(p.value)}; probabilities lie between 0 and 1.`,
  'import.entryNoValue': (p) => `${place(p.at)} (${p.token}) has neither a "logprob" nor a "prob".`,
  'lesson.notObject': () => 'This is not a lesson: expected a JSON object with a title and slides.',
  'lesson.tooLarge': (p) => `The lesson is ${p.kilobytes} KB; a lesson can be at most ${p.limit} KB.`,
  'lesson.forbiddenKey': (p) => `The lesson contains the key "${p.key}", which is not allowed.`,
  'lesson.tooDeep': () => 'The lesson is nested far deeper than a lesson ever is.',
  'lesson.format': () => 'This is not a Boltzmann Lab lesson (its "format" is not "boltzmann-lab-lesson").',
  'lesson.version': (p) =>
    `The lesson is of version ${p.version}; this version of the app reads version ${p.supported}.`,
  'lesson.field': (p) => `In the lesson, ${p.path || 'the whole'} must be ${LESSON_FIELD_KIND[p.expected]}.`,
  'lesson.tooManySlides': (p) => `The lesson has ${p.count} slides; a lesson can have at most ${p.limit}.`,
  'lesson.titleTooLong': (p) => `The title is ${p.length} characters long; at most ${p.limit} are allowed.`,
  'lesson.language': (p) => `The lesson's language "${p.language}" is neither "en" nor "ru".`,
  'lesson.unknownScreen': (p) => `Slide ${p.slide} shows a screen the app does not have ("${p.screen}").`,
  'lesson.captionTooLong': (p) =>
    `The caption of slide ${p.slide} is ${p.length} characters long; at most ${p.limit} are allowed.`,
  'lesson.viewTooLong': (p) =>
    `The settings of slide ${p.slide} are ${p.length} characters long; at most ${p.limit} are allowed.`,
  'lesson.badView': (p) => `Slide ${p.slide} has settings the app refuses: ${p.parameters.join(', ')}.`,
  'lesson.linkUnreadable': () => 'The lesson in this link is damaged and cannot be read.',
  'lesson.linkTooLong': (p) =>
    `The lesson in this link is ${p.length} characters long; at most ${p.limit} are read.`,
  'lesson.linkTooLarge': (p) =>
    `The lesson in this link unpacks to more than ${p.limit} KB; a lesson can be at most ${p.limit} KB.`,
  'lesson.empty': () => 'The lesson has no slides yet: add a view as a slide first.',
  'lesson.notSaved': () =>
    'The browser refused to save the lessons (its storage is full or switched off); export them to a file to keep them.',
};

export const notesEn: NoteTable = {
  'note.duplicates': (p) =>
    `${p.count} ${p.count === 1 ? 'entry repeats' : 'entries repeat'} a token text already listed ` +
    `(first: ${p.first}); their probabilities were added together.`,
  'note.byteNamed': (p) =>
    p.count === 1
      ? '1 token has no complete UTF-8 text (it is part of a character); it is shown by its bytes, like <0xE2>.'
      : `${p.count} tokens have no complete UTF-8 text (they are parts of characters); they are shown by their bytes, like <0xE2>.`,
  'note.coverage': (p) =>
    `${p.count === 1 ? 'This token covers' : `These ${p.count} tokens cover`} ${num(p.percent)}% of the probability; ` +
    'the rest is left out and the shown probabilities are renormalised.',
  'note.rescaled': (p) =>
    `The probabilities add up to ${num(p.sum)} rather than 1 (rounding in the source); they were rescaled to sum to 1.`,
  'note.positions': (p) => {
    const list = p.path === '' ? 'The list' : p.path;
    const holds = p.positions === 1 ? 'one position' : `${p.positions} positions`;
    const chosen = p.chosen === null ? '' : ` (the model chose ${p.chosen} there)`;
    return `${list} holds ${holds}; the distribution at the first is shown${chosen}.`;
  },
  'note.choices': (p) => `The response has ${p.count} choices; the first is used.`,
  'note.chosen': (p) => `The model chose ${p.token} at this position.`,
  'source.map': (p) =>
    `JSON object, token → ${p.logarithmic ? 'log-probability' : 'probability'}${inPath(p.path)}`,
  'source.legacy': (p) => `llama.cpp completion probabilities (older server: tok_str, prob)${inPath(p.path)}`,
  'source.logprobList': (p) =>
    `list of tokens with log-probabilities (OpenAI / llama.cpp top_logprobs)${inPath(p.path)}`,
  'source.probList': (p) => `list of tokens with probabilities (llama.cpp top_probs)${inPath(p.path)}`,
};
