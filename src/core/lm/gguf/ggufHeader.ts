/**
 * Reads the header of a GGUF model file (ggml's docs/gguf.md): format version, metadata, tensor infos,
 * and from them where the tensor data lies and the vocabulary. Safe on any bytes: it either returns a
 * header, asks for a longer prefix, or throws an InputError that says what is wrong.
 */
import { InputError } from '../../errors.ts';
import { ByteCursor, MAX_HEADER_BYTES, NeedMoreBytes } from './byteCursor.ts';

export { MAX_HEADER_BYTES } from './byteCursor.ts';

import { GGML_TYPES } from './ggmlTypes.ts';
import { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC } from './ggufFormat.ts';
import { corrupt, type GgufValue, type ReadContext, readString, readValue } from './ggufMetadata.ts';
import { type GgufVocabulary, readVocabulary } from './ggufVocabulary.ts';
import { notGgufHint } from './notGguf.ts';

export type { GgufArray, GgufValue } from './ggufMetadata.ts';
export type { GgufVocabulary } from './ggufVocabulary.ts';

export const SUPPORTED_GGUF_VERSIONS = [2, 3];
/** ggml's GGML_MAX_DIMS. */
const MAX_DIMENSIONS = 4;
/** The least one metadata entry takes: key length, type, a one-byte value. */
const MIN_ENTRY_BYTES = 8 + 4 + 1;
/** The least one tensor info takes: name length, n_dims, one dimension, type, offset. */
const MIN_TENSOR_INFO_BYTES = 8 + 4 + 8 + 4 + 8;
/** The first prefix worth asking for when a parse needs more. */
const MIN_REQUEST_BYTES = 1 << 20;

export interface GgufTensorInfo {
  readonly name: string;
  /** Innermost first, as GGUF stores them. */
  readonly dims: readonly number[];
  /** The ggml type id (see ggmlTypes.ts). */
  readonly type: number;
  /** Bytes from the start of the data section. */
  readonly offset: number;
  readonly byteSize: number;
}

export interface GgufHeader {
  readonly version: number;
  readonly fileSize: number;
  readonly architecture: string;
  readonly name: string | null;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  readonly tensors: readonly GgufTensorInfo[];
  readonly alignment: number;
  /** Where the tensor data starts in the file. */
  readonly dataOffset: number;
  /** Where the last tensor's data ends in the file (≤ fileSize). */
  readonly dataEnd: number;
  /** The number of weights, over all tensors. */
  readonly parameterCount: number;
  /** `<architecture>.context_length`, or null if the file does not say. */
  readonly contextLength: number | null;
  readonly vocabulary: GgufVocabulary;
}

export type GgufHeaderResult = { kind: 'header'; header: GgufHeader } | { kind: 'needMore'; bytes: number };

/**
 * Parses the header from the first bytes of a file of `fileSize` bytes. If `prefix` ends before the
 * header does, returns how long a prefix to read next (at least what the header needs so far, and at least
 * double the prefix given, so a caller re-parses a few times, not many).
 */
export function parseGgufHeader(prefix: Uint8Array, fileSize: number): GgufHeaderResult {
  // A size that is no count of bytes (NaN, negative) reads as an empty file.
  const size = Math.max(0, Math.min(Math.floor(fileSize) || 0, Number.MAX_SAFE_INTEGER));
  try {
    return { kind: 'header', header: readHeader(new ByteCursor(prefix, size)) };
  } catch (error) {
    if (error instanceof NeedMoreBytes) {
      if (error.bytes > MAX_HEADER_BYTES)
        throw new InputError('gguf.corrupt', { reason: 'headerTooLarge', at: null });
      const wanted = Math.max(error.bytes, prefix.length * 2, MIN_REQUEST_BYTES);
      return { kind: 'needMore', bytes: Math.min(size, MAX_HEADER_BYTES, wanted) };
    }
    throw error;
  }
}

