import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import {
  auditEntries,
  makeUser,
  orgForm,
  orgRowOf,
  signedIn,
  userIdOf,
} from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { createApiToken } from '../accounts/usecases.ts';

const RENAMED = 'Aerospace Valley Test – Best Cluster in Europe';

describe.each(ENGINES)('changes to published profiles on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  const orgRow = (slug: string) => orgRowOf(srv.services, slug);
  const revisions = () =>
    srv.services.db.selectFrom('organisation_revisions').selectAll().orderBy('created_at').execute();
  const auditOf = (action: string) => auditEntries(srv.services, action);

  /** A published profile whose team is manager@ (admin) and member@ (plain member); editor@ reviews. */
  async function published() {
    await makeUser(srv.services, 'manager@example.org');
    await makeUser(srv.services, 'member@example.org');
    await makeUser(srv.services, 'editor@example.org', 'editor');
    const manager = await signedIn(srv.url, 'manager@example.org');
    const created = await manager.post('/organisations', orgForm());
    expect(created.status).toBe(303);
    const slug = 'aerospace-valley-test';
    await manager.post(`/organisations/${slug}/submit`, {});
    const editor = await signedIn(srv.url, 'editor@example.org');
    expect((await editor.post(`/editor/organisations/${slug}/publish`, {})).status).toBe(303);
    const org = await orgRow(slug);
    await srv.services.db
      .insertInto('organisation_members')
      .values({
        organisation_id: org.id,
        user_id: await userIdOf(srv.services, 'member@example.org'),
        role: 'member',
      })
      .execute();
    return { slug, org, manager, editor, member: await signedIn(srv.url, 'member@example.org') };
  }

  /** The case: a plain member renames, removes the website and cuts the members to 2. */
  const hijack = orgForm({
    name: RENAMED,
    website: '',
    members_sme: '1',
    members_large: '1',
    members_research: '0',
    members_public: '0',
    members_other: '0',
  });

  it.skipIf(skip)(
    "a member's change to what identifies a published profile waits for review; the rest goes live with before and after",
    async () => {
      const { slug, org, member, editor } = await published();
      const r = await member.post(`/organisations/${slug}/edit`, hijack);
      expect(r.status).toBe(303);
      expect(r.location).toContain('notice=notice.org_changes_pending');

      // Visitors, the directory search and the public API still see the published identity.
      const visitor = new HttpClient(srv.url);
      const page = await visitor.get(`/organisations/${slug}`);
      expect(page.html).toContain('<h1>Aerospace Valley Test');
      expect(page.html).not.toContain('Best Cluster in Europe');
      expect(page.html).toContain('https://aerospace-valley.example');
      expect(page.html).not.toContain('Changes awaiting review');
      const search = await visitor.get('/organisations');
      expect(search.html).toContain('Aerospace Valley Test');
      expect(search.html).not.toContain('Best Cluster');
      const api = await visitor.json('GET', `/api/v1/organisations/${org.id}`);
      expect(api.data.name).toBe('Aerospace Valley Test');
      expect(api.data.website).toBe('https://aerospace-valley.example');
      expect(api.data).not.toHaveProperty('pending_revision');
      // Fields that do not identify the organisation went live.
      expect(api.data.members_total).toBe(2);

      // The team sees that its changes wait, and keeps editing them.
      const own = await member.get(`/organisations/${slug}`);
      expect(own.html).toContain('Changes awaiting review');
      expect(own.html).toContain('Name, Website');
      const form = await member.get(`/organisations/${slug}/edit`);
      expect(form.html).toContain(`value="${RENAMED}"`);
      expect(form.html).toContain('await an editor’s review');

      const [rev] = await revisions();
      expect(rev).toMatchObject({
        organisation_id: org.id,
        status: 'pending',
        proposed: { name: RENAMED, website: null },
        base: { name: 'Aerospace Valley Test', website: 'https://aerospace-valley.example' },
      });
      const [update] = await auditOf('organisation.update');
      expect(update!.details).toMatchObject({
        before: { members_sme: 120, members_large: 15, members_research: 30, members_public: 5 },
        after: { members_sme: 1, members_large: 1, members_research: 0, members_public: 0 },
        published: true,
      });
      expect(Object.keys((update!.details as { before: object }).before)).not.toContain('name');
      expect(await auditOf('organisation.revision_propose')).toHaveLength(1);

      // The editor finds it in the queue and sees each field published now and proposed.
      const queue = await editor.get('/editor/queue');
      expect(queue.html).toContain(`/editor/organisations/${slug}/revision`);
      expect(queue.html).toContain('/editor/changes');
      const review = await editor.get(`/editor/organisations/${slug}/revision`);
      expect(review.status).toBe(200);
      const row = review.html.match(/<tr><th scope="row">Name<\/th>(.*?)<\/tr>/s)![1]!;
      expect(row).toContain('<del>Aerospace Valley Test</del>');
      expect(row).toContain(`<ins>${RENAMED}</ins>`);
      expect(review.html).toMatch(/<th scope="row">Website<\/th><td><del>https:\/\/aerospace-valley.example/);

      expect((await editor.post(`/editor/organisations/${slug}/revision/publish`, {})).status).toBe(303);
      const after = await visitor.get(`/organisations/${slug}`);
      expect(after.html).toContain(`<h1>${RENAMED}`);
      expect(after.html).not.toContain('https://aerospace-valley.example');
      expect((await orgRow(slug)).updated_at.getTime()).toBeGreaterThan(org.updated_at.getTime());
      expect((await revisions())[0]!.status).toBe('published');
      const [publish] = await auditOf('organisation.revision_publish');
      expect(publish!.details).toMatchObject({
        before: { name: 'Aerospace Valley Test', website: 'https://aerospace-valley.example' },
        after: { name: RENAMED, website: null },
      });
      await srv.inbox.waitFor('manager@example.org', /changes to .* are published/);
      expect((await editor.get('/editor/queue')).html).not.toContain('/revision"');
    },
  );

  it.skipIf(skip)(
    'saving the form unchanged records no change (browser line breaks, lists in another order)',
    async () => {
      const { slug, org, member, editor } = await published();
      const saved = await member.post(
        `/organisations/${slug}/edit`,
        orgForm({
          // Browsers send a textarea's line breaks as CRLF; the form lists choices in its own order.
          description: orgForm().description!.toString().replace(/\n/g, '\r\n'),
          target_markets: ['CA', 'DE'],
          ecosystems: ['digital', 'aerospace-defence'],
        }),
      );
      expect(saved.status).toBe(303);
      expect(await auditOf('organisation.update')).toHaveLength(0);
      expect(await revisions()).toHaveLength(0);
      // (Saving still confirms the profile is current: "last updated" moves, as before.)
      const row = await orgRow(slug);
      expect(row.description).toBe(org.description);
      expect(row.target_markets).toEqual(org.target_markets);
      const changes = await editor.get('/editor/changes');
      expect(changes.html).not.toContain('Aerospace Valley Test</a>');
    },
  );

  it.skipIf(skip)(
    'the editor returns a proposal with a reason; the team is told, nothing changes',
    async () => {
      const { slug, member, editor } = await published();
      await member.post(`/organisations/${slug}/edit`, orgForm({ name: RENAMED }));
      const empty = await editor.post(`/editor/organisations/${slug}/revision/return`, { reason: '' });
      expect(empty.status).toBe(422);
      expect(empty.html).toContain('href="#f-reason"');
      // The error summary names the field it lists.
      expect(empty.html).toMatch(/href="#f-reason"[^>]*>Reason for not publishing \(sent to the team\): /);
      expect((await revisions())[0]!.status).toBe('pending');

      const r = await editor.post(`/editor/organisations/${slug}/revision/return`, {
        reason: 'The name is a slogan, not the name of the organisation.',
      });
      expect(r.status).toBe(303);
      expect((await orgRow(slug)).name).toBe('Aerospace Valley Test');
      expect((await revisions())[0]).toMatchObject({
        status: 'returned',
        reason: 'The name is a slogan, not the name of the organisation.',
      });
      const mail = await srv.inbox.waitFor('member@example.org', /were not published/);
      expect(mail.text).toContain('The name is a slogan');
      const own = await member.get(`/organisations/${slug}`);
      expect(own.html).toContain('An editor did not publish your changes to Name: The name is a slogan');
      // The team edits the published values again, and may propose anew.
      expect((await member.get(`/organisations/${slug}/edit`)).html).toContain(
        'value="Aerospace Valley Test"',
      );
      await member.post(`/organisations/${slug}/edit`, orgForm({ name: 'Aerospace Valley' }));
      expect((await revisions()).map((x) => x.status)).toEqual(['returned', 'pending']);
    },
  );

  it.skipIf(skip)(
    'one pending revision per organisation: later edits update it; putting values back withdraws it',
    async () => {
      const { slug, member, manager } = await published();
      await member.post(`/organisations/${slug}/edit`, orgForm({ name: RENAMED }));
      await manager.post(`/organisations/${slug}/edit`, orgForm({ name: RENAMED, acronym: 'BCE' }));
      const pending = await revisions();
      expect(pending).toHaveLength(1);
      expect(pending[0]!.proposed).toEqual({ name: RENAMED, acronym: 'BCE' });
      expect(pending[0]!.proposed_by).not.toBeNull();
      await member.post(`/organisations/${slug}/edit`, orgForm());
      expect((await revisions()).map((x) => x.status)).toEqual(['withdrawn']);
      expect((await member.get(`/organisations/${slug}`)).html).not.toContain('Changes awaiting review');
    },
  );

  it.skipIf(skip)(
    'a decision on a proposal the team changed since, or already decided, is refused (409)',
    async () => {
      const { slug, member, editor } = await published();
      await member.post(`/organisations/${slug}/edit`, orgForm({ name: RENAMED }));
      const review = await editor.get(`/editor/organisations/${slug}/revision`);
      const field = (name: string) => review.html.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!;
      const seen = { revision: field('revision'), version: field('version') };
      await new Promise((r) => setTimeout(r, 5));
      await member.post(`/organisations/${slug}/edit`, orgForm({ name: 'Something Else Entirely' }));
      const stale = await editor.post(`/editor/organisations/${slug}/revision/publish`, seen);
      expect(stale.status).toBe(409);
      expect((await orgRow(slug)).name).toBe('Aerospace Valley Test');

      const fresh = await editor.get(`/editor/organisations/${slug}/revision`);
      expect(fresh.html).toContain('Something Else Entirely');
      expect((await editor.post(`/editor/organisations/${slug}/revision/publish`, {})).status).toBe(303);
      const again = await editor.post(`/editor/organisations/${slug}/revision/publish`, seen);
      expect(again.status).toBe(409);
      expect((await orgRow(slug)).name).toBe('Something Else Entirely');
    },
  );

  it.skipIf(skip)(
    "editors' own edits go live; recent changes list before → after, and Revert restores a change once",
    async () => {
      const { slug, org, member, editor } = await published();
      await member.post(`/organisations/${slug}/edit`, hijack);
      const members = Object.fromEntries(Object.entries(hijack).filter(([k]) => k.startsWith('members_')));
      await editor.post(
        `/organisations/${slug}/edit`,
        orgForm({ ...members, name: 'Aerospace Valley', city: 'Blagnac' }),
      );
      expect((await orgRow(slug)).name).toBe('Aerospace Valley');
      // A member's page shows visitors; the team cannot open the editors' pages.
      expect((await member.get('/editor/changes')).status).toBe(403);
      expect((await member.get(`/editor/organisations/${slug}/revision`)).status).toBe(403);

      const changes = await editor.get('/editor/changes');
      expect(changes.status).toBe(200);
      expect(changes.html).toContain('member');
      expect(changes.html).toMatch(/SMEs: <del>120<\/del> → <ins>1<\/ins>/);
      expect(changes.html).toMatch(/Name: <del>Aerospace Valley Test<\/del> → <ins>Aerospace Valley<\/ins>/);
      const [memberChange] = await auditOf('organisation.update');
      expect(changes.html).toContain(`action="/editor/changes/${memberChange!.id}/revert"`);

      expect((await member.post(`/editor/changes/${memberChange!.id}/revert`, {})).status).toBe(403);
      // A field of that change was changed again since: the revert is refused, naming it, and
      // writes nothing; reverting the later change first lets it through.
      await editor.post(
        `/organisations/${slug}/edit`,
        orgForm({ ...members, members_sme: '200', name: 'Aerospace Valley', city: 'Blagnac' }),
      );
      const stale = await editor.post(`/editor/changes/${memberChange!.id}/revert`, {});
      expect(stale.status).toBe(409);
      expect(stale.html).toContain('Not reverted: SMEs changed again since this change.');
      expect((await orgRow(slug)).members_sme).toBe(200);
      const later = (await auditOf('organisation.update')).at(-1)!;
      expect(later.details).toMatchObject({ after: { members_sme: 200 } });
      expect((await editor.post(`/editor/changes/${later.id}/revert`, {})).status).toBe(303);
      const reverted = await editor.post(`/editor/changes/${memberChange!.id}/revert`, {});
      expect(reverted.status).toBe(303);
      const row = await orgRow(slug);
      expect([row.members_sme, row.members_large, row.members_research, row.members_public]).toEqual([
        120, 15, 30, 5,
      ]);
      // Only the fields of that change are restored: the editor's rename stays.
      expect(row.name).toBe('Aerospace Valley');
      expect((await editor.post(`/editor/changes/${memberChange!.id}/revert`, {})).status).toBe(409);
      expect((await editor.post('/editor/changes/999999/revert', {})).status).toBe(404);
      const revert = (await auditOf('organisation.revert')).find(
        (r) => (r.details as { reverts?: number }).reverts === memberChange!.id,
      );
      expect(revert!.details).toMatchObject({
        reverts: memberChange!.id,
        before: { members_sme: 1 },
        after: { members_sme: 120 },
      });
      expect((await editor.get('/editor/changes')).html).toContain('Reverted');
      // Without the CSRF token nothing is reverted.
      const [editorChange] = (await auditOf('organisation.update')).slice(-1);
      expect(
        (await editor.post(`/editor/changes/${editorChange!.id}/revert`, {}, { csrf: null })).status,
      ).toBe(403);
      expect((await orgRow(slug)).name).toBe('Aerospace Valley');
      expect(org.id).toBe(row.id);
    },
  );

  it.skipIf(skip)(
    'the API answers 202 with pending_revision for held changes, 200 for the rest; editors decide through it',
    async () => {
      const { org } = await published();
      const memberId = await userIdOf(srv.services, 'member@example.org');
      const editorId = await userIdOf(srv.services, 'editor@example.org');
      const token = (await createApiToken(srv.services, memberId, 'test')).token;
      const editorToken = (await createApiToken(srv.services, editorId, 'test')).token;
      const auth = (t: string) => ({ authorization: `Bearer ${t}` });
      const c = new HttpClient(srv.url);
      const patchAs = (t: string, body: Record<string, unknown>) =>
        c.json('PATCH', `/api/v1/organisations/${org.id}`, body, auth(t));
      const decideAs = (t: string, decision: 'publish' | 'return', body: Record<string, unknown>) =>
        c.json('POST', `/api/v1/organisations/${org.id}/revision/${decision}`, body, auth(t));

      const held = await patchAs(token, { name: RENAMED, city: 'Blagnac' });
      expect(held.status).toBe(202);
      expect(held.data.name).toBe('Aerospace Valley Test');
      expect(held.data.city).toBe('Blagnac');
      expect(held.data.pending_revision).toMatchObject({
        status: 'pending',
        fields: ['name'],
        proposed: { name: RENAMED },
      });
      const live = await patchAs(token, { city: 'Toulouse' });
      expect(live.status).toBe(200);
      expect(live.data.city).toBe('Toulouse');
      expect(live.data.pending_revision.fields).toEqual(['name']);
      const teamView = await c.json('GET', `/api/v1/organisations/${org.id}`, undefined, auth(token));
      expect(teamView.data.pending_revision.proposed.name).toBe(RENAMED);
      expect((await c.json('GET', `/api/v1/organisations/${org.id}`)).data).not.toHaveProperty(
        'pending_revision',
      );

      const badReturn = await decideAs(editorToken, 'return', { reason: '' });
      expect(badReturn.status).toBe(422);
      expect(badReturn.data.error.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
      expect((await decideAs(token, 'publish', {})).status).toBe(403);
      const published_ = await decideAs(editorToken, 'publish', {});
      expect(published_.status).toBe(200);
      expect(published_.data.name).toBe(RENAMED);
      expect(published_.data.revision.status).toBe('published');
      // An editor's own change goes live at once.
      const direct = await patchAs(editorToken, { name: 'Aerospace Valley' });
      expect(direct.status).toBe(200);
      expect(direct.data.name).toBe('Aerospace Valley');

      const doc = await c.json('GET', '/api/openapi.json');
      const patch = doc.data.paths['/api/v1/organisations/{id}'].patch;
      expect(
        patch.responses['202'].content['application/json'].examples.pending.value.pending_revision.status,
      ).toBe('pending');
      expect(doc.data.components.schemas.PendingRevision.required).toContain('proposed');
    },
  );

  it.skipIf(skip)('drafts and profiles under review change at once, as before', async () => {
    await makeUser(srv.services, 'manager@example.org');
    const manager = await signedIn(srv.url, 'manager@example.org');
    await manager.post('/organisations', orgForm());
    const r = await manager.post('/organisations/aerospace-valley-test/edit', orgForm({ name: RENAMED }));
    expect(r.location).toContain('notice=notice.org_saved');
    expect((await orgRow('aerospace-valley-test')).name).toBe(RENAMED);
    expect(await revisions()).toHaveLength(0);
  });
});
