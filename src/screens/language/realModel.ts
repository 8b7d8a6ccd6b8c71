/**
 * A real language model (a GGUF file run by llama.cpp in WebAssembly) as a source of the language
 * screen's next-token distribution: which model is loaded, what is being loaded, the context in the model's
 * own tokens, and the probability of every token of its vocabulary after that context.
 *
 * A refused load leaves the loaded model in place: `refusal` says why beside the control. The
 * distribution follows the context: a change while the model is busy is kept and run next, so the
 * distribution on screen always ends up belonging to the newest context, never to a stale one.
 */
import { batch, effect, type ReadonlySignal, signal } from '@preact/signals-core';
import { TokenKind, tokenBytes, tokenTexts } from '../../core/lm/gguf/tokenText.ts';
import type { StoredModel } from '../../realModel/modelStore.ts';
import type { LoadedModel, RealModelRuntime } from '../../realModel/realModelRuntime.ts';

export interface RealModelVocabulary {
  /** The text each token id stands for, as a person reads it (byte tokens as <0xE2>). */
  readonly texts: readonly string[];
  /** The texts as the ladder and tables show them: special tokens marked ⟦<s>⟧. */
  readonly labels: readonly string[];
  readonly kinds: Uint8Array;
  /** The bytes a token writes into generated text. */
  bytes(token: number): Uint8Array;
  /** End-of-generation tokens: a column stops at one. */
  readonly endTokens: ReadonlySet<number>;
}

export interface RealModelSession {
  readonly model: LoadedModel;
  readonly vocabulary: RealModelVocabulary;
  readonly runtime: RealModelRuntime;
}

/** What is on its way in; the loaded model (if any) stays usable meanwhile. */
export type RealModelActivity =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string }
  | { kind: 'downloading'; name: string; loaded: number; total: number | null };

export interface ContextTokens {
  readonly ids: Int32Array;
  readonly texts: readonly string[];
  /** Tokens cut from the front so that the context and a generated column fit the model's window. */
  readonly dropped: number;
}

/** Room kept in the model's window for what generation appends (MAX_COLUMN_TOKENS and one more). */
const GENERATION_ROOM = 65;

/** The context's last tokens that leave room in the model's window for a generated column. */
export function fitToWindow(ids: Int32Array, contextLength: number): Int32Array {
  const room = Math.max(1, contextLength - GENERATION_ROOM);
  return ids.length <= room ? ids : ids.slice(ids.length - room);
}

export type RealModelRuntimeFactory = () => Promise<RealModelRuntime>;

/** Where fetched models are kept (the browser's storage; a stand-in in unit tests). */
export interface ModelStore {
  list(): Promise<readonly StoredModel[]>;
  open(id: string): Promise<Blob>;
  remove(id: string): Promise<void>;
  /** The size in bytes of the model at the address a person typed (null: the server does not say). */
  probe(address: string): Promise<number | null>;
  /** Fetches the model into storage; refuses (coded errors) a bad address, a failed or cancelled download. */
  download(
    address: string,
    options: { signal: AbortSignal; onProgress(loaded: number, total: number | null): void },
  ): Promise<StoredModel>;
}

function vocabularyOf(model: LoadedModel): RealModelVocabulary {
  const { vocabulary } = model.header;
  const { texts, kinds } = tokenTexts(vocabulary);
  const labels = texts.map((text, i) => (kinds[i] === TokenKind.SPECIAL ? `⟦${text}⟧` : text));
  const endTokens = new Set<number>(vocabulary.eosId === null ? [] : [vocabulary.eosId]);
  return {
    texts,
    labels,
    kinds,
    bytes: (token) => tokenBytes(vocabulary, token),
    endTokens,
  };
}

/** A download on its way: its size once known, and how to stop it. */
interface Download {
  readonly controller: AbortController;
}

/** What the screen's model does when a real model arrives or leaves (show it, or fall back). */
export interface RealModelEvents {
  opened(): void;
  unloaded(): void;
}

