/**
 * The formula sandbox: a teacher types E(n) and g(n) as text, and we turn them into a spectrum.
 *
 * Security model. The text is untrusted (it may come from a shared link). mathjs is used only to
 * *parse* it into a syntax tree; nothing from mathjs ever evaluates it. We then walk the tree,
 * accept a small whitelist of node kinds (numbers, the variable, a few constants, arithmetic
 * operators, elementary functions) and build plain JavaScript closures from it ourselves. So:
 * - no `eval` / `new Function` (the app runs under a CSP without 'unsafe-eval'), and mathjs's own
 *   `compile` is not used either, so its large function namespace is never reachable;
 * - names are looked up in `Map`s that we filled, never on objects, so 'constructor',
 *   '__proto__' and friends cannot reach anything;
 * - size caps (length, node count, depth) bound the work done on hostile input before and after
 *   parsing.
 */
import { create, type MathNode, parseDependencies } from 'mathjs';
import {
  type ErrorCode,
  type ErrorParams,
  type ForbiddenNode,
  type FormulaField,
  InputError,
  type ParseProblem,
} from '../errors.ts';
import type { Spectrum } from '../types.ts';

/** Longest formula text accepted, in characters (checked before parsing). */
export const MAX_FORMULA_LENGTH = 500;
/** Most syntax-tree nodes a formula may have. */
export const MAX_FORMULA_NODES = 200;
/** Deepest nesting of the syntax tree (the root is depth 1). */
export const MAX_FORMULA_DEPTH = 50;
/** Most levels a spectrum may have, whatever its source (formula, list, preset). */
export const MAX_LEVELS = 10_000;
/** Evaluating a spectrum may take at most this long, so that a typed formula never freezes the page. */
export const FORMULA_TIME_BUDGET_MS = 300;

/** A validated formula turned into a function of its variables, in the order they were declared. */
export type CompiledFormula = (...values: number[]) => number;

/** Internal form: reads variables from an array so the spectrum loop allocates nothing. */
type Evaluator = (vars: readonly number[]) => number;

// A private instance holding only the parser. It never evaluates anything, but we still apply the
// lockdown from the mathjs security guide so that nothing can ever re-enable more of mathjs on it.
const math = create({ parseDependencies }, { number: 'number' });
const disabled = (name: string) => () => {
  throw new Error(`mathjs '${name}' is disabled in the formula sandbox`);
};
math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    compile: disabled('compile'),
    simplify: disabled('simplify'),
    derivative: disabled('derivative'),
    resolve: disabled('resolve'),
    reviver: disabled('reviver'),
  },
  { override: true },
);
const parse = math.parse;

const CONSTANTS = new Map<string, number>([
  ['pi', Math.PI],
  ['π', Math.PI],
  ['e', Math.E],
  ['tau', 2 * Math.PI],
  ['τ', 2 * Math.PI],
  ['phi', (1 + Math.sqrt(5)) / 2],
  ['φ', (1 + Math.sqrt(5)) / 2],
]);

/** The constants a formula may use (the unicode spellings π, τ, φ are accepted too). */
export const ALLOWED_CONSTANTS: readonly string[] = ['pi', 'e', 'tau', 'phi'];

interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  fn: (args: readonly number[]) => number;
}

const MAX_FACTORIAL = 170; // 171! overflows a double

/** n! for whole n ≥ 0; NaN otherwise (reported to the user as "not a real number"). */
function factorial(x: number): number {
  if (!Number.isInteger(x) || x < 0) return Number.NaN;
  if (x > MAX_FACTORIAL) return Number.POSITIVE_INFINITY;
  let product = 1;
  for (let k = 2; k <= x; k++) product *= k;
  return product;
}

/** Floored modulo as in mathjs (the result takes the sign of the divisor; mod(x, 0) = x). */
function mod(x: number, y: number): number {
  if (y === 0) return x;
  return x - y * Math.floor(x / y);
}

/** Rounds half away from zero, like mathjs (Math.round sends -2.5 to -2). */
function roundHalfAway(x: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) return Number.NaN;
  const scale = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
}

const unary = (f: (x: number) => number): FunctionSpec => ({ minArgs: 1, maxArgs: 1, fn: (a) => f(a[0]) });
const binary = (f: (x: number, y: number) => number): FunctionSpec => ({
  minArgs: 2,
  maxArgs: 2,
  fn: (a) => f(a[0], a[1]),
});

