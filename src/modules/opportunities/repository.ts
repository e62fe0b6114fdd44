import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  NewOpportunity,
  Opportunity,
  OpportunityStatus,
  OpportunityUpdate,
} from '../../platform/db/schema-opportunities.ts';
import { naceSectionsOf } from '../../platform/taxonomy/codes.ts';
import { renderMarkdown } from '../../platform/text/markdown.ts';
import { UUID } from '../../platform/validation.ts';

/** Opportunities' SQL: the rows, their references, their teams and the timers' reads. */

type Db = Kysely<DB>;

/** The posting organisation as the use cases read it; the presenters decide what of it leaves. */
export interface Poster {
  id: string;
  slug: string;
  name: string;
  country: string;
  contact_name: string | null;
  contact_email: string | null;
}

export type OpportunityRow = Opportunity & { organisation: Poster };

/** The derived columns of a write: the description rendered and sanitised, the NACE sections. */
function derived<T extends { description?: string; nace?: string[] }>(values: T) {
  const out: Record<string, unknown> = { ...values };
  if (values.description !== undefined) out.description_html = renderMarkdown(values.description);
  if (values.nace !== undefined) out.nace_sections = naceSectionsOf(values.nace);
  return out as T;
}

/**
 * The next number of a reference prefix (`TO-DE-20261124`): one counter row per prefix, taken by an
 * upsert that locks it until the transaction ends, so concurrent posts get 1, 2, 3…
 */
export async function nextReferenceNumber(db: Db, prefix: string): Promise<number> {
  const row = await db
    .insertInto('opportunity_reference_counters')
    .values({ prefix, last: 1 })
    .onConflict((oc) =>
      oc.column('prefix').doUpdateSet({ last: sql`opportunity_reference_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertOpportunity(db: Db, values: NewOpportunity): Promise<Opportunity> {
  return db
    .insertInto('opportunities')
    .values(derived(values) as NewOpportunity)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOpportunity(db: Db, id: string, patch: OpportunityUpdate): Promise<Opportunity> {
  return db
    .updateTable('opportunities')
    .set({
      ...(derived(patch as { description?: string; nace?: string[] }) as OpportunityUpdate),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A status change, only from the given statuses: of two concurrent decisions one finds no row. */
export async function transitionOpportunity(
  db: Db,
  id: string,
  from: OpportunityStatus[],
  patch: OpportunityUpdate,
): Promise<Opportunity | undefined> {
  return db
    .updateTable('opportunities')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

const POSTER = sql<Poster>`(select json_build_object('id', org.id, 'slug', org.slug, 'name', org.name,
  'country', org.country, 'contact_name', org.contact_name, 'contact_email', org.contact_email)
  from organisations org where org.id = o.organisation_id)`;

const REFERENCE = /^(BO|BR|TO|TR|RD|CF)-[A-Z]{2}-\d{8}-\d{4,}$/i;

/** One opportunity with its poster, by id or reference; a key of neither shape finds nothing. */
export async function findOpportunityRow(db: Db, key: string): Promise<OpportunityRow | undefined> {
  const where = UUID.test(key)
    ? sql`o.id = ${key}::uuid`
    : REFERENCE.test(key)
      ? sql`o.reference = ${key.toUpperCase()}`
      : null;
  if (!where) return undefined;
  const { rows } = await sql<OpportunityRow>`
    select o.*, ${POSTER} as organisation from opportunities o where ${where}`.execute(db);
  return rows[0];
}

/** The organisations whose team the user is on. */
export async function teamOrganisations(db: Db, userId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.slug', 'o.name', 'o.status', 'o.country'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/** Whether the user is on the team of an organisation whose interest in the opportunity was accepted. */
export async function isOnAcceptedTeam(db: Db, opportunityId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('opportunity_interests as i')
    .innerJoin('organisation_members as m', 'm.organisation_id', 'i.organisation_id')
    .select('i.id')
    .where('i.opportunity_id', '=', opportunityId)
    .where('i.status', '=', 'accepted')
    .where('m.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** An organisation published in the directory, by id or slug. */
export async function publishedOrganisation(db: Db, key: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'country'])
    .where('status', '=', 'published')
    .where(UUID.test(key) ? 'id' : 'slug', '=', key)
    .executeTakeFirst();
}

/** The people to write to for an organisation: its team's confirmed, active members. */
export async function teamContacts(db: Db, organisationId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
}

/** An opportunity as lists show it ("my opportunities", the editors' queue). */
export interface OpportunityListItem {
  id: string;
  reference: string;
  title: string;
  kind: Opportunity['kind'];
  status: OpportunityStatus;
  anonymous: boolean;
  expires_at: Date | null;
  submitted_at: Date | null;
  organisation_name: string;
  interests: number;
}

const LIST_COLUMNS = sql`o.id, o.reference, o.title, o.kind, o.status, o.anonymous, o.expires_at, o.submitted_at,
  org.name as organisation_name,
  (select count(*)::int from opportunity_interests i where i.opportunity_id = o.id and i.status <> 'withdrawn') as interests`;

/** The opportunities of the organisations whose team the user is on, newest first. */
export async function teamOpportunities(db: Db, userId: string): Promise<OpportunityListItem[]> {
  const { rows } = await sql<OpportunityListItem>`
    select ${LIST_COLUMNS} from opportunities o join organisations org on org.id = o.organisation_id
    where o.organisation_id in (select organisation_id from organisation_members where user_id = ${userId})
    order by o.created_at desc, o.id limit 1000`.execute(db);
  return rows;
}

/** The editors' queue: opportunities awaiting review, oldest first. */
export async function reviewQueue(db: Db): Promise<OpportunityListItem[]> {
  const { rows } = await sql<OpportunityListItem>`
    select ${LIST_COLUMNS} from opportunities o join organisations org on org.id = o.organisation_id
    where o.status = 'pending' order by o.submitted_at, o.id limit 500`.execute(db);
  return rows;
}

/** Published opportunities expiring within a week whose team has not been reminded yet. */
export async function dueForRenewalReminder(db: Db, now: Date, limit: number) {
  const inAWeek = new Date(now.getTime() + 7 * 86_400_000);
  return db
    .selectFrom('opportunities')
    .select(['id', 'reference', 'title', 'organisation_id', 'expires_at'])
    .where('status', '=', 'published')
    .where('renewal_reminder_sent_at', 'is', null)
    .where('expires_at', '>', now)
    .where('expires_at', '<=', inAWeek)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** Marks the reminder sent, unless another timer did first (then false: nothing to send). */
export async function claimRenewalReminder(db: Db, id: string): Promise<boolean> {
  const row = await db
    .updateTable('opportunities')
    .set({ renewal_reminder_sent_at: new Date() })
    .where('id', '=', id)
    .where('renewal_reminder_sent_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Notes the published opportunities that have expired since the last run: the write takes them out
 * of the search documents and moves the kind's version, so every process's index drops them.
 */
export async function noteExpired(db: Db, now: Date): Promise<number> {
  const rows = await db
    .updateTable('opportunities')
    .set({ expiry_noted_at: now })
    .where('status', '=', 'published')
    .where('expires_at', '<=', now)
    .where('expiry_noted_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** Whether any opportunity exists (the demo's "present"). */
export async function anyOpportunity(db: Db): Promise<boolean> {
  const row = await db.selectFrom('opportunities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The published organisations with what the demo's opportunities are made of, in slug order. */
export async function demoOrganisations(db: Db) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'country', 'city', 'ecosystems', 'nace', 'kets', 'keywords'])
    .where('status', '=', 'published')
    .orderBy('slug')
    .execute();
}
