/** What a file that is not GGUF seems to be, from its first bytes, so the message can say what to do. */
import type { NotGgufHint } from '../../errors.ts';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function notGgufHint(bytes: Uint8Array, fileSize: number): NotGgufHint {
  if (fileSize === 0) return 'empty';
  const magic = ascii(bytes, 0, 4);
  // The formats before GGUF wrote their magic as a little-endian u32: 'ggml', 'ggmf', 'ggjt' reversed.
  if (magic === 'lmgg' || magic === 'fmgg' || magic === 'tjgg') return 'ggml';
  if (magic.startsWith('PK')) return 'zip';
  // safetensors: a u64 header length, then a JSON object.
  if (bytes.length >= 9 && bytes[8] === 0x7b && bytes[6] === 0 && bytes[7] === 0) return 'safetensors';
  const sample = bytes.subarray(0, 512);
  if (sample.length > 0 && sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteCharacter(sample)));
      return 'text';
    } catch {
      return null;
    }
  }
  return null;
}

/** The length of `bytes` without a UTF-8 character cut at its end. */
function lastCompleteCharacter(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back];
    if ((b & 0xc0) !== 0x80) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (needed > back) end -= back;
      break;
    }
  }
  return end;
}
