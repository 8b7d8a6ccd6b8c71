/**
 * Fetching a model from an address a person gives (for example a Hugging Face "resolve" link), streamed
 * into browser storage (modelStore.ts) with progress and cancel. The size is learnt first (HEAD, else the
 * GET's Content-Length); the first bytes must read "GGUF"; the stored file's header is read before it is
 * listed, so a truncated or damaged file is refused and not kept.
 */
import { CodedError, InputError } from '../core/errors.ts';
import { readGgufHeader } from './ggufPrefix.ts';
import { checkModelSize } from './modelLimits.ts';
import { type StoredModel, startStoredModel, storageFigures } from './modelStore.ts';

export interface DownloadProgress {
  receivedBytes: number;
  /** From Content-Length; null when the server does not say. */
  totalBytes: number | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46]; // "GGUF"

/** A person's text as an http(s) address, or InputError download.badAddress. */
export function parseModelAddress(text: string): URL {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InputError('download.badAddress', { text: trimmed.slice(0, 200) });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('download.badAddress', { text: trimmed.slice(0, 200) });
  }
  return url;
}

/** The file name a model is listed under: the address's last path segment. */
export function modelNameFromAddress(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  if (!last) return url.host;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const isAbort = (error: unknown, signal: AbortSignal | undefined) =>
  signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');

/** The length a response declares for its body, or null (missing, or the body is re-encoded in transit). */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('Content-Encoding');
  if (encoding && encoding !== 'identity') return null;
  const text = response.headers.get('Content-Length');
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text);
}

async function request(url: URL, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    if (isAbort(error, init.signal ?? undefined)) throw new CodedError('download.cancelled', {});
    throw new CodedError('download.network', {});
  }
  if (!response.ok) throw new CodedError('download.httpStatus', { status: response.status });
  return response;
}

/** The model's size in bytes from a HEAD request, before downloading; null when the server does not say. */
export async function probeModelSize(url: URL, signal?: AbortSignal): Promise<number | null> {
  const response = await request(url, { method: 'HEAD', signal });
  const size = declaredLength(response);
  if (size !== null) checkModelSize(size);
  return size;
}

/** Downloads the model at `url` into browser storage; refuses (and keeps nothing) on any failure. */
export async function downloadModel(url: URL, options: DownloadOptions = {}): Promise<StoredModel> {
  const { signal, onProgress } = options;
  const response = await request(url, { signal });
  const totalBytes = declaredLength(response);
  if (totalBytes !== null) {
    checkModelSize(totalBytes);
    const figures = await storageFigures();
    if (figures && figures.quotaBytes - figures.usageBytes < totalBytes) {
      await response.body?.cancel().catch(() => {});
      throw new CodedError('storage.full', { megabytes: totalBytes / (1024 * 1024) });
    }
  }
  if (!response.body) throw new CodedError('download.network', {});
  const reader = response.body.getReader();
  const writer = await startStoredModel({ name: modelNameFromAddress(url), url: url.href });
  let receivedBytes = 0;
  const head: number[] = [];
  try {
    onProgress?.({ receivedBytes, totalBytes });
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw isAbort(error, signal)
          ? new CodedError('download.cancelled', {})
          : new CodedError('download.network', {});
      }
      if (chunk.done) break;
      const bytes = chunk.value;
      for (let i = 0; i < bytes.length && head.length < GGUF_MAGIC.length; i++) head.push(bytes[i]);
      if (head.some((byte, i) => byte !== GGUF_MAGIC[i])) throw new CodedError('download.notGguf', {});
      receivedBytes += bytes.byteLength;
      checkModelSize(receivedBytes);
      await writer.write(bytes);
      onProgress?.({ receivedBytes, totalBytes });
      if (signal?.aborted) throw new CodedError('download.cancelled', {});
    }
    if (signal?.aborted) throw new CodedError('download.cancelled', {});
    if (head.length < GGUF_MAGIC.length) throw new CodedError('download.notGguf', {});
    if (totalBytes !== null && receivedBytes !== totalBytes) {
      throw new CodedError('download.sizeMismatch', { expected: totalBytes, received: receivedBytes });
    }
    return await writer.commit(async (file) => {
      await readGgufHeader(file);
    });
  } catch (error) {
    await reader.cancel().catch(() => {});
    await writer.abort();
    throw error;
  }
}
