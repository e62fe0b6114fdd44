import { type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  AgreementKind,
  MemberRole,
  NewPartnership,
  Partnership,
  PartnershipsTable,
} from '../../platform/db/schema-partnerships.ts';
import { htmlExcerpt, renderMarkdown } from '../../platform/text/markdown.ts';
import { UUID } from '../../platform/validation.ts';

/** Partnerships' SQL: the partnership, its members, agreements, events and news links. */

const SUMMARY_LENGTH = 240;

/** The derived columns of a written partnership: its description rendered and sanitised once, on write. */
function rendered<T extends { description?: string }>(values: T) {
  if (values.description === undefined) return values;
  const html = renderMarkdown(values.description);
  return { ...values, description_html: html, summary: htmlExcerpt(html, SUMMARY_LENGTH) };
}

export interface MemberRow {
  organisation_id: string;
  slug: string;
  name: string;
  acronym: string | null;
  country: string;
  role: MemberRole;
  joined_on: string | null;
}
export interface AgreementRow {
  kind: AgreementKind;
  title: string;
  signed_on: string;
  document_url: string | null;
}
export interface EventRef {
  id: string;
  slug: string;
  title: string;
  starts_at: Date;
  city: string | null;
  country: string | null;
  status: string;
}
export interface NewsRow {
  title: string;
  url: string;
  published_on: string;
}

/** A partnership with everything its page and the API show. */
export type PartnershipRow = Partnership & {
  members: MemberRow[];
  agreements: AgreementRow[];
  events: EventRef[];
  news: NewsRow[];
};

export const MEMBERS_JSON = sql<MemberRow[]>`coalesce((select json_agg(json_build_object(
    'organisation_id', org.id, 'slug', org.slug, 'name', org.name, 'acronym', org.acronym, 'country', org.country,
    'role', pm.role, 'joined_on', pm.joined_on)
    order by case pm.role when 'coordinator' then 0 when 'partner' then 1 else 2 end, org.name)
  from partnership_members pm join organisations org on org.id = pm.organisation_id
  where pm.partnership_id = o.id), '[]'::json)`;

/** The lists of the partnership `o`, as JSON columns. */
export const EXTRAS_SQL = sql`${MEMBERS_JSON} as members,
  coalesce((select json_agg(json_build_object('kind', a.kind, 'title', a.title, 'signed_on', a.signed_on,
      'document_url', a.document_url) order by a.signed_on, a.position)
    from partnership_agreements a where a.partnership_id = o.id), '[]'::json) as agreements,
  coalesce((select json_agg(json_build_object('id', e.id, 'slug', e.slug, 'title', e.title, 'starts_at', e.starts_at,
      'city', e.city, 'country', e.country, 'status', e.status) order by e.starts_at, e.title)
    from partnership_events pe join events e on e.id = pe.event_id where pe.partnership_id = o.id), '[]'::json) as events,
  coalesce((select json_agg(json_build_object('title', n.title, 'url', n.url, 'published_on', n.published_on)
      order by n.published_on desc, n.position)
    from partnership_news n where n.partnership_id = o.id), '[]'::json) as news`;

export function reviveRow(row: PartnershipRow): PartnershipRow {
  return { ...row, events: row.events.map((e) => ({ ...e, starts_at: new Date(e.starts_at) })) };
}

/** One partnership with its lists, by id or slug. */
export async function findPartnershipRow(
  db: Kysely<DB>,
  idOrSlug: string,
): Promise<PartnershipRow | undefined> {
  const where = UUID.test(idOrSlug) ? sql`o.id = ${idOrSlug}::uuid` : sql`o.slug = ${idOrSlug}`;
  const { rows } =
    await sql<PartnershipRow>`select o.*, ${EXTRAS_SQL} from partnerships o where ${where}`.execute(db);
  return rows[0] && reviveRow(rows[0]);
}

/** Whether the user is on the team of the partnership's coordinating organisation. */
export async function isOnCoordinatorTeam(db: Kysely<DB>, partnershipId: string, userId: string) {
  const row = await db
    .selectFrom('partnership_members as pm')
    .innerJoin('organisation_members as m', 'm.organisation_id', 'pm.organisation_id')
    .select('pm.partnership_id')
    .where('pm.partnership_id', '=', partnershipId)
    .where('pm.role', '=', 'coordinator')
    .where('m.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisations whose team the user is on. */
export async function teamOrganisations(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.slug', 'o.name', 'o.status'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/** Published organisations among ids and slugs. */
export async function publishedOrganisations(db: Kysely<DB>, refs: readonly string[]) {
  if (refs.length === 0) return [];
  const ids = refs.filter((r) => UUID.test(r));
  const slugs = refs.filter((r) => !UUID.test(r));
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...(slugs.length ? [eb('slug', 'in', slugs)] : []),
      ]),
    )
    .execute();
}

/** Published events among ids and slugs. */
export async function publishedEvents(db: Kysely<DB>, refs: readonly string[]) {
  if (refs.length === 0) return [];
  const ids = refs.filter((r) => UUID.test(r));
  const slugs = refs.filter((r) => !UUID.test(r));
  return db
    .selectFrom('events')
    .select(['id', 'slug'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...(slugs.length ? [eb('slug', 'in', slugs)] : []),
      ]),
    )
    .execute();
}