const FUNCTIONS = new Map<string, FunctionSpec>([
  ['sqrt', unary(Math.sqrt)],
  ['cbrt', unary(Math.cbrt)],
  ['exp', unary(Math.exp)],
  ['expm1', unary(Math.expm1)],
  // log(x) is natural; log(x, base) as in mathjs.
  [
    'log',
    {
      minArgs: 1,
      maxArgs: 2,
      fn: (a) => (a.length === 1 ? Math.log(a[0]) : Math.log(a[0]) / Math.log(a[1])),
    },
  ],
  ['ln', unary(Math.log)],
  ['log10', unary(Math.log10)],
  ['log2', unary(Math.log2)],
  ['log1p', unary(Math.log1p)],
  ['sin', unary(Math.sin)],
  ['cos', unary(Math.cos)],
  ['tan', unary(Math.tan)],
  ['asin', unary(Math.asin)],
  ['acos', unary(Math.acos)],
  ['atan', unary(Math.atan)],
  ['atan2', binary(Math.atan2)],
  ['sinh', unary(Math.sinh)],
  ['cosh', unary(Math.cosh)],
  ['tanh', unary(Math.tanh)],
  ['abs', unary(Math.abs)],
  ['floor', unary(Math.floor)],
  ['ceil', unary(Math.ceil)],
  ['round', { minArgs: 1, maxArgs: 2, fn: (a) => roundHalfAway(a[0], a.length === 2 ? a[1] : 0) }],
  ['sign', unary(Math.sign)],
  ['min', { minArgs: 1, maxArgs: 20, fn: (a) => Math.min(...a) }],
  ['max', { minArgs: 1, maxArgs: 20, fn: (a) => Math.max(...a) }],
  ['hypot', { minArgs: 1, maxArgs: 20, fn: (a) => Math.hypot(...a) }],
  ['pow', binary(Math.pow)],
  ['mod', binary(mod)],
  ['factorial', unary(factorial)],
]);

/** The functions a formula may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = [...FUNCTIONS.keys()];

const OPERATORS = new Map<string, { arity: number; fn: (x: number, y: number) => number }>([
  ['add', { arity: 2, fn: (x, y) => x + y }],
  ['subtract', { arity: 2, fn: (x, y) => x - y }],
  ['multiply', { arity: 2, fn: (x, y) => x * y }],
  ['divide', { arity: 2, fn: (x, y) => x / y }],
  ['pow', { arity: 2, fn: Math.pow }],
  ['mod', { arity: 2, fn: mod }],
  ['unaryMinus', { arity: 1, fn: (x) => -x }],
  ['unaryPlus', { arity: 1, fn: (x) => x }],
  ['factorial', { arity: 1, fn: (x) => factorial(x) }],
]);

/** Unicode look-alikes a student may paste; each is replaced by one character so positions stay right. */
const LOOKALIKES: ReadonlyArray<[RegExp, string]> = [
  [/[\u2212\u2012\u2013]/g, '-'], // minus sign, figure dash, en dash
  [/[\u00d7\u00b7\u22c5\u2219]/g, '*'], // ×, ·, ⋅, ∙
  [/\u00f7/g, '/'], // ÷
];

const FORBIDDEN_NODES: Readonly<Record<string, ForbiddenNode>> = {
  AccessorNode: 'access',
  IndexNode: 'access',
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'functionDefinition',
  ArrayNode: 'list',
  ObjectNode: 'object',
  BlockNode: 'severalExpressions',
  RangeNode: 'range',
  ConditionalNode: 'condition',
  RelationalNode: 'comparison',
};

function isSymbol(node: MathNode): node is MathNode & { name: string } {
  return node.type === 'SymbolNode';
}

