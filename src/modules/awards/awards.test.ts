import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { auditEntries, makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/index.ts';
import { localInput } from '../../platform/time/zoned.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';
import { awardsEventSection } from './event-section.tsx';
import { awardsSchemas } from './openapi.ts';
import { insertCategory } from './repository.ts';
import * as awards from './usecases.ts';

const SCRIPT = '<script>alert("x")</script>';
const ESCAPED = '&lt;script>alert(&quot;x&quot;)&lt;/script>';

describe.each(ENGINES)('awards on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function orgWithTeam(slug: string, name: string, email: string) {
    const s = srv.services;
    const user = await makeUser(s, email);
    const org = await insertOrganisation(s.db, {
      slug,
      name,
      type: 'cluster_organisation',
      country: 'FR',
      status: 'published',
    });
    await upsertMember(s.db, org.id, user.id, 'admin');
    return { org, user, client: await signedIn(srv.url, email) };
  }

  /** An event in Bucharest organised by a cluster whose team has `organiser@example.org`. */
  async function setting() {
    const organiser = await orgWithTeam('organiser', 'Organiser Cluster', 'organiser@example.org');
    const event = await makeEvent(
      srv.services.db,
      { title: 'Cluster Conference', time_zone: 'Europe/Bucharest' },
      [organiser.org.id],
    );
    await makeUser(srv.services, 'editor@example.org', 'editor');
    return { event, organiser: organiser.client, editor: await signedIn(srv.url, 'editor@example.org') };
  }

  const inDays = (days: number) => localInput(new Date(Date.now() + days * 86_400_000), 'Europe/Bucharest');
  const idOf = async (table: 'award_categories', title: string) =>
    (
      await srv.services.db
        .selectFrom(table)
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;
  const applicationOf = async (organisation: string) =>
    (
      await srv.services.db
        .selectFrom('award_applications')
        .select('id')
        .where('organisation_id', '=', organisation)
        .executeTakeFirstOrThrow()
    ).id;

  it.skipIf(skip)(
    'organisers add categories; a team applies once before the deadline and is refused after it',
    async () => {
      const { event, organiser } = await setting();
      const base = `/events/${event.slug}/awards`;
      const bad = await organiser.post(`${base}/categories`, { title: '', deadline: '30/04/2027' });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('href="#f-title"');
      expect(bad.html).toContain('href="#f-deadline"');
      expect(bad.html.match(/error-summary-title/g)?.length).toBe(2); // one summary (its id, its reference)
      expect(bad.html).toContain('Deadline: Enter a date and time');
      const deadline = inDays(10);
      expect(
        (
          await organiser.post(`${base}/categories`, {
            title: `Cluster manager ${SCRIPT}`,
            description: `For managers ${SCRIPT}`,
            deadline,
          })
        ).status,
      ).toBe(303);
      const categoryId = await idOf('award_categories', `Cluster manager ${SCRIPT}`);
      const stored = await srv.services.db
        .selectFrom('award_categories')
        .select('deadline')
        .where('id', '=', categoryId)
        .executeTakeFirstOrThrow();
      // The deadline typed is a time in the event's zone (Bucharest), stored as that instant.
      expect(localInput(stored.deadline, 'Europe/Bucharest')).toBe(deadline);

      const applicant = await orgWithTeam('applicant', 'Applicant Cluster', 'team@example.org');
      const page = (await applicant.client.get(base)).html;
      expect(page).not.toContain(SCRIPT);
      expect(page).toContain(`Cluster manager ${ESCAPED}`);
      expect(page).toContain(`${base}/categories/${categoryId}/apply`);
      const form = `${base}/categories/${categoryId}/apply`;
      expect((await applicant.client.get(form)).status).toBe(200);
      const invalid = await applicant.client.post(form, {
        organisation_id: applicant.org.id,
        text: '',
        attachment_url: 'javascript:alert(1)',
      });
      expect(invalid.status).toBe(422);
      expect(invalid.html).toContain('href="#f-text"');
      expect(invalid.html).toContain('href="#f-attachment_url"');
      const fields = {
        organisation_id: applicant.org.id,
        text: `We grew ${SCRIPT} fast.`,
        attachment_url: 'https://example.org/dossier.pdf',
      };
      expect((await applicant.client.post(form, fields)).status).toBe(303);
      expect((await applicant.client.get(base)).html).toContain('Applicant Cluster applied on');
      const again = await applicant.client.post(form, fields);
      expect(again.status).toBe(422);
      expect(again.html).toContain('Applicant Cluster has already applied in this category.');

      // Someone outside any team may not apply; nor for an organisation whose team they are not on.
      await makeUser(srv.services, 'loner@example.org');
      expect((await (await signedIn(srv.url, 'loner@example.org')).get(form)).status).toBe(403);
      const other = await orgWithTeam('other', 'Other Cluster', 'other@example.org');
      const foreign = await other.client.post(form, { ...fields, organisation_id: applicant.org.id });
      expect(foreign.status).toBe(403);

      // After the deadline: a clear refusal, nothing saved.
      const past = await insertCategory(srv.services.db, {
        event_id: event.id,
        title: 'Closed category',
        deadline: new Date(Date.now() - 60_000),
      });
      const late = await other.client.post(`${base}/categories/${past.id}/apply`, {
        ...fields,
        organisation_id: other.org.id,
      });
      expect(late.status).toBe(422);
      expect(late.html).toContain('Applications in this category closed on');
      expect(late.html).toContain('(Europe/Bucharest)');
      expect(late.html).not.toContain('Submit the application');
      const count = await srv.services.db
        .selectFrom('award_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
      expect((await auditEntries(srv.services, 'award.apply')).length).toBe(1);
    },
  );

  it.skipIf(skip)(
    'jurors score 1 to 10, see the ranking, and winners show only once an editor publishes them',
    async () => {
      const { event, organiser, editor } = await setting();
      const base = `/events/${event.slug}/awards`;
      await organiser.post(`${base}/categories`, { title: 'Partnership', deadline: inDays(5) });
      const categoryId = await idOf('award_categories', 'Partnership');
      const teams: Record<string, Awaited<ReturnType<typeof orgWithTeam>>> = {};
      for (const [slug, name] of [
        ['alpha', 'Alpha Cluster'],
        ['beta', 'Beta Cluster'],
        ['gamma', 'Gamma Cluster'],
      ] as const) {
        teams[slug] = await orgWithTeam(slug, name, `${slug}@example.org`);
        await teams[slug].client.post(`${base}/categories/${categoryId}/apply`, {
          organisation_id: teams[slug].org.id,
          text: `${name} ${SCRIPT} applies.`,
        });
      }

      // Only editors assign the jury, by the address of an account.
      await makeUser(srv.services, 'judy@example.org');
      await makeUser(srv.services, 'jack@example.org');
      expect((await organiser.post(`${base}/jurors`, { email: 'judy@example.org' })).status).toBe(403);
      const unknown = await editor.post(`${base}/jurors`, { email: 'nobody@example.org' });
      expect(unknown.status).toBe(422);
      expect(unknown.html).toContain('href="#f-email"');
      for (const email of ['judy@example.org', 'jack@example.org', 'gamma@example.org'])
        expect((await editor.post(`${base}/jurors`, { email })).status).toBe(303);
      const judy = await signedIn(srv.url, 'judy@example.org');
      const jack = await signedIn(srv.url, 'jack@example.org');

      const scoreUrl = async (slug: string) =>
        `${base}/jury/applications/${await applicationOf(teams[slug]!.org.id)}`;
      const alpha = await scoreUrl('alpha');
      const scorePage = await judy.get(alpha);
      expect(scorePage.status).toBe(200);
      expect(scorePage.html).toContain(`Alpha Cluster ${ESCAPED} applies.`);
      expect(scorePage.html).not.toContain(SCRIPT);
      for (const bad of ['0', '11', '', 'seven']) {
        const r = await judy.post(alpha, { score: bad, comment: 'x' });
        expect(r.status, bad).toBe(422);
        expect(r.html).toContain('href="#f-score"');
      }
      const give = async (who: HttpClient, slug: string, score: number) =>
        expect(
          (await who.post(await scoreUrl(slug), { score: String(score), comment: `${SCRIPT} ok` })).status,
        ).toBe(303);
      await give(judy, 'alpha', 6);
      await give(jack, 'alpha', 8); // 7.00
      await give(judy, 'beta', 9);
      await give(jack, 'beta', 9); // 9.00
      await give(judy, 'gamma', 7); // 7.00 from one score: after alpha
      await give(judy, 'alpha', 5); // changed: alpha 6.50

      // The juror from Gamma's team may not score Gamma; others, not jurors, may not score at all.
      const gammaJuror = teams.gamma!.client;
      expect((await gammaJuror.post(await scoreUrl('gamma'), { score: '10' })).status).toBe(403);
      expect((await teams.alpha!.client.post(await scoreUrl('beta'), { score: '10' })).status).toBe(403);
      expect((await organiser.get(`${base}/jury`)).status).toBe(403);

      const jury = (await judy.get(`${base}/jury`)).html;
      const order = [
        ...jury.matchAll(
          /<tr><td>(\d+)<\/td><td>([^<(]+?)<\/td><td>([^<]+)<\/td><td>(\d+)<\/td><td>([^<]+)<\/td>/g,
        ),
      ].map((m) => [m[2], m[3], m[4], m[5]]);
      expect(order).toEqual([
        ['Beta Cluster', '9', '2', '9'],
        ['Gamma Cluster', '7', '1', '7'],
        ['Alpha Cluster', '6.5', '2', '5'],
      ]);
      expect((await gammaJuror.get(`${base}/jury`)).html).toContain('Your organisation');
      // A juror removed by an editor no longer sees the jury's page.
      const jackId = (
        await srv.services.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'jack@example.org')
          .executeTakeFirstOrThrow()
      ).id;
      expect((await editor.post(`${base}/jurors/${jackId}/remove`, {})).status).toBe(303);
      expect((await jack.get(`${base}/jury`)).status).toBe(403);
      expect((await auditEntries(srv.services, 'award.juror_remove')).length).toBe(1);

      // Not public before publication.
      const ctx = { lang: 'en', t: translator('en'), actor: null } as unknown as RequestContext;
      expect(render((await awardsEventSection.render(srv.services, ctx, event))!)).not.toContain(
        'Beta Cluster',
      );
      const schema = z.fromJSONSchema(awardsSchemas.EventAwards as Parameters<typeof z.fromJSONSchema>[0]);
      const before = (await awardsEventSection.api!(srv.services, null, event)).awards;
      expect(schema.safeParse(before).success).toBe(true);
      expect(before).toMatchObject([{ title: 'Partnership', open: true, winners: null }]);
      expect((await judy.post(`${base}/categories/${categoryId}/winners`, { winners: 'x' })).status).toBe(
        403,
      );
      const none = await editor.post(`${base}/categories/${categoryId}/winners`, {});
      expect(none.status).toBe(422);
      expect(none.html).toContain('href="#f-winners"');
      const beta = await applicationOf(teams.beta!.org.id);
      expect((await editor.get(`${base}/categories/${categoryId}/winners`)).status).toBe(200);
      expect(
        (await editor.post(`${base}/categories/${categoryId}/winners`, { winners: [beta] })).status,
      ).toBe(303);

      const after = (await awardsEventSection.api!(srv.services, null, event)).awards;
      expect(schema.safeParse(after).success).toBe(true);
      expect(after).toMatchObject([{ winners: [{ name: 'Beta Cluster', slug: 'beta' }] }]);
      const section = render((await awardsEventSection.render(srv.services, ctx, event))!);
      expect(section).toContain('Winner');
      expect(section).toContain('Beta Cluster');
      expect(section).not.toContain('Alpha Cluster');
      expect((await new HttpClient(srv.url).get(base)).html).toContain(
        '<a href="/organisations/beta">Beta Cluster</a>',
      );
      await srv.inbox.waitFor('beta@example.org', /Beta Cluster wins “Partnership” at Cluster Conference/);
      await srv.inbox.waitFor('alpha@example.org', /Results of “Partnership”/);
      // Scores are final once the winners are out.
      const late = await judy.post(alpha, { score: '10' });
      expect(late.status).toBe(422);
      expect(late.html).toContain('scores are final');
      expect((await auditEntries(srv.services, 'award.publish_winners')).length).toBe(1);
      expect((await auditEntries(srv.services, 'award.score')).length).toBe(6);
    },
  );

  it.skipIf(skip)(
    'concurrent applications of one organisation end as one; an organiser extends a passed deadline',
    async () => {
      const { event, organiser } = await setting();
      const base = `/events/${event.slug}/awards`;
      const closed = await insertCategory(srv.services.db, {
        event_id: event.id,
        title: 'Extended category',
        deadline: new Date(Date.now() - 86_400_000),
      });
      const applicant = await orgWithTeam('applicant', 'Applicant Cluster', 'team@example.org');
      const fields = { organisation_id: applicant.org.id, text: 'Our year.' };
      expect((await applicant.client.post(`${base}/categories/${closed.id}/apply`, fields)).status).toBe(422);

      const edit = `${base}/categories/${closed.id}/edit`;
      expect((await applicant.client.get(edit)).status).toBe(403);
      const form = await organiser.get(edit);
      expect(form.status).toBe(200);
      expect(form.html).toContain(`value="${localInput(closed.deadline, 'Europe/Bucharest')}"`);
      const bad = await organiser.post(edit, { title: 'Extended category', deadline: '2027-02-30T10:00' });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('href="#f-deadline"');
      expect((await organiser.post(edit, { title: 'Extended category', deadline: inDays(3) })).status).toBe(
        303,
      );
      expect((await auditEntries(srv.services, 'award.category_update')).length).toBe(1);

      // Six submissions at once: one application, five clear refusals.
      const actor = {
        id: applicant.user.id,
        email: applicant.user.email,
        name: applicant.user.name,
        role: 'user' as const,
        emailVerified: true,
      };
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => awards.apply(srv.services, actor, event.slug, closed.id, fields)),
      );
      expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
      for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
        expect(r.reason).toBeInstanceOf(AppError);
        expect((r.reason as AppError).details[0]).toMatchObject({
          field: 'organisation_id',
          message: 'v.already_applied',
        });
      }
    },
  );
});
