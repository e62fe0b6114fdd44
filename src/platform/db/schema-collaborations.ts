import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The collaboration graph (migration 0019). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date, read as 'YYYY-MM-DD' text (see the date type parser in pool.ts). */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export const COLLABORATION_KINDS = [
  'partnership',
  'agreement',
  'joint_proposal',
  'meeting',
  'interest',
] as const;
export type CollaborationKind = (typeof COLLABORATION_KINDS)[number];

export interface CollaborationsTable {
  id: Generated<string>;
  kind: CollaborationKind;
  /** The feature that recorded it ('partnership', 'opportunity_outcome', 'import', …). */
  source: string;
  /** Its row in that feature (unique with `source`). */
  source_id: string;
  happened_on: DateColumn;
  created_at: Timestamp;
}

export interface CollaborationMembersTable {
  collaboration_id: string;
  organisation_id: string;
}

export interface OrganisationDeclinesTable {
  /** Who declined. */
  organisation_id: string;
  /** Whom it declined: never recommended to it again. */
  declined_id: string;
  source: string;
  source_id: string;
  created_at: Timestamp;
}

export type Collaboration = Selectable<CollaborationsTable>;
export type NewCollaboration = Insertable<CollaborationsTable>;

export interface CollaborationsSchema {
  collaborations: CollaborationsTable;
  collaboration_members: CollaborationMembersTable;
  organisation_declines: OrganisationDeclinesTable;
}
