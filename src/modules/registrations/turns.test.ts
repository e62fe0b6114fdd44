import { describe, expect, it } from 'vitest';
import { Turns } from './turns.ts';

describe('turns per key', () => {
  it('runs at most `width` callers of a key at once, the others in arrival order, keys apart', async () => {
    const turns = new Turns(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      order.push(i);
      running -= 1;
      if (i === 3) throw new Error('three');
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => turns.run('a', job(i))));
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(results[3]!.status).toBe('rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    // Another key does not wait for this one; a failure does not stop the queue.
    running = 0;
    most = 0;
    await Promise.all([turns.run('a', job(10)), turns.run('b', job(11)), turns.run('c', job(12))]);
    expect(most).toBe(3);
  });
});
