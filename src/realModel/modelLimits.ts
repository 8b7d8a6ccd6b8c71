/**
 * How large a GGUF file the browser build of llama.cpp can take. wllama copies the file into the wasm
 * heap and llama.cpp reads it through the C library, where `long` is 32 bits in wasm32: ftell/fseek stop
 * at 2^31 − 1 bytes (wllama's own note: "we cannot load files bigger than 2^31 bytes"). The heap itself is
 * at most 4 GiB (wasm32 addresses), which must also hold the KV cache and the work buffers, so a file just
 * under 2 GiB leaves room. Split GGUF files (several shards) are not offered.
 */
import { InputError } from '../core/errors.ts';

export const MAX_MODEL_BYTES = 2 ** 31 - 1;
const MEGABYTE = 1024 * 1024;

/** Refuses a file too large for the tab, before any of it is read. */
export function checkModelSize(sizeBytes: number): void {
  if (sizeBytes > MAX_MODEL_BYTES) {
    throw new InputError('model.tooLarge', {
      megabytes: sizeBytes / MEGABYTE,
      limitMegabytes: Math.floor((MAX_MODEL_BYTES + 1) / MEGABYTE),
    });
  }
}

export const bytesToMegabytes = (bytes: number) => bytes / MEGABYTE;
