import { EventEmitter } from 'node:events';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { Services } from '../services.ts';

/**
 * A cache of public pages as visitors see them. Directory pages are read far more often than they
 * change, and most readers are not signed in: their page depends only on the address and the
 * language. Only routes that opt in (`config: { publicCache: true }`) are cached, only for
 * requests without a session or token, only 200 answers, and never a page that shows a CSRF token.
 *
 * Any accepted write empties the cache of every process: writes through HTTP do it when they
 * answer, other writers (CLI imports, timers) call `announceChange`. On PostgreSQL the news
 * travels to the other web processes by LISTEN/NOTIFY; an entry also expires after `ttlSeconds`,
 * which bounds the age of anything time-dependent (the "outdated" mark).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** GET route whose visitors' page may be cached. */
    publicCache?: boolean;
    /** `false` on a write that changes nothing visitors see (sign-in, password…): no cache flush. */
    publicChange?: boolean;
  }
  interface FastifyRequest {
    pageCacheSlot: { cache: PageCache; key: string; generation: number } | null;
  }
}

const CHANNEL = 'clusterhub_changes';

/** Changes announced in this process; every cache of the process listens. */
const localChanges = new EventEmitter();
localChanges.setMaxListeners(0);

/** Tells every page cache, in this process and (on PostgreSQL) in the others, that data changed. */
export async function announceChange(s: Pick<Services, 'db' | 'engine'>): Promise<void> {
  localChanges.emit('change');
  if (s.engine === 'postgres') await sql`select pg_notify(${CHANNEL}, '')`.execute(s.db);
}

export interface CachedPage {
  /** Encoded once: a hit then costs a copy to the socket, not a UTF-8 conversion. */
  body: Buffer;
  /** Compressed once too, for the clients that accept gzip (every browser): about a sixth. */
  gzip: Buffer;
}

interface Entry extends CachedPage {
  storedAt: number;
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private generation = 0;
  private listener: pg.Client | null = null;
  private closed = false;
  /** True while changes of other processes might go unnoticed. */
  private suspended = false;
  private readonly onLocalChange = () => this.clear();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 2000,
  ) {
    localChanges.on('change', this.onLocalChange);
  }

  get enabled(): boolean {
    return this.ttlMs > 0 && !this.closed;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The current generation: a page rendered from an older one is not stored. */
  get current(): number {
    return this.generation;
  }

  get(key: string): CachedPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (performance.now() - e.storedAt > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, body: string, generation: number): void {
    if (!this.enabled || generation !== this.generation) return;
    const bytes = Buffer.from(body, 'utf8');
    this.entries.set(key, { body: bytes, gzip: gzipSync(bytes, { level: 6 }), storedAt: performance.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * Follows changes made by other processes through PostgreSQL notifications. While the listening
   * connection is down the cache stays empty, so nothing stale can be served.
   */
  listen(databaseUrl: string, onError: (err: unknown) => void): void {
    if (!this.enabled) return;
    const connect = async (delayMs: number) => {
      if (this.closed) return;
      this.clear();
      const client = new pg.Client({ connectionString: databaseUrl });
      this.listener = client;
      this.suspended = true;
      client.on('notification', () => this.clear());
      // An error or the end of the connection (a server restart) pauses the cache and reconnects,
      // once per connection however many events it raises.
      let lost = false;
      const onLost = (err: unknown) => {
        if (lost || this.closed) return;
        lost = true;
        onError(err);
        this.suspended = true;
        this.clear();
        client.end().catch(() => {});
        setTimeout(() => connect(Math.min(delayMs * 2, 30_000)), delayMs).unref();
      };
      client.on('error', onLost);
      client.on('end', () => onLost(new Error('the notification connection ended')));
      try {
        await client.connect();
        await client.query(`listen ${CHANNEL}`);
        this.clear();
        this.suspended = false;
      } catch (err) {
        client.emit('error', err);
      }
    };
    void connect(500);
  }

  get usable(): boolean {
    return this.enabled && !this.suspended;
  }

  async close(): Promise<void> {
    this.closed = true;
    localChanges.off('change', this.onLocalChange);
    this.entries.clear();
    await this.listener?.end().catch(() => {});
  }
}

/** The cache key: a visitor's page depends on the address and the language only. */
function keyOf(req: FastifyRequest): string {
  return `${req.ctx.lang} ${req.url}`;
}

/**
 * onRequest step, after the request context is known: answers from the cache when it can, and
 * otherwise reserves a slot so that `storeCachedPage` keeps the page rendered for this request.
 */
export function serveCachedPage(cache: PageCache, req: FastifyRequest, reply: FastifyReply): boolean {
  req.pageCacheSlot = null;
  if (!cache.usable || req.method !== 'GET' || !req.routeOptions.config?.publicCache) return false;
  if (req.ctx.actor || req.headers.authorization) return false;
  const key = keyOf(req);
  const page = cache.get(key);
  if (page !== undefined) {
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('vary', 'Accept-Encoding')
      .header('x-page-cache', 'hit');
    if (gzip) reply.header('content-encoding', 'gzip');
    reply.send(gzip ? page.gzip : page.body);
    return true;
  }
  req.pageCacheSlot = { cache, key, generation: cache.current };
  return false;
}

/** Keeps a freshly rendered page when its request reserved a slot and the page is the same for all. */
export function storeCachedPage(req: FastifyRequest, status: number, body: string): void {
  const slot = req.pageCacheSlot;
  if (!slot || status !== 200 || req.ctx.csrfUsed) return;
  slot.cache.set(slot.key, body, slot.generation);
}
