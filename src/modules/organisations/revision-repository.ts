import { type Kysely, sql } from 'kysely';
import type { DB, Organisation, OrganisationRevision } from '../../platform/db/schema.ts';

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
