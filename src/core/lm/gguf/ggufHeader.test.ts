import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  f32,
  str,
  strings,
  u32,
  type WriteTensor,
  type WriteValue,
  writeGguf,
} from '../../../../tests/fixtures/gguf/ggufWriter.ts';
import {
  bigramModel,
  truncated,
  UNKNOWN_ARCHITECTURE,
  unknownArchitectureModel,
  withBadMagic,
  withHugeFirstKeyLength,
  withU32At,
  withVersion,
} from '../../../../tests/fixtures/gguf/testModels.ts';
import { InputError } from '../../errors.ts';
import { GGML_TYPE_F32, GGML_TYPES } from './ggmlTypes.ts';
import { GgufValueType } from './ggufFormat.ts';
import { type GgufArray, type GgufHeader, MAX_HEADER_BYTES, parseGgufHeader } from './ggufHeader.ts';

const bigram = bigramModel();

function header(bytes: Uint8Array, fileSize = bytes.length): GgufHeader {
  const result = parseGgufHeader(bytes, fileSize);
  if (result.kind !== 'header') throw new Error(`expected a header, got needMore ${result.bytes}`);
  return result.header;
}

/** The error parsing throws, or null if it parses. */
function failure(bytes: Uint8Array, fileSize = bytes.length): unknown {
  try {
    parseGgufHeader(bytes, fileSize);
    return null;
  } catch (error) {
    return error;
  }
}

function expectCode(bytes: Uint8Array, code: string, params?: object, fileSize = bytes.length): InputError {
  const error = failure(bytes, fileSize);
  expect(error).toBeInstanceOf(InputError);
  const input = error as InputError;
  expect(input.code).toBe(code);
  if (params) expect(input.params).toMatchObject(params);
  return input;
}

const VOCABULARY: Array<readonly [string, WriteValue]> = [
  ['tokenizer.ggml.model', str('llama')],
  ['tokenizer.ggml.tokens', strings(['<unk>', '▁a', 'b'])],
];

function minimal(extra: Array<readonly [string, WriteValue]> = [], tensors: WriteTensor[] = []): Uint8Array {
  return writeGguf([['general.architecture', str('llama')], ...VOCABULARY, ...extra], tensors);
}

const f32Tensor = (name: string, dims: number[]): WriteTensor => ({
  name,
  dims,
  type: GGML_TYPE_F32,
  data: new Uint8Array(dims.reduce((a, b) => a * b, 1) * 4),
});

