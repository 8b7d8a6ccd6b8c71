/**
 * Reads little-endian values from the start of a file that may be only partly in memory. A read past the
 * bytes in memory but within the file asks for more (NeedMoreBytes, caught by the header parser); a read
 * past the end of the file is a truncated file. Every length is checked against the bytes left before
 * anything is allocated, so hostile counts cost nothing.
 */
import { type GgufCorruption, InputError } from '../../errors.ts';

/** Far above any model's header (a 150,000-token vocabulary with its merges takes a few MB). */
export const MAX_HEADER_BYTES = 128 * 1024 * 1024;

/** Thrown inside the parser only: the prefix ended before the header did. */
export class NeedMoreBytes {
  constructor(readonly bytes: number) {}
}

export class ByteCursor {
  position = 0;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly fileSize: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes of the file (not only of the prefix) after the current position. */
  get fileBytesLeft(): number {
    return this.fileSize - this.position;
  }

  /**
   * Checks a length or count the file claims (`bytes` from here) against what the file has left: a claim a
   * header could make, cut off by the end of the file, is a truncated file; a larger one is corruption.
   */
  claim(bytes: number, reason: GgufCorruption, at: string | null): void {
    if (bytes <= this.fileBytesLeft) return;
    if (bytes <= MAX_HEADER_BYTES) {
      throw new InputError('gguf.truncated', {
        neededBytes: this.position + bytes,
        fileBytes: this.fileSize,
        inHeader: true,
      });
    }
    throw new InputError('gguf.corrupt', { reason, at });
  }

  /** Makes sure `count` bytes from here are in memory, or says why not. */
  ensure(count: number): void {
    const end = this.position + count;
    if (end > this.fileSize) {
      throw new InputError('gguf.truncated', { neededBytes: end, fileBytes: this.fileSize, inHeader: true });
    }
    if (end > this.bytes.length) throw new NeedMoreBytes(end);
  }

  u8(): number {
    this.ensure(1);
    return this.view.getUint8(this.position++);
  }

  u32(): number {
    this.ensure(4);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  /** A u64 as a number: exact up to 2^53, and any larger value exceeds every file anyway. */
  u64(): number {
    this.ensure(8);
    const low = this.view.getUint32(this.position, true);
    const high = this.view.getUint32(this.position + 4, true);
    this.position += 8;
    return high * 2 ** 32 + low;
  }

  /** A fixed-size scalar of a GGUF value type, as a JavaScript value. */
  scalar(type: number): number | bigint | boolean {
    const v = this.view;
    const at = this.position;
    switch (type) {
      case 0:
        this.ensure(1);
        this.position += 1;
        return v.getUint8(at);
      case 1:
        this.ensure(1);
        this.position += 1;
        return v.getInt8(at);
      case 2:
        this.ensure(2);
        this.position += 2;
        return v.getUint16(at, true);
      case 3:
        this.ensure(2);
        this.position += 2;
        return v.getInt16(at, true);
      case 4:
        this.ensure(4);
        this.position += 4;
        return v.getUint32(at, true);
      case 5:
        this.ensure(4);
        this.position += 4;
        return v.getInt32(at, true);
      case 6:
        this.ensure(4);
        this.position += 4;
        return v.getFloat32(at, true);
      case 7:
        this.ensure(1);
        this.position += 1;
        return v.getUint8(at) !== 0;
      case 10:
        this.ensure(8);
        this.position += 8;
        return v.getBigUint64(at, true);
      case 11:
        this.ensure(8);
        this.position += 8;
        return v.getBigInt64(at, true);
      case 12:
        this.ensure(8);
        this.position += 8;
        return v.getFloat64(at, true);
      default:
        throw new Error(`not a fixed-size type: ${type}`);
    }
  }

  /** A copy of the next `count` bytes. */
  take(count: number): Uint8Array {
    this.ensure(count);
    const slice = this.bytes.slice(this.position, this.position + count);
    this.position += count;
    return slice;
  }

  /** A view of the next `count` bytes (valid while the prefix is). */
  subarray(count: number): Uint8Array {
    this.ensure(count);
    const slice = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return slice;
  }
}
