import { type Kysely, type RawBuilder, sql } from 'kysely';
import type {
  DB,
  NewOrganisation,
  Organisation,
  OrganisationRevision,
  OrganisationUpdate,
} from '../../platform/db/schema.ts';
import { naceSectionsOf, taxonomyMasks } from '../../platform/taxonomy/codes.ts';
import { htmlExcerpt, renderMarkdown } from '../../platform/text/markdown.ts';
import { SIZE_BANDS, type SizeBandCode } from './size-bands.ts';

/** Length of the stored plain-text summary (API, JSON-LD); lists clip it further. */
export const SUMMARY_LENGTH = 500;

/** Adds the columns derived from `description` whenever a write sets it. */
export function withRenderedDescription<T extends { description?: string }>(values: T) {
  if (values.description === undefined) return values;
  const html = renderMarkdown(values.description);
  return { ...values, description_html: html, summary: htmlExcerpt(html, SUMMARY_LENGTH) };
}

const TAXONOMY_FIELDS = ['ecosystems', 'emerging_industries', 'kets', 'nace'] as const;
type TaxonomyValues = { [K in (typeof TAXONOMY_FIELDS)[number]]?: string[] };

/** Adds what search derives from the classification codes: NACE sections and bit sets. */
export function withSearchColumns<T extends TaxonomyValues>(values: T, current?: TaxonomyValues) {
  if (!TAXONOMY_FIELDS.some((f) => values[f] !== undefined)) return values;
  const pick = (f: (typeof TAXONOMY_FIELDS)[number]) => values[f] ?? current?.[f] ?? [];
  const codes = {
    ecosystems: pick('ecosystems'),
    emerging_industries: pick('emerging_industries'),
    kets: pick('kets'),
    nace: pick('nace'),
  };
  return {
    ...values,
    nace_sections: naceSectionsOf(codes.nace),
    ...taxonomyMasks(codes),
  };
}

/** Every derived column of a complete new row. */
export function withDerivedColumns<T extends TaxonomyValues & { description?: string }>(values: T) {
  return withSearchColumns(withRenderedDescription(values));
}

/**
 * Whether the organisation `o` has a logo: the one way it is worked out, selected by every read
 * that shows one (profile, search page rows, API rows, export batches).
 */
export const HAS_LOGO = sql<boolean>`exists (select 1 from organisation_logos l where l.organisation_id = o.id)`;

/** A profile as its pages and the API show it: the row, and whether it has a logo. */
export type OrganisationWithLogo = Organisation & { has_logo: boolean };

const profiles = (db: Kysely<DB>) =>
  db.selectFrom('organisations as o').selectAll('o').select(HAS_LOGO.as('has_logo'));

export async function findById(db: Kysely<DB>, id: string): Promise<OrganisationWithLogo | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return profiles(db).where('o.id', '=', id).executeTakeFirst();
}

