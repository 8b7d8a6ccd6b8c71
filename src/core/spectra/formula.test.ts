import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../errors.ts';
import {
  ALLOWED_FUNCTIONS,
  compileFormula,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  MAX_FORMULA_NODES,
  MAX_LEVELS,
  spectrumFromFormula,
} from './formula.ts';

/** The InputError thrown by fn (fails the test if it throws anything else or nothing). */
function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

const at = (text: string, n: number) => compileFormula(text, 'energy')(n);

describe('compileFormula: what is allowed', () => {
  it.each([
    ['n^2', 3, 9],
    ['2n', 3, 6],
    ['2 n + 1', 3, 7],
    ['n(n+1)', 3, 12],
    ['2n(n+1)', 3, 24],
    ['(n)(n+1)', 3, 12],
    ['-n^2', 3, -9],
    ['+n', 3, 3],
    ['n / 2 - 1', 3, 0.5],
    ['n!', 5, 120],
    ['7 % n', 3, 1],
    ['-7 % n', 3, 2],
    ['50%', 3, 0.5],
    ['pi', 0, Math.PI],
    ['e', 0, Math.E],
    ['tau', 0, 2 * Math.PI],
    ['phi', 0, (1 + Math.sqrt(5)) / 2],
    ['π n', 2, 2 * Math.PI],
    ['2 × n', 3, 6],
    ['3 · n', 3, 9],
    ['−n', 3, -3],
    ['n ÷ 2', 3, 1.5],
    ['0x10 + n', 1, 17],
    ['.5 n', 4, 2],
    ['sqrt(n)', 16, 4],
    ['cbrt(n)', 27, 3],
    ['exp(0 n)', 5, 1],
    ['log(e^n)', 3, 3],
    ['log(8, 2)', 0, 3],
    ['ln(1)', 0, 0],
    ['log10(1000)', 0, 3],
    ['log2(n)', 8, 3],
    ['sin(0)+cos(0)+tan(0)', 0, 1],
    ['asin(1)', 0, Math.PI / 2],
    ['acos(1) + atan(0)', 0, 0],
    ['atan2(1, 1)', 0, Math.PI / 4],
    ['sinh(0) + cosh(0) + tanh(0)', 0, 1],
    ['abs(-n)', 3, 3],
    ['floor(n/2) + ceil(n/2)', 3, 3],
    ['round(-2.5)', 0, -3],
    ['round(2.5)', 0, 3],
    ['round(pi, 2)', 0, 3.14],
    ['sign(-n)', 3, -1],
    ['min(n, 2, 5)', 3, 2],
    ['max(n, 2, 5)', 3, 5],
    ['hypot(3, 4)', 0, 5],
    ['pow(n, 3)', 2, 8],
    ['mod(n, 2)', 3, 1],
    ['factorial(n)', 4, 24],
    ['expm1(0) + log1p(0)', 0, 0],
    ['  \n n + 1 \n ', 3, 4],
    ['n # a comment', 3, 3],
  ])('%s at n = %d is %d', (text, n, expected) => {
    expect(at(text, n)).toBeCloseTo(expected, 12);
  });

  it('uses the variable names it is given, in order', () => {
    const f = compileFormula('B J(J+1)', 'formula', ['B', 'J']);
    expect(f(2, 3)).toBe(24);
    expect(() => compileFormula('n', 'formula', ['J'])).toThrow("unknown name 'n'");
  });

  it('returns a closure that can be called many times', () => {
    const f = compileFormula('n^2 + 1');
    expect([0, 1, 2, 3].map((n) => f(n))).toEqual([1, 2, 5, 10]);
  });

  it('rejects programming errors in the variable list with a plain Error', () => {
    expect(() => compileFormula('n', 'formula', ['pi'])).toThrow(Error);
    expect(() => compileFormula('n', 'formula', ['n', 'n'])).toThrow(Error);
    expect(() => compileFormula('n', 'formula', ['a.b'])).toThrow(Error);
    expect(() => compileFormula('n', 'formula', ['sqrt'])).not.toThrow(InputError);
  });

  it('gives NaN (not an exception) for values outside a function domain', () => {
    expect(at('sqrt(n)', -1)).toBeNaN();
    expect(at('n!', 2.5)).toBeNaN();
    expect(at('n!', -1)).toBeNaN();
    expect(at('n!', 171)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('compileFormula: error messages', () => {
  it.each([
    ['foo(n)', "Energy formula: unknown function 'foo'. Allowed: sqrt, cbrt, exp"],
    ['x + 1', "Energy formula: unknown name 'x'. Use the variable n and the constants pi, e, tau, phi."],
    ['E', "unknown name 'E'"],
    ['sqrt', "Energy formula: 'sqrt' is a function: write sqrt(…)."],
    ['log(1, 2, 3)', 'Energy formula: log takes 1 or 2 arguments, but was given 3.'],
    ['sqrt()', 'Energy formula: sqrt takes 1 argument, but was given 0.'],
    ['min()', 'Energy formula: min takes from 1 to 20 arguments, but was given 0.'],
    ['atan2(1)', 'Energy formula: atan2 takes 2 arguments, but was given 1.'],
    ['n(1, 2)', "Energy formula: 'n' is not a function; write a * between factors."],
    ['(n+1)^', 'Energy formula: unexpected end of input at character 7.'],
    ['sqrt(n', "Energy formula: a closing parenthesis ')' is missing at character 7."],
    ['  (n', "Energy formula: a closing parenthesis ')' is missing at character 5."],
    ['1 +* 2', 'Energy formula: a value is expected at character 4.'],
    ['1, 2', 'at character 2'],
    ['', 'Energy formula is empty.'],
    ['   \n  ', 'Energy formula is empty.'],
    ['# only a comment', 'Energy formula is empty.'],
    ['1e400', 'Energy formula: a number in the formula is infinite or too large to represent.'],
    ['Infinity', 'Energy formula: a number in the formula is infinite or too large to represent.'],
    ['NaN', "Energy formula: 'NaN' is not allowed; only numbers are."],
    ['undefined', "Energy formula: 'undefined' is not allowed; only numbers are."],
    ['n > 1', "Energy formula: comparisons ('>') are not allowed."],
    ['n == 1', "comparisons ('==') are not allowed"],
    ['1 < n < 3', 'comparisons'],
    [
      'n and 1',
      "Energy formula: the operator 'and' is not allowed. Allowed: + - * / ^ % (remainder) and ! (factorial).",
    ],
    ["n'", "the operator ' (transpose) is not allowed"],
    ['n .* 2', "the operator '.*' is not allowed"],
    ['n to cm', "the operator 'to' is not allowed"],
    ['n & 1', "the operator '&' is not allowed"],
    ['not n', "the operator 'not' is not allowed"],
    ['n ?? 1', "the operator '??' is not allowed"],
  ])('%j → %s', (text, message) => {
    expect(inputErrorOf(() => compileFormula(text, 'energy')).message).toContain(message);
  });

  it('lists every allowed function when a function is unknown', () => {
    const { message } = inputErrorOf(() => compileFormula('foo(n)', 'energy'));
    for (const name of ALLOWED_FUNCTIONS) expect(message).toContain(name);
  });

  it('names the formula it is about', () => {
    expect(() => compileFormula('foo(n)', 'degeneracy')).toThrow(/^Degeneracy formula: unknown function/);
  });
});

describe('compileFormula: caps', () => {
  it(`accepts ${MAX_FORMULA_LENGTH} characters and rejects one more`, () => {
    const ok = `n${' '.repeat(MAX_FORMULA_LENGTH - 1)}`;
    expect(compileFormula(ok)(2)).toBe(2);
    expect(inputErrorOf(() => compileFormula(`${ok} `, 'energy')).message).toBe(
      `Energy formula is too long (${MAX_FORMULA_LENGTH + 1} characters; the limit is ${MAX_FORMULA_LENGTH}).`,
    );
  });

  it(`accepts ${MAX_FORMULA_NODES} nodes and rejects more`, () => {
    const call = (k: number) => `max(${Array(k).fill('1').join(',')})`;
    // max takes at most 20 arguments, so build sums of calls: each call(19) is 20 nodes, '+' adds one.
    const terms = (count: number) => Array(count).fill(call(19)).join('+');
    // 9 calls = 180 nodes + 8 '+' = 188; add 12 more nodes with '+1' pairs (2 nodes each): 6 pairs → 200.
    const exactly200 = `${terms(9)}${'+1'.repeat(6)}`;
    expect(compileFormula(exactly200)(0)).toBe(9 + 6);
    const { message } = inputErrorOf(() => compileFormula(`${exactly200}+1`, 'energy'));
    expect(message).toBe(`Energy formula: the formula is too long (more than ${MAX_FORMULA_NODES} parts).`);
  });

  it(`accepts depth ${MAX_FORMULA_DEPTH} and rejects depth ${MAX_FORMULA_DEPTH + 1}`, () => {
    // k parentheses around n is a tree of depth k + 1.
    const nested = (k: number) => `${'('.repeat(k)}n${')'.repeat(k)}`;
    expect(compileFormula(nested(MAX_FORMULA_DEPTH - 1))(4)).toBe(4);
    expect(inputErrorOf(() => compileFormula(nested(MAX_FORMULA_DEPTH), 'energy')).message).toBe(
      `Energy formula: the formula is nested too deeply (more than ${MAX_FORMULA_DEPTH} levels).`,
    );
  });

  it('rejects the deepest nesting that fits in the length cap without overflowing the stack', () => {
    const k = (MAX_FORMULA_LENGTH - 1) / 2;
    expect(() => compileFormula(`${'('.repeat(k)}n${')'.repeat(k)}`)).toThrow(InputError);
    expect(() => compileFormula(`${'-'.repeat(MAX_FORMULA_LENGTH - 1)}n`)).toThrow(/nested too deeply/);
    expect(() => compileFormula(`${'sqrt('.repeat(99)}n${')'.repeat(99)}`)).toThrow(InputError);
  });
});

describe('compileFormula: hostile input', () => {
  const hostile = [
    'import({})',
    'import({pi: 3})',
    "createUnit('x')",
    "evaluate('1')",
    "parse('1')",
    "compile('1')",
    "simplify('n')",
    "derivative('n', 'n')",
    "resolve('n')",
    'reviver()',
    'config({number: "BigNumber"})',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf()',
    '[1,2]',
    'a.b',
    'n.constructor',
    'f(x)=x',
    'x=1',
    'n=1',
    '{a:1}',
    'n[1]',
    '"str"',
    "'str'",
    'cos.constructor',
    'cos.constructor("globalThis.__boltzmannPwned = 1")()',
    'cos["constructor"]("globalThis.__boltzmannPwned = 1")()',
    '1:5',
    'n ? 1 : 2',
    'n; 1',
    'n\n1',
    'true',
    'null',
    'undefined',
    'Infinity',
    'NaN',
    'i',
    '5 cm',
    '$n',
    'matrix([1])',
    'eval("1")',
    'Function("return 1")()',
    '(((((n)))))'.replace(/\(/g, '('.repeat(200)).replace(/\)/g, ')'.repeat(200)),
    `${'('.repeat(1000)}n${')'.repeat(1000)}`,
    `${'n+'.repeat(500_000)}n`,
    'x'.repeat(1 << 20),
  ];

  it.each(
    hostile.map((text) => [text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text, text]),
  )('%j is rejected with an InputError', (_, text) => {
    const error = inputErrorOf(() => compileFormula(text, 'energy'));
    expect(error.message).toMatch(/^Energy formula/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('rejects 2^1e6 when building the spectrum (the value is not finite)', () => {
    expect(inputErrorOf(() => spectrumFromFormula('2^1e6', '1', 0, 0)).message).toBe(
      'Energy is not finite at n = 0 (2^1e6).',
    );
  });

  it('never executes anything: attempted side effects leave no trace', () => {
    for (const text of hostile) {
      try {
        compileFormula(text)(1);
      } catch {
        // expected
      }
    }
    expect((globalThis as Record<string, unknown>).__boltzmannPwned).toBeUndefined();
    // import({pi: 3}) above did not redefine pi.
    expect(compileFormula('pi')(0)).toBe(Math.PI);
  });

  it('works without eval or new Function (as under a CSP without unsafe-eval)', () => {
    const globals = globalThis as Record<string, unknown>;
    const savedEval = globals.eval;
    const savedFunction = globals.Function;
    const forbidden = () => {
      throw new Error('code generation is forbidden');
    };
    let results: number[] = [];
    try {
      globals.eval = forbidden;
      globals.Function = forbidden;
      const spectrum = spectrumFromFormula('sqrt(n) + n(n+1) / 2', '2n + 1', 0, 3);
      results = [...spectrum.energies, ...spectrum.degeneracies];
    } finally {
      globals.eval = savedEval;
      globals.Function = savedFunction;
    }
    expect(results).toEqual([0, 2, Math.SQRT2 + 3, Math.sqrt(3) + 6, 1, 3, 5, 7]);
  });

  it('its source uses no code generation', () => {
    const source = readFileSync(new URL('./formula.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/new Function\s*\(|\beval\s*\(|\.compile\s*\(|\.evaluate\s*\(/);
  });

  it('any text either compiles or throws an InputError (fuzz)', () => {
    const alphabet = fc.constantFrom(
      ...'n()[]{}+-*/^!%,.;:=?<>"\'\\ 0123456789eE#$_'.split(''),
      'pi',
      'sqrt',
      'log',
      'import',
      'constructor',
      'foo',
      '\n',
    );
    const formula = fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(formula, fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 60 })),
        (text) => {
          let f: ((n: number) => number) | undefined;
          try {
            f = compileFormula(text);
          } catch (error) {
            return error instanceof InputError;
          }
          return typeof f(1) === 'number';
        },
      ),
      { numRuns: 600 },
    );
  }, 60_000);
});

describe('spectrumFromFormula', () => {
  it('evaluates E(n) and g(n) for n = nFrom … nTo in order', () => {
    const s = spectrumFromFormula('n^2', '2n+1', 0, 3);
    expect([...s.energies]).toEqual([0, 1, 4, 9]);
    expect([...s.degeneracies]).toEqual([1, 3, 5, 7]);
    expect(s.energies).toBeInstanceOf(Float64Array);
    expect(s.degeneracies).toBeInstanceOf(Float64Array);
  });

  it('supports negative n and a single level', () => {
    const s = spectrumFromFormula('n', '1', -2, 2);
    expect([...s.energies]).toEqual([-2, -1, 0, 1, 2]);
    expect([...spectrumFromFormula('5', '3', 7, 7).energies]).toEqual([5]);
  });

  it('allows zero degeneracies as long as one is positive, and stores +0 for -0', () => {
    const s = spectrumFromFormula('n', 'mod(n, 2) * -1 + 1', 0, 3);
    expect([...s.degeneracies]).toEqual([1, 0, 1, 0]);
    // max(-1, -0) is -0 at n = 0.
    expect(Object.is(spectrumFromFormula('n', 'max(n - 1, -0)', 0, 2).degeneracies[0], 0)).toBe(true);
  });

  it('hydrogen by formula', () => {
    const s = spectrumFromFormula('-13.606 / n^2', '2 n^2', 1, 3);
    expect(s.energies[0]).toBeCloseTo(-13.606, 12);
    expect(s.energies[1]).toBeCloseTo(-3.4015, 12);
    expect([...s.degeneracies]).toEqual([2, 8, 18]);
  });

  it(`accepts ${MAX_LEVELS} levels and rejects one more`, () => {
    expect(spectrumFromFormula('n', '1', 1, MAX_LEVELS).energies.length).toBe(MAX_LEVELS);
    expect(inputErrorOf(() => spectrumFromFormula('n', '1', 0, MAX_LEVELS)).message).toBe(
      `Too many levels: n from 0 to ${MAX_LEVELS} is ${MAX_LEVELS + 1} levels; the limit is ${MAX_LEVELS}.`,
    );
  });

  it.each([
    [1.5, 3, 'The first n must be a whole number (got 1.5).'],
    [0, 2.5, 'The last n must be a whole number (got 2.5).'],
    [Number.NaN, 3, 'The first n must be a whole number (got NaN).'],
    [0, Number.POSITIVE_INFINITY, 'The last n must be a whole number (got Infinity).'],
    [2 ** 60, 2 ** 60, 'The first n must be a whole number'],
    [5, 2, 'The first n (5) must not be larger than the last n (2).'],
  ])('range nFrom = %d, nTo = %d → %s', (nFrom, nTo, message) => {
    expect(inputErrorOf(() => spectrumFromFormula('n', '1', nFrom, nTo)).message).toContain(message);
  });

  it.each([
    ['1/n', '1', 'Energy is not finite at n = 0 (1/n).'],
    ['-1/n', '1', 'Energy is not finite at n = 0 (-1/n).'],
    ['sqrt(n - 2)', '1', 'Energy is not a real number at n = 0 (sqrt(n - 2)).'],
    ['(-8)^(1/3)', '1', 'Energy is not a real number at n = 0 ((-8)^(1/3)).'],
    ['exp(1000 n)', '1', 'Energy is not finite at n = 1 (exp(1000 n)).'],
    ['n', '1/(n-2)^2', 'Degeneracy is not finite at n = 2 (1/(n-2)^2).'],
    ['n', 'log(n)', 'Degeneracy is not finite at n = 0 (log(n)).'],
    ['n', 'log(n - 2)', 'Degeneracy is not a real number at n = 0 (log(n - 2)).'],
    [
      'n',
      'n - 2',
      'Degeneracy is negative (-2) at n = 0 (n - 2); it counts states, so it must be 0 or more.',
    ],
    ['n', '0', 'Every degeneracy is 0, so no level has any state to occupy.'],
    ['n', '0 n', 'Every degeneracy is 0'],
    ['n', '', 'Degeneracy formula is empty; type 1 if every level has a single state.'],
    ['', '1', 'Energy formula is empty.'],
    ['n', 'foo', "Degeneracy formula: unknown name 'foo'."],
  ])('E = %j, g = %j → %s', (energy, degeneracy, message) => {
    expect(inputErrorOf(() => spectrumFromFormula(energy, degeneracy, 0, 3)).message).toContain(message);
  });

  it('names the first failing n', () => {
    expect(() => spectrumFromFormula('1/(n-5)', '1', 0, 10)).toThrow('at n = 5 ');
  });

  it('a*n + b matches plain arithmetic for any a, b (property)', () => {
    const coefficient = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(coefficient, coefficient, fc.integer({ min: -50, max: 50 }), (a, b, nFrom) => {
        const s = spectrumFromFormula(`(${a}) * n + (${b})`, '1', nFrom, nFrom + 5);
        for (let i = 0; i < 6; i++) {
          const n = nFrom + i;
          if (s.energies[i] !== a * n + b) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('time budget', () => {
  it('evaluation that runs past the budget stops with a message instead of freezing the page', () => {
    // A clock that advances 50 ms per reading stands in for a slow machine.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => {
      now += 50;
      return now;
    });
    try {
      expect(() => spectrumFromFormula('(n % 170)! + sqrt(n)', '1', 0, 9_999)).toThrow(
        /took longer than 300 ms/,
      );
      // Few levels finish before the clock is ever read twice.
      expect(spectrumFromFormula('n', '1', 0, 100).energies.length).toBe(101);
    } finally {
      clock.mockRestore();
    }
  });
});