/** Shortens user text quoted inside a message. */
function quote(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * mathjs's parser messages, the only English prose the engine reads: each known one becomes a kind a
 * language can write (src/strings/<language>/errors.ts, 'formula.syntax'); `detail` is what it quoted.
 * A message no pattern knows (a newer mathjs) keeps its text as kind 'other'.
 */
const PARSE_PROBLEMS: ReadonlyArray<[RegExp, ParseProblem]> = [
  [/^Unexpected end of expression/i, 'unexpectedEnd'],
  [/^Parenthesis \) expected/i, 'missingParenthesis'],
  [/^Value expected/i, 'valueExpected'],
  [/^Digit expected, got "(.*)"$/s, 'digitExpected'],
  [/^Syntax error in part "(.*)"$/s, 'syntaxInPart'],
  [/^Unexpected operator (.*)$/s, 'unexpectedOperator'],
  [/^Unexpected part "(.*)"$/s, 'unexpectedPart'],
  [/^Invalid left hand side of assignment operator =$/, 'invalidAssignment'],
  [/^Cannot assign to optional chain$/, 'optionalChainAssignment'],
  [/^False part of conditional expression expected$/, 'conditionalFalseExpected'],
  [/^The true-expression of a conditional operator may not be empty$/, 'conditionalTrueEmpty'],
  [/^Parenthesis \] expected$/, 'bracketExpected'],
  [/^Property name expected after dot$/, 'propertyAfterDot'],
  [/^Property name expected after optional chain$/, 'propertyAfterOptionalChain'],
  [/^Invalid unicode character (.*)$/s, 'invalidUnicode'],
  [/^Bad escape character (.*)$/s, 'badEscape'],
  [/^End of string (.) expected$/, 'endOfString'],
  [/^End of matrix \] expected$/, 'endOfMatrix'],
  [/^Column dimensions mismatch (.*)$/s, 'columnMismatch'],
  [/^Symbol or string expected as object key$/, 'objectKey'],
  [/^Colon : expected after object key$/, 'objectColon'],
  [/^Comma , or bracket \} expected after object value$/, 'objectComma'],
];

/** Classifies a mathjs SyntaxError message, with its character position shifted by `offset`. */
function classifyParseError(message: string, offset: number): Omit<ErrorParams['formula.syntax'], 'field'> {
  const position = /\(char (\d+)\)/.exec(message);
  const text = message.replace(/\s*\(char \d+\)\s*/, '').trim();
  const at = position ? Number(position[1]) + offset : null;
  for (const [pattern, problem] of PARSE_PROBLEMS) {
    const match = pattern.exec(text);
    if (match) return { problem, detail: match[1] ?? '', position: at };
  }
  return { problem: 'other', detail: text, position: at };
}

interface Walk {
  field: FormulaField;
  variables: ReadonlyMap<string, number>;
  nodes: number;
}

type FormulaCode = {
  [C in ErrorCode]: ErrorParams[C] extends { field: FormulaField } ? C : never;
}[ErrorCode];

/** Refuses the formula being walked, naming which formula it is. */
function fail<C extends FormulaCode>(walk: Walk, code: C, details?: Omit<ErrorParams[C], 'field'>): never {
  throw new InputError(code, { field: walk.field, ...details } as unknown as ErrorParams[C]);
}

/** Evaluator for a name: a variable (read from the array) or a constant (captured). */
function compileSymbol(walk: Walk, name: string): Evaluator {
  const slot = walk.variables.get(name);
  if (slot !== undefined) return (vars) => vars[slot];
  const constant = CONSTANTS.get(name);
  if (constant !== undefined) return () => constant;
  if (FUNCTIONS.has(name)) fail(walk, 'formula.functionAsName', { name });
  fail(walk, 'formula.unknownName', {
    name: quote(name),
    variables: [...walk.variables.keys()],
    constants: [...ALLOWED_CONSTANTS],
  });
}

/**
 * Validates one node and returns its evaluator. Caps are checked on entry, so a hostile tree is
 * rejected after at most MAX_FORMULA_NODES visits.
 */
