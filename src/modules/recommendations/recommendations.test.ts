import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import type { NewOrganisation } from '../../platform/db/schema.ts';
import type { Services } from '../../platform/services.ts';
import { createApiToken } from '../accounts/usecases.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';
import { recommend, whoCouldAnswer } from './recommend.ts';

type Json = Record<string, unknown>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A small directory: `me` (Belgian, digital, software, AI and robotics, targets Germany) and
 * organisations around it — a German twin, a partner, a partner of that partner, one it declined,
 * one that declined it, an unpublished twin and an unrelated one.
 */
async function directory(s: Services) {
  let n = 0;
  const org = (name: string, values: Partial<NewOrganisation> = {}) =>
    insertOrganisation(s.db, {
      slug: `rec-${++n}`,
      name,
      type: 'cluster_organisation',
      country: 'FR',
      status: 'published',
      ...values,
    });
  const profile = {
    ecosystems: ['digital'],
    nace: ['62'],
    kets: ['artificial-intelligence'],
    keywords: ['robotics'],
  };
  const me = await org('Brussels Robotics Cluster', { ...profile, country: 'BE', target_markets: ['DE'] });
  const twin = await org('Berlin Robotics Cluster', { ...profile, country: 'DE' });
  const partner = await org('Partner Cluster', { ...profile, country: 'NL' });
  const partnerOfPartner = await org('Second Circle Cluster', { ecosystems: ['tourism'], country: 'IT' });
  const declined = await org('Declined Cluster', { ...profile, country: 'DE' });
  const decliner = await org('Decliner Cluster', { ...profile, country: 'DE' });
  const draft = await org('Draft Robotics Cluster', { ...profile, country: 'DE', status: 'draft' });
  const unrelated = await org('Fishing Cluster', { ecosystems: ['agri-food'], nace: ['03'], country: 'PT' });
  await s.db
    .insertInto('organisation_declines')
    .values([
      { organisation_id: me.id, declined_id: declined.id, source: 'test', source_id: '1' },
      { organisation_id: decliner.id, declined_id: me.id, source: 'test', source_id: '2' },
    ])
    .execute();
  return { me, twin, partner, partnerOfPartner, declined, decliner, draft, unrelated };
}

