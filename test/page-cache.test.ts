import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PageCache } from '../src/platform/http/page-cache.ts';
import { ENGINES, POSTGRES_URL, skipReason } from './helpers/db.ts';
import { makeUser, orgForm, signedIn } from './helpers/fixtures.ts';
import { HttpClient, useTestServer } from './helpers/server.ts';

describe.each(ENGINES)("visitors' page cache on %s", (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function publishedOrganisation(name: string) {
    await makeUser(srv.services, `m-${name.length}@example.org`);
    const manager = await signedIn(srv.url, `m-${name.length}@example.org`);
    const r = await manager.post(
      '/organisations',
      orgForm({ name, website: `https://${name.length}.example` }),
    );
    const slug = r.location!.split('?')[0]!.replace('/organisations/', '');
    await manager.post(`/organisations/${slug}/submit`, {});
    return { manager, slug };
  }

  it.skipIf(skip)('serves a repeated visit from memory and a change at once afresh', async () => {
    await makeUser(srv.services, 'editor@example.org', 'editor');
    const editor = await signedIn(srv.url, 'editor@example.org');
    const { manager, slug } = await publishedOrganisation('Cache Valley');
    await editor.post(`/editor/organisations/${slug}/publish`, {});

    const visitor = new HttpClient(srv.url);
    const first = await visitor.get(`/organisations/${slug}`);
    expect(first.status).toBe(200);
    expect(first.res.headers.get('x-page-cache')).toBeNull();
    const second = await visitor.get(`/organisations/${slug}`);
    expect(second.res.headers.get('x-page-cache')).toBe('hit');
    expect(second.html).toBe(first.html);
    // A browser asks for gzip and gets the same page compressed (fetch inflates it).
    const zipped = await visitor.get(`/organisations/${slug}`, { 'accept-encoding': 'gzip' });
    expect(zipped.res.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.html).toBe(first.html);
    // A visitor's page carries no form token, so it sets no cookie either.
    expect(first.res.headers.getSetCookie()).toEqual([]);

    // Someone signing in changes nothing visitors see: the page stays cached.
    await makeUser(srv.services, 'reader@example.org');
    await signedIn(srv.url, 'reader@example.org');
    expect((await visitor.get(`/organisations/${slug}`)).res.headers.get('x-page-cache')).toBe('hit');

    // The team renames the profile, which waits for review; once an editor publishes the new name,
    // the next visit shows it.
    const r = await manager.post(`/organisations/${slug}/edit`, orgForm({ name: 'Cache Valley Renamed' }));
    expect(r.status).toBe(303);
    expect((await visitor.get(`/organisations/${slug}`)).html).not.toContain('Cache Valley Renamed');
    expect((await editor.post(`/editor/organisations/${slug}/revision/publish`, {})).status).toBe(303);
    const after = await visitor.get(`/organisations/${slug}`);
    expect(after.res.headers.get('x-page-cache')).toBeNull();
    expect(after.html).toContain('Cache Valley Renamed');
    expect((await visitor.get('/organisations')).html).toContain('Cache Valley Renamed');
  });

  it.skipIf(skip)('never serves a cached page to a signed-in person, nor per language mixes', async () => {
    await makeUser(srv.services, 'editor@example.org', 'editor');
    const editor = await signedIn(srv.url, 'editor@example.org');
    const { manager, slug } = await publishedOrganisation('Personal Valley');
    await editor.post(`/editor/organisations/${slug}/publish`, {});
    const visitor = new HttpClient(srv.url);
    await visitor.get(`/organisations/${slug}`);
    const mine = await manager.get(`/organisations/${slug}`);
    expect(mine.res.headers.get('x-page-cache')).toBeNull();
    expect(mine.html).toContain('/sign-out');
    expect(mine.html).toContain(`/organisations/${slug}/edit`);

    const french = await visitor.get(`/organisations/${slug}`, { 'accept-language': 'fr' });
    expect(french.res.headers.get('x-page-cache')).toBeNull();
    expect(french.html).toContain('<html lang="fr"');
    const english = await visitor.get(`/organisations/${slug}`);
    expect(english.html).toContain('<html lang="en"');
  });

  it.skipIf(skip || engine !== 'postgres')(
    'forgets its pages when another process announces a change through PostgreSQL',
    async () => {
      const url = new URL(POSTGRES_URL!);
      const cache = new PageCache(60_000);
      cache.listen(url.toString(), () => {});
      try {
        await expect.poll(() => cache.usable, { timeout: 10_000 }).toBe(true);
        cache.set('en /x', 'old page', cache.current);
        expect(cache.get('en /x')?.body.toString()).toBe('old page');
        const other = new pg.Client({ connectionString: url.toString() });
        await other.connect();
        await other.query(`select pg_notify('clusterhub_changes', '')`);
        await other.end();
        await expect.poll(() => cache.get('en /x'), { timeout: 10_000 }).toBeUndefined();

        // The server drops the listening connection: the cache pauses, reconnects, and listens again.
        const admin = new pg.Client({ connectionString: url.toString() });
        await admin.connect();
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where query = 'listen clusterhub_changes' and pid <> pg_backend_pid()`,
        );
        await expect.poll(() => cache.usable, { timeout: 5_000 }).toBe(false);
        await expect.poll(() => cache.usable, { timeout: 15_000 }).toBe(true);
        cache.set('en /y', 'page', cache.current);
        await admin.query(`select pg_notify('clusterhub_changes', '')`);
        await admin.end();
        await expect.poll(() => cache.get('en /y'), { timeout: 10_000 }).toBeUndefined();
      } finally {
        await cache.close();
      }
    },
  );
});

describe('page cache entries', () => {
  it('expire, are bounded, and a page rendered before a change is not kept', () => {
    const cache = new PageCache(60_000, 2);
    const before = cache.current;
    cache.clear();
    cache.set('a', 'stale', before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'A', cache.current);
    cache.set('b', 'B', cache.current);
    cache.get('a');
    cache.set('c', 'C', cache.current);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body.toString()).toBe('A');
    expect(cache.get('c')?.body.toString()).toBe('C');
    const off = new PageCache(0);
    off.set('a', 'A', off.current);
    expect(off.get('a')).toBeUndefined();
  });
});