function compileNode(walk: Walk, node: MathNode, depth: number): Evaluator {
  walk.nodes += 1;
  if (walk.nodes > MAX_FORMULA_NODES) fail(walk, 'formula.tooManyParts', { limit: MAX_FORMULA_NODES });
  if (depth > MAX_FORMULA_DEPTH) fail(walk, 'formula.tooDeep', { limit: MAX_FORMULA_DEPTH });

  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as MathNode & { value: unknown }).value;
      if (typeof value === 'string') fail(walk, 'formula.quotedText');
      if (typeof value !== 'number') fail(walk, 'formula.notANumber', { text: quote(String(value)) });
      if (Number.isNaN(value)) fail(walk, 'formula.notANumber', { text: 'NaN' });
      if (!Number.isFinite(value)) fail(walk, 'formula.infiniteNumber');
      return () => value;
    }
    case 'SymbolNode':
      return compileSymbol(walk, (node as MathNode & { name: string }).name);
    case 'ParenthesisNode':
      return compileNode(walk, (node as MathNode & { content: MathNode }).content, depth + 1);
    case 'OperatorNode': {
      const { fn, op, args } = node as MathNode & { fn: string; op: string; args: MathNode[] };
      const spec = OPERATORS.get(fn);
      if (spec === undefined || spec.arity !== args.length) {
        if (['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq'].includes(fn)) {
          fail(walk, 'formula.comparison', { operator: op });
        }
        fail(walk, 'formula.operator', { operator: op });
      }
      const f = spec.fn;
      if (args.length === 1) {
        const a = compileNode(walk, args[0], depth + 1);
        return (vars) => f(a(vars), 0);
      }
      const a = compileNode(walk, args[0], depth + 1);
      const b = compileNode(walk, args[1], depth + 1);
      return (vars) => f(a(vars), b(vars));
    }
    case 'FunctionNode': {
      const { fn: callee, args } = node as MathNode & { fn: MathNode; args: MathNode[] };
      if (!isSymbol(callee)) fail(walk, 'formula.unnamedCall');
      const name = callee.name;
      // "n(n+1)" and "J(J+1)" are how people write products; mathjs reads them as calls.
      if (walk.variables.has(name) || CONSTANTS.has(name)) {
        if (args.length !== 1) fail(walk, 'formula.notAFunction', { name });
        const factor = compileSymbol(walk, name);
        const other = compileNode(walk, args[0], depth + 1);
        return (vars) => factor(vars) * other(vars);
      }
      const spec = FUNCTIONS.get(name);
      if (spec === undefined) {
        fail(walk, 'formula.unknownFunction', { name: quote(name), allowed: [...ALLOWED_FUNCTIONS] });
      }
      if (args.length < spec.minArgs || args.length > spec.maxArgs) {
        fail(walk, 'formula.argumentCount', {
          name,
          min: spec.minArgs,
          max: spec.maxArgs,
          given: args.length,
        });
      }
      const compiledArgs = args.map((arg) => compileNode(walk, arg, depth + 1));
      const f = spec.fn;
      if (compiledArgs.length === 1) {
        const a = compiledArgs[0];
        const buffer = [0];
        return (vars) => {
          buffer[0] = a(vars);
          return f(buffer);
        };
      }
      return (vars) => f(compiledArgs.map((a) => a(vars)));
    }
    default: {
      const forbidden = FORBIDDEN_NODES[node.type];
      if (forbidden !== undefined) fail(walk, 'formula.forbidden', { node: forbidden });
      fail(walk, 'formula.unknownNode', { node: node.type });
    }
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses, validates and compiles a formula into a plain function of its variables.
 * Throws InputError, naming `field` (which formula it is), for anything not allowed, so the interface
 * can validate while the user types.
 *
 * @param variables names the formula may use, in the order the returned function takes them.
 */
export function compileFormula(
  text: string,
  field: FormulaField = 'formula',
  variables: readonly string[] = ['n'],
): CompiledFormula {
  const slots = new Map<string, number>();
  for (const name of variables) {
    // A programming error, not a user one: the caller chose these names.
    if (!IDENTIFIER.test(name) || CONSTANTS.has(name) || FUNCTIONS.has(name) || slots.has(name)) {
      throw new Error(`compileFormula: invalid variable name '${name}'`);
    }
    slots.set(name, slots.size);
  }
  const evaluate = compileToEvaluator(text, field, slots);
  const arity = slots.size;
  return (...values: number[]) => {
    if (values.length !== arity)
      throw new Error(`formula expects ${arity} argument(s), got ${values.length}`);
    return evaluate(values);
  };
}