export async function slugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('partnerships').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertPartnership(db: Kysely<DB>, values: NewPartnership): Promise<Partnership> {
  return db.insertInto('partnerships').values(rendered(values)).returningAll().executeTakeFirstOrThrow();
}

type Columns = Omit<Updateable<PartnershipsTable>, 'id' | 'seq' | 'created_at'>;

export async function updatePartnership(db: Kysely<DB>, id: string, values: Columns): Promise<void> {
  await db
    .updateTable('partnerships')
    .set({ ...rendered(values as Columns & { description?: string }), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Makes the members exactly these: removes the others, adds the new ones, changes roles and dates.
 * The coordinator is written last, after the old one (if it stays) got its new role, so the
 * one-coordinator index never sees two. The collaboration graph follows by the migration's triggers.
 */
export async function replaceMembers(
  db: Kysely<DB>,
  partnershipId: string,
  members: readonly { organisation_id: string; role: MemberRole; joined_on: string | null }[],
): Promise<void> {
  const keep = members.map((m) => m.organisation_id);
  let del = db.deleteFrom('partnership_members').where('partnership_id', '=', partnershipId);
  if (keep.length) del = del.where('organisation_id', 'not in', keep);
  await del.execute();
  const ordered = [...members].sort(
    (a, b) => Number(a.role === 'coordinator') - Number(b.role === 'coordinator'),
  );
  for (const m of ordered) {
    await db
      .insertInto('partnership_members')
      .values({ partnership_id: partnershipId, ...m })
      .onConflict((oc) =>
        oc
          .columns(['partnership_id', 'organisation_id'])
          .doUpdateSet({ role: m.role, joined_on: m.joined_on }),
      )
      .execute();
  }
}

export async function replaceAgreements(
  db: Kysely<DB>,
  partnershipId: string,
  agreements: readonly AgreementRow[],
): Promise<void> {
  await db.deleteFrom('partnership_agreements').where('partnership_id', '=', partnershipId).execute();
  if (agreements.length)
    await db
      .insertInto('partnership_agreements')
      .values(agreements.map((a, position) => ({ ...a, partnership_id: partnershipId, position })))
      .execute();
}

export async function replaceEvents(db: Kysely<DB>, partnershipId: string, eventIds: readonly string[]) {
  await db.deleteFrom('partnership_events').where('partnership_id', '=', partnershipId).execute();
  if (eventIds.length)
    await db
      .insertInto('partnership_events')
      .values(eventIds.map((event_id) => ({ partnership_id: partnershipId, event_id })))
      .execute();
}

export async function replaceNews(db: Kysely<DB>, partnershipId: string, news: readonly NewsRow[]) {
  await db.deleteFrom('partnership_news').where('partnership_id', '=', partnershipId).execute();
  if (news.length)
    await db
      .insertInto('partnership_news')
      .values(news.map((n, position) => ({ ...n, partnership_id: partnershipId, position })))
      .execute();
}

/**
 * The partnerships an organisation is a member of, with its role: published ones, and the drafts
 * `drafts` says (every one, those it coordinates, or none).
 */
export async function partnershipsOfOrganisation(
  db: Kysely<DB>,
  organisationId: string,
  drafts: 'all' | 'coordinated' | 'none',
) {
  let q = db
    .selectFrom('partnership_members as pm')
    .innerJoin('partnerships as p', 'p.id', 'pm.partnership_id')
    .select([
      'p.id',
      'p.slug',
      'p.name',
      'p.acronym',
      'p.programme',
      'p.status',
      'p.starts_on',
      'p.ends_on',
      'pm.role',
      sql<number>`(select count(*) from partnership_members x where x.partnership_id = p.id)::int`.as(
        'members',
      ),
    ])
    .where('pm.organisation_id', '=', organisationId);
  if (drafts === 'none') q = q.where('p.status', '=', 'published');
  if (drafts === 'coordinated')
    q = q.where((eb) => eb.or([eb('p.status', '=', 'published'), eb('pm.role', '=', 'coordinator')]));
  return q.orderBy('p.starts_on', 'desc').orderBy('p.name').execute();
}

/**
 * Locks the partnership's row for the rest of the transaction: two edits of one partnership (its
 * members, its coordinator) run one after the other, the second on what the first wrote.
 */
export async function lockPartnership(db: Kysely<DB>, id: string): Promise<void> {
  await db.selectFrom('partnerships').select('id').where('id', '=', id).forUpdate().execute();
}

/** Demo: whether any partnership is there. */
export async function anyPartnership(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('partnerships').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Demo: the published organisations a partnership may hold, with what its members are picked by. */
export async function demoOrganisations(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'country', 'ecosystems'])
    .where('status', '=', 'published')
    .orderBy('slug')
    .execute();
}

/** Demo: published events (ids and slugs), in the order they start. */
export async function demoEvents(db: Kysely<DB>) {
  return db
    .selectFrom('events')
    .select(['id', 'slug', 'country'])
    .where('status', '=', 'published')
    .orderBy('starts_at')
    .orderBy('slug')
    .execute();
}
