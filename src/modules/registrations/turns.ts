/**
 * Takes turns per key within this process: at most `width` callers of one key run at once, the
 * others wait in memory, in arrival order. Registrations of one event are serial in the database
 * anyway (the event's lock); without this, a rush would park one pooled connection per waiting
 * transaction in that lock, and the pool would have none left for the work every request does
 * before it. The database lock still guarantees the outcome across processes.
 */
export class Turns {
  private readonly queues = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly width: number) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let q = this.queues.get(key);
    if (!q) {
      q = { running: 0, waiting: [] };
      this.queues.set(key, q);
    }
    if (q.running >= this.width) await new Promise<void>((resolve) => q!.waiting.push(resolve));
    else q.running += 1;
    try {
      return await fn();
    } finally {
      const next = q.waiting.shift();
      if (next) next();
      else {
        q.running -= 1;
        if (q.running === 0) this.queues.delete(key);
      }
    }
  }
}

/** What a batch answers for one of its items. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs work per key in batches, within this process: the first caller of a key starts a batch
 * at once; callers arriving while it runs wait and go together into the next one (at most `most`
 * items), in arrival order. One transaction then serves many registrations of an event — one lock,
 * one count, one commit — instead of one each, which is what lets a rush through the event's lock.
 * `work` answers each item in order; if it throws, every item of the batch fails with its error.
 */
export class Batches<T, R> {
  private readonly queues = new Map<string, { item: T; settle: (o: Outcome<R>) => void }[]>();

  constructor(
    private readonly work: (key: string, items: T[]) => Promise<Outcome<R>[]>,
    private readonly most: number,
  ) {}

  add(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const settle = (o: Outcome<R>) => (o.ok ? resolve(o.value) : reject(o.error));
      const queue = this.queues.get(key);
      if (queue) queue.push({ item, settle });
      else {
        this.queues.set(key, [{ item, settle }]);
        void this.drain(key);
      }
    });
  }

  private async drain(key: string) {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.most);
      let outcomes: Outcome<R>[];
      try {
        outcomes = await this.work(
          key,
          batch.map((b) => b.item),
        );
      } catch (error) {
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      for (const [i, b] of batch.entries()) {
        b.settle(outcomes[i] ?? { ok: false, error: new Error('No outcome.') });
      }
    }
    this.queues.delete(key);
  }
}
