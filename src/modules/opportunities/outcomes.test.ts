import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { makeOrg, opportunityBody, teamMember } from '../../../test/helpers/opportunities.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';

describe.each(ENGINES)('outcomes of opportunities on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)(
    'are recorded by the poster, shown on both profiles and counted in the statistics',
    async () => {
      const s = srv.services;
      const poster = await makeOrg(s, 'stuttgart-laser', 'Stuttgart Laser Cluster', 'DE');
      const partner = await makeOrg(s, 'lyon-materials', 'Lyon Materials Cluster', 'FR');
      const team = await teamMember(s, 'team@example.org', poster.id);
      const other = await teamMember(s, 'other@example.org', partner.id);
      const editor = await teamMember(s, 'editor@example.org', null, 'editor');
      const c = new HttpClient(srv.url);
      const open = await c.json('POST', '/api/v1/opportunities', opportunityBody(poster.id), team.auth);
      const hidden = await c.json(
        'POST',
        '/api/v1/opportunities',
        opportunityBody(poster.id, { title: 'A confidential licence', anonymous: true }),
        team.auth,
      );
      for (const o of [open.data, hidden.data])
        await c.json('POST', `/api/v1/opportunities/${o.id}/publish`, undefined, editor.auth);

      const page = await signedIn(srv.url, 'team@example.org');
      const recorded = await page.post(`/opportunities/${open.data.reference}/outcomes`, {
        kind: 'agreement_licence',
        partner: 'lyon-materials',
        happened_on: '2027-03-15',
      });
      expect(recorded.status).toBe(303);
      const api = await c.json(
        'POST',
        `/api/v1/opportunities/${hidden.data.id}/outcomes`,
        { kind: 'joint_proposal', partner: partner.id, happened_on: '2027-04-01' },
        team.auth,
      );
      expect(api.status, JSON.stringify(api.data)).toBe(201);
      expect(api.data).toMatchObject({ kind: 'joint_proposal', partner: { slug: 'lyon-materials' } });
      const twice = await c.json(
        'POST',
        `/api/v1/opportunities/${hidden.data.id}/outcomes`,
        { kind: 'joint_proposal', partner: partner.id, happened_on: '2027-04-02' },
        team.auth,
      );
      expect(twice.status).toBe(409);
      const self = await c.json(
        'POST',
        `/api/v1/opportunities/${open.data.id}/outcomes`,
        { kind: 'meeting_held', partner: poster.slug, happened_on: '2027-01-01' },
        team.auth,
      );
      expect(self.status).toBe(422);
      expect(self.data.error.details[0].field).toBe('partner');
      const bad = await page.post(`/opportunities/${open.data.reference}/outcomes`, {
        kind: 'merger',
        partner: 'nobody',
      });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('href="#f-kind"');
      const foreign = await c.json(
        'POST',
        `/api/v1/opportunities/${open.data.id}/outcomes`,
        { kind: 'meeting_held', partner: partner.id, happened_on: '2027-01-01' },
        other.auth,
      );
      expect(foreign.status).toBe(403);

      // Both profiles show them; the anonymous opportunity is not named.
      for (const slug of ['stuttgart-laser', 'lyon-materials']) {
        const profile = (await c.get(`/organisations/${slug}`)).html;
        expect(profile).toContain('Licence agreement');
        expect(profile).toContain('Joint proposal submitted');
        expect(profile).toContain('Laser welding for battery housings');
        expect(profile).not.toContain('A confidential licence');
        expect(profile).not.toContain(hidden.data.reference);
      }
      const stats = (await c.get('/statistics')).html;
      expect(stats).toContain('Results of collaboration opportunities (2)');
      expect(stats).toMatch(/Licence agreement<\/t[hd]>\s*<td[^>]*>1</);
      const graph = await s.db
        .selectFrom('collaborations')
        .select(['kind', 'source'])
        .orderBy('kind')
        .execute();
      expect(graph).toEqual([
        { kind: 'agreement', source: 'opportunity_outcome' },
        { kind: 'joint_proposal', source: 'opportunity_outcome' },
      ]);
    },
  );
});
