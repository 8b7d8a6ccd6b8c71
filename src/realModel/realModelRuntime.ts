/**
 * A real GGUF language model in the tab: llama.cpp (wllama 2.3.7, WebAssembly, in a worker), loaded on
 * first use. No DOM and no UI: the language screen's model drives it.
 *
 *     const runtime = createRealModelRuntime();
 *     const model = await runtime.load(file, file.name);     // refuses with InputError, keeps the old model
 *     const context = await runtime.tokenize('Once upon a'); // the model's own tokens, BOS first if it adds one
 *     const p = await runtime.nextDistribution(context);     // p[id] for every id, Σ p = 1 (float64)
 *     await runtime.unload();
 *
 * Loading reads the GGUF header first (src/core/lm/gguf/) and refuses a file that is not GGUF, is
 * truncated or corrupt, or is too large (modelLimits.ts) before wllama sees it; what llama.cpp itself then
 * refuses (an architecture it has no code for, too little memory) is classified from its log
 * (loadFailure.ts). The new model is loaded into a new instance, and the previous one is freed only once
 * the new one has loaded, so a refused file leaves the previous model answering. (While a new model loads,
 * both are in memory.)
 *
 * Every call goes through one queue (requestQueue.ts): llama.cpp holds one KV cache and one set of logits.
 * A newer nextDistribution for the same purpose replaces one still waiting (which rejects with
 * `model.superseded`); a request without a purpose (a generation step) is never replaced.
 */
import { CodedError } from '../core/errors.ts';
import type { GgufHeader } from '../core/lm/gguf/ggufHeader.ts';
import { readGgufHeader } from './ggufPrefix.ts';
import { checkModelSize } from './modelLimits.ts';
import { createRequestQueue } from './requestQueue.ts';
import type { LlamaSamplerSettings, WllamaEngine } from './wllamaEngine.ts';

export type { LlamaSamplerSettings } from './wllamaEngine.ts';

export interface LoadedModel {
  name: string;
  sizeBytes: number;
  header: GgufHeader;
  vocabularySize: number;
  /** The context window llama.cpp was given (tokens): the trained length, at most 2048. */
  contextLength: number;
  trainedContextLength: number;
  /** Whether the model's tokenisation starts with BOS (tokenize adds it then). */
  addsBos: boolean;
  /** True when the multi-thread build runs (only in a cross-origin-isolated page). */
  multiThread: boolean;
  /** From the call to load until llama.cpp had the model ready (header check included). */
  loadMs: number;
}

export interface RealModelRuntime {
  /** The model that answers now, or null. */
  readonly loaded: LoadedModel | null;
  load(file: Blob, name: string): Promise<LoadedModel>;
  /** The model's tokenisation of `text` (special-token text such as "</s>" stays text), BOS first if the model adds it. */
  tokenize(text: string): Promise<Int32Array>;
  /** The bytes of tokens (one token may be part of a UTF-8 character). */
  detokenize(tokens: ArrayLike<number>): Promise<Uint8Array>;
  /** p[id] of every token id after `tokens` (length = vocabulary size), finite, renormalised in float64. */
  nextDistribution(tokens: ArrayLike<number>, purpose?: string): Promise<Float64Array>;
  /**
   * `count` tokens drawn by llama.cpp's own sampler chain (penalties, top-k, typical-p, top-p, min-p,
   * temperature, then its dist sampler: every setting given, penalties off) on the logits after `tokens`.
   * llama.cpp seeds its sampler from the seed the model was loaded with, so the draws for a seed come
   * from a second instance of the same file loaded with that seed (kept for the next call with it, freed
   * by unload or the next load): the same (tokens, settings, seed, count) give the same draws. seed is a
   * whole number from 1 to 4,294,967,294 (0 and 2^32 − 1 make llama.cpp pick a random seed).
   */
  sampleWithLlamaCpp(
    tokens: ArrayLike<number>,
    settings: LlamaSamplerSettings,
    seed: number,
    count: number,
  ): Promise<Int32Array>;
  /** Frees every instance (their workers are terminated, their wasm heaps go with them). */
  unload(): Promise<void>;
}

interface Current {
  model: LoadedModel;
  file: Blob;
  engine: WllamaEngine;
  /** The instance loaded with a sampler seed, if one was asked for. */
  sampler: { seed: number; engine: WllamaEngine } | null;
}

/** The seed of the instance that answers distributions (its sampler is never used). */
const DISTRIBUTION_SEED = 1;
const MAX_SEED = 2 ** 32 - 2;

const loadEngineModule = () => import('./wllamaEngine.ts');

export function createRealModelRuntime(): RealModelRuntime {
  const queue = createRequestQueue();
  let current: Current | null = null;

  const need = (): Current => {
    if (!current) throw new CodedError('model.notLoaded', {});
    return current;
  };

  const freeSampler = async (state: Current) => {
    const sampler = state.sampler;
    state.sampler = null;
    await sampler?.engine.exit();
  };

  const free = async (state: Current | null) => {
    if (!state) return;
    await freeSampler(state);
    await state.engine.exit();
  };

  return {
    get loaded() {
      return current?.model ?? null;
    },

    load(file, name) {
      return queue.run(async () => {
        const started = performance.now();
        checkModelSize(file.size);
        const header = await readGgufHeader(file);
        const { createWllamaEngine } = await loadEngineModule();
        const engine = await createWllamaEngine(file, {
          seed: DISTRIBUTION_SEED,
          trainedContextLength: header.contextLength ?? 0,
        });
        const previous = current;
        const model: LoadedModel = {
          name,
          sizeBytes: file.size,
          header,
          vocabularySize: engine.info.vocabularySize,
          contextLength: engine.info.contextLength,
          trainedContextLength: engine.info.trainedContextLength,
          addsBos: engine.info.addsBos,
          multiThread: engine.info.multiThread,
          loadMs: performance.now() - started,
        };
        current = { model, file, engine, sampler: null };
        await free(previous);
        return model;
      });
    },

    tokenize(text) {
      return queue.run(async () => Int32Array.from(await need().engine.tokenize(text)));
    },

    detokenize(tokens) {
      return queue.run(() => need().engine.detokenize(Array.from(tokens)));
    },

    nextDistribution(tokens, purpose) {
      const context = Array.from(tokens);
      return queue.run(() => need().engine.distributionAfter(context), purpose);
    },

    sampleWithLlamaCpp(tokens, settings, seed, count) {
      if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED) {
        throw new RangeError(`The sampler seed must be a whole number from 1 to ${MAX_SEED}; got ${seed}.`);
      }
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`Cannot draw ${count} tokens.`);
      const context = Array.from(tokens);
      return queue.run(async () => {
        const state = need();
        if (state.sampler?.seed !== seed) {
          await freeSampler(state);
          const { createWllamaEngine } = await loadEngineModule();
          const engine = await createWllamaEngine(state.file, {
            seed,
            trainedContextLength: state.model.trainedContextLength,
          });
          state.sampler = { seed, engine };
        }
        return state.sampler.engine.sample(context, settings, count);
      });
    },

    unload() {
      return queue.run(async () => {
        const previous = current;
        current = null;
        await free(previous);
      });
    },
  };
}
