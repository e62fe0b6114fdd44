import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The tables of calls for ideas and awards (migration 0015). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const IDEA_FORMATS = ['talk', 'panel', 'workshop', 'demo'] as const;
export type IdeaFormat = (typeof IDEA_FORMATS)[number];
export const IDEA_STATUSES = ['proposed', 'shortlisted', 'accepted', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export interface IdeaCallsTable {
  event_id: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdeasTable {
  id: Generated<string>;
  event_id: string;
  author_id: string | null;
  title: string;
  abstract: string;
  format: IdeaFormat;
  status: Generated<IdeaStatus>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdeaVotesTable {
  idea_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface AwardCategoriesTable {
  id: Generated<string>;
  event_id: string;
  title: string;
  description: Generated<string>;
  /** The last instant applications are accepted (forms show it in the event's zone). */
  deadline: Timestamp;
  position: Generated<number>;
  /** Set when an editor publishes the winners: from then on they are public and scores are final. */
  winners_published_at: NullableTimestamp;
  winners_published_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AwardApplicationsTable {
  id: Generated<string>;
  category_id: string;
  organisation_id: string;
  submitted_by: string | null;
  text: string;
  attachment_url: string | null;
  winner: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AwardJurorsTable {
  event_id: string;
  user_id: string;
  assigned_by: string | null;
  created_at: Timestamp;
}

export interface AwardScoresTable {
  application_id: string;
  juror_id: string;
  score: number;
  comment: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdeasAwardsSchema {
  idea_calls: IdeaCallsTable;
  ideas: IdeasTable;
  idea_votes: IdeaVotesTable;
  award_categories: AwardCategoriesTable;
  award_applications: AwardApplicationsTable;
  award_jurors: AwardJurorsTable;
  award_scores: AwardScoresTable;
}

export type IdeaCall = Selectable<IdeaCallsTable>;
export type Idea = Selectable<IdeasTable>;
export type NewIdea = Insertable<IdeasTable>;
export type AwardCategory = Selectable<AwardCategoriesTable>;
export type NewAwardCategory = Insertable<AwardCategoriesTable>;
export type AwardApplication = Selectable<AwardApplicationsTable>;
