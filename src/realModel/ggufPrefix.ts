/**
 * Reads a GGUF file's header from the start of a Blob: a first slice, then longer ones while the parser
 * says it needs more (a large vocabulary makes the header several megabytes). Only the header is read,
 * never the weights.
 */
import { type GgufHeader, parseGgufHeader } from '../core/lm/gguf/ggufHeader.ts';

const FIRST_SLICE_BYTES = 256 * 1024;

export async function readGgufHeader(file: Blob): Promise<GgufHeader> {
  let length = Math.min(file.size, FIRST_SLICE_BYTES);
  for (;;) {
    const prefix = new Uint8Array(await file.slice(0, length).arrayBuffer());
    const parsed = parseGgufHeader(prefix, file.size);
    if (parsed.kind === 'header') return parsed.header;
    const wanted = Math.min(file.size, Math.max(parsed.bytes, length * 2));
    if (wanted <= length)
      throw new Error(
        `The GGUF reader asked for ${parsed.bytes} bytes of a ${file.size}-byte file it already has.`,
      );
    length = wanted;
  }
}
