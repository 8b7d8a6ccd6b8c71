/**
 * What each token of a GGUF vocabulary stands for, as llama.cpp's token_to_piece writes it (llama-vocab.cpp):
 * the text a person reads beside the token's probability, and the bytes it adds to generated text.
 *
 * - SentencePiece-style vocabularies (tokenizer.ggml.model 'llama', also 'bert' and 't5', which llama.cpp
 *   renders the same way): '▁' is a space; byte tokens (<0xE2>) write their byte.
 * - Byte-level BPE ('gpt2'): each character of a token stands for one byte through GPT-2's byte-to-unicode
 *   table ('Ġ' is a space, 'Ċ' a line feed); the bytes are UTF-8, or part of a character split across tokens.
 * - Control, unknown and unused tokens write nothing into generated text; user-defined tokens write their
 *   stored text as it is.
 */
import { TokenType } from './ggufFormat.ts';
import type { GgufVocabulary } from './ggufVocabulary.ts';

/** What a token is, for showing it. */
export const TokenKind = {
  /** Text (possibly with bytes of a split character written as <0xNN>). */
  NORMAL: 0,
  /** A single byte of SentencePiece's byte fallback (<0xE2>). */
  BYTE: 1,
  /** A control, unknown, unused or undefined token: shown by its name, writes nothing. */
  SPECIAL: 2,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface TokenTexts {
  /** Per token id, the text it stands for as a person reads it. */
  readonly texts: string[];
  /** Per token id, a TokenKind. */
  readonly kinds: Uint8Array;
}

type Rendering = 'sentencePiece' | 'byteLevel' | 'literal';

function renderingOf(model: string): Rendering {
  if (model === 'gpt2') return 'byteLevel';
  if (model === 'llama' || model === 'bert' || model === 't5') return 'sentencePiece';
  return 'literal';
}

const SPACE_PIECE = /▁/g;
const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;

/**
 * GPT-2's bytes_to_unicode, inverted: the byte each character of a byte-level token stands for (−1 for a
 * character outside the table). Printable bytes stand for themselves; the others were moved to U+0100….
 */
const BYTE_OF_CHARACTER: Int16Array = (() => {
  const table = new Int16Array(0x144).fill(-1);
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    table[printable ? b : 0x100 + shifted++] = b;
  }
  return table;
})();

const encoder = new TextEncoder();

function kindOf(type: number, id: number, text: string, vocabulary: GgufVocabulary): TokenKind {
  switch (type) {
    case TokenType.NORMAL:
      return TokenKind.NORMAL;
    case TokenType.BYTE:
      return TokenKind.BYTE;
    case TokenType.USER_DEFINED:
      // llama.cpp turns user-defined end-of-generation tokens such as <|im_end|> into control tokens.
      return id === vocabulary.eosId || id === vocabulary.bosId || /^<\|[^|]*\|>$/.test(text)
        ? TokenKind.SPECIAL
        : TokenKind.NORMAL;
    default:
      return TokenKind.SPECIAL;
  }
}

/** The type of token `id` as llama.cpp sees it: NORMAL when the file gives no types. */
function typeOf(vocabulary: GgufVocabulary, id: number): number {
  return vocabulary.types ? vocabulary.types[id] : TokenType.NORMAL;
}

/** Scratch space for one token's bytes and text; tokens are short, and a longer one gets its own. */
let byteScratch = new Uint8Array(256);
let unitScratch = new Uint16Array(256);

/**
 * The bytes a byte-level token stands for, into byteScratch (returns the count); a character outside the
 * table keeps its own UTF-8 bytes.
 */
function byteLevelBytesInto(token: string): number {
  if (byteScratch.length < token.length * 4) byteScratch = new Uint8Array(token.length * 4);
  const out = byteScratch;
  let n = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const byte = code < BYTE_OF_CHARACTER.length ? BYTE_OF_CHARACTER[code] : -1;
    if (byte >= 0) {
      out[n++] = byte;
      continue;
    }
    const surrogatePair = code >= 0xd800 && code <= 0xdbff && i + 1 < token.length;
    const character = surrogatePair ? token.slice(i, i + 2) : token[i];
    if (surrogatePair) i++;
    n += encoder.encodeInto(character, out.subarray(n)).written;
  }
  return n;
}

function byteLevelBytes(token: string): Uint8Array {
  return byteScratch.slice(0, byteLevelBytesInto(token));
}

const HEX = Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);

/**
 * The number of bytes of the valid UTF-8 character starting at bytes[i] (of `end`), or 0 if none starts
 * there (a stray continuation byte, a character cut short, an overlong form, a surrogate, beyond U+10FFFF).
 */
