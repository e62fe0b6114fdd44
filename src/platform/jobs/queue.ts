import { EventEmitter } from 'node:events';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Wakes in-process workers as soon as a job is written, so `--role=all` needs no polling delay. */
export const jobSignal = new EventEmitter();

export async function enqueueJob(
  db: Kysely<DB>,
  kind: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  await enqueueJobs(db, kind, [payload], opts);
}

/** Several jobs of one kind in one statement (in the caller's transaction, like `enqueueJob`). */
export async function enqueueJobs(
  db: Kysely<DB>,
  kind: string,
  payloads: readonly Record<string, unknown>[],
  opts: { runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  if (payloads.length === 0) return;
  const runAt = opts.runAt ?? new Date();
  await db
    .insertInto('jobs')
    .values(
      payloads.map((payload) => ({
        kind,
        payload: JSON.stringify(payload),
        run_at: runAt,
        max_attempts: opts.maxAttempts ?? 5,
      })),
    )
    .execute();
  setImmediate(() => jobSignal.emit('job', kind));
}

export type JobHandler = (
  payload: Record<string, unknown>,
  info: { attempt: number; lastAttempt: boolean },
) => Promise<void>;

export interface Worker {
  stop(): Promise<void>;
  /** Runs due jobs until none is left; for tests and the CLI. */
  drain(): Promise<number>;
}

const LOCK_SECONDS = 300;

/** Claims one due job. SKIP LOCKED lets any number of worker processes share the table. */
async function claim(db: Kysely<DB>, kinds: string[]) {
  const { rows } = await sql<{
    id: number;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }>`
    update jobs set locked_until = now() + make_interval(secs => ${LOCK_SECONDS}), attempts = attempts + 1
    where id = (
      select id from jobs
      where done_at is null and run_at <= now() and kind = any(${kinds})
        and (locked_until is null or locked_until < now())
      order by run_at, id
      limit 1
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts`.execute(db);
  return rows[0];
}

export function startWorker(
  db: Kysely<DB>,
  handlers: Record<string, JobHandler>,
  opts: { pollMs?: number; onError?: (err: unknown, kind: string) => void } = {},
): Worker {
  const kinds = Object.keys(handlers);
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function runOne(): Promise<boolean> {
    const job = await claim(db, kinds);
    if (!job) return false;
    try {
      await handlers[job.kind]!(job.payload, {
        attempt: job.attempts,
        lastAttempt: job.attempts >= job.max_attempts,
      });
      await db
        .updateTable('jobs')
        .set({ done_at: new Date(), locked_until: null })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      opts.onError?.(err, job.kind);
      const dead = job.attempts >= job.max_attempts;
      const backoffSeconds = Math.min(3600, 5 * 2 ** (job.attempts - 1));
      await db
        .updateTable('jobs')
        .set({
          last_error: err instanceof Error ? err.message.slice(0, 2000) : String(err),
          locked_until: null,
          run_at: new Date(Date.now() + backoffSeconds * 1000),
          done_at: dead ? new Date() : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
    return true;
  }

  async function drain(): Promise<number> {
    let n = 0;
    while (!stopped && (await runOne())) n++;
    return n;
  }

  function tick() {
    if (stopped || running) return;
    running = drain()
      .then(() => undefined)
      .catch((err) => opts.onError?.(err, 'claim'))
      .finally(() => {
        running = null;
      });
  }

  const onSignal = () => tick();
  jobSignal.on('job', onSignal);
  timer = setInterval(tick, opts.pollMs ?? 1000);
  timer.unref();
  tick();

  return {
    drain,
    async stop() {
      stopped = true;
      jobSignal.off('job', onSignal);
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
