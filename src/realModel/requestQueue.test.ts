import { describe, expect, test } from 'vitest';
import { createRequestQueue } from './requestQueue.ts';

describe('createRequestQueue', () => {
  test('runs one task at a time, in order', async () => {
    const queue = createRequestQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await Promise.resolve();
      log.push(`${name} end`);
      return name;
    };
    expect(await Promise.all([queue.run(task('a')), queue.run(task('b'))])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
  test('a newer request of the same purpose replaces a waiting one; the running one finishes', async () => {
    const queue = createRequestQueue();
    let release: () => void = () => {};
    const running = queue.run(
      () => new Promise<string>((resolve) => (release = () => resolve('first'))),
      'p',
    );
    const waiting = queue.run(async () => 'second', 'p');
    const newest = queue.run(async () => 'third', 'p');
    const other = queue.run(async () => 'other');
    await expect(waiting).rejects.toMatchObject({ code: 'model.superseded' });
    release();
    expect(await Promise.all([running, newest, other])).toEqual(['first', 'third', 'other']);
  });
  test('a failing task rejects its caller and the queue goes on', async () => {
    const queue = createRequestQueue();
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const after = queue.run(async () => 'after');
    await expect(failing).rejects.toThrow('boom');
    expect(await after).toBe('after');
  });
});
