import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

/** Collaboration opportunities (migrations 0020, 0021). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * The kinds of opportunity and the two letters each one's reference starts with
 * (`TO-DE-20261124-0003` is a technology offer).
 */
export const OPPORTUNITY_KINDS = [
  'business_offer',
  'business_request',
  'technology_offer',
  'technology_request',
  'rd_partner',
  'cascade_funding',
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const KIND_CODES: Record<OpportunityKind, string> = {
  business_offer: 'BO',
  business_request: 'BR',
  technology_offer: 'TO',
  technology_request: 'TR',
  rd_partner: 'RD',
  cascade_funding: 'CF',
};

export const OPPORTUNITY_STATUSES = ['draft', 'pending', 'published', 'returned', 'withdrawn'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const INTEREST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];
export const OUTCOME_KINDS = [
  'meeting_held',
  'joint_proposal',
  'agreement_commercial',
  'agreement_technical',
  'agreement_research',
  'agreement_joint_venture',
  'agreement_licence',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface OpportunitiesTable {
  id: Generated<string>;
  seq: GeneratedAlways<number>;
  reference: string;
  organisation_id: string;
  kind: OpportunityKind;
  title: string;
  summary: Generated<string>;
  description: Generated<string>;
  /** Rendered and sanitised from `description` by the repository on every write. */
  description_html: Generated<string>;
  ecosystems: Generated<string[]>;
  nace: Generated<string[]>;
  /** Derived from `nace` by the repository. */
  nace_sections: Generated<string[]>;
  kets: Generated<string[]>;
  keywords: Generated<string[]>;
  target_countries: Generated<string[]>;
  /** `YYYY-MM-DD`. */
  deadline: string | null;
  anonymous: Generated<boolean>;
  status: Generated<OpportunityStatus>;
  return_reason: string | null;
  expiry_months: Generated<number>;
  /** Set when published (published_at + expiry_months), moved by renewals. */
  expires_at: NullableTimestamp;
  renewal_reminder_sent_at: NullableTimestamp;
  /** Set by the timers once the opportunity has expired: the write that takes it out of search. */
  expiry_noted_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  published_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
}

export interface OpportunityReferenceCountersTable {
  prefix: string;
  last: number;
}

export interface OpportunityInterestsTable {
  id: Generated<string>;
  opportunity_id: string;
  organisation_id: string;
  user_id: string | null;
  offer: string;
  seek: string;
  next_step: string;
  status: Generated<InterestStatus>;
  decline_reason: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OpportunityMeetingsTable {
  id: Generated<string>;
  interest_id: string;
  proposed_by_organisation: string;
  proposed_by_user: string | null;
  starts_at: Timestamp;
  online: boolean;
  place: string | null;
  note: Generated<string>;
  created_at: Timestamp;
}

export interface OpportunityFollowsTable {
  opportunity_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface OpportunityCommentsTable {
  id: Generated<string>;
  opportunity_id: string;
  user_id: string | null;
  body: string;
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  report_count: Generated<number>;
  created_at: Timestamp;
}

export interface OpportunityCommentReportsTable {
  comment_id: string;
  user_id: string;
  reason: Generated<string>;
  created_at: Timestamp;
}

export interface OpportunityOutcomesTable {
  id: Generated<string>;
  opportunity_id: string;
  partner_organisation_id: string;
  kind: OutcomeKind;
  /** `YYYY-MM-DD`. */
  happened_on: string;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface OpportunitySearchTable {
  seq: number;
  search_vector: string;
  title_words: string;
  tag_words: string;
}

export interface OpportunitiesVersionTable {
  id: Generated<boolean>;
  version: string;
}

export type Opportunity = Selectable<OpportunitiesTable>;
export type NewOpportunity = Insertable<OpportunitiesTable>;
export type OpportunityUpdate = Updateable<OpportunitiesTable>;
export type Interest = Selectable<OpportunityInterestsTable>;
export type Outcome = Selectable<OpportunityOutcomesTable>;
export type Comment = Selectable<OpportunityCommentsTable>;

export interface OpportunitiesSchema {
  opportunities: OpportunitiesTable;
  opportunity_reference_counters: OpportunityReferenceCountersTable;
  opportunity_interests: OpportunityInterestsTable;
  opportunity_meetings: OpportunityMeetingsTable;
  opportunity_follows: OpportunityFollowsTable;
  opportunity_comments: OpportunityCommentsTable;
  opportunity_comment_reports: OpportunityCommentReportsTable;
  opportunity_outcomes: OpportunityOutcomesTable;
  opportunity_search: OpportunitySearchTable;
  opportunities_version: OpportunitiesVersionTable;
}
