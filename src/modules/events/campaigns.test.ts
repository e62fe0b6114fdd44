import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { expectIn, expectNotIn, tableRows } from '../../../test/helpers/directory-pages.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { auditEntries, makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';

describe.each(ENGINES)('campaigns on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)(
    'an editor creates a campaign, a team submits into it, counts, map figures and anchors follow',
    async () => {
      const s = srv.services;
      const org = await insertOrganisation(s.db, {
        slug: 'lyon-health',
        name: 'Lyon Health Cluster',
        type: 'cluster_organisation',
        country: 'FR',
        status: 'published',
      });
      await makeUser(s, 'editor@example.org', 'editor');
      const member = await makeUser(s, 'member@example.org');
      await upsertMember(s.db, org.id, member.id, 'admin');
      const editor = await signedIn(srv.url, 'editor@example.org');
      const team = await signedIn(srv.url, 'member@example.org');
      const visitor = new HttpClient(srv.url);

      // Campaigns are the editors'.
      expect((await team.get('/campaigns/new')).status).toBe(403);
      const bad = await editor.post('/campaigns', {
        title: 'EU Cluster Weeks',
        starts_on: '2027-05-31',
        ends_on: '2027-03-01',
      });
      expect(bad.status).toBe(422);
      expectIn(bad.html, 'href="#f-ends_on"');
      const created = await editor.post('/campaigns', {
        title: 'EU Cluster Weeks',
        starts_on: '2027-03-01',
        ends_on: '2027-05-31',
        description: 'Clusters open their doors.',
        toolkit: 'Communication kit | https://kit.example/kit.zip',
      });
      expect(created.status).toBe(303);
      const path = created.location!.split('?')[0]!;
      expect(path).toBe('/campaigns/eu-cluster-weeks-2027');
      const campaign = await s.db.selectFrom('campaigns').selectAll().executeTakeFirstOrThrow();

      // Already there: a published event in Belgium, and one in another campaign.
      await makeEvent(s.db, { title: 'Brussels open day', campaign_id: campaign.id, country: 'BE' }, [
        org.id,
      ]);
      const page0 = await visitor.get(path);
      expectIn(page0.html, '1 event in 1 country, 0 anchor events');
      expectIn(page0.html, 'Communication kit');

      const form = await team.get('/events/new?campaign=eu-cluster-weeks-2027');
      expectIn(form.html, `<option value="${campaign.id}" selected`);
      const submitted = await team.post('/events', {
        title: 'Lyon health open day',
        type: 'campaign_event',
        format: 'onsite',
        starts_at: '2027-03-10T10:00',
        ends_at: '2027-03-10T16:00',
        time_zone: 'Europe/Paris',
        city: 'Lyon',
        country: 'FR',
        organisers: [org.id],
        campaign: campaign.id,
      });
      expect(submitted.status, submitted.html.slice(0, 1000)).toBe(303);
      const slug = submitted.location!.split('?')[0]!.replace('/events/', '');
      // Not counted while it waits for review.
      expectIn((await visitor.get(path)).html, '1 event in 1 country, 0 anchor events');
      expect((await editor.post(`/editor/events/${slug}/publish`, {})).status).toBe(303);
      const page1 = await visitor.get(path);
      expectIn(page1.html, '2 events in 2 countries, 0 anchor events');
      const figures = tableRows(page1.html);
      expect(figures.get('France')).toBe(1);
      expect(figures.get('Belgium')).toBe(1);
      expectIn(page1.html, 'Lyon health open day');

      // Anchors: editors only.
      expect((await team.post(`/events/${slug}/anchor`, { anchor: 'true' })).status).toBe(403);
      expect((await editor.post(`/events/${slug}/anchor`, { anchor: 'true' })).status).toBe(303);
      expectIn((await visitor.get(path)).html, '2 events in 2 countries, 1 anchor event');
      expect((await auditEntries(s, 'event.anchor')).length).toBe(1);
      expectIn(
        (await visitor.get(path, { 'accept-language': 'fr' })).html,
        '2 événements dans 2 pays, 1 événement phare',
      );
      expectIn(
        (await visitor.get(path, { 'accept-language': 'de' })).html,
        '2 Veranstaltungen in 2 Ländern, 1 Leitveranstaltung',
      );
      const list = await visitor.get('/campaigns');
      expectIn(list.html, '2 events in 2 countries, 1 anchor event');

      const edited = await editor.post(`${path}/edit`, {
        title: 'EU Cluster Weeks 2027',
        starts_on: '2027-03-01',
        ends_on: '2027-06-30',
        description: '',
        toolkit: '',
      });
      expect(edited.status).toBe(303);
      const after = await visitor.get(path);
      expectIn(after.html, 'EU Cluster Weeks 2027');
      expectNotIn(after.html, 'Communication kit');
    },
  );
});
