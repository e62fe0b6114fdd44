import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/pool.ts';
import { ENGINES, skipReason } from './helpers/db.ts';
import { HttpClient, startTestServer, type TestServer } from './helpers/server.ts';

describe.each(ENGINES)('security headers and error answers on %s', (engine) => {
  const skip = skipReason(engine);
  let srv: TestServer;
  beforeAll(async () => {
    if (!skip) srv = await startTestServer(engine);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it
    .skipIf(skip)
    .each([
      '/',
      '/organisations',
      '/sign-in',
      '/sign-up',
      '/api/docs',
      '/no-such-page',
      '/api/v1/organisations',
    ])('sends security headers on %s', async (p) => {
    const r = await new HttpClient(srv.url).get(p);
    const csp = r.res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.res.headers.get('x-frame-options')).toBe('DENY');
    expect(r.html).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules/);
  });

  it.skipIf(skip)('never shows a stack trace or SQL, even for hostile input', async () => {
    const c = new HttpClient(srv.url);
    const probes = [
      await c.get("/organisations/'%20or%201=1--"),
      await c.get('/organisations?page=-1'),
      await c.get('/organisations?page=abc'),
      await c.get(`/organisations?limit=${'9'.repeat(400)}`),
      await c.get('/api/v1/organisations/%00'),
      await c.get('/verify-email?token=%27;drop%20table%20users;--'),
    ];
    for (const r of probes) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.html).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|syntax error|relation "|SELECT /i);
    }
    const users = await srv.services.db.selectFrom('users').selectAll().execute();
    expect(Array.isArray(users)).toBe(true);
  });
});

describe('the embedded database directory', () => {
  it('refuses a second process on the same data directory with a clear message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      const child = spawn(process.execPath, [path.resolve('bin/clusterhub.mjs'), 'migrate'], {
        // Vitest sets BASE_URL=/ for Vite; an operator's environment would not.
        env: { ...process.env, BASE_URL: '', DATA_DIR: dir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('already in use by process');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