function readHeader(cursor: ByteCursor): GgufHeader {
  const context: ReadContext = { at: null };
  if (cursor.fileSize < 4 || cursor.u32() !== GGUF_MAGIC) {
    throw new InputError('gguf.notGguf', { hint: notGgufHint(cursor.bytes, cursor.fileSize) });
  }
  const version = cursor.u32();
  if (!SUPPORTED_GGUF_VERSIONS.includes(version)) {
    throw new InputError('gguf.version', { got: version, supported: SUPPORTED_GGUF_VERSIONS });
  }
  const tensorCount = cursor.u64();
  const entryCount = cursor.u64();
  cursor.claim(entryCount * MIN_ENTRY_BYTES + tensorCount * MIN_TENSOR_INFO_BYTES, 'count', null);

  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < entryCount; i++) {
    const key = readString(cursor, context);
    context.at = key;
    if (metadata.has(key)) throw corrupt('duplicateKey', context);
    metadata.set(key, readValue(cursor, cursor.u32(), context));
  }

  const alignment = readAlignment(metadata);
  const names = new Set<string>();
  const tensors: GgufTensorInfo[] = [];
  let parameterCount = 0;
  let dataSize = 0;
  for (let i = 0; i < tensorCount; i++) {
    context.at = null;
    const name = readString(cursor, context);
    context.at = name;
    if (names.has(name)) throw corrupt('duplicateTensor', context);
    names.add(name);
    const tensor = readTensorInfo(cursor, name, context, alignment);
    tensors.push(tensor);
    parameterCount += tensor.dims.reduce((product, d) => product * d, 1);
    dataSize = Math.max(dataSize, tensor.offset + tensor.byteSize);
  }

  const dataOffset = alignUp(cursor.position, alignment);
  const dataEnd = dataOffset + dataSize;
  if (dataEnd > cursor.fileSize) {
    throw new InputError('gguf.truncated', {
      neededBytes: dataEnd,
      fileBytes: cursor.fileSize,
      inHeader: false,
    });
  }
  const architecture = metadata.get('general.architecture');
  if (architecture === undefined) throw new InputError('gguf.noArchitecture', {});
  if (typeof architecture !== 'string') throw corrupt('keyType', { at: 'general.architecture' });
  const name = metadata.get('general.name');
  return {
    version,
    fileSize: cursor.fileSize,
    architecture,
    name: typeof name === 'string' ? name : null,
    metadata,
    tensors,
    alignment,
    dataOffset,
    dataEnd,
    parameterCount,
    contextLength: wholeNumber(metadata.get(`${architecture}.context_length`)),
    vocabulary: readVocabulary(metadata),
  };
}

function readAlignment(metadata: ReadonlyMap<string, GgufValue>): number {
  const value = metadata.get('general.alignment');
  if (value === undefined) return GGUF_DEFAULT_ALIGNMENT;
  const alignment = wholeNumber(value);
  if (alignment === null) throw corrupt('keyType', { at: 'general.alignment' });
  if (alignment === 0 || (alignment & (alignment - 1)) !== 0 || alignment > 2 ** 30) {
    throw corrupt('alignment', { at: 'general.alignment' });
  }
  return alignment;
}

function readTensorInfo(
  cursor: ByteCursor,
  name: string,
  context: ReadContext,
  alignment: number,
): GgufTensorInfo {
  const dimensionCount = cursor.u32();
  if (dimensionCount === 0 || dimensionCount > MAX_DIMENSIONS) throw corrupt('dimensions', context);
  const dims: number[] = [];
  let elements = 1;
  for (let d = 0; d < dimensionCount; d++) {
    const size = cursor.u64();
    dims.push(size);
    elements *= size;
  }
  if (elements > Number.MAX_SAFE_INTEGER) throw corrupt('dimensions', context);
  const type = cursor.u32();
  const offset = cursor.u64();
  const info = GGML_TYPES.get(type);
  if (!info) throw new InputError('gguf.unknownTensorType', { tensor: name, type });
  if (dims[0] % info.blockSize !== 0) throw corrupt('rowSize', context);
  if (offset % alignment !== 0) throw corrupt('tensorMisaligned', context);
  return { name, dims, type, offset, byteSize: (elements / info.blockSize) * info.bytesPerBlock };
}

const alignUp = (n: number, alignment: number) => Math.ceil(n / alignment) * alignment;

/** A metadata value as a whole number (any integer type), or null if it is none. */
export function wholeNumber(value: GgufValue | undefined): number | null {
  if (typeof value === 'bigint')
    return value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  return null;
}
