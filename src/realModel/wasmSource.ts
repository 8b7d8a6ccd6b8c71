/**
 * llama.cpp's wasm, from our own build (Vite `?url` assets; never wllama's CDN helper), fetched once per
 * page by the page itself and handed to wllama's worker as a blob: URL. Two reasons: the page's fetch goes
 * through the service worker, whose runtime cache keeps the wasm after its first use so that a stored
 * model runs offline (a worker made from a blob: URL cannot be relied on to be controlled by the service
 * worker), and a second instance (sampleWithLlamaCpp's) or a new model does not fetch it again.
 *
 * The multi-thread build needs SharedArrayBuffer, which a page has only when cross-origin isolated (COOP
 * and COEP headers, which a static host may not send): it is offered to wllama only then.
 */
import multiThreadWasm from '@wllama/wllama/esm/multi-thread/wllama.wasm?url';
import singleThreadWasm from '@wllama/wllama/esm/single-thread/wllama.wasm?url';
import { CodedError } from '../core/errors.ts';

export interface WasmPaths {
  'single-thread/wllama.wasm': string;
  'multi-thread/wllama.wasm'?: string;
}

const fetched = new Map<string, Promise<string>>();

function asBlobUrl(url: string): Promise<string> {
  let blobUrl = fetched.get(url);
  if (!blobUrl) {
    blobUrl = fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const bytes = await response.arrayBuffer();
        return URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }));
      })
      .catch((error: unknown) => {
        fetched.delete(url);
        throw new CodedError('model.runtimeFailed', {
          reason: `llama.cpp's wasm could not be fetched (${error instanceof Error ? error.message : String(error)})`,
        });
      });
    fetched.set(url, blobUrl);
  }
  return blobUrl;
}

export async function wasmPaths(): Promise<WasmPaths> {
  if (globalThis.crossOriginIsolated === true) {
    const [single, multi] = await Promise.all([asBlobUrl(singleThreadWasm), asBlobUrl(multiThreadWasm)]);
    return { 'single-thread/wllama.wasm': single, 'multi-thread/wllama.wasm': multi };
  }
  return { 'single-thread/wllama.wasm': await asBlobUrl(singleThreadWasm) };
}
