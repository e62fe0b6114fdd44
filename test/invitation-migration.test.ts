import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../src/platform/db/migrate.ts';
import { ENGINES, skipReason, useUnmigratedDatabase } from './helpers/db.ts';

describe.each(ENGINES)('migration 0011 over existing invitations on %s', (engine) => {
  const skip = skipReason(engine);
  const fresh = useUnmigratedDatabase(engine, skip);

  it.skipIf(skip)(
    'keeps only the newest pending invitation per address; the older ones are replaced',
    async () => {
      const db = fresh.db;
      await migrateTo(db, '0009_directory_index');
      await sql`insert into organisations (id, slug, name, type, country, description)
      values ('00000000-0000-4000-8000-000000000001', 'old', 'Old Cluster', 'cluster_organisation', 'DE', '')`.execute(
        db,
      );
      await sql`insert into organisation_invitations (organisation_id, email, role, token_hash, created_at, expires_at, accepted_at)
      values
        ('00000000-0000-4000-8000-000000000001', 'ada@example.org', 'admin', 'h1', now() - interval '3 days', now() + interval '9 days', null),
        ('00000000-0000-4000-8000-000000000001', 'Ada@example.org', 'member', 'h2', now() - interval '1 day', now() + interval '13 days', null),
        ('00000000-0000-4000-8000-000000000001', 'ada@example.org', 'member', 'h3', now() - interval '5 days', now() + interval '9 days', now())`.execute(
        db,
      );
      await migrateToLatest(db);
      const rows = await db
        .selectFrom('organisation_invitations')
        .select(['token_hash', 'revoke_reason'])
        .orderBy('token_hash')
        .execute();
      expect(rows).toEqual([
        { token_hash: 'h1', revoke_reason: 'replaced' },
        { token_hash: 'h2', revoke_reason: null },
        { token_hash: 'h3', revoke_reason: null },
      ]);
      // From now on the database itself refuses a second pending invitation to one address.
      const second =
        sql`insert into organisation_invitations (organisation_id, email, role, token_hash, expires_at)
      values ('00000000-0000-4000-8000-000000000001', 'ADA@example.org', 'member', 'h4', now() + interval '1 day')`.execute(
          db,
        );
      await expect(second).rejects.toThrow();
    },
  );
});
