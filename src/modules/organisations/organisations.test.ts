import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { auditEntries, makeUser, orgForm, orgRowOf, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';

describe.each(ENGINES)('organisation profiles on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  const orgRow = (slug: string) => orgRowOf(srv.services, slug);

  async function createDraft(client: HttpClient, overrides: Record<string, string | string[]> = {}) {
    const r = await client.post('/organisations', orgForm(overrides));
    expect(r.status, r.html.slice(0, 2000)).toBe(303);
    return r.location!.split('?')[0]!.replace('/organisations/', '');
  }

  it.skipIf(skip)(
    'goes from draft to review to published, visible to visitors only then, with an audit trail',
    async () => {
      await makeUser(srv.services, 'manager@example.org');
      await makeUser(srv.services, 'editor@example.org', 'editor');
      const manager = await signedIn(srv.url, 'manager@example.org');
      const slug = await createDraft(manager);
      expect(slug).toBe('aerospace-valley-test');

      const visitor = new HttpClient(srv.url);
      expect((await visitor.get(`/organisations/${slug}`)).status).toBe(404);
      expect((await visitor.get('/organisations')).html).not.toContain('Aerospace Valley Test');

      expect((await manager.post(`/organisations/${slug}/submit`, {})).status).toBe(303);
      expect((await orgRow(slug)).status).toBe('needs_review');

      const editor = await signedIn(srv.url, 'editor@example.org');
      const queue = await editor.get('/editor/queue');
      expect(queue.html).toContain('Aerospace Valley Test');
      const review = await editor.get(`/editor/organisations/${slug}`);
      expect(review.html).toContain('Meets the criteria');
      // The status is shown once, with the decision; the profile below has no second, empty panel.
      expect(review.html.match(/Awaiting review/g)).toHaveLength(1);
      expect(review.html).not.toContain('class="manage"');
      expect((await editor.post(`/editor/organisations/${slug}/publish`, {})).status).toBe(303);

      const page = await visitor.get(`/organisations/${slug}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Aerospace Valley Test');
      expect(page.html).toContain('<strong>aerospace</strong>');
      const jsonLd = JSON.parse(
        page.html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!,
      );
      expect(jsonLd['@type']).toBe('Organization');
      expect(jsonLd.name).toBe('Aerospace Valley Test');
      expect(jsonLd.address.addressCountry).toBe('FR');
      expect((await visitor.get('/organisations')).html).toContain('Aerospace Valley Test');

      const mail = await srv.inbox.waitFor('manager@example.org', /is published/);
      expect(mail.text).toContain(`/organisations/${slug}`);
      const audit = await srv.services.db.selectFrom('audit_log').select(['action']).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual([
        'organisation.create',
        'organisation.submit',
        'organisation.publish',
      ]);
    },
  );

  it.skipIf(skip)('returns a profile with a reason that the team sees and is mailed', async () => {
    await makeUser(srv.services, 'manager@example.org');
    await makeUser(srv.services, 'editor@example.org', 'editor');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const slug = await createDraft(manager);
    await manager.post(`/organisations/${slug}/submit`, {});
    const editor = await signedIn(srv.url, 'editor@example.org');
    const empty = await editor.post(`/editor/organisations/${slug}/return`, { reason: '' });
    expect(empty.status).toBe(422);
    expect((await orgRow(slug)).status).toBe('needs_review');
    await editor.post(`/editor/organisations/${slug}/return`, { reason: 'Please add your member counts.' });
    expect((await orgRow(slug)).status).toBe('returned');
    expect((await manager.get('/my/organisations')).html).toContain('Please add your member counts.');
    const mail = await srv.inbox.waitFor('manager@example.org', /changes requested/);
    expect(mail.text).toContain('Please add your member counts.');
    // A returned profile can be submitted again.
    expect((await manager.post(`/organisations/${slug}/submit`, {})).status).toBe(303);
    const audit = await auditEntries(srv.services, 'organisation.return');
    expect(audit[0]?.details).toEqual({ reason: 'Please add your member counts.' });
  });

  it.skipIf(skip)('names each bad field and stores nothing', async () => {
    await makeUser(srv.services, 'manager@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const r = await manager.post(
      '/organisations',
      orgForm({
        name: '<script>alert(1)</script>',
        ecosystems: ['space-tourism'],
        members_sme: '-5',
        members_large: '99999999',
        region: 'DE21',
        website: 'javascript:alert(1)',
        contact_email: 'not mail',
        label_valid_until: '2020-01-01',
      }),
    );
    expect(r.status).toBe(422);
    for (const field of [
      'name',
      'ecosystems',
      'members_sme',
      'members_large',
      'region',
      'website',
      'contact_email',
      'label_valid_until',
    ]) {
      expect(r.html, field).toContain(`href="#f-${field}"`);
    }
    expect(r.html).toContain('space-tourism');
    expect(r.html).not.toContain('<script>alert(1)</script>');
    expect(await srv.services.db.selectFrom('organisations').selectAll().execute()).toHaveLength(0);
  });

  it.skipIf(skip)('sanitises markdown so no script or event handler reaches the page', async () => {
    await makeUser(srv.services, 'manager@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const slug = await createDraft(manager, {
      description:
        'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3)) <a href="https://ok.example" onclick="evil()">ok</a>',
    });
    const page = await manager.get(`/organisations/${slug}`);
    const description = page.html.match(/<section class="description"[^>]*>(.*?)<\/section>/s)![1]!;
    expect(description).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(description).toContain('href="https://ok.example"');
  });

  it.skipIf(skip)('forbids editing an organisation one does not manage', async () => {
    await makeUser(srv.services, 'manager@example.org');
    await makeUser(srv.services, 'intruder@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const slug = await createDraft(manager);
    await manager.post(`/organisations/${slug}/submit`, {});
    await srv.services.db.updateTable('organisations').set({ status: 'published' }).execute();
    const intruder = await signedIn(srv.url, 'intruder@example.org');
    expect((await intruder.get(`/organisations/${slug}/edit`)).status).toBe(403);
    const r = await intruder.post(`/organisations/${slug}/edit`, orgForm({ name: 'Hijacked' }));
    expect(r.status).toBe(403);
    expect((await orgRow(slug)).name).toBe('Aerospace Valley Test');
    expect((await intruder.post(`/editor/organisations/${slug}/publish`, {})).status).toBe(403);
  });

  it.skipIf(skip)('edits a profile, bumping "last updated"', async () => {
    await makeUser(srv.services, 'manager@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const slug = await createDraft(manager);
    const before = (await orgRow(slug)).updated_at;
    const form = await manager.get(`/organisations/${slug}/edit`);
    expect(form.html).toContain('value="Aerospace Valley Test"');
    const r = await manager.post(
      `/organisations/${slug}/edit`,
      orgForm({ city: 'Bordeaux', region: 'FRI1', ecosystems: [] }),
    );
    expect(r.status).toBe(303);
    const after = await orgRow(slug);
    expect(after.city).toBe('Bordeaux');
    expect(after.ecosystems).toEqual([]);
    expect(after.updated_at.getTime()).toBeGreaterThan(before.getTime());
  });

  it.skipIf(skip)('warns the editor about eligibility and duplicates, and records a waiver', async () => {
    await makeUser(srv.services, 'manager@example.org');
    await makeUser(srv.services, 'editor@example.org', 'editor');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const first = await createDraft(manager);
    await manager.post(`/organisations/${first}/submit`, {});
    const editor = await signedIn(srv.url, 'editor@example.org');
    await editor.post(`/editor/organisations/${first}/publish`, {});
    const tiny = await createDraft(manager, {
      name: 'Aerospace Valley Tests',
      website: 'https://www.aerospace-valley.example/about',
      members_sme: '3',
      members_large: '0',
      members_research: '0',
      members_public: '0',
      management_fte: '0.2',
    });
    await manager.post(`/organisations/${tiny}/submit`, {});
    const review = await editor.get(`/editor/organisations/${tiny}`);
    expect(review.html).toContain('Fewer than 15 members');
    expect(review.html).toContain('below 0.5 full-time');
    expect(review.html).toContain('Members of fewer than two kinds');
    expect(review.html).toContain('Possible duplicates');
    expect(review.html).toContain(`/organisations/${first}`);
    await editor.post(`/editor/organisations/${tiny}/waiver`, { waiver: 'Interreg Europe' });
    const waived = await editor.get(`/editor/organisations/${tiny}`);
    expect(waived.html).toContain('recognised by Interreg Europe');
    const audit = await auditEntries(srv.services, 'organisation.waive');
    expect(audit).toHaveLength(1);
  });

  it.skipIf(skip)(
    'accepts an image logo, resizes it, and refuses other files and oversize ones',
    async () => {
      await makeUser(srv.services, 'manager@example.org');
      const manager = await signedIn(srv.url, 'manager@example.org');
      const slug = await createDraft(manager);
      const upload = async (bytes: Buffer, name: string, type: string) => {
        const form = new FormData();
        form.append('_csrf', await manager.csrf());
        form.append('logo', new Blob([new Uint8Array(bytes)], { type }), name);
        return manager.request(`/organisations/${slug}/logo`, { method: 'POST', body: form });
      };
      const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#0b4f8a' } })
        .png()
        .toBuffer();
      expect((await upload(png, 'logo.png', 'image/png')).status).toBe(303);
      const logo = await manager.request(`/organisations/${slug}/logo`);
      expect(logo.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await logo.arrayBuffer())).metadata();
      expect([meta.width, meta.height]).toEqual([400, 200]);

      const fake = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'logo.png', 'image/png');
      expect(fake.status).toBe(422);
      // The profile comes back with the message beside the logo field (see logo-upload.test.ts).
      const big = await upload(Buffer.alloc(3 * 1024 * 1024, 1), 'big.png', 'image/png');
      expect(big.status).toBe(422);
      const stored = await srv.services.db
        .selectFrom('organisation_logos')
        .select(['width', 'height'])
        .execute();
      expect(stored).toEqual([{ width: 400, height: 200 }]);
    },
  );

  it.skipIf(skip)('invites a team member by e-mail, who joins with the link', async () => {
    await makeUser(srv.services, 'manager@example.org');
    await makeUser(srv.services, 'colleague@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const slug = await createDraft(manager);
    const bad = await manager.post(`/organisations/${slug}/team/invite`, { email: 'nope', role: 'member' });
    expect(bad.status).toBe(422);
    expect(
      (
        await manager.post(`/organisations/${slug}/team/invite`, {
          email: 'colleague@example.org',
          role: 'member',
        })
      ).status,
    ).toBe(303);
    const mail = await srv.inbox.waitFor('colleague@example.org', /Join the team/);
    const link = new URL(linkIn(mail.text, '/invitations/accept?token='));
    const colleague = await signedIn(srv.url, 'colleague@example.org');
    expect((await colleague.get(`/organisations/${slug}/edit`)).status).toBe(404);
    // Opening the link shows the invitation; accepting it is a separate, deliberate post.
    expect((await colleague.get(link.pathname + link.search)).status).toBe(200);
    expect((await colleague.get(`/organisations/${slug}/edit`)).status).toBe(404);
    const token = link.searchParams.get('token')!;
    expect((await colleague.post('/invitations/accept', { token })).status).toBe(303);
    expect((await colleague.get(`/organisations/${slug}/edit`)).status).toBe(200);
    // A plain member cannot manage the team; the link cannot be used twice.
    expect((await colleague.get(`/organisations/${slug}/team`)).status).toBe(403);
    expect((await colleague.get(link.pathname + link.search)).status).toBe(410);
    const team = await manager.get(`/organisations/${slug}/team`);
    expect(team.html).toContain('colleague@example.org');
  });

  it.skipIf(skip)('marks profiles not updated for 24 months as outdated', async () => {
    await makeUser(srv.services, 'manager@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const slug = await createDraft(manager);
    await srv.services.db
      .updateTable('organisations')
      .set({ status: 'published', updated_at: new Date(Date.now() - 25 * 30.5 * 86_400_000) })
      .execute();
    const page = await new HttpClient(srv.url).get(`/organisations/${slug}`);
    expect(page.html).toContain('class="badge outdated"');
  });

  it.skipIf(skip)('requires a verified e-mail address to create an organisation', async () => {
    await makeUser(srv.services, 'new@example.org', 'user', { verified: false });
    const c = await signedIn(srv.url, 'new@example.org');
    const r = await c.post('/organisations', orgForm());
    expect(r.status).toBe(403);
    expect(await srv.services.db.selectFrom('organisations').selectAll().execute()).toHaveLength(0);
  });
});
