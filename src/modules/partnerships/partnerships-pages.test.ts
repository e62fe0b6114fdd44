import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { nf4, partnershipWorld } from '../../../test/helpers/partnerships.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';

/** The form as a person fills it in: lists as text, one item a line. */
const form = (overrides: Record<string, string> = {}) => ({
  name: 'European Cleantech Internationalization Initiative',
  acronym: 'EC2i',
  programme: 'escp_4i',
  status: 'published',
  starts_on: '2017-09-01',
  ends_on: '',
  website: 'https://ec2i.example.org',
  target_markets: 'cn, US',
  smes_reached: '800',
  description: 'Cleantech SMEs going **global**.\n\n<script>alert(1)</script>',
  members: 'vitagora | coordinator | 2017-09-01\nbavarian-food | partner',
  agreements: 'memorandum | MoU of four ESCP-4i | 2019-01-21 | https://ec2i.example.org/mou.pdf',
  events: '',
  news: 'Boosting 3.100 SMEs | https://ec2i.example.org/news | 2019-04-01',
  ...overrides,
});

describe.each(ENGINES)('the partnerships’ pages on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)('a team creates a partnership through the form and edits it; visitors see it', async () => {
    const { orgs } = await partnershipWorld(srv.services);
    const event = await makeEvent(srv.services.db, { title: 'Cleantech mission to China' }, [
      orgs.vitagora.id,
    ]);
    const team = await signedIn(srv.url, 'member@example.org');
    const blank = await team.get('/partnerships/new');
    expect(blank.status).toBe(200);
    expect(blank.html).toContain('Vitagora (vitagora)');

    const created = await team.post('/partnerships/new', form({ events: event.slug }));
    expect(created.status, created.html).toBe(303);
    expect(created.location).toMatch(/^\/partnerships\/ec2i-european-cleantech[a-z-]*\?notice=/);
    const path = created.location!.split('?')[0]!;

    const visitor = new HttpClient(srv.url);
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('European Cleantech Internationalization Initiative');
    expect(page.html).toContain('ESCP-4i');
    expect(page.html).toMatch(
      /<a href="\/organisations\/vitagora">Vitagora<\/a><\/th><td>Coordinator<\/td><td>France<\/td>/,
    );
    expect(page.html).toContain('<td>Partner</td><td>Germany</td>');
    expect(page.html).toContain('China, United States');
    expect(page.html).toContain('800');
    expect(page.html).toContain('MoU of four ESCP-4i');
    expect(page.html).toContain('href="https://ec2i.example.org/mou.pdf"');
    expect(page.html).toContain(`href="/events/${event.slug}"`);
    expect(page.html).toContain('Boosting 3.100 SMEs');
    expect(page.html).toContain('<strong>global</strong>');
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('href="/partnerships?country=DE"');
    expect(page.html).not.toContain(`${path}/edit`);

    // The team's edit: a member leaves, another joins; the page changes for visitors at once.
    const edit = await team.get(`${path}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('bavarian-food | partner');
    const saved = await team.post(
      `${path}/edit`,
      form({ members: 'vitagora | coordinator\nmobility-lab | associated_partner | 2018-02-01' }),
    );
    expect(saved.status, saved.html).toBe(303);
    const after = await visitor.get(path);
    expect(after.html).toContain('Mobility Lab');
    expect(after.html).toContain('Associated partner');
    expect(after.html).not.toContain('Bavarian Food Cluster');
  });

  it.skipIf(skip)('shows friendly errors on the form, keeps what was typed, and writes nothing', async () => {
    await partnershipWorld(srv.services);
    const team = await signedIn(srv.url, 'member@example.org');
    const r = await team.post(
      '/partnerships/new',
      form({
        name: '',
        programme: 'horizon',
        starts_on: '2019-02-30',
        target_markets: 'CN, ZZ',
        members: 'vitagora | coordinator\nno-such-cluster | partner\nfood-valley | boss',
        news: 'Only a title',
      }),
    );
    expect(r.status).toBe(422);
    expect(r.html).toContain('class="error-summary"');
    expect(r.html).toContain('href="#f-name"');
    expect(r.html).toContain('href="#f-programme"');
    expect(r.html).toContain('href="#f-starts_on"');
    expect(r.html).toContain('href="#f-target_markets"');
    expect(r.html).toContain('href="#f-members"');
    expect(r.html).toContain('Members: Line 3:');
    expect(r.html).toContain('href="#f-news"');
    expect(r.html).toContain('aria-invalid="true"');
    // What was typed comes back.
    expect(r.html).toContain('no-such-cluster | partner');
    const unknownOrg = await team.post(
      '/partnerships/new',
      form({ members: 'vitagora | coordinator\nno-such-cluster | partner' }),
    );
    expect(unknownOrg.status).toBe(422);
    expect(unknownOrg.html).toContain('Line 2: No published organisation is called “no-such-cluster”.');
    const noCoordinator = await team.post('/partnerships/new', form({ members: 'food-valley | partner' }));
    expect(noCoordinator.status).toBe(422);
    expect(noCoordinator.html).toContain('Name exactly one member as coordinator.');
    // Without the CSRF token: refused.
    expect((await team.post('/partnerships/new', form(), { csrf: null })).status).toBe(403);
    expect(await srv.services.db.selectFrom('partnerships').select('id').execute()).toEqual([]);
  });

  it.skipIf(skip)('keeps the forms from those who may not use them', async () => {
    const { auth } = await partnershipWorld(srv.services);
    const api = new HttpClient(srv.url);
    const made = await api.json('POST', '/api/v1/partnerships', nf4(), auth.member);
    const slug = made.data.slug as string;
    const visitor = new HttpClient(srv.url);
    const toSignIn = await visitor.get('/partnerships/new');
    expect(toSignIn.status).toBe(303);
    expect(toSignIn.location).toContain('/sign-in');
    const stranger = await signedIn(srv.url, 'stranger@example.org');
    expect((await stranger.get('/partnerships/new')).status).toBe(403);
    expect((await stranger.get(`/partnerships/${slug}/edit`)).status).toBe(403);
    expect((await stranger.post(`/partnerships/${slug}/edit`, form())).status).toBe(403);
    const editor = await signedIn(srv.url, 'editor@example.org');
    const page = await editor.get(`/partnerships/${slug}`);
    expect(page.html).toContain(`/partnerships/${slug}/edit`);
    expect((await editor.get(`/partnerships/${slug}/edit`)).status).toBe(200);
  });

  it.skipIf(skip)(
    'lists published partnerships with filters, and shows them on each member’s profile',
    async () => {
      const { auth } = await partnershipWorld(srv.services);
      const api = new HttpClient(srv.url);
      await api.json('POST', '/api/v1/partnerships', nf4(), auth.member);
      const mobiGoIn = await api.json(
        'POST',
        '/api/v1/partnerships',
        nf4({
          name: 'Mobility Goes International in Action',
          acronym: 'MobiGoIn',
          programme: 'innosup',
          target_markets: ['US'],
          members: [
            { organisation: 'vitagora', role: 'coordinator' },
            { organisation: 'mobility-lab', role: 'partner' },
          ],
        }),
        auth.member,
      );
      await api.json(
        'POST',
        '/api/v1/partnerships',
        nf4({ name: 'Secret draft partnership', status: 'draft' }),
        auth.member,
      );

      const visitor = new HttpClient(srv.url);
      const all = await visitor.get('/partnerships');
      expect(all.status).toBe(200);
      expect(all.html).toContain('New Frontiers in Food - Fast Forward');
      expect(all.html).toContain('Mobility Goes International in Action');
      expect(all.html).not.toContain('Secret draft partnership');
      expect(all.html).toContain('2 members');
      const innosup = await visitor.get('/partnerships?programme=innosup');
      expect(innosup.html).toContain('Mobility Goes International in Action');
      expect(innosup.html).not.toContain('New Frontiers in Food');
      const dutch = await visitor.get('/partnerships?country=NL');
      expect(dutch.html).toContain('New Frontiers in Food');
      expect(dutch.html).not.toContain('Mobility Goes International');
      const canada = await visitor.get('/partnerships?target_market=CA');
      expect(canada.html).toContain('New Frontiers in Food');
      expect(canada.html).not.toContain('Mobility Goes International');
      const mobility = await visitor.get('/partnerships?ecosystem=mobility-transport-automotive');
      expect(mobility.html).toContain('Mobility Goes International');
      expect(mobility.html).not.toContain('New Frontiers in Food');
      const words = await visitor.get('/partnerships?q=frontiers');
      expect(words.html).toContain('Fast Forward');
      expect(words.html).not.toContain('Mobility Goes International');
      // The search speaks of partnerships, not of the directory's organisations.
      expect(words.html).toContain('<title>Partnerships matching “frontiers”');
      expect(words.html).toContain('1 partnership found');
      expect(words.html).not.toContain('organisation found');
      expect((await visitor.get('/partnerships?q=zzzzqqq')).html).toContain(
        'No partnership matches this search',
      );
      expect((await visitor.get('/partnerships?programme=horizon')).status).toBe(400);

      // The profiles: Vitagora coordinates both, Food Valley is a partner of one; no draft shown.
      const vitagora = await visitor.get('/organisations/vitagora');
      expect(vitagora.html).toContain('id="partnerships"');
      expect(vitagora.html).toContain('Mobility Goes International in Action');
      expect(vitagora.html).toMatch(
        /New Frontiers in Food - Fast Forward<\/a> \(NF4\) · ESCP-4i · Coordinator/,
      );
      expect(vitagora.html).not.toContain('Secret draft partnership');
      // Its own team finds its draft there again (not cached: it is signed in).
      const team = await signedIn(srv.url, 'member@example.org');
      expect((await team.get('/organisations/vitagora')).html).toMatch(
        /Secret draft partnership<\/a>.* · Draft/,
      );
      expect((await team.get('/organisations/food-valley')).html).not.toContain('Secret draft partnership');
      const foodValley = await visitor.get('/organisations/food-valley');
      expect(foodValley.html).toMatch(/NF4\) · ESCP-4i · Partner/);
      expect(foodValley.html).not.toContain('Mobility Goes International');
      // The visitor's profile page is cached; a member added through the API shows at once.
      const added = await api.json(
        'PATCH',
        `/api/v1/partnerships/${mobiGoIn.data.id}`,
        {
          members: [
            { organisation: 'vitagora', role: 'coordinator' },
            { organisation: 'mobility-lab', role: 'partner' },
            { organisation: 'food-valley', role: 'associated_partner' },
          ],
        },
        auth.member,
      );
      expect(added.status).toBe(200);
      expect((await visitor.get('/organisations/food-valley')).html).toMatch(
        /Mobility Goes International in Action<\/a> \(MobiGoIn\) · INNOSUP · Associated partner/,
      );
      const bavaria = await visitor.get('/organisations/bavarian-food');
      expect(bavaria.html).not.toContain('id="partnerships"');
      const french = await visitor.get('/organisations/food-valley', { 'accept-language': 'fr' });
      expect(french.html).toContain('Partenariats');
      expect(french.html).toContain('Partenaire');
    },
  );
});
