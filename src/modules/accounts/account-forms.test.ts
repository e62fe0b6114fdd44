import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeUser, orgForm, PASSWORD, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { ensureAdmin } from './usecases.ts';

/** The text of the error shown beside a field, or null when there is none. */
function fieldError(html: string, field: string): string | null {
  const m = html.match(new RegExp(`<p class="error" id="f-${field}-error">([^<]*)</p>`));
  return m ? m[1]! : null;
}

/** The lines of the error summary, as a reader sees them. */
function summary(html: string): string[] {
  const box = html.match(/<div class="error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '';
  return [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;|&apos;/g, "'")
      .trim(),
  );
}

/** A form refused for empty fields: 422, each field says it is required, and the summary's lines. */
function expectRequired(r: { status: number; html: string }, fields: string[], lines: string[]) {
  expect(r.status).toBe(422);
  for (const f of fields) expect(fieldError(r.html, f)).toBe('This field is required.');
  expect(summary(r.html)).toEqual(lines);
}

const pathOf = (link: string) => {
  const u = new URL(link);
  return u.pathname + u.search;
};

describe.each(ENGINES)('account forms on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  describe('the administrator without a password', () => {
    it.skipIf(skip)('sets a first password after the one-time link, without a current one', async () => {
      const first = await ensureAdmin(srv.services);
      const admin = new HttpClient(srv.url);
      const signedInByLink = await admin.get(pathOf(first!.link));
      expect(signedInByLink.status).toBe(303);
      const page = await admin.get(signedInByLink.location!);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('name="current_password"');
      expect(page.html).toContain('name="password"');

      const set = await admin.post('/account/password', { password: 'the first operator passphrase' });
      expect(set.status).toBe(303);
      const fresh = new HttpClient(srv.url);
      const signIn = await fresh.post('/sign-in', {
        email: 'admin@localhost',
        password: 'the first operator passphrase',
        next: '/admin',
      });
      expect(signIn.status).toBe(303);
      expect((await fresh.get('/admin')).status).toBe(200);
      // From now on the account has a password: changing it needs the current one.
      const after = await admin.get('/account');
      expect(after.html).toContain('name="current_password"');
      const without = await admin.post('/account/password', { password: 'yet another operator passphrase' });
      expect(without.status).toBe(422);
      expect(fieldError(without.html, 'current_password')).toBe('This field is required.');
    });

    it.skipIf(skip)(
      'the reset form accepts admin@localhost and answers alike for unknown addresses',
      async () => {
        await ensureAdmin(srv.services);
        const c = new HttpClient(srv.url);
        const known = await c.post('/forgot-password', { email: 'admin@localhost' });
        const unknown = await c.post('/forgot-password', { email: 'nobody@localhost' });
        const unknownTld = await c.post('/forgot-password', { email: 'nobody@example.org' });
        expect(known.status).toBe(303);
        expect(unknown.status).toBe(303);
        expect(unknownTld.status).toBe(303);
        expect(unknown.location).toBe(known.location);
        expect(unknownTld.location).toBe(known.location);
        const mail = await srv.inbox.waitFor('admin@localhost', /Reset your/);
        const token = new URL(linkIn(mail.text, '/reset-password?token=')).searchParams.get('token')!;
        expect(
          (await c.post('/reset-password', { token, password: 'a reset operator passphrase' })).status,
        ).toBe(303);
        expect(
          (await c.post('/sign-in', { email: 'admin@localhost', password: 'a reset operator passphrase' }))
            .status,
        ).toBe(303);
        // Something that cannot be an address is still refused, beside the field.
        const bad = await c.post('/forgot-password', { email: 'not an address' });
        expect(bad.status).toBe(422);
        expect(fieldError(bad.html, 'email')).toMatch(/valid e-mail address/);
      },
    );

    it.skipIf(skip)('sign-up still wants an address with a domain on the Internet', async () => {
      const c = new HttpClient(srv.url);
      const r = await c.post('/sign-up', { name: 'Local', email: 'someone@localhost', password: PASSWORD });
      expect(r.status).toBe(422);
      expect(fieldError(r.html, 'email')).toMatch(/valid e-mail address/);
      expect(await srv.services.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
    });
  });

  describe('forms that create something answer with a redirect', () => {
    it.skipIf(skip)('shows a new API token once; reloading creates no second token', async () => {
      await makeUser(srv.services, 'dev@example.org');
      const c = await signedIn(srv.url, 'dev@example.org');
      const created = await c.post('/account/tokens', { name: 'ci' });
      expect(created.status).toBe(303);
      const shown = await c.get(created.location!);
      expect(shown.status).toBe(200);
      const token = shown.html.match(/<code class="token">(chp_[^<]+)<\/code>/)?.[1];
      expect(token).toBeTruthy();
      // The token works.
      const me = await new HttpClient(srv.url).json('GET', '/api/v1/organisations', undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(me.status).toBe(200);
      // Reloading the page shows the list but neither creates nor shows a token again.
      const reloaded = await c.get(created.location!);
      expect(reloaded.status).toBe(200);
      expect(reloaded.html).not.toContain(token!);
      expect(reloaded.html).toContain('<td>ci</td>');
      const rows = await srv.services.db.selectFrom('api_tokens').select('id').execute();
      expect(rows).toHaveLength(1);
      // The flash is for its owner only: another account signed in on the same browser never sees it.
      const cookie = created.res.headers.getSetCookie().find((x) => x.startsWith('ch_flash_token='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Path=\/account/i);
    });

    it.skipIf(skip)('sign-up redirects to the "check your e-mail" page', async () => {
      const c = new HttpClient(srv.url);
      const r = await c.post('/sign-up', { name: 'Ana', email: 'ana@example.org', password: PASSWORD });
      expect(r.status).toBe(303);
      const page = await c.get(r.location!);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Check your e-mail');
      expect(page.html).toContain('ana@example.org');
      expect(await srv.services.db.selectFrom('users').selectAll().execute()).toHaveLength(1);
      // Reloading the page shows it again and sends nothing more.
      expect((await c.get(r.location!)).html).toContain('ana@example.org');
      await srv.inbox.waitFor('ana@example.org', /Confirm your e-mail/);
      expect(srv.inbox.messages).toHaveLength(1);
    });

    it.skipIf(skip)('a used confirmation link says the address is confirmed, not "reset"', async () => {
      const c = new HttpClient(srv.url);
      const signUp = await c.post('/sign-up', {
        name: 'Ana',
        email: 'confirm@example.org',
        password: PASSWORD,
      });
      expect(signUp.status).toBe(303);
      const mail = await srv.inbox.waitFor('confirm@example.org', /Confirm your e-mail/);
      const link = pathOf(linkIn(mail.text, '/verify-email?token='));
      expect((await c.get(link)).status).toBe(303);
      const again = await c.get(link);
      expect(again.status).toBe(410);
      expect(again.html).not.toContain('password reset');
      expect(again.html).toContain('Your address is confirmed');
      expect(again.html).toContain('href="/sign-in"');
      // A reset link that was used still offers a new reset link.
      await c.post('/forgot-password', { email: 'confirm@example.org' });
      const reset = await srv.inbox.waitFor('confirm@example.org', /Reset your/);
      const token = new URL(linkIn(reset.text, '/reset-password?token=')).searchParams.get('token')!;
      await c.post('/reset-password', { token, password: 'a brand new passphrase' });
      const reused = await c.post('/reset-password', { token, password: 'a brand new passphrase' });
      expect(reused.status).toBe(410);
      expect(reused.html).toContain('Ask for a new password reset link');
    });
  });

  describe('validation messages', () => {
    it.skipIf(skip)(
      'sign-up names every problem at once, each beside its field and in the summary',
      async () => {
        const c = new HttpClient(srv.url);
        const empty = await c.post('/sign-up', { name: '', email: '', password: '' });
        expect(empty.status).toBe(422);
        for (const f of ['name', 'email', 'password']) {
          expect(fieldError(empty.html, f), f).toBe('This field is required.');
        }
        expect(empty.html).not.toContain('Enter at least 1 characters');
        expect(summary(empty.html)).toEqual([
          'Name: This field is required.',
          'E-mail address: This field is required.',
          'Password: This field is required.',
        ]);
        expect(empty.html).toContain('href="#f-name"');

        // A missing name and a weak password are both reported on the first try.
        const two = await c.post('/sign-up', { name: ' ', email: 'bo@example.org', password: 'password123' });
        expect(two.status).toBe(422);
        expect(fieldError(two.html, 'name')).toBe('This field is required.');
        expect(fieldError(two.html, 'password')).toMatch(/too easy to guess/);

        await makeUser(srv.services, 'taken@example.org');
        const three = await c.post('/sign-up', { name: '', email: 'taken@example.org', password: 'short' });
        expect(fieldError(three.html, 'name')).toBe('This field is required.');
        expect(fieldError(three.html, 'email')).toMatch(/already exists/);
        expect(fieldError(three.html, 'password')).toMatch(/at least 10 characters/);
        expect(await srv.services.db.selectFrom('users').select('email').execute()).toHaveLength(1);
      },
    );

    it.skipIf(skip)('sign-in and the account page say "This field is required."', async () => {
      const c = new HttpClient(srv.url);
      const signIn = await c.post('/sign-in', { email: '', password: '' });
      expectRequired(
        signIn,
        ['email', 'password'],
        ['E-mail address: This field is required.', 'Password: This field is required.'],
      );

      await makeUser(srv.services, 'me@example.org');
      const me = await signedIn(srv.url, 'me@example.org');
      const change = await me.post('/account/password', { current_password: '', password: '' });
      expectRequired(
        change,
        ['current_password', 'password'],
        ['Current password: This field is required.', 'New password: This field is required.'],
      );
    });

    it.skipIf(skip)(
      'the profile form names fields in its summary and writes years without a separator',
      async () => {
        await makeUser(srv.services, 'manager@example.org');
        const c = await signedIn(srv.url, 'manager@example.org');
        const year = new Date().getUTCFullYear();
        const r = await c.post('/organisations', orgForm({ name: '', founded_year: '3000' }));
        expect(r.status).toBe(422);
        expect(fieldError(r.html, 'founded_year')).toBe(`Enter a value of at most ${year}.`);
        expect(summary(r.html)).toContain('Name: This field is required.');
        expect(summary(r.html)).toContain(`Year founded: Enter a value of at most ${year}.`);
        const old = await c.post('/organisations', orgForm({ founded_year: '1200' }));
        expect(fieldError(old.html, 'founded_year')).toBe('Enter a value of at least 1800.');
        // The API says the same, in English.
        const api = await c.json(
          'POST',
          '/api/v1/organisations',
          {
            name: 'X Cluster',
            type: 'cluster_organisation',
            country: 'FR',
            founded_year: 3000,
          },
          { 'x-csrf-token': await c.csrf() },
        );
        expect(api.status).toBe(422);
        expect(api.data.error.details).toContainEqual({
          field: 'founded_year',
          message: `Enter a value of at most ${year}.`,
        });
      },
    );
  });
});
