import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function listOutbox(db: Kysely<DB>, opts: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('mail_messages')
      .select(['id', 'to_address', 'subject', 'status', 'created_at', 'sent_at', 'last_error'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findMessage(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAudit(db: Kysely<DB>, opts: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.details',
        'audit_log.created_at',
        'users.email as actor_email',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
