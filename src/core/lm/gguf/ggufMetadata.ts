/**
 * Reads GGUF metadata values. Numeric arrays become typed arrays (a 150,000-token vocabulary's scores and
 * types are then two allocations, not 300,000 numbers); every claimed count is checked against the bytes
 * the file has left before anything is allocated.
 */
import { type GgufCorruption, InputError } from '../../errors.ts';
import type { ByteCursor } from './byteCursor.ts';
import { FIXED_VALUE_SIZE, GgufValueType } from './ggufFormat.ts';

/** A metadata array: its item type and items (typed arrays for numbers, booleans as 0/1 bytes). */
export interface GgufArray {
  readonly kind: 'array';
  readonly itemType: GgufValueType;
  readonly items: GgufArrayItems;
}

export type GgufArrayItems =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | BigUint64Array
  | BigInt64Array
  | Float64Array
  | readonly string[]
  | readonly GgufArray[];

/** A metadata value: 64-bit integers are bigints, every other number a number. */
export type GgufValue = number | bigint | boolean | string | GgufArray;

/** Deeper nesting than any writer produces (llama.cpp itself reads no nested arrays). */
export const MAX_ARRAY_DEPTH = 4;

/** The fewest bytes one item of an array of this type takes: a string is at least its u64 length. */
const MIN_ITEM_SIZE: Readonly<Record<number, number>> = {
  ...FIXED_VALUE_SIZE,
  [GgufValueType.STRING]: 8,
  [GgufValueType.ARRAY]: 12,
};

const utf8 = new TextDecoder('utf-8');

/** Text of UTF-8 bytes; short ASCII (most keys and tokens) without the decoder's call overhead. */
export function decodeText(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n <= 32) {
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  return utf8.decode(bytes);
}

/** Where reading is, for a message: the key or tensor name. */
export interface ReadContext {
  at: string | null;
}

export function corrupt(reason: GgufCorruption, context: ReadContext): InputError {
  return new InputError('gguf.corrupt', { reason, at: context.at });
}

export function readString(cursor: ByteCursor, context: ReadContext): string {
  const length = cursor.u64();
  cursor.claim(length, 'stringLength', context.at);
  return decodeText(cursor.subarray(length));
}

function isValueType(type: number): boolean {
  return type in MIN_ITEM_SIZE;
}

export function readValue(cursor: ByteCursor, type: number, context: ReadContext, depth = 0): GgufValue {
  if (type === GgufValueType.STRING) return readString(cursor, context);
  if (type === GgufValueType.ARRAY) return readArray(cursor, context, depth + 1);
  if (!isValueType(type)) throw corrupt('valueType', context);
  return cursor.scalar(type);
}

function readArray(cursor: ByteCursor, context: ReadContext, depth: number): GgufArray {
  if (depth > MAX_ARRAY_DEPTH) throw corrupt('tooDeep', context);
  const itemType = cursor.u32();
  if (!isValueType(itemType)) throw corrupt('valueType', context);
  const count = cursor.u64();
  const itemSize = MIN_ITEM_SIZE[itemType];
  cursor.claim(count * itemSize, 'arrayLength', context.at);
  const kind = 'array' as const;
  const type = itemType as GgufValueType;
  if (itemType === GgufValueType.STRING) {
    // Ask for the least the strings can take first, so a prefix too short costs one pass, not a partial one.
    cursor.ensure(count * itemSize);
    const items: string[] = new Array(count);
    for (let i = 0; i < count; i++) items[i] = readString(cursor, context);
    return { kind, itemType: type, items };
  }
  if (itemType === GgufValueType.ARRAY) {
    cursor.ensure(count * itemSize);
    const items: GgufArray[] = new Array(count);
    for (let i = 0; i < count; i++) items[i] = readArray(cursor, context, depth + 1);
    return { kind, itemType: type, items };
  }
  return { kind, itemType: type, items: typedItems(itemType, cursor.take(count * itemSize)) };
}

/** The items of a numeric array (the copy is aligned, and GGUF and every browser's platform are little-endian). */
function typedItems(type: number, bytes: Uint8Array): GgufArrayItems {
  const buffer = bytes.buffer;
  switch (type) {
    case GgufValueType.UINT8:
    case GgufValueType.BOOL:
      return bytes;
    case GgufValueType.INT8:
      return new Int8Array(buffer);
    case GgufValueType.UINT16:
      return new Uint16Array(buffer);
    case GgufValueType.INT16:
      return new Int16Array(buffer);
    case GgufValueType.UINT32:
      return new Uint32Array(buffer);
    case GgufValueType.INT32:
      return new Int32Array(buffer);
    case GgufValueType.FLOAT32:
      return new Float32Array(buffer);
    case GgufValueType.UINT64:
      return new BigUint64Array(buffer);
    case GgufValueType.INT64:
      return new BigInt64Array(buffer);
    default:
      return new Float64Array(buffer);
  }
}
