import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The tables of event registration (migration 0014). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export const QUESTION_KINDS = ['text', 'single', 'multiple', 'checkbox'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const ORGANISATION_KINDS = [
  'cluster_organisation',
  'sme',
  'large_company',
  'research',
  'public_body',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export const REGISTRATION_SOURCES = ['self', 'visitor', 'organiser', 'import', 'api', 'demo'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];
/** An answer: text (text, single choice), the options chosen (multiple choice), ticked or not (checkbox). */
export type Answer = string | string[] | boolean;

export interface RegistrationSettingsTable {
  event_id: string;
  enabled: Generated<boolean>;
  /** Seats; null: no limit. */
  capacity: number | null;
  opens_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  visitors_allowed: Generated<boolean>;
  updated_at: Timestamp;
}

export interface RegistrationQuestionsTable {
  id: Generated<string>;
  event_id: string;
  position: Generated<number>;
  kind: QuestionKind;
  label: string;
  required: Generated<boolean>;
  /** The choices of a single or multiple choice question. */
  options: Json<string[]>;
}

export interface RegistrationsTable {
  id: Generated<string>;
  event_id: string;
  /** Arrival order across all events (only the order within an event matters). */
  arrival: Generated<number>;
  user_id: string | null;
  name: string;
  email: string;
  organisation_name: Generated<string>;
  country: string | null;
  organisation_kind: OrganisationKind | null;
  /** By question id. */
  answers: Json<Record<string, Answer>>;
  status: RegistrationStatus;
  source: RegistrationSource;
  /** The language the registrant's mails are written in. */
  lang: Generated<string>;
  checked_in_at: NullableTimestamp;
  promoted_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RegistrationCancelTokensTable {
  token_hash: string;
  registration_id: string;
  created_at: Timestamp;
}

export interface RegistrationAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  created_at: Timestamp;
}

export interface RegistrationsSchema {
  registration_settings: RegistrationSettingsTable;
  registration_questions: RegistrationQuestionsTable;
  registrations: RegistrationsTable;
  registration_cancel_tokens: RegistrationCancelTokensTable;
  registration_attempts: RegistrationAttemptsTable;
}

export type RegistrationSettings = Selectable<RegistrationSettingsTable>;
export type RegistrationQuestion = Selectable<RegistrationQuestionsTable>;
export type Registration = Selectable<RegistrationsTable>;
export type NewRegistration = Insertable<RegistrationsTable>;
