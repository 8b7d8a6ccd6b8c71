import { afterEach, describe, expect, test, vi } from 'vitest';
import { InputError } from '../core/errors.ts';
import { disposeTrainer, trainModel } from './trainerClient.ts';
import { handleTrainRequest, type TrainRequest, type TrainResponse } from './trainerProtocol.ts';

describe('handleTrainRequest (what the worker runs)', () => {
  test('a trained model comes back as data plus the buffers to transfer', () => {
    const { response, transfer } = handleTrainRequest({ id: 7, text: 'abracadabra', order: 3 });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.id).toBe(7);
    expect(response.model.vocabulary).toEqual(['a', 'b', 'c', 'd', 'r']);
    expect(response.milliseconds).toBeGreaterThanOrEqual(0);
    expect(transfer).toHaveLength(6);
    expect(transfer).toContain(response.model.count.buffer);
  });

  test('bad input comes back as a message marked as the person’s to fix', () => {
    const { response, transfer } = handleTrainRequest({ id: 8, text: '', order: 3 });
    expect(response).toEqual({
      id: 8,
      ok: false,
      error: { code: 'training.empty', params: {} },
      message: 'The training text is empty.',
    });
    expect(transfer).toEqual([]);
  });
});

describe('trainer.worker.ts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    (globalThis as { onmessage?: unknown }).onmessage = undefined;
  });

  test('answers a posted request with the model and its transfer list', async () => {
    const posted: { message: TrainResponse; transfer: Transferable[] }[] = [];
    vi.stubGlobal('postMessage', (message: TrainResponse, transfer: Transferable[]) => {
      posted.push({ message, transfer });
    });
    await import('./trainer.worker.ts');
    const onmessage = (globalThis as unknown as { onmessage: (event: { data: unknown }) => void }).onmessage;
    onmessage({ data: { id: 1, text: 'hello world', order: 2 } });
    expect(posted).toHaveLength(1);
    expect(posted[0].message.ok).toBe(true);
    expect(posted[0].transfer).toHaveLength(6);
  });
});

describe('trainModel without a Worker (Node): trains on the calling thread', () => {
  test('resolves with a usable model', async () => {
    const trained = await trainModel('the cat sat on the mat. '.repeat(5), 3);
    expect(trained.inWorker).toBe(false);
    const p = trained.model.distribution('th');
    expect(p[trained.model.indexOf('e')]).toBeGreaterThan(0.5);
    expect(trained.milliseconds).toBeGreaterThanOrEqual(0);
  });

  test('rejects with InputError for bad input, before any work', async () => {
    await expect(trainModel('', 3)).rejects.toThrow(new InputError('training.empty', {}));
    await expect(trainModel('abc', 9)).rejects.toBeInstanceOf(InputError);
  });

  test('an aborted signal rejects with its reason, before or during the wait', async () => {
    const before = new AbortController();
    before.abort(new Error('changed my mind'));
    await expect(trainModel('abc', 2, { signal: before.signal })).rejects.toThrow('changed my mind');

    const during = new AbortController();
    const pending = trainModel('abc', 2, { signal: during.signal });
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/**
 * A stand-in for the browser's Worker: answers each posted request on a later task, one at a time, the
 * way the real worker does, and records what the client does with it.
 */
class FakeWorker {
  static created: FakeWorker[] = [];
  onmessage: ((event: { data: TrainResponse }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  received: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly url: URL,
    readonly options: { type: string },
  ) {
    FakeWorker.created.push(this);
  }

  postMessage(request: TrainRequest): void {
    this.received.push(request.id);
    this.queue = this.queue.then(
      () =>
        new Promise<void>((done) => {
          setTimeout(() => {
            if (!this.terminated) this.onmessage?.({ data: handleTrainRequest(request).response });
            done();
          }, 5);
        }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} });
  }
}

describe('trainModel with a Worker (a stand-in that behaves like one)', () => {
  afterEach(() => {
    disposeTrainer();
    vi.unstubAllGlobals();
    FakeWorker.created = [];
  });

  test('one module worker serves successive requests', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const first = await trainModel('abcabc', 2);
    const second = await trainModel('xyzxyz', 3);
    expect(first.inWorker).toBe(true);
    expect(second.model.vocabulary).toEqual(['x', 'y', 'z']);
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0].options).toEqual({ type: 'module' });
    expect(FakeWorker.created[0].url.pathname).toMatch(/lm\/trainer\.worker\.ts$/);
  });

  test('InputError crosses back as an InputError', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    // Whitespace passes the cheap checks on this side and fails in the worker, after normalisation.
    await expect(trainModel('   ', 2)).rejects.toThrow(new InputError('training.whitespace', {}));
  });

  test('aborting one request stops the worker; the requests behind it move to a new one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const controller = new AbortController();
    const aborted = trainModel('abcabc', 2, { signal: controller.signal });
    const queued = trainModel('defdef', 2);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect((await queued).model.vocabulary).toEqual(['d', 'e', 'f']);
    expect(FakeWorker.created).toHaveLength(2);
    expect(FakeWorker.created[0].terminated).toBe(true);
    expect(FakeWorker.created[1].received).toHaveLength(1);
  });

  test('a worker failure rejects what it had; the next request starts a new worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const lost = trainModel('abcabc', 2);
    FakeWorker.created[0].crash('out of memory');
    await expect(lost).rejects.toThrow('The training worker failed: out of memory.');
    expect((await trainModel('abab', 2)).inWorker).toBe(true);
    expect(FakeWorker.created).toHaveLength(2);
  });

  test('disposeTrainer stops the worker and rejects what it had', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pending = trainModel('abcabc', 2);
    disposeTrainer();
    await expect(pending).rejects.toThrow('The training worker was stopped.');
    expect(FakeWorker.created[0].terminated).toBe(true);
  });

  test('useWorker: false trains here even where workers exist', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    expect((await trainModel('abab', 2, { useWorker: false })).inWorker).toBe(false);
    expect(FakeWorker.created).toHaveLength(0);
  });
});
