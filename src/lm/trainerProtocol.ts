/**
 * Messages between the page and the trainer worker, and the worker's handling of one request, kept apart
 * from the worker's global-scope wiring so that it runs (and is tested) in Node as well.
 */
import { type ErrorMessage, isInputError } from '../core/errors.ts';
import { type NgramModelData, trainNgramModel } from '../core/lm/ngram.ts';

export interface TrainRequest {
  id: number;
  text: string;
  order: number;
}

export type TrainResponse =
  | { id: number; ok: true; model: NgramModelData; milliseconds: number }
  /** A refusal of the input travels as its code and parameters (`error`); any other failure as its message. */
  | { id: number; ok: false; error: ErrorMessage | null; message: string };

/** Trains and packs the reply; `transfer` lists the model's buffers, which move instead of being copied. */
export function handleTrainRequest(request: TrainRequest): {
  response: TrainResponse;
  transfer: ArrayBuffer[];
} {
  const started = performance.now();
  try {
    const model = trainNgramModel(request.text, request.order);
    return {
      response: {
        id: request.id,
        ok: true,
        model: model.toData(),
        milliseconds: performance.now() - started,
      },
      transfer: model.transferables(),
    };
  } catch (error) {
    // A failed allocation is the one internal error a person can fix, by asking for less.
    if (error instanceof RangeError && /alloc|memory/i.test(error.message)) {
      const refusal: ErrorMessage = { code: 'training.outOfMemory', params: {} };
      return {
        response: { id: request.id, ok: false, error: refusal, message: error.message },
        transfer: [],
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      response: { id: request.id, ok: false, error: isInputError(error) ? error.toMessage() : null, message },
      transfer: [],
    };
  }
}
