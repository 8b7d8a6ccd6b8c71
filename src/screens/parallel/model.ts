import { signal } from '@preact/signals-core';

export const PARALLEL_SYSTEMS = ['three-level', 'two-level', 'degenerate', 'oscillator'] as const;
export type ParallelSystemId = (typeof PARALLEL_SYSTEMS)[number];

/** The side-by-side screen's own settings: the one temperature both ladders share, and the physical system. */
export function createParallelState() {
  return {
    temperature: signal(1),
    physicsSystem: signal<ParallelSystemId>('three-level'),
  };
}

export type ParallelState = ReturnType<typeof createParallelState>;
