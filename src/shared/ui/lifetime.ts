/**
 * Everything the current rendering of the interface keeps alive: effects, animation loops, observers,
 * pixi applications. Switching language or theme disposes all of it and renders again from the same
 * state, which is simpler and more reliable than teaching every view to re-translate itself.
 */
import { effect as signalEffect } from '@preact/signals-core';

const disposers: (() => void)[] = [];

/** A signals effect that ends with the current rendering. */
export function effect(run: () => void): () => void {
  const dispose = signalEffect(run);
  disposers.push(dispose);
  return dispose;
}

/** Runs `cleanup` when the current rendering ends. */
export function onDispose(cleanup: () => void): void {
  disposers.push(cleanup);
}

/** Ends the current rendering: every registered cleanup runs, newest first. */
export function disposeAll(): void {
  while (disposers.length > 0) {
    const dispose = disposers.pop();
    try {
      dispose?.();
    } catch (error) {
      // One view failing to clean up must not keep the others alive.
      console.warn('A view failed to clean up:', error);
    }
  }
}
