import { type Kysely, sql } from 'kysely';

/**
 * Invitations become single-use, cancellable and replaceable: who accepted one, and when and why
 * one stopped being valid (cancelled by a team admin, or replaced by a newer invitation to the same
 * address). At most one invitation per organisation and address is pending; older duplicates are
 * marked replaced by the newest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisation_invitations
      add column accepted_by uuid references users(id) on delete set null,
      add column revoked_at timestamptz,
      add column revoked_by uuid references users(id) on delete set null,
      add column revoke_reason text check (revoke_reason in ('cancelled', 'replaced'));
    update organisation_invitations i
       set revoked_at = now(), revoke_reason = 'replaced'
     where i.accepted_at is null
       and exists (
         select 1 from organisation_invitations n
          where n.organisation_id = i.organisation_id
            and lower(n.email) = lower(i.email)
            and n.accepted_at is null
            and (n.created_at, n.id) > (i.created_at, i.id));
    create unique index organisation_invitations_pending_idx
      on organisation_invitations (organisation_id, lower(email))
      where accepted_at is null and revoked_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index organisation_invitations_pending_idx;
    alter table organisation_invitations
      drop column accepted_by, drop column revoked_at, drop column revoked_by, drop column revoke_reason;
  `.execute(db);
}
