/**
 * Trains a character n-gram model without blocking the page: a module worker does the counting and sends
 * the model back as transferred typed arrays, so every later query (model.distribution) is a synchronous
 * call on the main thread, fast enough to run on every keystroke or animation frame.
 *
 * Where there is no Worker (Node, tests) or one cannot be created, the model is trained on the calling
 * thread instead, after yielding once so that the caller can paint a "training…" state first.
 * disposeTrainer() stops the worker when the screen that needs it goes away.
 *
 *     const { model } = await trainModel(text, 5);
 *     const p = model.distribution('The Unite');   // Float64Array over model.vocabulary
 */
import { CodedError, inputErrorFrom } from '../core/errors.ts';
import { NgramModel, validateTrainingInput } from '../core/lm/ngram.ts';
import { handleTrainRequest, type TrainRequest, type TrainResponse } from './trainerProtocol.ts';

export interface TrainedModel {
  model: NgramModel;
  /** Time spent training, measured where the training ran (transfer and start-up excluded). */
  milliseconds: number;
  /** Whether a worker trained it; false in Node or where workers are unavailable. */
  inWorker: boolean;
}

export interface TrainOptions {
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** false trains on the calling thread even where workers exist. */
  useWorker?: boolean;
}

let nextRequestId = 1;

interface PendingTraining {
  request: TrainRequest;
  resolve: (trained: TrainedModel) => void;
  reject: (error: unknown) => void;
}

/**
 * One worker serves every request, in order, so that a retraining (a new order, a new text) runs in an
 * already compiled worker. It is replaced when a request is aborted (terminating is the only way to stop
 * a training in progress) or when it fails.
 */
interface TrainerWorker {
  worker: Worker;
  pending: Map<number, PendingTraining>;
}

let shared: TrainerWorker | null = null;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

function retire(trainer: TrainerWorker): void {
  trainer.worker.terminate();
  if (shared === trainer) shared = null;
}

function failAll(trainer: TrainerWorker, error: Error): void {
  retire(trainer);
  for (const pending of trainer.pending.values()) pending.reject(error);
  trainer.pending.clear();
}

function sharedWorker(): TrainerWorker | null {
  if (shared !== null) return shared;
  const worker = startWorker();
  if (worker === null) return null;
  const trainer: TrainerWorker = { worker, pending: new Map() };
  worker.onmessage = (event: MessageEvent<TrainResponse>) => {
    const pending = trainer.pending.get(event.data.id);
    if (pending === undefined) return; // aborted meanwhile
    trainer.pending.delete(event.data.id);
    try {
      pending.resolve(settle(event.data, true));
    } catch (error) {
      pending.reject(error);
    }
  };
  worker.onmessageerror = () => {
    failAll(trainer, new CodedError('training.unreceived', {}));
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    failAll(trainer, new CodedError('training.workerFailed', { reason: event.message || null }));
  };
  shared = trainer;
  return trainer;
}

/** Stops the worker, rejecting whatever it still had to do; the next trainModel starts a new one. */
export function disposeTrainer(): void {
  if (shared !== null) failAll(shared, new CodedError('training.workerStopped', {}));
}

function settle(response: TrainResponse, inWorker: boolean): TrainedModel {
  if (!response.ok) {
    throw response.error === null ? new Error(response.message) : inputErrorFrom(response.error);
  }
  return { model: NgramModel.fromData(response.model), milliseconds: response.milliseconds, inWorker };
}

function trainHere(request: TrainRequest, pending: PendingTraining, signal?: AbortSignal): void {
  const onAbort = () => {
    clearTimeout(timer);
    pending.reject(signal?.reason);
  };
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort);
    try {
      pending.resolve(settle(handleTrainRequest(request).response, false));
    } catch (error) {
      pending.reject(error);
    }
  }, 0);
  signal?.addEventListener('abort', onAbort, { once: true });
}

/**
 * Trains a model of the given order (1..8) on `text`. Rejects with an InputError (by code, written by the
 * strings) for an empty or over-long text, an order out of range, or a text too varied for that order;
 * with the signal's reason when aborted; with a CodedError if the worker itself fails.
 */
export function trainModel(text: string, order: number, options: TrainOptions = {}): Promise<TrainedModel> {
  const { signal } = options;
  return new Promise<TrainedModel>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // The cheap checks run here, so a 50 MB paste is refused before it is copied to a worker.
    try {
      validateTrainingInput(text, order);
    } catch (error) {
      reject(error);
      return;
    }
    const request: TrainRequest = { id: nextRequestId++, text, order };
    const onAbort = () => abortRequest(request.id, signal?.reason);
    const pending: PendingTraining = {
      request,
      resolve: (trained) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(trained);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    };
    const trainer = options.useWorker === false ? null : sharedWorker();
    if (trainer === null) {
      trainHere(request, pending, signal);
      return;
    }
    trainer.pending.set(request.id, pending);
    signal?.addEventListener('abort', onAbort, { once: true });
    trainer.worker.postMessage(request);
  });
}

/** Rejects one request and stops the worker, which may be busy with it; the others move to a new worker. */
function abortRequest(id: number, reason: unknown): void {
  const trainer = shared;
  const pending = trainer?.pending.get(id);
  if (trainer == null || pending === undefined) return;
  trainer.pending.delete(id);
  retire(trainer);
  pending.reject(reason);
  const others = [...trainer.pending.values()];
  trainer.pending.clear();
  if (others.length === 0) return;
  const next = sharedWorker();
  for (const other of others) {
    if (next === null) {
      trainHere(other.request, other);
    } else {
      next.pending.set(other.request.id, other);
      next.worker.postMessage(other.request);
    }
  }
}
