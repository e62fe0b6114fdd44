import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { jobHandlers } from '../../src/jobs.ts';
import type { Engine } from '../../src/platform/db/pool.ts';
import { announceChange } from '../../src/platform/http/page-cache.ts';
import { startWorker, type Worker } from '../../src/platform/jobs/queue.ts';
import type { Services } from '../../src/platform/services.ts';
import { buildServer } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase, testServices, truncateAll } from './db.ts';
import { TestInbox } from './smtp.ts';

export interface TestServer {
  url: string;
  services: Services;
  db: TestDatabase;
  inbox: TestInbox;
  app: FastifyInstance;
  worker: Worker;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole platform on a real port, with a real SMTP inbox and a job worker, over a fresh database
 * of the given engine. One per test file; `reset()` empties the tables between tests.
 */
export async function startTestServer(engine: Engine): Promise<TestServer> {
  const db = await createTestDatabase(engine);
  const inbox = new TestInbox();
  const smtpUrl = await inbox.start();
  // The base URL is only known after listening; links in mails are rebuilt from it below.
  const services = testServices(db.database, { smtpUrl, baseUrl: 'http://127.0.0.1:1' });
  const app = await buildServer(services);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  services.config.baseUrl = address;
  const newWorker = () => startWorker(services.db, jobHandlers(services), { pollMs: 200 });
  const server: TestServer = {
    url: address,
    services,
    db,
    inbox,
    app,
    worker: newWorker(),
    async reset() {
      // The worker stops before the tables are emptied: a job of the last test still running would
      // otherwise mark as done the new job that reuses its id once identities restart.
      await server.worker.stop();
      await truncateAll(db.database);
      server.worker = newWorker();
      await announceChange(services);
      inbox.messages.length = 0;
    },
    async close() {
      await app.close();
      await server.worker.stop();
      services.mailer.close();
      await inbox.stop();
      await db.database.close();
      await db.dropDatabase();
    },
  };
  return server;
}

/** A browser-like HTTP client: keeps cookies, reads CSRF tokens from pages, posts forms. */
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    this.keep(res);
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await this.request(path, { headers });
    return { res, status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  /** The CSRF token the site set for this client (it also appears in every form). */
  async csrf(): Promise<string> {
    if (!this.cookies.get('ch_csrf')) await this.get('/sign-in');
    return this.cookies.get('ch_csrf')!;
  }

  async post(path: string, fields: Record<string, string | string[]>, opts: { csrf?: string | null } = {}) {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? await this.csrf() : opts.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const res = await this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return { res, status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  async json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.request(path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
    let data: any = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = text;
    }
    return { res, status: res.status, data };
  }
}

/**
 * The usual life of a test server in a `describe` block: started once unless `skip` says why not,
 * emptied before each test, closed at the end. The returned object stands for the server once it
 * has started (reading it before, or when skipped, throws).
 */
export function useTestServer(engine: Engine, skip: string | null): TestServer {
  let current: TestServer | null = null;
  beforeAll(async () => {
    if (!skip) current = await startTestServer(engine);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    await current?.reset();
  });
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!current) throw new Error(`the ${engine} test server is not running${skip ? `: ${skip}` : ''}`);
      const value = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