describe('reading what the writer wrote', () => {
  test('the bigram model: architecture, sizes, vocabulary and tensors', () => {
    const h = header(bigram.bytes);
    expect(h.version).toBe(3);
    expect(h.architecture).toBe('llama');
    expect(h.name).toBe('Boltzmann Lab bigram test model');
    expect(h.contextLength).toBe(256);
    expect(h.fileSize).toBe(bigram.bytes.length);
    expect(h.dataEnd).toBe(bigram.bytes.length);
    expect(h.dataOffset % 32).toBe(0);
    expect(h.vocabulary.model).toBe('llama');
    expect(h.vocabulary.tokens).toEqual(bigram.tokens);
    expect(h.vocabulary.types?.slice(0, 4)).toEqual(Int32Array.of(2, 3, 3, 6));
    expect(h.vocabulary.bosId).toBe(bigram.idOf('<s>'));
    expect(h.vocabulary.eosId).toBe(bigram.idOf('</s>'));
    const nVocab = bigram.tokens.length;
    const embedding = h.tensors.find((t) => t.name === 'token_embd.weight');
    expect(embedding).toMatchObject({ dims: [bigram.nEmbd, nVocab], type: GGML_TYPE_F32, offset: 0 });
    expect(h.tensors.map((t) => t.name)).toContain('blk.0.ffn_down.weight');
    const total = h.tensors.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0);
    expect(h.parameterCount).toBe(total);
    expect(h.metadata.get('llama.attention.layer_norm_rms_epsilon')).toBe(Math.fround(1e-5));
  });

  test('every metadata value type, arrays of each, and arrays of arrays', () => {
    const bytes = minimal([
      ['v.u8', { type: 'u8', value: 255 }],
      ['v.i8', { type: 'i8', value: -128 }],
      ['v.u16', { type: 'u16', value: 65535 }],
      ['v.i16', { type: 'i16', value: -32768 }],
      ['v.u32', u32(4294967295)],
      ['v.i32', { type: 'i32', value: -2147483648 }],
      ['v.f32', f32(0.1)],
      ['v.bool', { type: 'bool', value: true }],
      ['v.u64', { type: 'u64', value: 2n ** 64n - 1n }],
      ['v.i64', { type: 'i64', value: -(2n ** 63n) }],
      ['v.f64', { type: 'f64', value: Math.PI }],
      ['v.text', str('Больцман ▁ 温度')],
      ['a.u8', { type: 'array', of: 'u8', items: [1, 2, 3] }],
      ['a.i16', { type: 'array', of: 'i16', items: [-1, 2] }],
      ['a.u64', { type: 'array', of: 'u64', items: [5n, 2n ** 60n] }],
      ['a.f64', { type: 'array', of: 'f64', items: [0.5, -1e300] }],
      ['a.bool', { type: 'array', of: 'bool', items: [true, false] }],
      ['a.empty', { type: 'array', of: 'string', items: [] }],
      [
        'a.nested',
        {
          type: 'array',
          of: 'array',
          items: [
            strings(['x', 'y']),
            { type: 'array', of: 'array', items: [{ type: 'array', of: 'i32', items: [7] }] },
          ],
        },
      ],
    ]);
    const m = header(bytes).metadata;
    expect([m.get('v.u8'), m.get('v.i8'), m.get('v.u16'), m.get('v.i16')]).toEqual([
      255, -128, 65535, -32768,
    ]);
    expect([m.get('v.u32'), m.get('v.i32'), m.get('v.bool')]).toEqual([4294967295, -2147483648, true]);
    expect(m.get('v.f32')).toBe(Math.fround(0.1));
    expect([m.get('v.u64'), m.get('v.i64'), m.get('v.f64')]).toEqual([2n ** 64n - 1n, -(2n ** 63n), Math.PI]);
    expect(m.get('v.text')).toBe('Больцман ▁ 温度');
    expect((m.get('a.u8') as GgufArray).items).toEqual(Uint8Array.of(1, 2, 3));
    expect((m.get('a.i16') as GgufArray).items).toEqual(Int16Array.of(-1, 2));
    expect((m.get('a.u64') as GgufArray).items).toEqual(BigUint64Array.of(5n, 2n ** 60n));
    expect((m.get('a.f64') as GgufArray).items).toEqual(Float64Array.of(0.5, -1e300));
    expect(m.get('a.bool')).toEqual({
      kind: 'array',
      itemType: GgufValueType.BOOL,
      items: Uint8Array.of(1, 0),
    });
    expect((m.get('a.empty') as GgufArray).items).toEqual([]);
    const nested = m.get('a.nested') as GgufArray;
    expect(nested.itemType).toBe(GgufValueType.ARRAY);
    const [first, second] = nested.items as GgufArray[];
    expect(first.items).toEqual(['x', 'y']);
    expect(((second.items as GgufArray[])[0] as GgufArray).items).toEqual(Int32Array.of(7));
  });

  test('version 2, a custom alignment and tensors of quantised types', () => {
    const q8 = GGML_TYPES.get(8);
    const q4k = GGML_TYPES.get(12);
    if (!q8 || !q4k) throw new Error('Q8_0 and Q4_K are ggml types');
    const tensors: WriteTensor[] = [
      { name: 'a', dims: [64, 3], type: 8, data: new Uint8Array(2 * 3 * q8.bytesPerBlock) },
      { name: 'b', dims: [256], type: 12, data: new Uint8Array(q4k.bytesPerBlock) },
    ];
    const bytes = writeGguf([['general.architecture', str('llama')], ...VOCABULARY], tensors, {
      version: 2,
      alignment: 64,
    });
    const h = header(bytes);
    expect(h.version).toBe(2);
    expect(h.alignment).toBe(64);
    expect(h.dataOffset % 64).toBe(0);
    expect(h.tensors.map((t) => [t.name, t.offset, t.byteSize])).toEqual([
      ['a', 0, 204],
      ['b', 256, 144],
    ]);
    // The writer pads the last tensor too; the data itself ends with it.
    expect(h.dataEnd).toBe(h.dataOffset + 256 + 144);
    expect(bytes.length - h.dataEnd).toBeLessThan(64);
    expect(h.parameterCount).toBe(64 * 3 + 256);
  });

  test('a prefix shorter than the header asks for more, then parses the same', () => {
    const first = parseGgufHeader(bigram.bytes.subarray(0, 64), bigram.bytes.length);
    expect(first.kind).toBe('needMore');
    if (first.kind !== 'needMore') return;
    expect(first.bytes).toBeGreaterThan(64);
    const again = header(bigram.bytes.subarray(0, first.bytes), bigram.bytes.length);
    expect(again.vocabulary.tokens).toEqual(bigram.tokens);
    expect(again.dataOffset).toBe(header(bigram.bytes).dataOffset);
  });

  test('any prefix either asks for more than it has or gives the whole header', () => {
    const small = unknownArchitectureModel();
    const full = header(small);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.length }), (length) => {
        const result = parseGgufHeader(small.subarray(0, length), small.length);
        if (result.kind === 'needMore') return result.bytes > length && result.bytes <= small.length;
        return result.header.dataOffset === full.dataOffset && length >= full.dataOffset - 32;
      }),
    );
  });
});

