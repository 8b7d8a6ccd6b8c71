import { signal } from '@preact/signals-core';
import { describe, expect, test } from 'vitest';
import { CodedError } from '../../core/errors.ts';
import type { GgufHeader } from '../../core/lm/gguf/ggufHeader.ts';
import type { StoredModel } from '../../realModel/modelStore.ts';
import type { LoadedModel, RealModelRuntime } from '../../realModel/realModelRuntime.ts';
import { createRealModel, fitToWindow, type ModelStore } from './realModel.ts';

/** A model of three tokens whose next-token distribution says how many tokens the context had. */
function loaded(name: string): LoadedModel {
  const header = {
    architecture: 'llama',
    vocabulary: {
      model: 'llama',
      tokens: ['<s>', '▁a', 'b'],
      types: Int32Array.from([3, 1, 1]),
      bosId: 0,
      eosId: 0,
    },
  } as unknown as GgufHeader;
  return { name, sizeBytes: 3, header, vocabularySize: 3, contextLength: 512 } as LoadedModel;
}

interface FakeRuntime extends RealModelRuntime {
  /** Resolves the oldest pending distribution request. */
  answer(): void;
  pending: number;
  requested: string[];
}

function fakeRuntime(): FakeRuntime {
  const waiting: (() => void)[] = [];
  const runtime = {
    loaded: null,
    pending: 0,
    requested: [] as string[],
    async load(file: Blob, name: string) {
      if ((await file.text()) !== 'GGUF') throw new CodedError('gguf.notGguf', { hint: 'text' });
      return loaded(name);
    },
    async tokenize(text: string) {
      runtime.requested.push(text);
      return Int32Array.from([0, ...Array.from(text, () => 1)]);
    },
    nextDistribution(tokens: ArrayLike<number>) {
      runtime.pending++;
      return new Promise<Float64Array>((resolve) => {
        waiting.push(() => {
          runtime.pending--;
          const n = tokens.length;
          resolve(Float64Array.from([0, 1 / n, 1 - 1 / n]));
        });
      });
    },
    answer() {
      waiting.shift()?.();
    },
    async unload() {},
  };
  return runtime as unknown as FakeRuntime;
}

const noStore: ModelStore = {
  list: async () => [],
  open: async () => new Blob(['GGUF']),
  remove: async () => {},
  probe: async () => 1,
  download: async () => {
    throw new CodedError('download.cancelled', {});
  },
};

function setUp(store: ModelStore = noStore) {
  const runtime = fakeRuntime();
  const context = signal('a');
  const events = { opened: 0, unloaded: 0 };
  const real = createRealModel(async () => runtime, store, context, {
    opened: () => events.opened++,
    unloaded: () => events.unloaded++,
  });
  return { runtime, context, real, events };
}

/** Lets every resolved promise run its continuation. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a real model as the language screen’s source', () => {
  test('a refused file leaves the loaded model, and says why', async () => {
    const { real, events } = setUp();
    await real.open(new Blob(['GGUF']), 'first.gguf');
    expect(real.session.value?.model.name).toBe('first.gguf');
    expect(events.opened).toBe(1);
    await real.open(new Blob(['not a model']), 'notes.txt');
    expect(real.session.value?.model.name).toBe('first.gguf');
    expect(real.refusal.value).toMatchObject({ code: 'gguf.notGguf' });
    expect(real.activity.value.kind).toBe('idle');
    expect(events.opened).toBe(1);
  });

  test('special tokens are marked on the ladder, and the end of text ends generation', async () => {
    const { real } = setUp();
    await real.open(new Blob(['GGUF']), 'm.gguf');
    const vocabulary = real.session.value?.vocabulary;
    expect(vocabulary?.labels).toEqual(['⟦<s>⟧', ' a', 'b']);
    expect(vocabulary?.endTokens).toEqual(new Set([0]));
  });

  test('the distribution always ends up belonging to the newest context', async () => {
    const { real, runtime, context } = setUp();
    await real.open(new Blob(['GGUF']), 'm.gguf');
    await settle();
    expect(runtime.pending).toBe(1);
    // Two edits while the first context is being computed: only the newest is computed next.
    context.value = 'ab';
    context.value = 'abc';
    runtime.answer();
    await settle();
    expect(real.distribution.value).toBeNull();
    expect(runtime.pending).toBe(1);
    runtime.answer();
    await settle();
    expect(runtime.requested).toEqual(['a', 'abc']);
    // <s> + three characters: p of token 1 is 1/4.
    expect(real.distribution.value?.[1]).toBeCloseTo(1 / 4);
    expect(real.contextTokens.value?.texts).toEqual(['⟦<s>⟧', ' a', ' a', ' a']);
    expect(real.computing.value).toBe(false);
  });

  test('unloading forgets the model and its distribution; the screen is told first', async () => {
    const { real, runtime, events } = setUp();
    await real.open(new Blob(['GGUF']), 'm.gguf');
    await settle();
    runtime.answer();
    await settle();
    expect(real.distribution.value).not.toBeNull();
    await real.unload();
    expect(events.unloaded).toBe(1);
    expect(real.session.value).toBeNull();
    expect(real.distribution.value).toBeNull();
  });

  test('a download reports its progress, opens what it stored, and a refused one keeps the model', async () => {
    const stored: StoredModel = {
      id: 'x',
      name: 'fetched.gguf',
      url: 'https://h/f.gguf',
      sizeBytes: 4,
      storedAt: '',
    };
    let listed: StoredModel[] = [];
    const seen: string[] = [];
    const store: ModelStore = {
      ...noStore,
      list: async () => listed,
      download: async (_address, { onProgress }) => {
        onProgress(2, 4);
        onProgress(4, 4);
        listed = [stored];
        return stored;
      },
    };
    const { real } = setUp(store);
    const activities: string[] = [];
    const stop = (await import('@preact/signals-core')).effect(() => {
      const activity = real.activity.value;
      activities.push(
        activity.kind === 'downloading' ? `${activity.loaded}/${activity.total}` : activity.kind,
      );
    });
    await real.fetchModel('https://h/f.gguf');
    stop();
    expect(activities).toEqual(['idle', '0/null', '2/4', '4/4', 'loading', 'idle']);
    expect(real.session.value?.model.name).toBe('fetched.gguf');
    expect(real.stored.value).toEqual([stored]);
    seen.push('ok');

    const failing = setUp();
    await failing.real.open(new Blob(['GGUF']), 'kept.gguf');
    await failing.real.fetchModel('https://h/f.gguf');
    expect(failing.real.refusal.value).toMatchObject({ code: 'download.cancelled' });
    expect(failing.real.session.value?.model.name).toBe('kept.gguf');
    expect(seen).toEqual(['ok']);
  });
});

test('a context longer than the model’s window keeps its last tokens, with room for a generated column', () => {
  const ids = Int32Array.from({ length: 300 }, (_, i) => i);
  expect(Array.from(fitToWindow(ids, 1024))).toEqual(Array.from(ids));
  const cut = fitToWindow(ids, 256);
  expect(cut.length).toBe(256 - 65);
  expect(cut[cut.length - 1]).toBe(299);
});
