import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { MemberRow, ProfileRow } from './graph.ts';

/** The recommender's SQL: the snapshot it ranks in, the versions it is kept by, the exclusions. */

/** The versions of the directory and of the collaboration graph as one text ("12:7"); null: unknown. */
export async function versions(db: Kysely<DB>): Promise<string | null> {
  const { rows } = await sql<{ v: string | null }>`
    select (select version from directory_version) || ':' || (select version from collaboration_graph_version) as v
  `.execute(db);
  return rows[0]?.v ?? null;
}

/** Every organisation's profile as the recommender reads it (unpublished ones link the graph). */
export function profiles(db: Kysely<DB>): Promise<ProfileRow[]> {
  return db
    .selectFrom('organisations')
    .select([
      'id',
      'slug',
      'name',
      'country',
      'type',
      'status',
      'ecosystems',
      'nace',
      'kets',
      'keywords',
      'target_markets',
    ])
    .orderBy('seq')
    .execute();
}

/** Every membership of a collaboration of two or more organisations. */
export async function memberships(db: Kysely<DB>): Promise<MemberRow[]> {
  return db
    .selectFrom('collaboration_members')
    .select(['collaboration_id', 'organisation_id'])
    .orderBy('collaboration_id')
    .execute();
}

/** The organisations `id` declined and those that declined it. */
export async function declinedEitherWay(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation_declines')
    .select('declined_id as other')
    .where('organisation_id', '=', id)
    .union(
      db.selectFrom('organisation_declines').select('organisation_id as other').where('declined_id', '=', id),
    )
    .execute();
  return rows.map((r) => r.other);
}

export function organisationById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function organisationBySlug(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'status'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function isTeamMember(db: Kysely<DB>, organisationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_members')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

/** The ids of organisations by their external id (an import's key). */
export async function idsOfExternalIds(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'external_id'])
    .where('external_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.external_id!, r.id]));
}

export interface ImportedCollaboration {
  id: string;
  sourceId: string;
  happenedOn: string | null;
  members: string[];
}

/** Writes imported collaborations (source 'import'), ids chosen by the caller; known ones are kept. */
export async function insertImportedCollaborations(
  db: Kysely<DB>,
  batch: ImportedCollaboration[],
  kind: 'partnership' | 'agreement' | 'joint_proposal',
): Promise<void> {
  if (!batch.length) return;
  await db.transaction().execute(async (trx) => {
    const written = await trx
      .insertInto('collaborations')
      .values(
        batch.map((c) => ({
          id: c.id,
          kind,
          source: 'import',
          source_id: c.sourceId,
          happened_on: c.happenedOn,
        })),
      )
      .onConflict((oc) => oc.columns(['source', 'source_id']).doNothing())
      .returning('id')
      .execute();
    const ids = new Set(written.map((w) => w.id));
    const members = batch
      .filter((c) => ids.has(c.id))
      .flatMap((c) => c.members.map((m) => ({ collaboration_id: c.id, organisation_id: m })));
    for (let i = 0; i < members.length; i += 5000)
      await trx
        .insertInto('collaboration_members')
        .values(members.slice(i, i + 5000))
        .onConflict((oc) => oc.doNothing())
        .execute();
  });
}
