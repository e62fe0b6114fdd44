import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { auditEntries, makeUser, signedIn, userIdOf } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/index.ts';
import { localInput } from '../../platform/time/zoned.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';
import { ideasEventSection } from './event-section.tsx';
import { ideasSchemas } from './openapi.ts';
import * as ideas from './usecases.ts';

const SCRIPT = '<script>alert("x")</script>';

describe.each(ENGINES)('calls for agenda ideas on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  /** A published event organised by an organisation whose team has `organiser@example.org`. */
  async function organisedEvent() {
    const s = srv.services;
    const organiser = await makeUser(s, 'organiser@example.org');
    const org = await insertOrganisation(s.db, {
      slug: 'organiser-cluster',
      name: 'Organiser Cluster',
      type: 'cluster_organisation',
      country: 'BE',
      status: 'published',
    });
    await upsertMember(s.db, org.id, organiser.id, 'admin');
    const event = await makeEvent(s.db, { title: 'Cluster Days' }, [org.id]);
    return { event, organiser: await signedIn(srv.url, 'organiser@example.org') };
  }

  const tomorrow = () => localInput(new Date(Date.now() + 86_400_000), 'Europe/Brussels');
  const ideaIdOf = async (title: string) =>
    (
      await srv.services.db
        .selectFrom('ideas')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;
  const votesOf = async (id: string) =>
    (await srv.services.db.selectFrom('idea_votes').selectAll().where('idea_id', '=', id).execute()).length;

  it.skipIf(skip)(
    'an organiser opens a call; users propose and vote once, even concurrently; closing stops both',
    async () => {
      const { event, organiser } = await organisedEvent();
      const base = `/events/${event.slug}/ideas`;
      expect((await organiser.get(base)).html).toContain('There is no call for ideas for this event.');
      const bad = await organiser.post(`${base}/call`, { closes_at: 'next week' });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('href="#f-closes_at"');
      expect((await organiser.post(`${base}/call`, { closes_at: '2001-01-01T10:00' })).html).toContain(
        'The closing time must be in the future.',
      );
      expect((await organiser.post(`${base}/call`, { closes_at: tomorrow() })).status).toBe(303);
      expect((await organiser.get(base)).html).toContain('The call for ideas is open until');

      await makeUser(srv.services, 'ada@example.org');
      const ada = await signedIn(srv.url, 'ada@example.org');
      // A form from elsewhere (no CSRF token) is refused, and nothing is saved.
      expect(
        (await ada.post(base, { title: 'Forged', abstract: 'x', format: 'talk' }, { csrf: null })).status,
      ).toBe(403);
      const invalid = await ada.post(base, { title: '', abstract: 'Something', format: 'speech' });
      expect(invalid.status).toBe(422);
      expect(invalid.html).toContain('href="#f-title"');
      expect(invalid.html).toContain('href="#f-format"');
      const proposed = await ada.post(base, {
        title: `Smart ${SCRIPT} specialisation`,
        abstract: `Why ${SCRIPT} matters`,
        format: 'panel',
      });
      expect(proposed.status).toBe(303);
      const page = (await ada.get(base)).html;
      expect(page).not.toContain(SCRIPT);
      expect(page).toContain('Smart &lt;script>alert(&quot;x&quot;)&lt;/script> specialisation');
      expect(page).toContain('Your ideas');
      const id = await ideaIdOf(`Smart ${SCRIPT} specialisation`);

      // Five clicks at the same instant count once.
      await makeUser(srv.services, 'bob@example.org');
      const bob = await signedIn(srv.url, 'bob@example.org');
      const votes = await Promise.all(Array.from({ length: 5 }, () => bob.post(`${base}/${id}/vote`, {})));
      expect(votes.map((v) => v.status)).toEqual([303, 303, 303, 303, 303]);
      expect(await votesOf(id)).toBe(1);
      expect((await bob.get(base)).html).toContain('1 vote');
      expect((await bob.get(base)).html).toContain('Remove my vote');
      expect((await bob.post(`${base}/${id}/unvote`, {})).status).toBe(303);
      expect(await votesOf(id)).toBe(0);
      await bob.post(`${base}/${id}/vote`, {});

      // A visitor is sent to sign in.
      const visitorVote = await new HttpClient(srv.url).post(`${base}/${id}/vote`, {});
      expect(visitorVote.status).toBe(303);
      expect(visitorVote.location).toMatch(/^\/sign-in/);

      expect((await organiser.post(`${base}/call/close`, {})).status).toBe(303);
      const late = await ada.post(base, { title: 'Late', abstract: 'Too late', format: 'talk' });
      expect(late.status).toBe(422);
      expect(late.html).toContain('The call for ideas closed on');
      expect((await bob.post(`${base}/${id}/unvote`, {})).status).toBe(422);
      expect(await votesOf(id)).toBe(1);
      expect((await auditEntries(srv.services, 'event.ideas_close')).length).toBe(1);
    },
  );

  it.skipIf(skip)(
    'organisers shortlist and accept; the proposer sees the state and is mailed; the event page lists it',
    async () => {
      const { event, organiser } = await organisedEvent();
      const base = `/events/${event.slug}/ideas`;
      await organiser.post(`${base}/call`, { closes_at: tomorrow() });
      await makeUser(srv.services, 'ada@example.org');
      const ada = await signedIn(srv.url, 'ada@example.org');
      await ada.post(base, { title: 'Cluster twinning', abstract: 'Pairs of clusters.', format: 'workshop' });
      const id = await ideaIdOf('Cluster twinning');

      // Only the organisers (and editors) decide.
      expect((await ada.post(`${base}/${id}/decide`, { status: 'accepted' })).status).toBe(403);
      expect((await organiser.post(`${base}/${id}/decide`, { status: 'shortlisted' })).status).toBe(303);
      expect((await ada.get(base)).html).toMatch(/Cluster twinning<\/a> — Shortlisted/);
      await makeUser(srv.services, 'editor@example.org', 'editor');
      const editor = await signedIn(srv.url, 'editor@example.org');
      expect((await editor.post(`${base}/${id}/decide`, { status: 'accepted' })).status).toBe(303);
      expect((await ada.get(base)).html).toMatch(/Cluster twinning<\/a> — Accepted/);
      const mail = await srv.inbox.waitFor('ada@example.org', /accepted for Cluster Days/);
      expect(mail.text).toContain(`/events/${event.slug}/ideas`);
      const decisions = await auditEntries(srv.services, 'idea.decide');
      expect(decisions.map((d) => (d.details as { status: string }).status)).toEqual([
        'shortlisted',
        'accepted',
      ]);
      expect((await editor.post(`${base}/${id}/decide`, { status: 'maybe' })).status).toBe(422);

      const ctx = { lang: 'en', t: translator('en'), actor: null } as unknown as RequestContext;
      const section = await ideasEventSection.render(srv.services, ctx, event);
      const html = render(section!);
      expect(html).toContain('Accepted ideas');
      expect(html).toContain('Cluster twinning');
      expect(html).toContain(`href="/events/${event.slug}/ideas"`);
      const json = (await ideasEventSection.api!(srv.services, null, event)).ideas;
      const schema = z.fromJSONSchema(ideasSchemas.EventIdeas as Parameters<typeof z.fromJSONSchema>[0]);
      expect(schema.safeParse(json).success).toBe(true);
      expect(json).toMatchObject({
        call: { open: true },
        accepted: [{ title: 'Cluster twinning', format: 'workshop' }],
      });

      // The page speaks the reader's language.
      expect((await ada.get(base, { 'accept-language': 'fr' })).html).toContain(
        'Idées pour le programme de Cluster Days',
      );

      // Declined ideas are hidden from others, not from their author.
      await ada.post(base, { title: 'Off topic', abstract: 'Nothing to do with clusters.', format: 'talk' });
      await organiser.post(`${base}/${await ideaIdOf('Off topic')}/decide`, { status: 'declined' });
      expect((await ada.get(base)).html).toContain('Off topic');
      await makeUser(srv.services, 'bob@example.org');
      expect((await (await signedIn(srv.url, 'bob@example.org')).get(base)).html).not.toContain('Off topic');
      expect(await userIdOf(srv.services, 'ada@example.org')).toBeTruthy();
    },
  );

  it.skipIf(skip)('ten people voting three times each at once leave ten votes', async () => {
    const { event, organiser } = await organisedEvent();
    const base = `/events/${event.slug}/ideas`;
    await organiser.post(`${base}/call`, { closes_at: tomorrow() });
    await makeUser(srv.services, 'ada@example.org');
    await (await signedIn(srv.url, 'ada@example.org')).post(base, {
      title: 'Popular',
      abstract: 'Everyone likes it.',
      format: 'talk',
    });
    const id = await ideaIdOf('Popular');
    const actors = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const u = await makeUser(srv.services, `voter${i}@example.org`);
        return { id: u.id, email: u.email, name: u.name, role: 'user' as const, emailVerified: true };
      }),
    );
    const results = await Promise.allSettled(
      actors.flatMap((a) => [1, 2, 3].map(() => ideas.vote(srv.services, a, event.slug, id))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await votesOf(id)).toBe(10);
    const page = await ideas.ideasPage(srv.services, actors[0]!, event.slug);
    expect(page.ideas[0]).toMatchObject({ title: 'Popular', votes: 10, voted: true });
  });
});
