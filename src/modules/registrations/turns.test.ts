import { describe, expect, it } from 'vitest';
import { Batches, type Outcome, Turns } from './turns.ts';

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

describe('batches per key', () => {
  it('gathers the callers arriving while a batch runs into the next one, in order, at most `most`', async () => {
    const seen: string[][] = [];
    const batches = new Batches<string, string>(async (key, items) => {
      seen.push(items.map((i) => `${key}:${i}`));
      await new Promise((r) => setTimeout(r, 5));
      if (items.includes('boom')) throw new Error('boom');
      return items.map(
        (i): Outcome<string> =>
          i === 'no' ? { ok: false, error: new Error('no') } : { ok: true, value: i.toUpperCase() },
      );
    }, 3);
    const first = batches.add('a', 'x');
    const rest = ['y', 'no', 'z', 'w', 'v'].map((i) => batches.add('a', i));
    const other = batches.add('b', 'q');
    const results = await Promise.allSettled([first, ...rest, other]);
    // The first ran alone at once; the five that came while it ran went in two batches of at most three.
    expect(seen).toEqual([['a:x'], ['b:q'], ['a:y', 'a:no', 'a:z'], ['a:w', 'a:v']]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'X',
      'Y',
      'no',
      'Z',
      'W',
      'V',
      'Q',
    ]);
    // A batch that throws fails its own callers, and the key goes on serving the next ones.
    const failed = await Promise.allSettled([batches.add('a', 'boom'), batches.add('a', 'ok')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });
});
