import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { ENERGY_LIST_SYNTAX, MAX_ENERGY_LIST_LENGTH, parseEnergyList } from './energyList.ts';
import { MAX_LEVELS } from './formula.ts';

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

const levels = (text: string) => {
  const s = parseEnergyList(text);
  return { e: [...s.energies], g: [...s.degeneracies] };
};

describe('parseEnergyList', () => {
  it.each([
    ['0, 1, 2.5', [0, 1, 2.5], [1, 1, 1]],
    ['0 1 2.5', [0, 1, 2.5], [1, 1, 1]],
    ['0\n1\r\n2.5\n', [0, 1, 2.5], [1, 1, 1]],
    ['0;1;2.5', [0, 1, 2.5], [1, 1, 1]],
    ['  0 ,, 1 ;\t 2.5  ', [0, 1, 2.5], [1, 1, 1]],
    ['0:1, 1:3, 2:5', [0, 1, 2], [1, 3, 5]],
    ['0 : 1\n1 :3\n2: 5', [0, 1, 2], [1, 3, 5]],
    ['1:0, 2', [1, 2], [0, 1]],
    ['-1.5e-3, +2E2, .5, 5., −3', [-1.5e-3, 200, 0.5, 5, -3], [1, 1, 1, 1, 1]],
    ['2, 1, 2', [2, 1, 2], [1, 1, 1]],
    ['0:2.5', [0], [2.5]],
    ['7', [7], [1]],
  ])('%j', (text, energies, degeneracies) => {
    expect(levels(text)).toEqual({ e: energies, g: degeneracies });
  });

  it('returns Float64Arrays and stores +0 for a degeneracy of -0', () => {
    const s = parseEnergyList('0:-0, 1');
    expect(s.energies).toBeInstanceOf(Float64Array);
    expect(s.degeneracies).toBeInstanceOf(Float64Array);
    expect(Object.is(s.degeneracies[0], 0)).toBe(true);
  });

  it.each([
    ['0, 1, abc', "Entry 3 ('abc') is not a number."],
    ['0 1e400', "Entry 2 ('1e400') is too large: every energy must be a finite number."],
    ['inf', "Entry 1 ('inf') is not a number."],
    ['NaN', "Entry 1 ('NaN') is not a number."],
    ['1:2:3', "Entry 1 ('1:2:3') has more than one ':'."],
    [':3', "Entry 1 (':3') has no energy before the ':'."],
    ['1:', "Entry 1 ('1:') has no degeneracy after the ':'."],
    ['1 : ', "Entry 1 ('1:') has no degeneracy after the ':'."],
    ['1:x', "Entry 1 ('1:x'): the degeneracy 'x' is not a number."],
    ['1:-1', "Entry 1 ('1:-1'): the degeneracy counts states, so it must be 0 or more."],
    ['1:1e999', "Entry 1 ('1:1e999'): the degeneracy is too large."],
    ['0:0, 1:0', 'Every degeneracy in the list is 0, so no level has any state to occupy.'],
    ['', 'The energy list is empty.'],
    [' ,;\n ', 'The energy list is empty.'],
    ['1 x 3', "Entry 2 ('x') is not a number."],
    ['0.5.5', "Entry 1 ('0.5.5') is not a number."],
    ['1 meV', "Entry 2 ('meV') is not a number."],
    ['constructor', "Entry 1 ('constructor') is not a number."],
    ['__proto__:1', "Entry 1 ('__proto__:1') is not a number."],
  ])('%j → %s', (text, message) => {
    expect(inputErrorOf(() => parseEnergyList(text)).message).toContain(message);
  });

  it('states the syntax when an entry cannot be read', () => {
    expect(inputErrorOf(() => parseEnergyList('0, 1, abc')).message).toBe(
      `Entry 3 ('abc') is not a number. ${ENERGY_LIST_SYNTAX}`,
    );
    expect(ENERGY_LIST_SYNTAX).toContain(':g');
  });

  it('shortens long entries in messages', () => {
    const message = inputErrorOf(() => parseEnergyList(`1 ${'x'.repeat(5000)}`)).message;
    expect(message.length).toBeLessThan(300);
    expect(message).toContain('…');
  });

  it(`accepts ${MAX_LEVELS} entries and rejects one more`, () => {
    expect(parseEnergyList(Array(MAX_LEVELS).fill('1').join(',')).energies.length).toBe(MAX_LEVELS);
    expect(
      inputErrorOf(() =>
        parseEnergyList(
          Array(MAX_LEVELS + 1)
            .fill('1')
            .join(','),
        ),
      ).message,
    ).toBe(`The energy list has ${MAX_LEVELS + 1} entries; the limit is ${MAX_LEVELS}.`);
  });

  it(`caps the text at ${MAX_ENERGY_LIST_LENGTH} characters`, () => {
    const ok = `1${' '.repeat(MAX_ENERGY_LIST_LENGTH - 1)}`;
    expect(parseEnergyList(ok).energies.length).toBe(1);
    expect(inputErrorOf(() => parseEnergyList(`${ok} `)).message).toBe(
      `The energy list is too long (${MAX_ENERGY_LIST_LENGTH + 1} characters; the limit is ${MAX_ENERGY_LIST_LENGTH}).`,
    );
    expect(() => parseEnergyList('1,'.repeat(1 << 19))).toThrow(InputError);
  });

  // A backtracking split would take minutes on these; the test timeout is the guard, not a stopwatch.
  it('refuses long runs of spaces and colons with the right message', () => {
    expect(() => parseEnergyList(`1${' :'.repeat(MAX_ENERGY_LIST_LENGTH / 2 - 1)}`)).toThrow(
      "has more than one ':'",
    );
    expect(() => parseEnergyList(`${' '.repeat(MAX_ENERGY_LIST_LENGTH - 1)}:`)).toThrow(
      "has no energy before the ':'",
    );
  });

  it('reads back any list it is given (property)', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const degeneracy = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined });
    const separator = fc.constantFrom(', ', ',', ' ', '\n', '; ', '\t', ' , ');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, degeneracy), { minLength: 1, maxLength: 40 }),
        separator,
        (entries, sep) => {
          const text = entries.map(([e, g]) => (g === undefined ? String(e) : `${e}:${g}`)).join(sep);
          const s = parseEnergyList(text);
          return entries.every(([e, g], i) => s.energies[i] === e && s.degeneracies[i] === (g ?? 1));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('any text either parses or throws an InputError (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          const s = parseEnergyList(text);
          return (
            s.energies.every(Number.isFinite) && s.degeneracies.every((g) => Number.isFinite(g) && g >= 0)
          );
        } catch (error) {
          return error instanceof InputError;
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