describe('refusing what is not a readable GGUF model', () => {
  test('files of other kinds say what they look like', () => {
    const text = new TextEncoder().encode('Whereas recognition of the inherent dignity… “quoted”\n');
    expectCode(text, 'gguf.notGguf', { hint: 'text' });
    const safetensors = new Uint8Array(64);
    new DataView(safetensors.buffer).setBigUint64(0, 40n, true);
    safetensors.set(new TextEncoder().encode('{"__metadata__":{}}'), 8);
    expectCode(safetensors, 'gguf.notGguf', { hint: 'safetensors' });
    expectCode(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0), 'gguf.notGguf', { hint: 'zip' });
    expectCode(new TextEncoder().encode('tjgg\u0003\u0000\u0000\u0000'), 'gguf.notGguf', { hint: 'ggml' });
    expectCode(new Uint8Array(0), 'gguf.notGguf', { hint: 'empty' });
    expectCode(withBadMagic(bigram.bytes), 'gguf.notGguf', { hint: null });
    expect(failure(text)).toHaveProperty(
      'message',
      'This is not a GGUF model file. It looks like a text file.',
    );
  });

  test('a file size that is no count of bytes reads as an empty file', () => {
    expectCode(bigram.bytes, 'gguf.notGguf', { hint: 'empty' }, Number.NaN);
    expectCode(bigram.bytes, 'gguf.notGguf', { hint: 'empty' }, -5);
  });

  test('other format versions', () => {
    const error = expectCode(withVersion(bigram.bytes, 4), 'gguf.version', { got: 4, supported: [2, 3] });
    expect(error.message).toBe('This GGUF file has format version 4; versions 2 and 3 can be read.');
    expectCode(withVersion(bigram.bytes, 1), 'gguf.version', { got: 1 });
  });

  test('a download cut short, in the data and in the header', () => {
    const cut = truncated(bigram.bytes, 1_000_000);
    const error = expectCode(cut, 'gguf.truncated', {
      neededBytes: bigram.bytes.length,
      fileBytes: 1_000_000,
      inHeader: false,
    });
    expect(error.message).toBe(
      "The model's data needs 2.0 MB but the file has only 1.0 MB: it was cut short (an interrupted download?).",
    );
    const nearlyWhole = truncated(bigram.bytes, bigram.bytes.length - 40);
    expect((failure(nearlyWhole) as InputError).message).toContain(
      'needs 1.96784 MB but the file has only 1.96780 MB',
    );
    expectCode(truncated(bigram.bytes, 20), 'gguf.truncated', { inHeader: true, fileBytes: 20 });
  });

  test('hostile lengths and counts are refused before anything is allocated', () => {
    expectCode(withHugeFirstKeyLength(bigram.bytes), 'gguf.corrupt', { reason: 'stringLength', at: null });
    const manyEntries = withU32At(withU32At(bigram.bytes, 16, 0xffffffff), 20, 0xffff);
    expectCode(manyEntries, 'gguf.corrupt', { reason: 'count' });
    const manyTensors = withU32At(bigram.bytes, 8, 0xffffffff);
    expectCode(manyTensors, 'gguf.corrupt', { reason: 'count' });
    // A count a header could hold, in a file too short for it: cut short rather than damaged.
    expectCode(withU32At(bigram.bytes, 8, 1_000_000), 'gguf.truncated', { inHeader: true });
    const hugeArray = minimal([['a', { type: 'array', of: 'u64', items: [1n] }]]);
    const countAt = indexOfKey(hugeArray, 'a') + 4 + 4;
    expectCode(withU32At(hugeArray, countAt, 0xfffffff0), 'gguf.corrupt', { reason: 'arrayLength', at: 'a' });
  });

  test('unknown value types, nesting too deep, duplicates', () => {
    const bytes = minimal([['x', u32(1)]]);
    expectCode(withU32At(bytes, indexOfKey(bytes, 'x'), 13), 'gguf.corrupt', {
      reason: 'valueType',
      at: 'x',
    });
    let deep: WriteValue = { type: 'array', of: 'u8', items: [1] };
    for (let i = 0; i < 5; i++) deep = { type: 'array', of: 'array', items: [deep] };
    expectCode(minimal([['deep', deep]]), 'gguf.corrupt', { reason: 'tooDeep', at: 'deep' });
    expectCode(
      minimal([
        ['x', u32(1)],
        ['x', u32(2)],
      ]),
      'gguf.corrupt',
      { reason: 'duplicateKey', at: 'x' },
    );
    const twice = minimal([], [f32Tensor('w', [4]), f32Tensor('w', [4])]);
    expectCode(twice, 'gguf.corrupt', { reason: 'duplicateTensor', at: 'w' });
  });

  test('tensors of unknown type, impossible shape or misplaced data', () => {
    const bytes = minimal([], [f32Tensor('w', [8])]);
    // After the tensor's name: n_dims (u32), its one dimension (u64), type (u32), offset (u64).
    const afterName = indexOfKey(bytes, 'w');
    const typeOffset = afterName + 4 + 8;
    expectCode(withU32At(bytes, typeOffset, 31), 'gguf.unknownTensorType', { tensor: 'w', type: 31 });
    expectCode(withU32At(bytes, typeOffset, 8), 'gguf.corrupt', { reason: 'rowSize', at: 'w' });
    expectCode(withU32At(bytes, typeOffset + 4, 4), 'gguf.corrupt', { reason: 'tensorMisaligned', at: 'w' });
    expectCode(withU32At(bytes, afterName, 5), 'gguf.corrupt', { reason: 'dimensions', at: 'w' });
    expectCode(withU32At(bytes, afterName, 0), 'gguf.corrupt', { reason: 'dimensions', at: 'w' });
    expectCode(withU32At(bytes, typeOffset + 4, 1 << 20), 'gguf.truncated', { inHeader: false });
    expect((failure(withU32At(bytes, typeOffset, 31)) as InputError).message).toBe(
      'The tensor “w” has type 31, which this version of llama.cpp does not know.',
    );
  });

  test('an alignment that is no power of two', () => {
    expectCode(minimal([['general.alignment', u32(24)]]), 'gguf.corrupt', { reason: 'alignment' });
    expectCode(minimal([['general.alignment', str('32')]]), 'gguf.corrupt', { reason: 'keyType' });
  });

  test('no architecture, no vocabulary, token types that do not match', () => {
    expectCode(writeGguf(VOCABULARY, []), 'gguf.noArchitecture');
    expectCode(writeGguf([['general.architecture', str('llama')]], []), 'gguf.noVocabulary');
    const mismatched = minimal([['tokenizer.ggml.token_type', { type: 'array', of: 'i32', items: [1, 1] }]]);
    expectCode(mismatched, 'gguf.corrupt', { reason: 'tokenTypes' });
    expect(header(unknownArchitectureModel()).architecture).toBe(UNKNOWN_ARCHITECTURE);
  });

  test('a header larger than any model has', () => {
    const result = failure(bigram.bytes.subarray(0, 64), MAX_HEADER_BYTES * 4);
    expect(result).toBeNull();
    const huge = minimal([['big', str('x'.repeat(16))]]);
    const lengthAt = indexOfKey(huge, 'big') + 4;
    const claims = withU32At(huge, lengthAt, MAX_HEADER_BYTES + 1);
    expectCode(claims.subarray(0, 256), 'gguf.corrupt', { reason: 'headerTooLarge' }, MAX_HEADER_BYTES * 2);
  });
});

