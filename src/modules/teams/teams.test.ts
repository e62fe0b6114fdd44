import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import * as fx from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import type { Actor } from '../../platform/services.ts';
import { acceptInvitation } from './usecases.ts';

const { auditEntries, makeUser, orgForm, PASSWORD, signedIn, userIdOf } = fx;

describe.each(ENGINES)('team invitations and removals on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  /** A draft organisation whose only team admin is manager@example.org, signed in. */
  async function teamOfManager() {
    await makeUser(srv.services, 'manager@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const r = await manager.post('/organisations', orgForm());
    expect(r.status).toBe(303);
    const slug = r.location!.split('?')[0]!.replace('/organisations/', '');
    return { manager, slug };
  }

  /** Sends an invitation through the team page and returns its link's path (from the n-th mail). */
  async function invite(manager: HttpClient, slug: string, email: string, role = 'member', nth = 1) {
    const r = await manager.post(`/organisations/${slug}/team/invite`, { email, role });
    expect(r.status, r.html.slice(0, 500)).toBe(303);
    const mail = await srv.inbox.waitFor(email, /Join the team/, { nth });
    const link = new URL(linkIn(mail.text, '/invitations/accept?token='));
    return { path: link.pathname + link.search, token: link.searchParams.get('token')! };
  }

  const roleOf = async (slug: string, email: string) => {
    const row = await srv.services.db
      .selectFrom('organisation_members')
      .innerJoin('users', 'users.id', 'organisation_members.user_id')
      .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
      .select('organisation_members.role')
      .where('organisations.slug', '=', slug)
      .where('users.email', '=', email)
      .executeTakeFirst();
    return row?.role ?? null;
  };
  const userId = (email: string) => userIdOf(srv.services, email);

  it.skipIf(skip)(
    'an invitation opened by another account is refused; its own account accepts it',
    async () => {
      const { manager, slug } = await teamOfManager();
      await makeUser(srv.services, 'colleague@example.org');
      await makeUser(srv.services, 'stranger@example.org');
      const { path, token } = await invite(manager, slug, 'colleague@example.org');

      const stranger = await signedIn(srv.url, 'stranger@example.org');
      const seen = await stranger.get(path);
      expect(seen.status).toBe(403);
      expect(seen.html).toContain('This invitation was sent to c•••@example.org');
      expect(seen.html).toContain('you are signed in as stranger@example.org');
      expect(seen.html).not.toContain('colleague@example.org');
      expect(seen.html).toContain('Sign out, then sign in with the invited address');
      const forced = await stranger.post('/invitations/accept', { token });
      expect(forced.status).toBe(403);
      expect(await roleOf(slug, 'stranger@example.org')).toBeNull();

      const colleague = await signedIn(srv.url, 'colleague@example.org');
      const page = await colleague.get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Accept the invitation');
      const accepted = await colleague.post('/invitations/accept', { token });
      expect(accepted.status).toBe(303);
      expect(accepted.location).toBe(`/organisations/${slug}?notice=notice.joined`);
      expect(await roleOf(slug, 'colleague@example.org')).toBe('member');
      // Single use: the link now says it was used, to anyone.
      const again = await colleague.get(path);
      expect(again.status).toBe(410);
      expect(again.html).toContain('already been accepted');
    },
  );

  it.skipIf(skip)('opening the link consumes nothing; two accepts at once make one member', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'colleague@example.org');
    const { path, token } = await invite(manager, slug, 'colleague@example.org');
    const colleague = await signedIn(srv.url, 'colleague@example.org');
    // A mail scanner (or the person) opening the link twice changes nothing.
    expect((await new HttpClient(srv.url).get(path)).status).toBe(200);
    expect((await colleague.get(path)).status).toBe(200);
    expect(await roleOf(slug, 'colleague@example.org')).toBeNull();

    const actor: Actor = {
      id: await userId('colleague@example.org'),
      email: 'colleague@example.org',
      name: 'colleague',
      role: 'user',
      emailVerified: true,
    };
    const results = await Promise.allSettled([
      acceptInvitation(srv.services, actor, token),
      acceptInvitation(srv.services, actor, token),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const joins = await auditEntries(srv.services, 'organisation.join');
    expect(joins).toHaveLength(1);
  });

  it.skipIf(skip)('an account whose address is not confirmed cannot accept yet', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'late@example.org', 'user', { verified: false });
    const { path, token } = await invite(manager, slug, 'late@example.org');
    const late = await signedIn(srv.url, 'late@example.org');
    const page = await late.get(path);
    expect(page.status).toBe(403);
    expect(page.html).toContain('Confirm your e-mail address late@example.org first');
    expect((await late.post('/invitations/accept', { token })).status).toBe(403);
    expect(await roleOf(slug, 'late@example.org')).toBeNull();
  });

  it.skipIf(skip)(
    'a visitor is offered to sign in or sign up, and comes back to the invitation',
    async () => {
      const { manager, slug } = await teamOfManager();
      await makeUser(srv.services, 'colleague@example.org');
      const { path, token } = await invite(manager, slug, 'colleague@example.org');
      const visitor = new HttpClient(srv.url);
      const page = await visitor.get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('This invitation is for c•••@example.org');
      expect(page.html).toContain(`href="/sign-in?next=${encodeURIComponent(path)}"`);
      // Signing in with that next path lands back on the invitation.
      const signIn = await visitor.post('/sign-in', {
        email: 'colleague@example.org',
        password: PASSWORD,
        next: path,
      });
      expect(signIn.location).toBe(path);
      expect((await visitor.post('/invitations/accept', { token })).status).toBe(303);
      expect(await roleOf(slug, 'colleague@example.org')).toBe('member');
    },
  );

  it.skipIf(skip)(
    'signing up from an invitation confirms the invited address and lands on the invitation, signed in',
    async () => {
      const { manager, slug } = await teamOfManager();
      const { path, token } = await invite(manager, slug, 'newcomer@example.org', 'admin');
      const visitor = new HttpClient(srv.url);
      const form = await visitor.get(`/invitations/sign-up?token=${token}`);
      expect(form.status).toBe(200);
      expect(form.html).toContain('n•••@example.org');

      const signUpAs = (email: string) =>
        visitor.post('/invitations/sign-up', { token, name: 'Nora', email, password: PASSWORD });
      const wrong = await signUpAs('other@example.org');
      expect(wrong.status).toBe(422);
      expect(wrong.html).toContain('The invitation was sent to n•••@example.org');

      const done = await signUpAs('Newcomer@example.org');
      expect(done.status).toBe(303);
      expect(done.location).toBe(`${path}&notice=notice.account_created_invited`);
      const back = await visitor.get(done.location!);
      expect(back.status).toBe(200);
      expect(back.html).toContain('Your account is created and your address confirmed');
      expect(back.html).toContain('Accept the invitation');
      const user = await srv.services.db
        .selectFrom('users')
        .select('email_verified_at')
        .where('email', '=', 'newcomer@example.org')
        .executeTakeFirstOrThrow();
      expect(user.email_verified_at).not.toBeNull();
      const accepted = await visitor.post('/invitations/accept', { token });
      expect(accepted.location).toBe(`/organisations/${slug}?notice=notice.joined_admin`);
      expect(await roleOf(slug, 'newcomer@example.org')).toBe('admin');
      // No confirmation mail was needed.
      expect(srv.inbox.messages.filter((m) => /Confirm your e-mail/.test(m.subject))).toHaveLength(0);
    },
  );

  it.skipIf(skip)('a newer invitation to the same address replaces the older one', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'colleague@example.org');
    const first = await invite(manager, slug, 'colleague@example.org');
    const r = await manager.post(`/organisations/${slug}/team/invite`, {
      email: 'COLLEAGUE@example.org',
      role: 'admin',
    });
    expect(r.location).toBe(`/organisations/${slug}/team?notice=notice.invitation_replaced`);
    const mail = await srv.inbox.waitFor('colleague@example.org', /Join the team/, { nth: 2 });
    const second = new URL(linkIn(mail.text, '/invitations/accept?token='));
    const teamPage = await manager.get(`/organisations/${slug}/team`);
    expect(teamPage.html.match(/<td>colleague@example\.org<\/td>/g)).toHaveLength(1);

    const colleague = await signedIn(srv.url, 'colleague@example.org');
    const old = await colleague.get(first.path);
    expect(old.status).toBe(410);
    expect(old.html).toContain('A newer invitation has been sent to the same address');
    expect((await colleague.post('/invitations/accept', { token: first.token })).status).toBe(410);
    const accepted = await colleague.post('/invitations/accept', {
      token: second.searchParams.get('token')!,
    });
    expect(accepted.status).toBe(303);
    expect(await roleOf(slug, 'colleague@example.org')).toBe('admin');
  });

  it.skipIf(skip)('team admins cancel an invitation; its link then says so; members cannot', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'colleague@example.org');
    await makeUser(srv.services, 'member@example.org');
    const member = await invite(manager, slug, 'member@example.org');
    const memberClient = await signedIn(srv.url, 'member@example.org');
    await memberClient.post('/invitations/accept', { token: member.token });
    const { path, token } = await invite(manager, slug, 'colleague@example.org');
    const id = (
      await srv.services.db
        .selectFrom('organisation_invitations')
        .select('id')
        .where('email', '=', 'colleague@example.org')
        .executeTakeFirstOrThrow()
    ).id;
    const teamPage = await manager.get(`/organisations/${slug}/team`);
    expect(teamPage.html).toContain(`action="/organisations/${slug}/team/invitations/${id}/cancel"`);
    expect(teamPage.html).toContain('Cancel the invitation to colleague@example.org');

    expect((await memberClient.post(`/organisations/${slug}/team/invitations/${id}/cancel`, {})).status).toBe(
      403,
    );
    const cancelled = await manager.post(`/organisations/${slug}/team/invitations/${id}/cancel`, {});
    expect(cancelled.location).toBe(`/organisations/${slug}/team?notice=notice.invitation_cancelled`);
    expect((await manager.get(`/organisations/${slug}/team`)).html).not.toContain('colleague@example.org');

    const colleague = await signedIn(srv.url, 'colleague@example.org');
    const gone = await colleague.get(path);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('A team admin has cancelled this invitation.');
    expect((await colleague.post('/invitations/accept', { token })).status).toBe(410);
    expect(await roleOf(slug, 'colleague@example.org')).toBeNull();
    const audit = await auditEntries(srv.services, 'organisation.invitation_cancel');
    expect(audit).toHaveLength(1);
  });

  it.skipIf(skip)('an expired invitation says it has expired', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'colleague@example.org');
    const { path, token } = await invite(manager, slug, 'colleague@example.org');
    await srv.services.db
      .updateTable('organisation_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const colleague = await signedIn(srv.url, 'colleague@example.org');
    const gone = await colleague.get(path);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('This invitation has expired');
    expect((await colleague.post('/invitations/accept', { token })).status).toBe(410);
  });

  it.skipIf(skip)('an existing member is told what accepting changes, before and after', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'colleague@example.org');
    const joined = await invite(manager, slug, 'colleague@example.org');
    const colleague = await signedIn(srv.url, 'colleague@example.org');
    await colleague.post('/invitations/accept', { token: joined.token });
    expect(await roleOf(slug, 'colleague@example.org')).toBe('member');

    // A member invited again as member: refused at once.
    const twice = await manager.post(`/organisations/${slug}/team/invite`, {
      email: 'colleague@example.org',
      role: 'member',
    });
    expect(twice.status).toBe(422);
    // As team admin: allowed, and the invitation page says it promotes.
    const promote = await invite(manager, slug, 'colleague@example.org', 'admin', 2);
    const page = await colleague.get(promote.path);
    expect(page.html).toContain(
      'You are already a team member of Aerospace Valley Test. Accepting makes you a team admin.',
    );
    const accepted = await colleague.post('/invitations/accept', { token: promote.token });
    expect(accepted.location).toBe(`/organisations/${slug}?notice=notice.invitation_promoted`);
    expect((await colleague.get(accepted.location!)).html).toContain('you are now a team admin');
    expect(await roleOf(slug, 'colleague@example.org')).toBe('admin');

    // A leftover member invitation of someone who is admin now: nothing changes, and it says so.
    await makeUser(srv.services, 'third@example.org');
    const leftover = await invite(manager, slug, 'third@example.org', 'member');
    await srv.services.db
      .insertInto('organisation_members')
      .values({
        organisation_id: (
          await srv.services.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()
        ).id,
        user_id: await userId('third@example.org'),
        role: 'admin',
      })
      .execute();
    const third = await signedIn(srv.url, 'third@example.org');
    expect((await third.get(leftover.path)).html).toContain(
      'Accepting changes nothing: your role stays the same.',
    );
    const kept = await third.post('/invitations/accept', { token: leftover.token });
    expect(kept.location).toBe(`/organisations/${slug}?notice=notice.invitation_unchanged`);
    expect(await roleOf(slug, 'third@example.org')).toBe('admin');
  });

  it.skipIf(skip)(
    'the last team admin is not offered for removal and cannot be removed by force',
    async () => {
      const { manager, slug } = await teamOfManager();
      const managerId = await userId('manager@example.org');
      const page = await manager.get(`/organisations/${slug}/team`);
      expect(page.html).not.toContain(`/team/${managerId}/remove`);
      expect(page.html).toContain('Only team admin');

      const forced = await manager.post(`/organisations/${slug}/team/${managerId}/remove`, {});
      expect(forced.status).toBe(409);
      expect(forced.html).toContain('A team must keep at least one team admin');
      expect(forced.html).toContain('<h1>Team of Aerospace Valley Test</h1>');
      expect(forced.html).not.toContain('Reload the page');
      const confirm = await manager.get(`/organisations/${slug}/team/${managerId}/remove`);
      expect(confirm.status).toBe(409);
      // Something shaped like an id but not one is nobody: a 404, not a database error.
      const notAnId = '-'.repeat(36);
      expect((await manager.get(`/organisations/${slug}/team/${notAnId}/remove`)).status).toBe(404);
      expect((await manager.post(`/organisations/${slug}/team/${notAnId}/remove`, {})).status).toBe(404);
      expect(
        (await manager.post(`/organisations/${slug}/team/invitations/${notAnId}/cancel`, {})).status,
      ).toBe(404);
      expect(await roleOf(slug, 'manager@example.org')).toBe('admin');

      // A platform admin cannot leave the team without an admin either.
      await makeUser(srv.services, 'root@example.org', 'admin');
      const root = await signedIn(srv.url, 'root@example.org');
      expect((await root.post(`/organisations/${slug}/team/${managerId}/remove`, {})).status).toBe(409);
    },
  );

  it.skipIf(skip)('every removal is confirmed first; a member may leave', async () => {
    const { manager, slug } = await teamOfManager();
    await makeUser(srv.services, 'colleague@example.org');
    await makeUser(srv.services, 'helper@example.org');
    for (const email of ['colleague@example.org', 'helper@example.org']) {
      const { token } = await invite(manager, slug, email);
      await (await signedIn(srv.url, email)).post('/invitations/accept', { token });
    }
    const colleagueId = await userId('colleague@example.org');
    const page = await manager.get(`/organisations/${slug}/team`);
    // A link to a confirmation page, not a form that removes at once.
    expect(page.html).toContain(`href="/organisations/${slug}/team/${colleagueId}/remove"`);
    expect(page.html).not.toContain(`action="/organisations/${slug}/team/${colleagueId}/remove"`);
    const confirm = await manager.get(`/organisations/${slug}/team/${colleagueId}/remove`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Remove colleague from the team of Aerospace Valley Test?');
    expect(confirm.html).toContain(`action="/organisations/${slug}/team/${colleagueId}/remove"`);
    expect(await roleOf(slug, 'colleague@example.org')).toBe('member');
    const removed = await manager.post(`/organisations/${slug}/team/${colleagueId}/remove`, {});
    expect(removed.location).toBe(`/organisations/${slug}/team?notice=notice.member_removed`);
    expect(await roleOf(slug, 'colleague@example.org')).toBeNull();

    // A plain member leaves of their own accord, after confirming; removing others stays forbidden.
    const helper = await signedIn(srv.url, 'helper@example.org');
    const managerId = await userId('manager@example.org');
    expect((await helper.post(`/organisations/${slug}/team/${managerId}/remove`, {})).status).toBe(403);
    const helperId = await userId('helper@example.org');
    const mine = await helper.get('/my/organisations');
    expect(mine.html).toContain(`href="/organisations/${slug}/team/${helperId}/remove"`);
    const leave = await helper.get(`/organisations/${slug}/team/${helperId}/remove`);
    expect(leave.html).toContain('Leave the team of Aerospace Valley Test?');
    const left = await helper.post(`/organisations/${slug}/team/${helperId}/remove`, {});
    expect(left.location).toBe('/my/organisations?notice=notice.left_team');
    expect(await roleOf(slug, 'helper@example.org')).toBeNull();
    const audit = await srv.services.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toContain('organisation.leave');
  });

  it.skipIf(skip)("the invitation mail speaks the invitee's language, or else the inviter's", async () => {
    const { manager, slug } = await teamOfManager();
    // A newcomer without an account: the team admin works in French, so the mail is in French.
    await manager.get('/lang/fr?next=/');
    let r = await manager.post(`/organisations/${slug}/team/invite`, {
      email: 'nouveau@example.org',
      role: 'member',
    });
    expect(r.status).toBe(303);
    const french = await srv.inbox.waitFor('nouveau@example.org', /Rejoignez l'équipe/);
    expect(french.text).toContain('/invitations/accept?token=');
    // Someone with an account reads it in the language they chose, whatever the inviter's.
    const colleague = await makeUser(srv.services, 'kollegin@example.org');
    await srv.services.db.updateTable('users').set({ locale: 'de' }).where('id', '=', colleague.id).execute();
    r = await manager.post(`/organisations/${slug}/team/invite`, {
      email: 'kollegin@example.org',
      role: 'member',
    });
    expect(r.status).toBe(303);
    await srv.inbox.waitFor('kollegin@example.org', /Treten Sie dem Team/);
  });
});