async function collaborate(s: Services, id: string, members: string[]) {
  const c = await s.db
    .insertInto('collaborations')
    .values({ kind: 'partnership', source: 'test', source_id: id, happened_on: '2026-01-15' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.db
    .insertInto('collaboration_members')
    .values(members.map((m) => ({ collaboration_id: c.id, organisation_id: m })))
    .execute();
}

describe.each(ENGINES)('recommendations on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)(
    'propose others with their reasons, never itself, the declined either way, drafts or partners',
    async () => {
      const s = srv.services;
      const d = await directory(s);
      const names = async (opts: { includePartners?: boolean } = {}) =>
        (await recommend(s.db, d.me.id, { limit: 50, ...opts })).map((r) => r.organisation.name);

      const before = await recommend(s.db, d.me.id, { limit: 50 });
      expect(before[0]!.organisation.name).toBe('Berlin Robotics Cluster');
      expect(before[0]!.reasons.map((r) => r.code)).toEqual(
        expect.arrayContaining([
          'shared_ecosystems',
          'target_market',
          'shared_sectors',
          'shared_technologies',
        ]),
      );
      expect(before[0]!.reasons).toContainEqual({
        code: 'target_market',
        params: { by: 'you', country: 'DE' },
      });
      expect(before[0]!.reasons).toContainEqual({
        code: 'shared_technologies',
        params: { kets: ['artificial-intelligence'], keywords: ['robotics'] },
      });
      const all = before.map((r) => r.organisation.name);
      for (const never of [
        'Brussels Robotics Cluster',
        'Declined Cluster',
        'Decliner Cluster',
        'Draft Robotics Cluster',
      ])
        expect(all).not.toContain(never);
      expect(all).toContain('Partner Cluster');

      // A collaboration: the partner leaves the list (unless asked for), its own partner comes in with
      // a partner in common; the graph held in memory follows (its version moved).
      await collaborate(s, 'a', [d.me.id, d.partner.id]);
      await collaborate(s, 'b', [d.partner.id, d.partnerOfPartner.id]);
      const after = await recommend(s.db, d.me.id, { limit: 50 });
      expect(after.map((r) => r.organisation.name)).not.toContain('Partner Cluster');
      const second = after.find((r) => r.organisation.name === 'Second Circle Cluster');
      expect(second?.reasons).toContainEqual({ code: 'partners_in_common', params: { count: 1 } });
      expect(await names({ includePartners: true })).toContain('Partner Cluster');
      expect(await names({ includePartners: true })).not.toContain('Declined Cluster');

      // Declines hold the other way round too.
      const theirs = (await recommend(s.db, d.decliner.id, { limit: 50 })).map((r) => r.organisation.name);
      expect(theirs).not.toContain('Brussels Robotics Cluster');
      expect(theirs).toContain('Berlin Robotics Cluster');
    },
  );

  it.skipIf(skip)('say who could answer an opportunity, never its poster nor whom it declined', async () => {
    const s = srv.services;
    const d = await directory(s);
    const found = await whoCouldAnswer(
      s.db,
      {
        side: 'request',
        ecosystems: [],
        nace: ['03'],
        kets: [],
        keywords: [],
        targetCountries: ['PT'],
        posterId: d.me.id,
      },
      10,
    );
    expect(found[0]!.organisation.name).toBe('Fishing Cluster');
    expect(found[0]!.reasons).toContainEqual({ code: 'shared_sectors', params: { nace: ['03'] } });
    expect(found[0]!.reasons).toContainEqual({ code: 'target_market', params: { by: 'you', country: 'PT' } });
    const robotics = await whoCouldAnswer(
      s.db,
      {
        side: 'offer',
        ecosystems: ['digital'],
        nace: [],
        kets: [],
        keywords: ['robotics'],
        targetCountries: [],
        posterId: d.me.id,
      },
      10,
    );
    const names = robotics.map((r) => r.organisation.name);
    expect(names).toContain('Berlin Robotics Cluster');
    for (const never of [
      'Brussels Robotics Cluster',
      'Declined Cluster',
      'Decliner Cluster',
      'Draft Robotics Cluster',
    ])
      expect(names).not.toContain(never);
  });

  it.skipIf(skip)(
    'answer the API for the team, editors and admins only, and refuse bad parameters',
    async () => {
      const s = srv.services;
      const d = await directory(s);
      const member = await makeUser(s, 'member@example.org');
      await upsertMember(s.db, d.me.id, member.id, 'member');
      const stranger = await makeUser(s, 'stranger@example.org');
      const editor = await makeUser(s, 'editor@example.org', 'editor');
      const token = async (id: string) => bearer((await createApiToken(s, id, 'test')).token);
      const c = new HttpClient(srv.url);
      const url = `/api/v1/organisations/${d.me.id}/recommendations`;

      expect((await c.json('GET', url)).status).toBe(401);
      expect((await c.json('GET', url, undefined, await token(stranger.id))).status).toBe(403);
      // A draft is not even found by a stranger.
      await upsertMember(s.db, d.draft.id, member.id, 'member');
      const draftUrl = `/api/v1/organisations/${d.draft.id}/recommendations`;
      expect((await c.json('GET', draftUrl, undefined, await token(stranger.id))).status).toBe(404);
      expect((await c.json('GET', draftUrl, undefined, await token(member.id))).status).toBe(200);

      // Two have something in common with it (the twin and the future partner); one asked for.
      expect((await c.json('GET', url, undefined, await token(member.id))).data.items).toHaveLength(2);
      const ok = await c.json('GET', `${url}?limit=1`, undefined, await token(member.id));
      expect(ok.status).toBe(200);
      expect(ok.data.organisation_id).toBe(d.me.id);
      expect(ok.data.items).toHaveLength(1);
      const first = ok.data.items[0] as { organisation: Json; reasons: Json[] };
      expect(first.organisation.name).toBe('Berlin Robotics Cluster');
      expect(first.organisation.url).toMatch(/\/organisations\/rec-2$/);
      expect(first.reasons).toContainEqual({
        code: 'target_market',
        params: { by: 'you', country: 'DE' },
        text: 'Germany, their country, is one of your target markets.',
      });
      expect((await c.json('GET', url, undefined, await token(editor.id))).status).toBe(200);

      const bad = await c.json(
        'GET',
        `${url}?limit=500&include_partners=maybe`,
        undefined,
        await token(member.id),
      );
      expect(bad.status).toBe(400);
      expect((bad.data.error.details as { field: string }[]).map((p) => p.field).sort()).toEqual([
        'include_partners',
        'limit',
      ]);
      expect(
        (
          await c.json(
            'GET',
            '/api/v1/organisations/not-a-uuid/recommendations',
            undefined,
            await token(editor.id),
          )
        ).status,
      ).toBe(404);
    },
  );

  it.skipIf(skip)('show the page to the team, in its language, linked from the team page', async () => {
    const s = srv.services;
    const d = await directory(s);
    const member = await makeUser(s, 'member@example.org');
    await upsertMember(s.db, d.me.id, member.id, 'admin');
    await makeUser(s, 'stranger@example.org');
    const c = await signedIn(srv.url, 'member@example.org');
    const team = await c.get(`/organisations/${d.me.slug}/team`);
    expect(team.html).toContain(`href="/organisations/${d.me.slug}/recommendations"`);
    const page = await c.get(`/organisations/${d.me.slug}/recommendations`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Organisations Brussels Robotics Cluster could work with');
    expect(page.html).toContain(`href="/organisations/${d.twin.slug}"`);
    expect(page.html).toContain('Germany, their country, is one of your target markets.');
    expect(page.html).not.toContain('Declined Cluster');
    const fr = await c.get(`/organisations/${d.me.slug}/recommendations`, { 'accept-language': 'fr' });
    expect(fr.html).toContain('Allemagne, son pays, fait partie de vos marchés cibles.');
    const stranger = await signedIn(srv.url, 'stranger@example.org');
    expect((await stranger.get(`/organisations/${d.me.slug}/recommendations`)).status).toBe(403);
  });

  it.skipIf(skip)(
    'record an agreement signed at a matchmaking meeting as a collaboration, and undo it',
    async () => {
      const s = srv.services;
      const mm = await matchmakingEvent(s);
      const a = await participant(s, mm.event.id, { country: 'BE' });
      const b = await participant(s, mm.event.id, { country: 'DE' });
      const { meeting } = await acceptedMeeting(s, mm.event.id, a, b);
      const collaboration = () =>
        s.db
          .selectFrom('collaborations')
          .select(['id', 'kind'])
          .where('source', '=', 'matchmaking_meeting')
          .where('source_id', '=', meeting.id)
          .executeTakeFirst();
      await s.db
        .insertInto('meeting_feedback')
        .values({ meeting_id: meeting.id, participant_id: a.id, rating: 4, outcome: 'follow_up_planned' })
        .execute();
      expect(await collaboration()).toBeUndefined();
      await s.db
        .updateTable('meeting_feedback')
        .set({ outcome: 'agreement_signed' })
        .where('meeting_id', '=', meeting.id)
        .execute();
      const made = await collaboration();
      expect(made?.kind).toBe('agreement');
      const members = await s.db
        .selectFrom('collaboration_members')
        .select('organisation_id')
        .where('collaboration_id', '=', made!.id)
        .execute();
      expect(members.map((m) => m.organisation_id).sort()).toEqual(
        [a.organisation_id, b.organisation_id].sort(),
      );
      // Now partners: neither is proposed to the other.
      const recs = await recommend(s.db, a.organisation_id!, { limit: 50 });
      expect(recs.map((r) => r.organisation.id)).not.toContain(b.organisation_id);
      await s.db.deleteFrom('meeting_feedback').where('meeting_id', '=', meeting.id).execute();
      expect(await collaboration()).toBeUndefined();
    },
  );
});
