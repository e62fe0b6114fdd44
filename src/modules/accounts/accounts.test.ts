import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeUser, PASSWORD, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';

describe.each(ENGINES)('accounts on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)('signs up, verifies the address from the e-mail, signs out and in again', async () => {
    const c = new HttpClient(srv.url);
    const r = await c.post('/sign-up', { name: 'Ana Lopez', email: 'Ana@Example.org', password: PASSWORD });
    expect(r.status).toBe(303);
    expect((await c.get(r.location!)).html).toContain('ana@example.org');
    const mail = await srv.inbox.waitFor('ana@example.org', /Confirm your e-mail/);
    const link = linkIn(mail.text, '/verify-email?token=');
    const v = await c.get(new URL(link).pathname + new URL(link).search);
    expect(v.status).toBe(303);
    const again = await c.get(new URL(link).pathname + new URL(link).search);
    expect(again.status).toBe(410);
    expect(again.html).toContain('already been used');

    const signIn = await c.post('/sign-in', {
      email: 'ana@example.org',
      password: PASSWORD,
      next: '/account',
    });
    expect(signIn.status).toBe(303);
    expect(signIn.location).toBe('/account');
    const account = await c.get('/account');
    expect(account.html).toContain('ana@example.org');
    expect(account.html).toContain('confirmed');
    const cookie = signIn.res.headers.getSetCookie().find((x) => x.startsWith('ch_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    await c.post('/sign-out', {});
    expect((await c.get('/account')).status).toBe(303);
  });

  it.skipIf(skip)('refuses bad sign-ups naming each field, and creates nothing', async () => {
    const c = new HttpClient(srv.url);
    const r = await c.post('/sign-up', { name: '', email: 'not-an-email', password: 'short' });
    expect(r.status).toBe(422);
    expect(r.html).toContain('href="#f-email"');
    expect(r.html).toContain('href="#f-name"');
    expect(r.html).toContain('valid e-mail address');
    const weak = await c.post('/sign-up', { name: 'Bo', email: 'bo@example.org', password: 'password123' });
    expect(weak.status).toBe(422);
    expect(weak.html).toContain('too easy to guess');
    await makeUser(srv.services, 'taken@example.org');
    const dup = await c.post('/sign-up', { name: 'T', email: 'TAKEN@example.org', password: PASSWORD });
    expect(dup.status).toBe(422);
    expect(dup.html).toContain('already exists');
    const users = await srv.services.db.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).toEqual(['taken@example.org']);
    expect(srv.inbox.messages).toHaveLength(0);
  });

  it.skipIf(skip)('rejects forms without the CSRF token or with a wrong one', async () => {
    const c = new HttpClient(srv.url);
    await c.get('/sign-up');
    const none = await c.post(
      '/sign-up',
      { name: 'X', email: 'x@example.org', password: PASSWORD },
      { csrf: null },
    );
    expect(none.status).toBe(403);
    const wrong = await c.post(
      '/sign-up',
      { name: 'X', email: 'x@example.org', password: PASSWORD },
      { csrf: 'A'.repeat(43) },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.html).not.toMatch(/at \w+ \(|node_modules/);
    expect(await srv.services.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });

  it.skipIf(skip)('resets a password by e-mail; the link works once and expires', async () => {
    await makeUser(srv.services, 'reset@example.org');
    const c = new HttpClient(srv.url);
    const unknown = await c.post('/forgot-password', { email: 'nobody@example.org' });
    const known = await c.post('/forgot-password', { email: 'reset@example.org' });
    // The same answer either way: the form does not reveal who has an account.
    expect(unknown.status).toBe(303);
    expect(known.status).toBe(303);
    const mail = await srv.inbox.waitFor('reset@example.org', /Reset your/);
    const token = new URL(linkIn(mail.text, '/reset-password?token=')).searchParams.get('token')!;
    const weak = await c.post('/reset-password', { token, password: 'abc' });
    expect(weak.status).toBe(422);
    const ok = await c.post('/reset-password', { token, password: 'a brand new passphrase' });
    expect(ok.status).toBe(303);
    const reused = await c.post('/reset-password', { token, password: 'another new passphrase' });
    expect(reused.status).toBe(410);
    expect(
      (await c.post('/sign-in', { email: 'reset@example.org', password: 'a brand new passphrase' })).status,
    ).toBe(303);

    // An expired link is refused and changes nothing.
    await c.post('/forgot-password', { email: 'reset@example.org' });
    const second = await srv.inbox.waitFor('reset@example.org', /Reset your/, { nth: 2 });
    await srv.services.db
      .updateTable('auth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    const token2 = new URL(linkIn(second.text, '/reset-password?token=')).searchParams.get('token')!;
    const expired = await c.post('/reset-password', { token: token2, password: 'yet another passphrase' });
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('expired');
  });

  it.skipIf(skip)('answers 429 after 10 failed sign-ins for one account within 15 minutes', async () => {
    await makeUser(srv.services, 'victim@example.org');
    const c = new HttpClient(srv.url);
    for (let i = 0; i < 10; i++) {
      const r = await c.post('/sign-in', { email: 'victim@example.org', password: `wrong-${i}` });
      expect(r.status).toBe(422);
    }
    const blocked = await c.post('/sign-in', { email: 'victim@example.org', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain('Too many attempts');
  });

  it.skipIf(skip)('changes the password only with the current one', async () => {
    await makeUser(srv.services, 'change@example.org');
    const c = await signedIn(srv.url, 'change@example.org');
    const bad = await c.post('/account/password', {
      current_password: 'nope',
      password: 'the next passphrase',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('current password is not correct');
    const ok = await c.post('/account/password', {
      current_password: PASSWORD,
      password: 'the next passphrase',
    });
    expect(ok.status).toBe(303);
    const fresh = new HttpClient(srv.url);
    expect((await fresh.post('/sign-in', { email: 'change@example.org', password: PASSWORD })).status).toBe(
      422,
    );
    expect(
      (await fresh.post('/sign-in', { email: 'change@example.org', password: 'the next passphrase' })).status,
    ).toBe(303);
  });

  it.skipIf(skip)('creates the first admin with a one-time sign-in link', async () => {
    const { ensureAdmin } = await import('./usecases.ts');
    const first = await ensureAdmin(srv.services);
    expect(first?.email).toBe('admin@localhost');
    expect(await ensureAdmin(srv.services)).toBeNull();
    const c = new HttpClient(srv.url);
    const path = new URL(first!.link);
    const r = await c.get(path.pathname + path.search);
    expect(r.status).toBe(303);
    const outbox = await c.get('/admin/outbox');
    expect(outbox.status).toBe(200);
    expect((await new HttpClient(srv.url).get(path.pathname + path.search)).status).toBe(410);
  });
});
