/**
 * One llama.cpp instance (a wllama worker with one model loaded), and the only file that imports wllama:
 * realModelRuntime.ts imports this module dynamically, so wllama's JavaScript and the wasm addresses are
 * a lazy chunk that the first screen never loads.
 * The wasm comes from wasmSource.ts.
 */
import { Wllama, type WllamaLogger } from '@wllama/wllama/esm/index.js';
import { CodedError } from '../core/errors.ts';
import { planKvCache } from './kvCachePlan.ts';
import { classifyLoadFailure } from './loadFailure.ts';
import { scatterDistribution } from './probabilities.ts';
import { wasmPaths } from './wasmSource.ts';

/** What llama.cpp reports about a loaded model. */
export interface EngineInfo {
  vocabularySize: number;
  /** The context window this instance was created with (tokens). */
  contextLength: number;
  trainedContextLength: number;
  addsBos: boolean;
  bos: number;
  eos: number;
  multiThread: boolean;
}

/** llama.cpp's own sampler chain, every setting explicit (wllama's defaults are top-k 40, top-p 0.95, min-p 0.05). */
export interface LlamaSamplerSettings {
  temperature: number;
  topK: number;
  topP: number;
  minP: number;
  typicalP: number;
}

export interface WllamaEngine {
  readonly info: EngineInfo;
  tokenize(text: string): Promise<number[]>;
  detokenize(tokens: number[]): Promise<Uint8Array>;
  /** Probabilities of every token id after `context`, reusing the KV cache's common prefix. */
  distributionAfter(context: ArrayLike<number>): Promise<Float64Array>;
  /** `count` draws of llama.cpp's sampler after `context`; its RNG restarts from this instance's seed. */
  sample(context: ArrayLike<number>, settings: LlamaSamplerSettings, count: number): Promise<Int32Array>;
  /** Frees the model and terminates the worker (its wasm heap goes with it). */
  exit(): Promise<void>;
}

/** The largest context window asked for: the KV cache grows with it, and the app's contexts are short. */
const MAX_CONTEXT_TOKENS = 2048;
/** llama.cpp lines kept to explain a failed load. */
const LOG_LINES_KEPT = 50;

/** Keeps llama.cpp's log out of the console (a refused file is not a page error) and remembers the end of it. */
function capturingLogger(lines: string[]): WllamaLogger {
  const keep = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    if (lines.length > LOG_LINES_KEPT) lines.shift();
  };
  return { debug: () => {}, log: keep, warn: keep, error: keep };
}

export async function createWllamaEngine(
  file: Blob,
  options: { seed: number; trainedContextLength: number },
): Promise<WllamaEngine> {
  const logLines: string[] = [];
  const paths = await wasmPaths();
  const multiThread = paths['multi-thread/wllama.wasm'] !== undefined;
  const wllama = new Wllama(paths, { logger: capturingLogger(logLines), suppressNativeLog: false });
  const contextLength = Math.max(
    1,
    Math.min(MAX_CONTEXT_TOKENS, options.trainedContextLength || MAX_CONTEXT_TOKENS),
  );
  try {
    await wllama.loadModel([file], {
      seed: options.seed,
      n_ctx: contextLength,
      ...(multiThread ? {} : { n_threads: 1 }),
    });
  } catch (error) {
    await wllama.exit().catch(() => {});
    throw classifyLoadFailure(logLines, error, file.size);
  }
  const loaded = wllama.getLoadedContextInfo();
  const info: EngineInfo = {
    vocabularySize: loaded.n_vocab,
    contextLength: loaded.n_ctx,
    trainedContextLength: loaded.n_ctx_train,
    addsBos: wllama.mustAddBosToken(),
    bos: loaded.token_bos,
    eos: loaded.token_eos,
    multiThread: wllama.isMultithread(),
  };

  // What the KV cache holds, and whether llama.cpp's last logits are those after its last token.
  let cached: number[] = [];
  let logitsAreLast = false;

  const runtimeFailure = (error: unknown) =>
    error instanceof CodedError
      ? error
      : new CodedError('model.runtimeFailed', {
          reason: error instanceof Error ? error.message : (logLines.at(-1) ?? null),
        });

  const decodeContext = async (context: ArrayLike<number>) => {
    if (context.length === 0) throw new Error('A distribution needs at least one token of context.');
    for (let i = 0; i < context.length; i++) {
      const id = context[i];
      if (!Number.isInteger(id) || id < 0 || id >= info.vocabularySize) {
        throw new Error(`Token id ${id} is outside the vocabulary (0 … ${info.vocabularySize - 1}).`);
      }
    }
    if (context.length > info.contextLength) {
      throw new CodedError('model.contextFull', { tokens: context.length, limit: info.contextLength });
    }
    const plan = planKvCache(cached, logitsAreLast, context);
    if (plan.decode.length === 0) return;
    logitsAreLast = false;
    let keep = plan.keep;
    if (keep < cached.length) {
      if (keep > 0) {
        // kvRemove can refuse (models with sliding-window attention); start afresh then.
        keep = await wllama.kvRemove(keep, -1).then(
          () => keep,
          () => 0,
        );
      }
      if (keep === 0) await wllama.kvClear();
    }
    cached = cached.slice(0, keep);
    const rest = Array.from(context).slice(keep);
    await wllama.decode(rest, {});
    cached = Array.from(context);
    logitsAreLast = true;
  };

  return {
    info,
    async tokenize(text) {
      try {
        const tokens = await wllama.tokenize(text, false);
        return info.addsBos && info.bos >= 0 ? [info.bos, ...tokens] : tokens;
      } catch (error) {
        throw runtimeFailure(error);
      }
    },
    async detokenize(tokens) {
      try {
        return await wllama.detokenize(tokens);
      } catch (error) {
        throw runtimeFailure(error);
      }
    },
    async distributionAfter(context) {
      try {
        await decodeContext(context);
        return scatterDistribution(await wllama.getLogits(-1), info.vocabularySize);
      } catch (error) {
        throw runtimeFailure(error);
      }
    },
    async sample(context, settings, count) {
      try {
        await decodeContext(context);
        await wllama.samplingInit({
          temp: settings.temperature,
          top_k: settings.topK,
          top_p: settings.topP,
          min_p: settings.minP,
          typ_p: settings.typicalP,
          mirostat: 0,
          dynatemp_range: 0,
          penalty_last_n: 0,
          penalty_repeat: 1,
          penalty_freq: 0,
          penalty_present: 0,
        });
        const draws = new Int32Array(count);
        // Each draw samples the same logits (nothing is accepted or decoded in between); the chain's
        // dist sampler advances its RNG, so the draws are independent and reproducible from the seed.
        for (let i = 0; i < count; i++) draws[i] = (await wllama.samplingSample()).token;
        return draws;
      } catch (error) {
        throw runtimeFailure(error);
      }
    },
    async exit() {
      await wllama.exit();
    },
  };
}
