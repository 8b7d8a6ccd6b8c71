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
  if (typeof text !== 'string') throw new InputError('energyList.notText', {});
  if (text.length > MAX_ENERGY_LIST_LENGTH) {
    throw new InputError('energyList.tooLong', { length: text.length, limit: MAX_ENERGY_LIST_LENGTH });
  }
  const entries = splitEntries(text);
  if (entries.length === 0) throw new InputError('energyList.empty', {});
  if (entries.length > MAX_LEVELS) {
    throw new InputError('energyList.tooManyEntries', { count: entries.length, limit: MAX_LEVELS });
  }

  const energies = new Float64Array(entries.length);
  const degeneracies = new Float64Array(entries.length);
  let anyOccupiable = false;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const where = { entry: i + 1, text: quote(entry) };
    const pieces = entry.split(':');
    if (pieces.length > 2) throw new InputError('energyList.extraColon', where);
    const [energyText, degeneracyText] = pieces;
    if (energyText === '') throw new InputError('energyList.noEnergy', where);

    const energy = readNumber(energyText);
    if (energy === null) throw new InputError('energyList.notANumber', where);
    if (!Number.isFinite(energy)) throw new InputError('energyList.energyTooLarge', where);

    let degeneracy = 1;
    if (degeneracyText !== undefined) {
      if (degeneracyText === '') throw new InputError('energyList.noDegeneracy', where);
      const g = readNumber(degeneracyText);
      if (g === null) {
        throw new InputError('energyList.degeneracyNotANumber', {
          ...where,
          degeneracy: quote(degeneracyText),
        });
      }
      if (!Number.isFinite(g)) throw new InputError('energyList.degeneracyTooLarge', where);
      if (g < 0) throw new InputError('energyList.degeneracyNegative', where);
      degeneracy = g === 0 ? 0 : g; // normalise -0
    }
    energies[i] = energy;
    degeneracies[i] = degeneracy;
    if (degeneracy > 0) anyOccupiable = true;
  }
  if (!anyOccupiable) {
    throw new InputError('energyList.allDegeneraciesZero', {});
  }
  return { energies, degeneracies };
}
