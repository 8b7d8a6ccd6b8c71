/**
 * A spectrum typed or pasted as a list of energies, in the current system's energy unit.
 *
 * Syntax (one rule, stated in every error): entries separated by commas, semicolons, spaces or
 * new lines; an entry is an energy, optionally followed by a colon and its degeneracy.
 *   "0, 1, 2.5"        three levels with g = 1
 *   "0:1; 1:3; 2:5"    degeneracies 1, 3, 5 (spaces around ':' are fine: "1 : 3")
 * Levels keep the order they were typed in.
 */
import { InputError } from '../errors.ts';
import type { Spectrum } from '../types.ts';
import { MAX_LEVELS } from './formula.ts';

/** Longest list text accepted, in characters. */
export const MAX_ENERGY_LIST_LENGTH = 100_000;

export const ENERGY_LIST_SYNTAX =
  'Type energies separated by commas, spaces or new lines; add :g after an energy for a degeneracy g, for example 0, 1:3, 2.5.';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function quote(entry: string): string {
  return entry.length > 30 ? `${entry.slice(0, 29)}…` : entry;
}

/** Reads one number of an entry; returns null when it is not a number at all. */
function readNumber(text: string): number | null {
  const normalized = text.replace(/[\u2212\u2012\u2013]/g, '-');
  return NUMBER.test(normalized) ? Number(normalized) : null;
}

/**
 * Splits the text into entries. Commas and semicolons always separate; whitespace separates too,
 * except around a colon, so "1 : 3" is one entry. Done by hand because the obvious regex (optional
 * spaces, colon, optional spaces) backtracks quadratically on a long run of spaces.
 */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  for (const chunk of text.split(/[,;]/)) {
    let joinable = false; // may the next word be glued to the last entry (same chunk)?
    for (const word of chunk.split(/\s+/)) {
      if (word === '') continue;
      const last = entries.length - 1;
      if (joinable && (entries[last].endsWith(':') || word.startsWith(':'))) entries[last] += word;
      else entries.push(word);
      joinable = true;
    }
  }
  return entries;
}

/** Parses a typed list of energies (and optional degeneracies) into a spectrum. Throws InputError. */
export function parseEnergyList(text: string): Spectrum {
  if (typeof text !== 'string') throw new InputError(`The energy list must be text. ${ENERGY_LIST_SYNTAX}`);
  if (text.length > MAX_ENERGY_LIST_LENGTH) {
    throw new InputError(
      `The energy list is too long (${text.length} characters; the limit is ${MAX_ENERGY_LIST_LENGTH}).`,
    );
  }
  const entries = splitEntries(text);
  if (entries.length === 0) throw new InputError(`The energy list is empty. ${ENERGY_LIST_SYNTAX}`);
  if (entries.length > MAX_LEVELS) {
    throw new InputError(`The energy list has ${entries.length} entries; the limit is ${MAX_LEVELS}.`);
  }

  const energies = new Float64Array(entries.length);
  const degeneracies = new Float64Array(entries.length);
  let anyOccupiable = false;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const where = `Entry ${i + 1} ('${quote(entry)}')`;
    const pieces = entry.split(':');
    if (pieces.length > 2) throw new InputError(`${where} has more than one ':'. ${ENERGY_LIST_SYNTAX}`);
    const [energyText, degeneracyText] = pieces;
    if (energyText === '')
      throw new InputError(`${where} has no energy before the ':'. ${ENERGY_LIST_SYNTAX}`);

    const energy = readNumber(energyText);
    if (energy === null) throw new InputError(`${where} is not a number. ${ENERGY_LIST_SYNTAX}`);
    if (!Number.isFinite(energy))
      throw new InputError(`${where} is too large: every energy must be a finite number.`);

    let degeneracy = 1;
    if (degeneracyText !== undefined) {
      if (degeneracyText === '')
        throw new InputError(`${where} has no degeneracy after the ':'. ${ENERGY_LIST_SYNTAX}`);
      const g = readNumber(degeneracyText);
      if (g === null)
        throw new InputError(
          `${where}: the degeneracy '${quote(degeneracyText)}' is not a number. ${ENERGY_LIST_SYNTAX}`,
        );
      if (!Number.isFinite(g)) throw new InputError(`${where}: the degeneracy is too large.`);
      if (g < 0) throw new InputError(`${where}: the degeneracy counts states, so it must be 0 or more.`);
      degeneracy = g === 0 ? 0 : g; // normalise -0
    }
    energies[i] = energy;
    degeneracies[i] = degeneracy;
    if (degeneracy > 0) anyOccupiable = true;
  }
  if (!anyOccupiable) {
    throw new InputError(
      'Every degeneracy in the list is 0, so no level has any state to occupy. At least one level needs g > 0.',
    );
  }
  return { energies, degeneracies };
}
