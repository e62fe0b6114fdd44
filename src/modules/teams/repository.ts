import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

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
