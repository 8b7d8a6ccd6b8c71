import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bigramModel } from '../../../../tests/fixtures/gguf/testModels.ts';
import { TokenType } from './ggufFormat.ts';
import { parseGgufHeader } from './ggufHeader.ts';
import type { GgufVocabulary } from './ggufVocabulary.ts';
import { bytesAsText, TokenKind, tokenBytes, tokenTexts } from './tokenText.ts';

const { NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE } = TokenType;

function vocabulary(
  model: string,
  entries: Array<[string, number]>,
  ids: Partial<GgufVocabulary> = {},
): GgufVocabulary {
  return {
    model,
    tokens: entries.map(([token]) => token),
    types: Int32Array.from(entries.map(([, type]) => type)),
    bosId: null,
    eosId: null,
    ...ids,
  };
}

/** GPT-2's bytes_to_unicode: the character that stands for each byte in a byte-level vocabulary. */
const BYTE_SYMBOL: string[] = (() => {
  const symbols: string[] = [];
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    symbols.push(String.fromCodePoint(printable ? b : 0x100 + shifted++));
  }
  return symbols;
})();
const symbolsOf = (bytes: Iterable<number>) => Array.from(bytes, (b) => BYTE_SYMBOL[b]).join('');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Generated text: the tokens' bytes through one streaming decoder, as a generation loop would. */
function generated(v: GgufVocabulary, ids: number[]): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const id of ids) text += decoder.decode(tokenBytes(v, id), { stream: true });
  return text + decoder.decode();
}

describe('SentencePiece vocabularies', () => {
  const spm = vocabulary('llama', [
    ['<unk>', UNKNOWN],
    ['<s>', CONTROL],
    ['</s>', CONTROL],
    ['<0x0A>', BYTE],
    ['<0xD0>', BYTE],
    ['<0xBF>', BYTE],
    ['▁the', NORMAL],
    ['▁', NORMAL],
    ['re▁al', NORMAL],
    ['温度', NORMAL],
    ['<pad>', UNUSED],
    ['<think>', USER_DEFINED],
  ]);

  test('▁ reads as a space; byte and control tokens keep their names', () => {
    const { texts, kinds } = tokenTexts(spm);
    expect(texts).toEqual([
      '<unk>',
      '<s>',
      '</s>',
      '<0x0A>',
      '<0xD0>',
      '<0xBF>',
      ' the',
      ' ',
      're al',
      '温度',
      '<pad>',
      '<think>',
    ]);
    const { SPECIAL } = TokenKind;
    expect([...kinds]).toEqual([SPECIAL, SPECIAL, SPECIAL, 1, 1, 1, 0, 0, 0, 0, SPECIAL, 0]);
    expect([TokenKind.NORMAL, TokenKind.BYTE]).toEqual([0, 1]);
  });

  test('the bytes tokens write: spaces, single bytes, nothing for control tokens', () => {
    expect([...tokenBytes(spm, 6)]).toEqual([...utf8(' the')]);
    expect([...tokenBytes(spm, 4)]).toEqual([0xd0]);
    expect(tokenBytes(spm, 1)).toHaveLength(0);
    expect(tokenBytes(spm, 10)).toHaveLength(0);
    expect([...tokenBytes(spm, 11)]).toEqual([...utf8('<think>')]);
    // <s> ▁the <0xD0><0xBF> (п split into byte tokens) <0x0A> 温度 </s>
    expect(generated(spm, [1, 6, 4, 5, 3, 9, 2])).toBe(' theп\n温度');
  });

  test('without token types every token is text', () => {
    const { texts, kinds } = tokenTexts({ ...spm, types: null });
    expect(texts[1]).toBe('<s>');
    expect(texts[6]).toBe(' the');
    expect(kinds.every((k) => k === TokenKind.NORMAL)).toBe(true);
  });
});

