/**
 * Trains an n-gram model off the main thread: a few hundred milliseconds for a large text at a high order,
 * which would otherwise freeze the page. One request per worker; see src/lm/trainerClient.ts.
 */
import { handleTrainRequest, type TrainRequest, type TrainResponse } from './trainerProtocol.ts';

// The project's lib is DOM, where `self` is a Window; this is the part of a dedicated worker's scope used.
interface TrainerScope {
  onmessage: ((event: MessageEvent<TrainRequest>) => void) | null;
  postMessage(message: TrainResponse, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as TrainerScope;

scope.onmessage = (event) => {
  const { response, transfer } = handleTrainRequest(event.data);
  scope.postMessage(response, transfer);
};
