/**
 * Messages by code: each language writes every error, note and source description of the engine from its
 * code and parameters. A table lacking a code, or taking the wrong parameters, is a type error.
 */
import {
  type Coded,
  type ErrorParams,
  isCodedError,
  type NoteMessage,
  type NoteParams,
} from '../core/errors.ts';
import type { Strings } from './en.ts';

/** One function per code; `strings` gives the language's other texts (preset names, corpus titles). */
export type MessageTable<P> = { [C in keyof P]: (params: P[C], strings: Strings) => string };

export type ErrorTable = MessageTable<ErrorParams>;
export type NoteTable = MessageTable<NoteParams>;

function write<P>(table: MessageTable<P>, message: Coded<P>, strings: Strings): string {
  const entry = table[message.code] as (params: unknown, strings: Strings) => string;
  return entry(message.params, strings);
}

/** Any caught error in the current language: a coded one by its code, anything else as unexpected. */
export function errorText(strings: Strings, error: unknown): string {
  if (isCodedError(error)) return write(strings.errors, error.toMessage(), strings);
  return strings.unexpectedError;
}

/** A note or source description of a pasted distribution, in the current language. */
export function noteText(strings: Strings, note: NoteMessage): string {
  return write(strings.notes, note, strings);
}
