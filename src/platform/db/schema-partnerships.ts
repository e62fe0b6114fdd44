import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Partnerships (migration 0022). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar date, read as 'YYYY-MM-DD' text (see the date type parser in pool.ts). */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** The programme labels a partnership runs under (the seed newsletter names ESCP-4i, ESCP-S3, INNOSUP). */
export const PROGRAMMES = ['escp_4i', 'escp_s3', 'euroclusters', 'escp_4x', 'innosup', 'voluntary'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const PARTNERSHIP_STATUSES = ['draft', 'published'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
export const MEMBER_ROLES = ['coordinator', 'partner', 'associated_partner'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const AGREEMENT_KINDS = ['agreement', 'memorandum'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export interface PartnershipsTable {
  id: Generated<string>;
  seq: Generated<number>;
  slug: string;
  name: string;
  acronym: string | null;
  programme: Programme;
  description: Generated<string>;
  /** Derived from `description` by the repository on every write (sanitised). */
  description_html: Generated<string>;
  summary: Generated<string>;
  starts_on: DateColumn;
  ends_on: NullableDate;
  website: string | null;
  /** ISO 3166-1 alpha-2 codes. */
  target_markets: ColumnType<string[], string[] | undefined, string[]>;
  smes_reached: number | null;
  status: ColumnType<PartnershipStatus, PartnershipStatus | undefined, PartnershipStatus>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  organisation_id: string;
  role: MemberRole;
  joined_on: NullableDate;
}

export interface PartnershipAgreementsTable {
  id: Generated<string>;
  partnership_id: string;
  kind: AgreementKind;
  title: string;
  signed_on: DateColumn;
  document_url: string | null;
  position: Generated<number>;
}

export interface PartnershipEventsTable {
  partnership_id: string;
  event_id: string;
}

/** A news item: a titled link with a date (there is no news module). */
export interface PartnershipNewsTable {
  id: Generated<string>;
  partnership_id: string;
  title: string;
  url: string;
  published_on: DateColumn;
  position: Generated<number>;
}

export interface PartnershipSearchTable {
  seq: number;
  search_vector: string;
  title_words: string;
  tag_words: string;
}

export interface PartnershipsVersionTable {
  id: Generated<boolean>;
  version: number;
}

export type Partnership = Selectable<PartnershipsTable>;
export type NewPartnership = Insertable<PartnershipsTable>;

export interface PartnershipsSchema {
  partnerships: PartnershipsTable;
  partnership_members: PartnershipMembersTable;
  partnership_agreements: PartnershipAgreementsTable;
  partnership_events: PartnershipEventsTable;
  partnership_news: PartnershipNewsTable;
  partnership_search: PartnershipSearchTable;
  partnerships_version: PartnershipsVersionTable;
}