export function createRealModel(
  makeRuntime: RealModelRuntimeFactory,
  store: ModelStore,
  context: ReadonlySignal<string>,
  events: RealModelEvents,
) {
  const session = signal<RealModelSession | null>(null);
  const activity = signal<RealModelActivity>({ kind: 'idle' });
  const refusal = signal<unknown>(null);
  const contextTokens = signal<ContextTokens | null>(null);
  const distribution = signal<Float64Array | null>(null);
  /** True while the distribution on screen is older than the context (the model is computing). */
  const computing = signal(false);
  /** A refusal of the context itself (too long for the model's window, or nothing to predict from). */
  const contextProblem = signal<unknown>(null);
  /** The models kept in this browser (fetched ones), newest first; refreshed after every change. */
  const stored = signal<readonly StoredModel[]>([]);
  /** The size of the model at the address being considered, learnt before any download (null: unknown). */
  const probed = signal<{ url: string; bytes: number | null } | null>(null);
  let runtime: RealModelRuntime | null = null;
  let download: Download | null = null;

  async function refreshStored(): Promise<void> {
    try {
      stored.value = await store.list();
    } catch (error) {
      refusal.value = error;
    }
  }

  /** Fetches a model from `url` into the browser's storage, then opens it. */
  async function fetchModel(url: string): Promise<void> {
    if (download) return;
    const controller = new AbortController();
    download = { controller };
    activity.value = { kind: 'downloading', name: url, loaded: 0, total: null };
    try {
      const kept = await store.download(url, {
        signal: controller.signal,
        onProgress: (loaded, total) => {
          activity.value = { kind: 'downloading', name: url, loaded, total };
        },
      });
      download = null;
      await refreshStored();
      await open(await store.open(kept.id), kept.name);
    } catch (error) {
      refusal.value = error;
      activity.value = { kind: 'idle' };
    } finally {
      download = null;
    }
  }

  async function ensureRuntime(): Promise<RealModelRuntime> {
    runtime ??= await makeRuntime();
    return runtime;
  }

  /** Loads `file`; resolves once it is the model on screen or has been refused (see `refusal`). */
  async function open(file: Blob, name: string): Promise<void> {
    activity.value = { kind: 'loading', name };
    try {
      const loader = await ensureRuntime();
      const model = await loader.load(file, name);
      const vocabulary = vocabularyOf(model);
      batch(() => {
        session.value = { model, vocabulary, runtime: loader };
        refusal.value = null;
        distribution.value = null;
        contextTokens.value = null;
        events.opened();
      });
    } catch (error) {
      refusal.value = error;
    } finally {
      activity.value = { kind: 'idle' };
    }
  }

  async function unload(): Promise<void> {
    const current = session.peek();
    if (!current) return;
    batch(() => {
      events.unloaded();
      session.value = null;
      distribution.value = null;
      contextTokens.value = null;
      refusal.value = null;
    });
    await current.runtime.unload();
  }

  // The newest context wins: while one is being computed, later changes only mark that another run is due.
  let running = false;
  let due = false;
  async function follow(): Promise<void> {
    if (running) {
      due = true;
      return;
    }
    running = true;
    try {
      do {
        due = false;
        const current = session.peek();
        if (!current) break;
        computing.value = true;
        const text = context.peek();
        try {
          const all = await current.runtime.tokenize(text);
          if (due || session.peek() !== current) continue;
          const ids = fitToWindow(all, current.model.contextLength);
          const texts = Array.from(ids, (id) => current.vocabulary.labels[id] ?? '');
          contextTokens.value = { ids, texts, dropped: all.length - ids.length };
          const next = await current.runtime.nextDistribution(ids, 'screen');
          if (due || session.peek() !== current) continue;
          batch(() => {
            distribution.value = next;
            contextProblem.value = null;
          });
        } catch (error) {
          if (session.peek() === current) contextProblem.value = error;
        }
      } while (due);
    } finally {
      running = false;
      computing.value = false;
    }
  }

  effect(() => {
    context.value;
    if (session.value) void follow();
  });

  return {
    session: session as ReadonlySignal<RealModelSession | null>,
    activity: activity as ReadonlySignal<RealModelActivity>,
    refusal: refusal as ReadonlySignal<unknown>,
    contextTokens: contextTokens as ReadonlySignal<ContextTokens | null>,
    distribution: distribution as ReadonlySignal<Float64Array | null>,
    computing: computing as ReadonlySignal<boolean>,
    contextProblem: contextProblem as ReadonlySignal<unknown>,
    stored: stored as ReadonlySignal<readonly StoredModel[]>,
    probed: probed as ReadonlySignal<{ url: string; bytes: number | null } | null>,
    /** Learns the size of the model at `url` without downloading it. */
    async probe(url: string): Promise<void> {
      probed.value = null;
      try {
        const bytes = await store.probe(url);
        probed.value = { url, bytes };
        refusal.value = null;
      } catch (error) {
        refusal.value = error;
      }
    },
    forgetProbe(): void {
      probed.value = null;
    },
    open,
    unload,
    fetchModel,
    /** Stops the download on its way; what it fetched so far is not kept. */
    cancelDownload(): void {
      download?.controller.abort();
    },
    refreshStored,
    async openStored(model: StoredModel): Promise<void> {
      try {
        await open(await store.open(model.id), model.name);
      } catch (error) {
        refusal.value = error;
      }
    },
    async deleteStored(model: StoredModel): Promise<void> {
      try {
        await store.remove(model.id);
      } catch (error) {
        refusal.value = error;
      }
      await refreshStored();
    },
    /** Reports a download's progress (the download itself lives with the store). */
    setActivity(next: RealModelActivity): void {
      activity.value = next;
    },
    /** Shows why something the person asked for was refused, beside the model's controls. */
    refuse(error: unknown): void {
      refusal.value = error;
    },
  };
}

export type RealModel = ReturnType<typeof createRealModel>;