describe('hostile bytes', () => {
  const small = unknownArchitectureModel();
  const headerEnd = header(small).dataOffset;

  function parsesOrRefuses(bytes: Uint8Array): boolean {
    const error = failure(bytes);
    return error === null || error instanceof InputError;
  }

  test('random bytes after the magic either parse or are refused with an InputError', () => {
    const start = small.subarray(0, 8);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (tail) => {
        const bytes = new Uint8Array(8 + tail.length);
        bytes.set(start);
        bytes.set(tail, 8);
        return parsesOrRefuses(bytes);
      }),
      { numRuns: 500 },
    );
  });

  test('a real header with bytes changed either parses or is refused with an InputError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: headerEnd - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          const bytes = small.slice();
          for (const [at, value] of edits) bytes[at] = value;
          return parsesOrRefuses(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('a real header cut anywhere, or with a claimed size smaller than its bytes, is refused cleanly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.length - 1 }), (length) => {
        const error = failure(small.subarray(0, length));
        return error instanceof InputError && ['gguf.truncated', 'gguf.notGguf'].includes(error.code);
      }),
      { numRuns: 300 },
    );
  });
});

/** Where the bytes after a key's (or tensor name's) text start: its value type (or tensor info). */
function indexOfKey(bytes: Uint8Array, key: string): number {
  const needle = new TextEncoder().encode(key);
  for (let i = 24; i + 8 + needle.length <= bytes.length; i++) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + i, 8);
    if (view.getUint32(0, true) !== needle.length || view.getUint32(4, true) !== 0) continue;
    if (needle.every((b, k) => bytes[i + 8 + k] === b)) return i + 8 + needle.length;
  }
  throw new Error(`no key ${key}`);
}