export async function findBySlug(db: Kysely<DB>, slug: string): Promise<OrganisationWithLogo | undefined> {
  return profiles(db).where('o.slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganisation(db: Kysely<DB>, values: NewOrganisation): Promise<Organisation> {
  return db
    .insertInto('organisations')
    .values(withDerivedColumns(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Kysely<DB>,
  id: string,
  patch: OrganisationUpdate,
): Promise<Organisation> {
  const touchesTaxonomy = TAXONOMY_FIELDS.some((f) => patch[f] !== undefined);
  const current = touchesTaxonomy
    ? await db.selectFrom('organisations').select(TAXONOMY_FIELDS).where('id', '=', id).executeTakeFirst()
    : undefined;
  return db
    .updateTable('organisations')
    .set(withSearchColumns(withRenderedDescription(patch), current))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Moves an organisation between moderation states only if it is still in one of `from`: two
 * editors acting at once cannot both publish or return it.
 */
export async function transition(
  db: Kysely<DB>,
  id: string,
  from: Organisation['status'][],
  patch: OrganisationUpdate,
): Promise<Organisation | undefined> {
  return db
    .updateTable('organisations')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

export async function countPublished(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countAll(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function idsBySlugs(db: Kysely<DB>, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug'])
    .where('slug', 'in', slugs)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function reviewQueue(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'type', 'country', 'submitted_at', 'updated_at'])
    .where('status', '=', 'needs_review')
    .orderBy('submitted_at')
    .execute();
}

export async function membershipOf(db: Kysely<DB>, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('organisation_members')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function listMembers(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.locale',
      'organisation_members.role',
      'organisation_members.created_at',
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('organisation_members.created_at')
    .execute();
}

export async function upsertMember(
  db: Kysely<DB>,
  organisationId: string,
  userId: string,
  role: 'admin' | 'member',
) {
  await db
    .insertInto('organisation_members')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function removeMember(db: Kysely<DB>, organisationId: string, userId: string) {
  const r = await db
    .deleteFrom('organisation_members')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countAdmins(db: Kysely<DB>, organisationId: string) {
  const r = await db
    .selectFrom('organisation_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function organisationsOfUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.status',
      'organisations.return_reason',
      'organisations.updated_at',
      'organisation_members.role',
    ])
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

export async function insertInvitation(
  db: Kysely<DB>,
  v: {
    organisationId: string;
    email: string;
    role: 'admin' | 'member';
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('organisation_invitations')
    .values({
      organisation_id: v.organisationId,
      email: v.email,
      role: v.role,
      token_hash: v.tokenHash,
      invited_by: v.invitedBy,
      expires_at: v.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Invitations that can still be accepted, with who sent them. */
export async function pendingInvitations(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisation_invitations as i')
    .leftJoin('users', 'users.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.created_at', 'i.expires_at', 'users.name as invited_by_name'])
    .where('i.organisation_id', '=', organisationId)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', new Date())
    .orderBy('i.created_at')
    .execute();
}

/** One invitation by its link, whatever its state, with its organisation and who sent it. */
export async function invitationByToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('organisation_invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('users', 'users.id', 'i.invited_by')
    .select([
      'i.id',
      'i.organisation_id',
      'i.email',
      'i.role',
      'i.created_at',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'i.revoke_reason',
      'o.slug as organisation_slug',
      'o.name as organisation_name',
      'users.name as invited_by_name',
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Ends the organisation's invitations still pending (neither accepted nor revoked), for the caller to narrow. */
function revokePending(db: Kysely<DB>, organisationId: string, by: string, reason: 'cancelled' | 'replaced') {
  return db
    .updateTable('organisation_invitations')
    .set({ revoked_at: new Date(), revoked_by: by, revoke_reason: reason })
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null);
}

/** Ends the pending invitations of one address (a newer one replaces them); returns their ids. */
export async function revokePendingInvitationsTo(
  db: Kysely<DB>,
  organisationId: string,
  email: string,
  by: string,
  reason: 'cancelled' | 'replaced',
) {
  const rows = await revokePending(db, organisationId, by, reason)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Cancels one pending invitation of the organisation; undefined if it was no longer pending. */
export async function cancelInvitation(db: Kysely<DB>, organisationId: string, id: string, by: string) {
  return revokePending(db, organisationId, by, 'cancelled')
    .where('id', '=', id)
    .returning(['id', 'email', 'role'])
    .executeTakeFirst();
}

/**
 * Claims an invitation once, for the account with its address: the conditional update decides,
 * so concurrent accepts of one link cannot both succeed.
 */
export async function claimInvitation(db: Kysely<DB>, tokenHash: string, userId: string, email: string) {
  return db
    .updateTable('organisation_invitations')
    .set({ accepted_at: new Date(), accepted_by: userId })
    .where('token_hash', '=', tokenHash)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['id', 'organisation_id', 'role', 'email'])
    .executeTakeFirst();
}

/**
 * The team admins of an organisation, locked until the transaction ends: two admins removing each
 * other at the same time cannot leave the team without one.
 */
export async function lockAdmins(db: Kysely<DB>, organisationId: string) {
  const rows = await db
    .selectFrom('organisation_members')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

export async function getLogo(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisation_logos')
    .select(['content_type', 'data', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function saveLogo(
  db: Kysely<DB>,
  organisationId: string,
  logo: { contentType: string; data: Buffer; width: number; height: number },
) {
  const values = {
    content_type: logo.contentType,
    data: logo.data,
    width: logo.width,
    height: logo.height,
    updated_at: new Date(),
  };
  await db
    .insertInto('organisation_logos')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

/**
 * Organisations that may be the same one: the same website host anywhere, or a similar name
 * (trigram similarity) in the same country.
 */
export async function findPossibleDuplicates(
  db: Kysely<DB>,
  o: { id?: string; name: string; country: string; websiteHost: string | null },
) {
  let q = db
    .selectFrom('organisations')
    .select([
      'id',
      'slug',
      'name',
      'country',
      'website',
      'status',
      sql<number>`similarity(lower(name), lower(${o.name}))`.as('similarity'),
    ])
    .where((eb) => {
      const ors = [
        eb.and([
          eb('country', '=', o.country),
          sql<boolean>`lower(name) % lower(${o.name})`,
          sql<boolean>`similarity(lower(name), lower(${o.name})) >= 0.6`,
        ]),
      ];
      if (o.websiteHost) {
        ors.push(
          eb(
            sql`lower(regexp_replace(website, '^https?://(www\\.)?([^/:?#]+).*$', '\\2'))`,
            '=',
            o.websiteHost,
          ),
        );
      }
      return eb.or(ors);
    })
    .orderBy('similarity', 'desc')
    .limit(5);
  if (o.id) q = q.where('id', '<>', o.id);
  return q.execute();
}

export async function staleWithoutReminder(db: Kysely<DB>, olderThan: Date, limit: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'updated_at'])
    .where('status', '=', 'published')
    .where('updated_at', '<', olderThan)
    .where((eb) =>
      eb.or([
        eb('stale_reminder_sent_at', 'is', null),
        eb('stale_reminder_sent_at', '<', eb.ref('updated_at')),
      ]),
    )
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/** Reads the organisation and locks its row until the transaction ends (decisions, reverts). */
export async function lockOrganisation(db: Kysely<DB>, id: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The organisation's revisions, for the callers to narrow. */
const revisionsOf = (db: Kysely<DB>, organisationId: string) =>
  db.selectFrom('organisation_revisions').selectAll().where('organisation_id', '=', organisationId);

export async function pendingRevision(
  db: Kysely<DB>,
  organisationId: string,
): Promise<OrganisationRevision | undefined> {
  return revisionsOf(db, organisationId).where('status', '=', 'pending').executeTakeFirst();
}

/** The organisation's most recent revision, pending or decided. */
export async function latestRevision(
  db: Kysely<DB>,
  organisationId: string,
): Promise<OrganisationRevision | undefined> {
  return revisionsOf(db, organisationId).orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
}

/** Creates the organisation's pending revision, or replaces the proposal of the one there is. */
export async function savePendingRevision(
  db: Kysely<DB>,
  v: {
    organisationId: string;
    proposed: Record<string, unknown>;
    base: Record<string, unknown>;
    proposedBy: string;
  },
): Promise<OrganisationRevision> {
  const values = {
    proposed: JSON.stringify(v.proposed),
    base: JSON.stringify(v.base),
    proposed_by: v.proposedBy,
    updated_at: new Date(),
  };
  return db
    .insertInto('organisation_revisions')
    .values({ organisation_id: v.organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').where('status', '=', 'pending').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Decides a pending revision only if it is still pending (and, when given, still the version the
 * editor saw): two editors cannot both decide, and a proposal changed since is not decided blind.
 */
export async function decideRevision(
  db: Kysely<DB>,
  id: string,
  decision: {
    status: 'published' | 'returned' | 'withdrawn';
    reason?: string | null;
    decidedBy: string | null;
    version?: Date | undefined;
  },
): Promise<OrganisationRevision | undefined> {
  let q = db
    .updateTable('organisation_revisions')
    .set({
      status: decision.status,
      reason: decision.reason ?? null,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending');
  if (decision.version) q = q.where(sql`date_trunc('milliseconds', updated_at)`, '=', decision.version);
  return q.returningAll().executeTakeFirst();
}

/** Pending revisions for the review queue, oldest first. */
export async function pendingRevisionsQueue(db: Kysely<DB>) {
  return db
    .selectFrom('organisation_revisions')
    .innerJoin('organisations', 'organisations.id', 'organisation_revisions.organisation_id')
    .leftJoin('users', 'users.id', 'organisation_revisions.proposed_by')
    .select([
      'organisation_revisions.id',
      'organisation_revisions.proposed',
      'organisation_revisions.updated_at',
      'organisations.slug',
      'organisations.name',
      'users.name as proposer_name',
      'users.email as proposer_email',
    ])
    .where('organisation_revisions.status', '=', 'pending')
    .orderBy('organisation_revisions.updated_at')
    .execute();
}

export async function userName(db: Kysely<DB>, id: string | null) {
  if (!id) return null;
  const row = await db.selectFrom('users').select(['name', 'email']).where('id', '=', id).executeTakeFirst();
  return row ? row.name || row.email : null;
}

/** The audit actions that change a published profile and record its values before and after. */
export const CHANGE_ACTIONS = [
  'organisation.update',
  'organisation.revision_publish',
  'organisation.revert',
] as const;

/** Recent changes to published profiles, newest first, each with whether it has been reverted. */
export async function recentChanges(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('audit_log')
    .innerJoin('organisations', (j) =>
      j.on(sql`organisations.id::text`, '=', sql.ref('audit_log.subject_id')),
    )
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.details',
      'audit_log.created_at',
      'organisations.slug',
      'organisations.name',
      'users.name as actor_name',
      'users.email as actor_email',
      sql<boolean>`exists (
        select 1 from audit_log r
        where r.action = 'organisation.revert' and r.details->>'reverts' = audit_log.id::text
      )`.as('reverted'),
    ])
    .where('audit_log.subject_type', '=', 'organisation')
    .where('audit_log.action', 'in', [...CHANGE_ACTIONS])
    .where(sql<boolean>`audit_log.details->>'published' = 'true'`)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}

export async function findChange(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'action', 'subject_id', 'details'])
    .where('id', '=', id)
    .where('subject_type', '=', 'organisation')
    .where('action', 'in', [...CHANGE_ACTIONS])
    .executeTakeFirst();
}

export async function changeReverted(db: Kysely<DB>, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'organisation.revert')
    .where(sql<boolean>`details->>'reverts' = ${String(id)}`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts new organisations as they are (the demo content), 250 to a statement. */
export async function insertMany(db: Kysely<DB>, rows: NewOrganisation[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 250) {
    await db
      .insertInto('organisations')
      .values(rows.slice(i, i + 250))
      .execute();
  }
}

/** SQL: the total number of members of an organisation (`table` qualifies the columns when joined). */
export function membersTotalSql(table = 'organisations'): RawBuilder<number> {
  const c = (name: string) => sql.ref(`${table}.${name}`);
  return sql<number>`(${c('members_sme')} + ${c('members_large')} + ${c('members_research')} + ${c('members_public')} + ${c('members_other')})`;
}

/** SQL: the band code of an organisation, e.g. for `group by`. */
export function sizeBandSql(table = 'organisations'): RawBuilder<SizeBandCode> {
  const whens = SIZE_BANDS.map((b) => sql`when ${sizeBandCondition(b.code, table)} then ${sql.lit(b.code)}`);
  return sql<SizeBandCode>`(case ${sql.join(whens, sql` `)} end)`;
}

/** SQL: whether an organisation is in the band `code`, e.g. for a search filter. */
export function sizeBandCondition(code: SizeBandCode, table = 'organisations'): RawBuilder<boolean> {
  const band = SIZE_BANDS.find((b) => b.code === code) ?? SIZE_BANDS[0];
  const total = membersTotalSql(table);
  return band.max === null
    ? sql<boolean>`${total} >= ${sql.lit(band.min)}`
    : sql<boolean>`${total} between ${sql.lit(band.min)} and ${sql.lit(band.max)}`;
}
