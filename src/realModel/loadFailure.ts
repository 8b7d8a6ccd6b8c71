/**
 * Why llama.cpp refused a model, read from what it logged while loading (its messages are the only
 * account of a failed load: wllama's own error says just "Error while loading model").
 */
import { type CodedError, InputError } from '../core/errors.ts';

const UNKNOWN_ARCHITECTURE = /unknown model architecture: '([^']*)'/;
const OUT_OF_MEMORY =
  /failed to allocate|out of memory|Cannot enlarge memory|Aborted\(OOM\)|allocation failed|Cannot allocate WebAssembly\.Memory|bad_alloc/i;
/** llama.cpp's own "error loading model: …" line, the most specific reason it gives. */
const LOAD_ERROR = /error loading model:\s*(.*)$/;

/** The coded error for a load that failed with `error`, given llama.cpp's log lines during it. */
export function classifyLoadFailure(
  logLines: readonly string[],
  error: unknown,
  sizeBytes: number,
): CodedError {
  const lines = [...logLines, error instanceof Error ? error.message : String(error)];
  for (const line of lines) {
    const architecture = UNKNOWN_ARCHITECTURE.exec(line);
    if (architecture) return new InputError('model.architecture', { architecture: architecture[1] });
  }
  if (lines.some((line) => OUT_OF_MEMORY.test(line))) {
    return new InputError('model.outOfMemory', { megabytes: sizeBytes / (1024 * 1024) });
  }
  const reason = lines
    .map((line) => LOAD_ERROR.exec(line)?.[1]?.trim())
    .filter((text): text is string => !!text)
    .at(-1);
  return new InputError('model.loadFailed', { reason: reason ?? null });
}
