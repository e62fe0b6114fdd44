import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Appends to the audit log, in the caller's transaction so the record and the change land together. */
export async function recordAudit(
  db: Kysely<DB>,
  entry: {
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
