import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { makeOrg, opportunityBody, teamMember } from '../../../test/helpers/opportunities.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { noteExpiredOpportunities } from './reminders.ts';

describe.each(ENGINES)('the opportunities listing on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  /** Three published opportunities of two organisations; the Austrian one is anonymous. */
  async function setUp() {
    const s = srv.services;
    const de = await makeOrg(s, 'stuttgart-laser', 'Stuttgart Laser Cluster', 'DE');
    const at = await makeOrg(s, 'zyxwvut-photonics', 'Zyxwvut Photonics Verein', 'AT');
    const deTeam = await teamMember(s, 'de@example.org', de.id);
    const atTeam = await teamMember(s, 'at@example.org', at.id);
    const editor = await teamMember(s, 'editor@example.org', null, 'editor');
    const c = new HttpClient(srv.url);
    const post = async (auth: Record<string, string>, body: Record<string, unknown>) => {
      const r = await c.json('POST', '/api/v1/opportunities', body, auth);
      expect(r.status, JSON.stringify(r.data)).toBe(201);
      await c.json('POST', `/api/v1/opportunities/${r.data.id}/publish`, undefined, editor.auth);
      return r.data as { id: string; reference: string };
    };
    const offer = await post(deTeam.auth, opportunityBody(de.id));
    const request = await post(
      deTeam.auth,
      opportunityBody(de.id, {
        kind: 'technology_request',
        title: 'Seeking photonic sensors for weld inspection',
        target_countries: ['AT'],
        kets: ['micro-nano-electronics-photonics'],
      }),
    );
    const hidden = await post(
      atTeam.auth,
      opportunityBody(at.id, {
        kind: 'rd_partner',
        title: 'Partners for a quantum imaging proposal',
        anonymous: true,
        nace: ['M'],
        target_countries: ['DE'],
      }),
    );
    return { s, c, offer, request, hidden };
  }

  it.skipIf(skip)('filters by kind, country, target country and words, with facet counts', async () => {
    const { c, offer, hidden } = await setUp();
    const all = await c.json('GET', '/api/v1/opportunities');
    expect(all.status).toBe(200);
    expect(all.data.total).toBe(3);
    expect(all.data.facets.kind).toEqual([
      { value: 'technology_offer', count: 1 },
      { value: 'technology_request', count: 1 },
      { value: 'rd_partner', count: 1 },
    ]);
    const requests = await c.json('GET', '/api/v1/opportunities?kind=technology_request');
    expect(requests.data.items.map((i: { title: string }) => i.title)).toEqual([
      'Seeking photonic sensors for weld inspection',
    ]);
    const fromAustria = await c.json('GET', '/api/v1/opportunities?country=AT');
    expect(fromAustria.data.items.map((i: { reference: string }) => i.reference)).toEqual([hidden.reference]);
    const toItaly = await c.json('GET', '/api/v1/opportunities?target_country=IT');
    expect(toItaly.data.items.map((i: { reference: string }) => i.reference)).toEqual([offer.reference]);
    const research = await c.json('GET', '/api/v1/opportunities?nace=M');
    expect(research.data.total).toBe(1);
    const words = await c.json('GET', '/api/v1/opportunities?q=laser%20welding');
    expect(words.data.items[0].reference).toBe(offer.reference);
    expect((await c.json('GET', '/api/v1/opportunities?kind=barter')).status).toBe(400);

    const page = await c.get('/opportunities?kind=technology_offer');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Laser welding for battery housings');
    expect(page.html).not.toContain('Seeking photonic sensors');
  });

  it.skipIf(skip)('drops expired ones from the listing while their page says "expired"', async () => {
    const { s, c, offer } = await setUp();
    await s.db
      .updateTable('opportunities')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', offer.id)
      .execute();
    expect(await noteExpiredOpportunities(s)).toBe(1);
    const all = await c.json('GET', '/api/v1/opportunities');
    expect(all.data.total).toBe(2);
    expect(all.data.items.map((i: { reference: string }) => i.reference)).not.toContain(offer.reference);
    expect((await c.get(`/opportunities/${offer.reference}`)).html).toContain('This opportunity expired on');
    // Renewed, it is listed again.
    const team = await signedIn(srv.url, 'de@example.org');
    expect((await team.post(`/opportunities/${offer.reference}/renew`, { months: '3' })).status).toBe(303);
    expect((await c.json('GET', '/api/v1/opportunities')).data.total).toBe(3);
  });

  // The whole walk of anonymity (interests, mails, feeds) is step 4's test; here what the listing shows.
  it.skipIf(skip)('never shows an anonymous poster in the listing, its search or its API', async () => {
    const { c, hidden } = await setUp();
    const outputs = [
      (await c.get('/opportunities')).html,
      (await c.get('/opportunities?q=quantum')).html,
      (await c.get(`/opportunities/${hidden.reference}`)).html,
      JSON.stringify((await c.json('GET', '/api/v1/opportunities?country=AT')).data),
      JSON.stringify((await c.json('GET', `/api/v1/opportunities/${hidden.reference}`)).data),
      JSON.stringify((await c.json('GET', `/api/v1/opportunities/${hidden.id}`)).data),
    ];
    for (const out of outputs) {
      expect(out).not.toMatch(/zyxwvut/i);
    }
    expect(outputs[1]).toContain('imaging proposal');
    expect((await c.json('GET', '/api/v1/opportunities?q=Zyxwvut')).data.total).toBe(0);
    const own = await signedIn(srv.url, 'at@example.org');
    expect((await own.get(`/opportunities/${hidden.reference}`)).html).toContain('Zyxwvut Photonics Verein');
  });
});
