import type { FastifyInstance } from 'fastify';
import { jobHandlers } from './jobs.ts';
import { SEARCHABLE_KINDS } from './kinds.ts';
import { ensureAdmin } from './modules/accounts/usecases.ts';
import { seedDemo } from './modules/demo/seed.ts';
import { warmIndexes } from './modules/search/index-store.ts';
import type { Config } from './platform/config.ts';
import { startWorker, type Worker } from './platform/jobs/queue.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { buildServer } from './server.ts';
import { startTimers } from './timers.ts';

export type Role = 'all' | 'web' | 'worker' | 'timers';
export const ROLES: readonly Role[] = ['all', 'web', 'worker', 'timers'];

export interface Started {
  runtime: Runtime;
  app: FastifyInstance | null;
  worker: Worker | null;
  url: string | null;
  adminLink: { email: string; link: string } | null;
  /** Rows the demo seeding created, by part ('organisations', 'events', …); null when nothing was seeded. */
  seeded: Record<string, number> | null;
  stop(): Promise<void>;
}

/** Starts what a role needs: web serves HTTP, worker runs jobs, timers runs periodic work. */
export async function start(config: Config, opts: { role: Role; demo: boolean }): Promise<Started> {
  const runtime = await openRuntime(config);
  const s = runtime.services;
  let app: FastifyInstance | null = null;
  let worker: Worker | null = null;
  let timers: { stop(): void } | null = null;
  try {
    const adminLink = opts.role === 'all' || opts.role === 'web' ? await ensureAdmin(s) : null;
    const seeded = opts.demo && (opts.role === 'all' || opts.role === 'web') ? await seedDemo(s) : null;
    if (opts.role === 'all' || opts.role === 'worker') {
      worker = startWorker(s.db, jobHandlers(s), {
        onError: (err, kind) => s.log.warn({ err, kind }, 'job failed'),
      });
    }
    if (opts.role === 'all' || opts.role === 'timers') timers = startTimers(s);
    let url: string | null = null;
    if (opts.role === 'all' || opts.role === 'web') {
      app = await buildServer(s);
      const address = await app.listen({ port: config.port, host: config.host });
      // The first search would otherwise wait for the directory index to be built.
      void warmIndexes(s.db, SEARCHABLE_KINDS).catch((err) =>
        s.log.warn({ err }, 'could not build the directory index'),
      );
      url = config.baseUrl || address;
    }
    const stop = async () => {
      timers?.stop();
      await app?.close();
      await worker?.stop();
      await runtime.close();
    };
    return { runtime, app, worker, url, adminLink, seeded: seeded || null, stop };
  } catch (err) {
    timers?.stop();
    await app?.close().catch(() => {});
    await worker?.stop().catch(() => {});
    await runtime.close();
    throw err;
  }
}
