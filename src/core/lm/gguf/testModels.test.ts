/** The test models of tests/fixtures/gguf: what they promise (exact distributions, fixed bytes) holds. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  bigramModel,
  byteBigramModel,
  wideVocabularyModel,
} from '../../../../tests/fixtures/gguf/testModels.ts';
import { parseGgufHeader } from './ggufHeader.ts';
import { TokenKind, tokenTexts } from './tokenText.ts';

const sum = (p: Float64Array) => p.reduce((a, b) => a + b, 0);
/** Byte equality by Buffer.compare: vitest's deep equality takes minutes over 2 MB. */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('the bigram model', () => {
  const model = bigramModel();
  const nVocab = model.tokens.length;

  test('each row of its table is a distribution, the smoothed bigram up to float32 rounding', () => {
    let worstSum = 0;
    let worstRelative = 0;
    for (let x = 0; x < nVocab; x++) {
      const p = model.table(x);
      worstSum = Math.max(worstSum, Math.abs(sum(p) - 1));
      for (let y = 0; y < nVocab; y++) {
        worstRelative = Math.max(worstRelative, Math.abs(p[y] / model.bigram(x, y) - 1));
      }
    }
    expect(worstSum).toBeLessThan(1e-12);
    // ln p is stored as float32 (relative error 6e-8 of values up to ~10): p moves by at most ~1e-6.
    expect(worstRelative).toBeLessThan(2e-6);
  });

  test('its counts are the corpus: "t" is followed by "h" most often', () => {
    const t = model.idOf('t');
    const row = model.table(t);
    const best = row.indexOf(Math.max(...row));
    expect(model.tokens[best]).toBe('h');
    const total = model.counts.reduce((a, b) => a + b, 0);
    // [<s>, ▁, the characters with spaces as ▁, </s>]: one pair fewer than tokens.
    expect(total).toBe(model.corpus.length + 2);
  });

  test('it is the same bytes every time, and the committed file is those bytes', () => {
    expect(sameBytes(bigramModel().bytes, model.bytes)).toBe(true);
    const committed = readFileSync(new URL('../../../../tests/fixtures/bigram-spm.gguf', import.meta.url));
    expect(committed.length).toBe(model.bytes.length);
    expect(sameBytes(committed, model.bytes)).toBe(true);
  });
});

describe('the byte-level bigram model', () => {
  const model = byteBigramModel();

  test('a GPT-2 vocabulary of the 256 bytes: a lone byte of a Russian letter reads <0xD0>', () => {
    const result = parseGgufHeader(model.bytes, model.bytes.length);
    if (result.kind !== 'header') throw new Error('the byte-level model parses from its whole bytes');
    const { vocabulary } = result.header;
    expect(vocabulary.model).toBe('gpt2');
    expect(result.header.metadata.get('tokenizer.ggml.pre')).toBe('gpt-2');
    const { texts, kinds } = tokenTexts(vocabulary);
    expect(texts[0xd0]).toBe('<0xD0>');
    expect(texts[0x20]).toBe(' ');
    expect(texts[0x61]).toBe('a');
    expect(texts[256]).toBe('<|endoftext|>');
    expect(kinds[256]).toBe(TokenKind.SPECIAL);
    expect(model.bytes.length).toBeLessThan(2 * 1024 * 1024);
  });

  test('its rows are distributions, and after the first byte of a letter comes a second byte', () => {
    for (const x of [0x20, 0xd0, 0xd1, 256]) expect(Math.abs(sum(model.table(x)) - 1)).toBeLessThan(1e-12);
    const afterLead = model.table(0xd0);
    let continuation = 0;
    for (let b = 0x80; b <= 0xbf; b++) continuation += afterLead[b];
    expect(continuation).toBeGreaterThan(0.9);
  });
});

describe('the wide-vocabulary model', () => {
  test('it reads back with its k tokens, and its distributions sum to 1', () => {
    const model = wideVocabularyModel(2_000, 8);
    const result = parseGgufHeader(model.bytes, model.bytes.length);
    if (result.kind !== 'header') throw new Error('the wide model parses from its whole bytes');
    expect(result.header.vocabulary.tokens).toEqual(model.tokens);
    expect(result.header.tensors.find((t) => t.name === 'token_embd.weight')?.dims).toEqual([8, 2_000]);
    for (const x of [0, 1, 300, 1_999]) expect(Math.abs(sum(model.table(x)) - 1)).toBeLessThan(1e-12);
    expect(model.table(300)).not.toEqual(model.table(301));
  });

  test('at the default size it stays under 5 MB', () => {
    expect(wideVocabularyModel().bytes.length).toBeLessThan(5 * 1024 * 1024);
  });
});
