/**
 * For unit tests of the engine: its notes and source descriptions in English, as a person reads them, so
 * that a test can say what the text is (errors need nothing: tests/setup/english-errors.ts).
 */
import type { NoteMessage } from '../src/core/errors.ts';
import { en } from '../src/strings/en.ts';
import { noteText } from '../src/strings/messageTable.ts';

export const englishNote = (note: NoteMessage): string => noteText(en, note);

export const englishNotes = (result: { notes: readonly NoteMessage[] }): string[] =>
  result.notes.map(englishNote);