describe('byte-level BPE vocabularies', () => {
  const cyrillicP = utf8('п'); // D0 BF
  const bpe = vocabulary(
    'gpt2',
    [
      ['Ġthe', NORMAL],
      ['Ċ', NORMAL],
      [symbolsOf([cyrillicP[0]]), NORMAL],
      [symbolsOf([cyrillicP[1]]), NORMAL],
      [symbolsOf(utf8(' привет')), NORMAL],
      [symbolsOf([0x20, 0xd0]), NORMAL],
      ['hello', NORMAL],
      ['<|endoftext|>', CONTROL],
      ['<|im_end|>', USER_DEFINED],
      [symbolsOf(utf8('😀')), NORMAL],
      [symbolsOf([0xf0, 0x9f]), NORMAL],
    ],
    { eosId: 7 },
  );

  test("'Ġthe' is ' the', 'Ċ' a line feed, a lone byte of a Cyrillic letter <0xD0>", () => {
    const { texts, kinds } = tokenTexts(bpe);
    expect(texts).toEqual([
      ' the',
      '\n',
      '<0xD0>',
      '<0xBF>',
      ' привет',
      ' <0xD0>',
      'hello',
      '<|endoftext|>',
      '<|im_end|>',
      '😀',
      '<0xF0><0x9F>',
    ]);
    expect(kinds[2]).toBe(TokenKind.NORMAL);
    expect(kinds[7]).toBe(TokenKind.SPECIAL);
    expect(kinds[8]).toBe(TokenKind.SPECIAL);
  });

  test('a letter split across two tokens decodes whole in generated text', () => {
    expect([...tokenBytes(bpe, 2)]).toEqual([0xd0]);
    expect(generated(bpe, [0, 5, 3, 1, 7, 4])).toBe(' the п\n привет');
  });

  test('any bytes: the text shows every valid character and only the loose bytes as <0xNN>', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 12 }), (bytes) => {
        const v = vocabulary('gpt2', [[symbolsOf(bytes), NORMAL]]);
        const [text] = tokenTexts(v).texts;
        expect([...tokenBytes(v, 0)]).toEqual([...bytes]);
        expect(text).toBe(bytesAsText(bytes));
        // Writing each <0xNN> back as its byte gives the token's bytes again.
        const back: number[] = [];
        for (const part of text.split(/(<0x[0-9A-F]{2}>)/)) {
          const byte = /^<0x([0-9A-F]{2})>$/.exec(part);
          if (byte) back.push(Number.parseInt(byte[1], 16));
          else back.push(...utf8(part));
        }
        expect(back).toEqual([...bytes]);
        const strict = new TextDecoder('utf-8', { fatal: true });
        if (!text.includes('<0x')) expect(text).toBe(strict.decode(bytes));
      }),
      { numRuns: 500 },
    );
  });

  test('a whole vocabulary at once gives each token the text it has alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 40 }),
        (list) => {
          const v = vocabulary(
            'gpt2',
            list.map((bytes) => [symbolsOf(bytes), NORMAL]),
          );
          expect(tokenTexts(v).texts).toEqual(list.map((bytes) => bytesAsText(bytes)));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('valid UTF-8 decodes as the platform decodes it, invalid bytes one by one', () => {
    expect(bytesAsText(utf8('Больцман 温度 😀'))).toBe('Больцман 温度 😀');
    expect(bytesAsText(Uint8Array.of(0xc0, 0xaf))).toBe('<0xC0><0xAF>');
    expect(bytesAsText(Uint8Array.of(0xed, 0xa0, 0x80))).toBe('<0xED><0xA0><0x80>');
    expect(bytesAsText(Uint8Array.of(0x41, 0xe2, 0x82))).toBe('A<0xE2><0x82>');
  });
});

describe('the bigram test model', () => {
  test('its token texts: specials and bytes by name, ▁ as a space, the corpus characters as themselves', () => {
    const model = bigramModel();
    const result = parseGgufHeader(model.bytes, model.bytes.length);
    if (result.kind !== 'header') throw new Error('the bigram model parses from its whole bytes');
    const { texts, kinds } = tokenTexts(result.header.vocabulary);
    expect(texts[model.idOf('<s>')]).toBe('<s>');
    expect(kinds[model.idOf('<s>')]).toBe(TokenKind.SPECIAL);
    expect(texts[model.idOf('<0xE2>')]).toBe('<0xE2>');
    expect(kinds[model.idOf('<0xE2>')]).toBe(TokenKind.BYTE);
    expect(texts[model.idOf('▁')]).toBe(' ');
    expect(texts[model.idOf('t')]).toBe('t');
  });
});
