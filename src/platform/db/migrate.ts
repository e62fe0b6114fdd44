import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_organisations.ts';
import * as m0003 from './migrations/0003_rendered_descriptions.ts';
import * as m0004 from './migrations/0004_search.ts';
import * as m0005 from './migrations/0005_nuts_regions.ts';
import * as m0006 from './migrations/0006_import_runs.ts';
import * as m0007 from './migrations/0007_export_order.ts';
import * as m0008 from './migrations/0008_taxonomy_masks.ts';
import * as m0009 from './migrations/0009_directory_index.ts';
import * as m0010 from './migrations/0010_organisation_revisions.ts';
import * as m0011 from './migrations/0011_invitation_lifecycle.ts';
import * as m0012 from './migrations/0012_events.ts';
import * as m0013 from './migrations/0013_event_search.ts';
import * as m0014 from './migrations/0014_registrations.ts';
import * as m0015 from './migrations/0015_ideas_awards.ts';
import * as m0016 from './migrations/0016_matchmaking.ts';
import * as m0018 from './migrations/0018_schedule_runs_one_at_a_time.ts';
import * as m0019 from './migrations/0019_collaboration_graph.ts';
import * as m0020 from './migrations/0020_opportunities.ts';
import * as m0021 from './migrations/0021_opportunity_search.ts';
import * as m0022 from './migrations/0022_partnerships.ts';
import * as m0024 from './migrations/0024_recommendations.ts';
import * as m0025 from './migrations/0025_event_search_follows_organisers.ts';
import * as m0026 from './migrations/0026_editor_digests.ts';
import type { DB } from './schema.ts';

// A static list rather than a directory scan: the set of migrations is part of the build.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_organisations': m0002,
  '0003_rendered_descriptions': m0003,
  '0004_search': m0004,
  '0005_nuts_regions': m0005,
  '0006_import_runs': m0006,
  '0007_export_order': m0007,
  '0008_taxonomy_masks': m0008,
  '0009_directory_index': m0009,
  '0010_organisation_revisions': m0010,
  '0011_invitation_lifecycle': m0011,
  '0012_events': m0012,
  '0013_event_search': m0013,
  '0014_registrations': m0014,
  '0015_ideas_awards': m0015,
  '0016_matchmaking': m0016,
  '0018_schedule_runs_one_at_a_time': m0018,
  '0019_collaboration_graph': m0019,
  '0020_opportunities': m0020,
  '0021_opportunity_search': m0021,
  '0022_partnerships': m0022,
  '0024_recommendations': m0024,
  '0025_event_search_follows_organisers': m0025,
  '0026_editor_digests': m0026,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {}

/** Migrates up to and including `name` only: for tests of a migration over existing rows. */
export async function migrateTo(db: Kysely<DB>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw new MigrationError(`Migration to ${name} failed: ${String(error)}`);
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${why}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