function validCharacterLength(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) low = 0xa0;
    else if (b0 === 0xed) high = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) low = 0x90;
    else if (b0 === 0xf4) high = 0x8f;
  } else return 0;
  if (i + length > end) return 0;
  const b1 = bytes[i + 1];
  if (b1 < low || b1 > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * The first `count` bytes as text, each byte outside a complete valid UTF-8 character written as <0xNN>.
 * Decoded by hand into UTF-16 units: a TextDecoder call per token would cost more than the decoding.
 */
function bytesAsTextOf(bytes: Uint8Array, count: number): string {
  // <0xNN> is 6 units for one byte, the most any byte becomes.
  if (unitScratch.length < count * 6) unitScratch = new Uint16Array(count * 6);
  const units = unitScratch;
  let n = 0;
  let i = 0;
  while (i < count) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      units[n++] = b0;
      i++;
      continue;
    }
    const length = validCharacterLength(bytes, i, count);
    if (length === 0) {
      const hex = HEX[b0];
      for (let k = 0; k < 6; k++) units[n++] = hex.charCodeAt(k);
      i++;
      continue;
    }
    let code = b0 & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k] & 0x3f);
    if (code >= 0x10000) {
      code -= 0x10000;
      units[n++] = 0xd800 + (code >> 10);
      units[n++] = 0xdc00 + (code & 0x3ff);
    } else units[n++] = code;
    i += length;
  }
  return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
}

/** UTF-8 bytes as text, each byte outside a complete valid character written as <0xNN>. */
export function bytesAsText(bytes: Uint8Array): string {
  return bytesAsTextOf(bytes, bytes.length);
}

/** Whether every character of a byte-level token stands for itself (printable ASCII): then it is its text. */
function isPlainAscii(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/**
 * The text and kind of every token of the vocabulary. Byte-level tokens that need decoding are decoded
 * in one pass over all of them joined, then cut apart (one native decode instead of 150,000 small ones).
 */
export function tokenTexts(vocabulary: GgufVocabulary): TokenTexts {
  const { tokens } = vocabulary;
  const rendering = renderingOf(vocabulary.model);
  // A packed copy to overwrite: filling a holey array of 150,000 entries out of order is several times slower.
  const texts = tokens.slice();
  const kinds = new Uint8Array(tokens.length);
  const rewritten: number[] = [];
  for (let id = 0; id < tokens.length; id++) {
    const token = tokens[id];
    const type = typeOf(vocabulary, id);
    const kind = kindOf(type, id, token, vocabulary);
    kinds[id] = kind;
    if (kind !== TokenKind.NORMAL || type === TokenType.USER_DEFINED || rendering === 'literal') continue;
    if (rendering === 'sentencePiece') {
      if (token.includes('▁')) texts[id] = token.replace(SPACE_PIECE, ' ');
    } else if (!isPlainAscii(token)) rewritten.push(id);
  }
  if (rendering === 'byteLevel') byteLevelTexts(tokens, rewritten, texts);
  return { texts, kinds };
}

/**
 * Byte-level tokens whose bytes are whole UTF-8 characters are decoded together; the rest (a character
 * split across tokens) one by one, with the loose bytes written as <0xNN>.
 */
function byteLevelTexts(tokens: readonly string[], ids: readonly number[], texts: string[]): void {
  let all = new Uint8Array(1 << 16);
  let size = 0;
  const whole: number[] = [];
  const unitEnds: number[] = [];
  let units = 0;
  for (const id of ids) {
    const count = byteLevelBytesInto(tokens[id]);
    const tokenUnits = wholeCharacterUnits(byteScratch, count);
    if (tokenUnits < 0) {
      texts[id] = bytesAsTextOf(byteScratch, count);
      continue;
    }
    if (size + count > all.length) {
      const grown = new Uint8Array(Math.max(all.length * 2, size + count));
      grown.set(all.subarray(0, size));
      all = grown;
    }
    all.set(byteScratch.subarray(0, count), size);
    size += count;
    units += tokenUnits;
    whole.push(id);
    unitEnds.push(units);
  }
  const decoded = utf8.decode(all.subarray(0, size));
  let at = 0;
  for (let k = 0; k < whole.length; k++) {
    texts[whole[k]] = decoded.slice(at, unitEnds[k]);
    at = unitEnds[k];
  }
}

/** The UTF-16 length of bytes that are whole valid UTF-8 characters only, or −1 if they are not. */
function wholeCharacterUnits(bytes: Uint8Array, count: number): number {
  let units = 0;
  let i = 0;
  while (i < count) {
    const length = validCharacterLength(bytes, i, count);
    if (length === 0) return -1;
    units += length === 4 ? 2 : 1;
    i += length;
  }
  return units;
}

const utf8 = new TextDecoder('utf-8');

const NOTHING = new Uint8Array(0);

/**
 * The bytes token `id` writes into generated text (concatenate them and decode with a streaming
 * TextDecoder): nothing for control, unknown and unused tokens, a byte token's byte, a piece's UTF-8.
 */
export function tokenBytes(vocabulary: GgufVocabulary, id: number): Uint8Array {
  const token = vocabulary.tokens[id];
  if (token === undefined) return NOTHING;
  const type = typeOf(vocabulary, id);
  const rendering = renderingOf(vocabulary.model);
  const kind = kindOf(type, id, token, vocabulary);
  if (kind === TokenKind.SPECIAL) return NOTHING;
  if (type === TokenType.USER_DEFINED || rendering === 'literal') return encoder.encode(token);
  if (kind === TokenKind.BYTE) {
    // llama.cpp renders byte tokens only in SentencePiece vocabularies (and BPE ones that escape spaces).
    const match = BYTE_TOKEN.exec(token);
    return match && rendering === 'sentencePiece' ? Uint8Array.of(Number.parseInt(match[1], 16)) : NOTHING;
  }
  if (rendering === 'sentencePiece') return encoder.encode(token.replace(SPACE_PIECE, ' '));
  return byteLevelBytes(token);
}
