import type { ColumnType, Generated } from 'kysely';

/** The recommender's tables (migration 0024). Joined into `DB` in `schema.ts`. */

export interface CollaborationGraphVersionTable {
  id: Generated<boolean>;
  /** Grows with every committed change of the collaboration graph (bigint, read as text). */
  version: ColumnType<string, string | number, string | number>;
}

export interface RecommendationsSchema {
  collaboration_graph_version: CollaborationGraphVersionTable;
}