function compileToEvaluator(
  text: string,
  field: FormulaField,
  variables: ReadonlyMap<string, number>,
): Evaluator {
  if (typeof text !== 'string') throw new InputError('formula.notText', { field });
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new InputError('formula.tooLong', { field, length: text.length, limit: MAX_FORMULA_LENGTH });
  }
  let source = text;
  for (const [pattern, replacement] of LOOKALIKES) source = source.replace(pattern, replacement);
  // Trailing/leading blank lines would otherwise make mathjs see several expressions.
  const leading = source.length - source.trimStart().length;
  source = source.trim();
  // mathjs reads '' and a lone comment as the constant `undefined`, like the word "undefined";
  // only the former are "empty".
  if (source.replace(/#.*$/gm, '').trim() === '') throw new InputError('formula.empty', { field });

  let tree: MathNode;
  try {
    tree = parse(source);
  } catch (error) {
    if (error instanceof RangeError)
      throw new InputError('formula.tooDeep', { field, limit: MAX_FORMULA_DEPTH });
    const message = error instanceof Error ? error.message : String(error);
    // Positions refer to the trimmed text; shift them back so they match what the user typed.
    throw new InputError('formula.syntax', { ...classifyParseError(message, leading), field });
  }
  return compileNode({ field, variables, nodes: 0 }, tree, 1);
}

/** A value that cannot be used, naming n and the formula. */
function badValue(
  problem: 'formula.notReal' | 'formula.notFinite',
  quantity: 'energy' | 'degeneracy',
  n: number,
  formula: string,
): InputError {
  return new InputError(problem, { quantity, n, formula: quote(formula.trim(), 80) });
}

/**
 * The spectrum E(n), g(n) for n = nFrom, …, nTo (integers, at most MAX_LEVELS levels).
 * Every energy must be finite, every degeneracy finite and ≥ 0, and not all degeneracies zero.
 * Levels are in the order of n (not sorted by energy).
 */
export function spectrumFromFormula(
  energyFormula: string,
  degeneracyFormula: string,
  nFrom: number,
  nTo: number,
): Spectrum {
  if (typeof nFrom !== 'number' || !Number.isSafeInteger(nFrom)) {
    throw new InputError('formula.firstNNotWhole', { got: String(nFrom) });
  }
  if (typeof nTo !== 'number' || !Number.isSafeInteger(nTo)) {
    throw new InputError('formula.lastNNotWhole', { got: String(nTo) });
  }
  if (nFrom > nTo) throw new InputError('formula.nOrder', { from: nFrom, to: nTo });
  const count = nTo - nFrom + 1;
  if (count > MAX_LEVELS) {
    throw new InputError('formula.tooManyLevels', { from: nFrom, to: nTo, count, limit: MAX_LEVELS });
  }
  if (typeof degeneracyFormula === 'string' && degeneracyFormula.trim() === '') {
    throw new InputError('formula.degeneracyEmpty', {});
  }
  const slots = new Map([['n', 0]]);
  const energy = compileToEvaluator(energyFormula, 'energy', slots);
  const degeneracy = compileToEvaluator(degeneracyFormula, 'degeneracy', slots);

  const energies = new Float64Array(count);
  const degeneracies = new Float64Array(count);
  const vars = [0];
  let anyOccupiable = false;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    // The caps bound the work, but a formula near every cap at once could still stall the page: stop
    // after a time budget instead (checked every 128 levels, so the clock costs nothing).
    if ((i & 127) === 127 && performance.now() - started > FORMULA_TIME_BUDGET_MS) {
      throw new InputError('formula.tooSlow', { milliseconds: FORMULA_TIME_BUDGET_MS, levels: count });
    }
    const n = nFrom + i;
    vars[0] = n;
    const e = energy(vars);
    if (Number.isNaN(e)) throw badValue('formula.notReal', 'energy', n, energyFormula);
    if (!Number.isFinite(e)) throw badValue('formula.notFinite', 'energy', n, energyFormula);
    const g = degeneracy(vars);
    if (Number.isNaN(g)) throw badValue('formula.notReal', 'degeneracy', n, degeneracyFormula);
    if (!Number.isFinite(g)) throw badValue('formula.notFinite', 'degeneracy', n, degeneracyFormula);
    if (g < 0) {
      throw new InputError('formula.negativeDegeneracy', {
        value: g,
        n,
        formula: quote(degeneracyFormula.trim(), 80),
      });
    }
    energies[i] = e;
    degeneracies[i] = g === 0 ? 0 : g; // normalise -0
    if (g > 0) anyOccupiable = true;
  }
  if (!anyOccupiable) {
    throw new InputError('formula.allDegeneraciesZero', {});
  }
  return { energies, degeneracies };
}
