import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createAddressWriter } from './addressWriter.ts';

describe('createAddressWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('writes each change at once and skips a query already written', () => {
    const written: string[] = [];
    const write = createAddressWriter((query) => written.push(query));
    write('lang=en');
    write('lang=en');
    vi.advanceTimersByTime(1000);
    write('lang=ru');
    expect(written).toEqual(['lang=en', 'lang=ru']);
  });

  test('a long burst is thinned out, and its last value is still written, on time', () => {
    const written: string[] = [];
    const write = createAddressWriter((query) => written.push(query));
    // A slider dragged for 10 s, one change a frame.
    for (let frame = 0; frame < 600; frame++) {
      write(`T=${frame}`);
      vi.advanceTimersByTime(1000 / 60);
    }
    // At most 10 at once, then one per 400 ms: under Safari's 100 calls in 30 s and Chromium's 200 in 10 s.
    expect(written.length).toBeLessThanOrEqual(10 + 10_000 / 400 + 1);
    expect(written.at(-1)).not.toBe('T=599');
    vi.advanceTimersByTime(400);
    expect(written.at(-1)).toBe('T=599');
  });

  test('a burst that returns to the written value leaves nothing pending', () => {
    const written: string[] = [];
    const write = createAddressWriter((query) => written.push(query));
    for (let i = 0; i < 10; i++) write(`x=${i}`);
    write('x=10');
    write('x=9');
    vi.advanceTimersByTime(2000);
    expect(written).toEqual(Array.from({ length: 10 }, (_, i) => `x=${i}`));
  });
});
