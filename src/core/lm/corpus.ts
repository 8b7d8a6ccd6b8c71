/**
 * Text preparation shared by training and querying the character-level model, and the shape of the
 * shipped corpora manifest (assets/corpora/index.json, written by scripts/extract-corpora.ts).
 *
 * A "character" here is a Unicode code point after NFC normalisation, so "é" typed as e + combining
 * accent and "é" typed precomposed are the same symbol, and an emoji outside the BMP is one symbol, not
 * two UTF-16 halves.
 */

/** Longest text (in UTF-16 code units, before normalisation) a model may be trained on. */
export const MAX_TRAINING_CHARACTERS = 5_000_000;

/** One entry of assets/corpora/index.json. */
export interface CorpusEntry {
  /** Stable identifier, also the file's base name: "en-sotu". */
  id: string;
  /** BCP 47 language tag: "en", "ru", "de-1996". */
  language: string;
  /** Human title for a menu. */
  title: string;
  /** File name inside assets/corpora/. */
  file: string;
  /** Size of the file in bytes (UTF-8). */
  bytes: number;
  /** Number of code points in the file. */
  characters: number;
  /** Where the text came from (package and, within it, which documents). */
  source: string;
  /** The licence or public-domain status of the text itself (not of the package's code). */
  licence: string;
}

// Invisible characters that only split otherwise identical words: BOM, zero-width space, word joiner,
// soft hyphen. Other format characters (ZWJ, ZWNJ, direction marks) carry meaning in some scripts, so
// they stay.
const INVISIBLE = /[\uFEFF\u200B\u2060\u00AD]/g;
// A run of whitespace other than the newline (tabs, no-break spaces, the Unicode space separators) that is
// not already a single plain space: matching lone spaces too would make this the slowest step by far.
const HORIZONTAL_SPACE = /[^\S\n ][^\S\n]*| [^\S\n]+/g;
// Remaining control characters (the newline excepted) and unpaired surrogates, which no encoding can
// carry and which would otherwise become vocabulary entries of their own.
const CONTROL = /(?!\n)[\p{Cc}\p{Cs}]/gu;

/**
 * Normalises a piece of text the way the model sees it, without trimming: for a context whose trailing
 * space matters. Rules:
 *  - line endings CRLF and CR become LF, and the text is put in Unicode NFC;
 *  - BOM, zero-width space, word joiner and soft hyphen are removed, as are control characters other than
 *    the newline and unpaired surrogates;
 *  - any run of horizontal whitespace (spaces, tabs, no-break spaces…) becomes a single space;
 *  - spaces next to a newline are dropped, and three or more newlines become two, so that the model has
 *    exactly two line separators to learn: the line break and the paragraph break.
 * Case, punctuation and every other character are kept.
 */
export function normalizeContext(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(CONTROL, '')
    .replace(/ \n ?|\n /g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n');
}

/** normalizeContext plus trimming of leading and trailing whitespace: the form a training text takes. */
export function normalizeText(text: string): string {
  return normalizeContext(text).trim();
}
