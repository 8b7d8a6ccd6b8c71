/**
 * Training the screen's model: one run at a time (a newer request aborts the older one), with its status
 * kept in the language state so every view that shows it agrees.
 */

import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { NgramModel } from '../core/lm/ngram.ts';
import { loadCorpus } from './corpora.ts';
import { trainModel } from './trainerClient.ts';

export type TrainingStatus =
  | { kind: 'idle' }
  | { kind: 'training'; characters: number }
  | { kind: 'ready'; characters: number; milliseconds: number; inWorker: boolean }
  | { kind: 'error'; error: unknown };

/** The part of the language screen's model that training writes: only the model hands this out. */
export interface TrainingTarget {
  order: ReadonlySignal<number>;
  corpusId: ReadonlySignal<string>;
  model: Signal<NgramModel | null>;
  training: Signal<TrainingStatus>;
  /** The screen shows the trained model's distribution (not a pasted one). */
  useModel(): void;
}

let running: AbortController | null = null;

/** Trains on `text` at the state's order. Resolves with the error that stopped it (for the person), or null. */
export async function trainLanguageModel(state: TrainingTarget, text: string): Promise<unknown> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  state.training.value = { kind: 'training', characters: text.length };
  try {
    const trained = await trainModel(text, state.order.peek(), { signal: controller.signal });
    if (controller.signal.aborted) return null;
    state.model.value = trained.model;
    state.useModel();
    state.training.value = {
      kind: 'ready',
      characters: trained.model.trainingCharacters,
      milliseconds: trained.milliseconds,
      inWorker: trained.inWorker,
    };
    return null;
  } catch (error) {
    if (controller.signal.aborted) return null;
    state.training.value = { kind: 'error', error };
    return error;
  }
}

/** Loads a bundled text and trains on it. */
export async function trainOnCorpus(state: TrainingTarget, corpusId: string): Promise<unknown> {
  try {
    return await trainLanguageModel(state, await loadCorpus(corpusId));
  } catch (error) {
    state.training.value = { kind: 'error', error };
    return error;
  }
}

/** Trains on the chosen bundled text unless a model exists or is on its way. */
export function ensureModel(state: TrainingTarget): void {
  const status = state.training.peek().kind;
  if (state.model.peek() === null && status !== 'training' && status !== 'error') {
    void trainOnCorpus(state, state.corpusId.peek());
  }
}
