/**
 * One wllama call at a time: llama.cpp's context is a single state (KV cache, last logits, sampler), so
 * interleaved calls would read each other's logits. A request may name its purpose: a newer request for
 * the same purpose replaces an older one still waiting (a slider moved again before the first distribution
 * came), which then rejects with `model.superseded`. The running request always finishes.
 */
import { CodedError } from '../core/errors.ts';

export interface RequestQueue {
  run<T>(task: () => Promise<T>, purpose?: string): Promise<T>;
}

interface Waiting {
  start(): Promise<void>;
  supersede(): void;
  purpose: string | undefined;
}

export function createRequestQueue(): RequestQueue {
  const waiting: Waiting[] = [];
  let running = false;

  const next = async () => {
    if (running) return;
    running = true;
    for (let item = waiting.shift(); item; item = waiting.shift()) await item.start();
    running = false;
  };

  return {
    run<T>(task: () => Promise<T>, purpose?: string) {
      return new Promise<T>((resolve, reject) => {
        if (purpose !== undefined) {
          const older = waiting.findIndex((item) => item.purpose === purpose);
          if (older >= 0) waiting.splice(older, 1)[0].supersede();
        }
        waiting.push({
          purpose,
          start: () => task().then(resolve, reject),
          supersede: () => reject(new CodedError('model.superseded', {})),
        });
        void next();
      });
    },
  };
}
