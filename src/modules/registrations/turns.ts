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
