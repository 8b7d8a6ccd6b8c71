/**
 * A value a model owns and lets others change only through its door: `set` runs the model's check
 * first, and a refused value throws (an InputError the control shows next to its field) and leaves the
 * last good value in place. Everyone else sees a read-only signal, so no view can write around the check.
 */
import { type ReadonlySignal, signal } from '@preact/signals-core';

export interface Setting<T> extends ReadonlySignal<T> {
  /** Checks `value`, then stores it; throws without storing anything when the check refuses it. */
  set(value: T): void;
}

/** `initial` is the model's own opening value, not checked: a check may read settings made after this one. */
export function setting<T>(initial: T, check: (value: T) => void = () => {}): Setting<T> {
  const value = signal(initial);
  return Object.assign(value, {
    set(next: T): void {
      check(next);
      value.value = next;
    },
  });
}

/** A check that refuses anything but one of `allowed` (for values that arrive as text from a link). */
export function oneOf<T>(allowed: readonly T[], refuse: (value: T) => Error): (value: T) => void {
  return (value) => {
    if (!allowed.includes(value)) throw refuse(value);
  };
}
