import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The tables of B2B matchmaking (migration 0016). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;
type NullableJson<T> = ColumnType<T | null, string | T | null | undefined, string | T | null>;

export const REQUEST_MODES = ['approval', 'auto'] as const;
export type RequestMode = (typeof REQUEST_MODES)[number];
export const SCHEDULING_MODES = ['pick', 'engine'] as const;
export type SchedulingMode = (typeof SCHEDULING_MODES)[number];
export const MEETING_FORMATS = ['any', 'onsite', 'online'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const ITEM_SIDES = ['offer', 'need'] as const;
export type ItemSide = (typeof ITEM_SIDES)[number];
/** Business, technology, R&D partner, investment, other: each an offer or a need (`side`). */
export const ITEM_KINDS = ['business', 'technology', 'rd_partner', 'investment', 'other'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const OUTCOMES = [
  'no_follow_up',
  'cooperation_possible',
  'follow_up_planned',
  'agreement_signed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface MatchmakingSettingsTable {
  event_id: string;
  enabled: Generated<boolean>;
  /** Requests a participant may send (pending and accepted ones count). */
  request_quota: Generated<number>;
  /** The booking window: requests are sent and answered between these (null: no bound). */
  opens_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  request_mode: Generated<RequestMode>;
  scheduling_mode: Generated<SchedulingMode>;
  slot_minutes: Generated<number>;
  /** The fairness bound handed to the engine (max breaks − min breaks); null: the engine's default. */
  fairness: number | null;
  /** When the schedule was last published (null: never). */
  published_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MatchmakingSessionsTable {
  id: Generated<string>;
  event_id: string;
  /** "Day 1 morning". */
  label: string;
  starts_at: Date | string;
  ends_at: Date | string;
  /** How many tables (named "1"…"n" unless `table_names` names them; then its length). */
  tables: number;
  table_names: NullableJson<string[]>;
  created_at: Timestamp;
}

export interface MatchmakingSlotsTable {
  id: Generated<string>;
  event_id: string;
  session_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
}

export interface MatchmakingParticipantsTable {
  id: Generated<string>;
  event_id: string;
  user_id: string;
  registration_id: string | null;
  /** The directory profile the person meets for (null: an organisation without one; its name below). */
  organisation_id: string | null;
  name: string;
  organisation_name: string;
  country: string | null;
  organisation_kind: string | null;
  headline: Generated<string>;
  /** At a hybrid event: meets onsite, online, or either. */
  meeting_format: Generated<MeetingFormat>;
  status: Generated<'active' | 'withdrawn'>;
  /** When the reminder before the first meeting was sent. */
  reminded_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MatchmakingItemsTable {
  id: Generated<string>;
  event_id: string;
  participant_id: string;
  side: ItemSide;
  kind: ItemKind;
  title: string;
  description: Generated<string>;
  position: Generated<number>;
  created_at: Timestamp;
}

export interface MeetingRequestsTable {
  id: Generated<string>;
  event_id: string;
  from_participant: string;
  to_participant: string;
  message: Generated<string>;
  status: Generated<RequestStatus>;
  decline_reason: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingsTable {
  id: Generated<string>;
  event_id: string;
  request_id: string;
  participant_a: string;
  participant_b: string;
  /** The working placement (the draft while the schedule is unpublished); null: not placed. */
  slot_id: string | null;
  table_name: string | null;
  /** Kept where it is when the engine runs again. */
  locked: Generated<boolean>;
  /** Why the engine left it out (its words), when it is not placed. */
  unscheduled_reason: string | null;
  /** What the participants were last told (by publishing, or at once in pick mode). */
  published_slot_id: string | null;
  published_table: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A participant is busy in a slot: blocked by them (`meeting_id` null) or in that meeting. */
export interface MatchmakingSlotUsesTable {
  participant_id: string;
  slot_id: string;
  meeting_id: string | null;
}

export interface ScheduleRunsTable {
  id: Generated<string>;
  event_id: string;
  started_by: string | null;
  status: Generated<RunStatus>;
  /** What the organiser asked (time limit, fairness). */
  options: Json<Record<string, unknown>>;
  /** The engine's best so far and its bound, written while it runs. */
  progress: NullableJson<Record<string, unknown>>;
  /** The engine's status, metrics and reasons once it has finished. */
  result: NullableJson<Record<string, unknown>>;
  error: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface MeetingFeedbackTable {
  meeting_id: string;
  participant_id: string;
  rating: number;
  outcome: Outcome;
  comment: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MatchmakingSchema {
  matchmaking_settings: MatchmakingSettingsTable;
  matchmaking_sessions: MatchmakingSessionsTable;
  matchmaking_slots: MatchmakingSlotsTable;
  matchmaking_participants: MatchmakingParticipantsTable;
  matchmaking_items: MatchmakingItemsTable;
  meeting_requests: MeetingRequestsTable;
  meetings: MeetingsTable;
  matchmaking_slot_uses: MatchmakingSlotUsesTable;
  schedule_runs: ScheduleRunsTable;
  meeting_feedback: MeetingFeedbackTable;
}

export type MatchmakingSettings = Selectable<MatchmakingSettingsTable>;
export type MatchmakingSession = Selectable<MatchmakingSessionsTable>;
export type MatchmakingSlot = Selectable<MatchmakingSlotsTable>;
export type Participant = Selectable<MatchmakingParticipantsTable>;
export type NewParticipant = Insertable<MatchmakingParticipantsTable>;
export type MatchmakingItem = Selectable<MatchmakingItemsTable>;
export type MeetingRequest = Selectable<MeetingRequestsTable>;
export type Meeting = Selectable<MeetingsTable>;
export type ScheduleRun = Selectable<ScheduleRunsTable>;
export type MeetingFeedback = Selectable<MeetingFeedbackTable>;
