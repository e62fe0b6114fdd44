import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Hand-written to match migrations/; a test compares columns against the live catalogue.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export type Role = 'user' | 'editor' | 'admin';
export type OrganisationStatus = 'draft' | 'needs_review' | 'published' | 'returned';

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  role: Generated<Role>;
  locale: string | null;
  email_verified_at: NullableTimestamp;
  disabled_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuthTokensTable {
  id: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password' | 'sign_in';
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  created_at: Generated<Date>;
}

export interface MailMessagesTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: Generated<'queued' | 'sent' | 'failed' | 'outbox'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  run_at: Generated<Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  done_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  external_id: string | null;
  name: string;
  acronym: string | null;
  type: 'cluster_organisation' | 'cluster_member' | 'cluster_project' | 'national_association';
  country: string;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  founded_year: number | null;
  description: Generated<string>;
  /** Derived from `description` by the repository on every write: sanitised HTML and plain text. */
  description_html: Generated<string>;
  summary: Generated<string>;
  members_sme: Generated<number>;
  members_large: Generated<number>;
  members_research: Generated<number>;
  members_public: Generated<number>;
  members_other: Generated<number>;
  management_fte: number | null;
  ecosystems: Generated<string[]>;
  emerging_industries: Generated<string[]>;
  nace: Generated<string[]>;
  kets: Generated<string[]>;
  keywords: Generated<string[]>;
  value_chains: Generated<string[]>;
  target_markets: Generated<string[]>;
  label: Generated<'none' | 'bronze' | 'silver' | 'gold'>;
  label_valid_from: string | null;
  label_valid_until: string | null;
  contact_name: string | null;
  contact_email: string | null;
  social: Json<Record<string, string>>;
  status: Generated<OrganisationStatus>;
  return_reason: string | null;
  eligibility_waiver: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: NullableTimestamp;
  published_at: NullableTimestamp;
  stale_reminder_sent_at: NullableTimestamp;
}

export interface OrganisationLogosTable {
  organisation_id: string;
  content_type: string;
  data: Buffer;
  width: number;
  height: number;
  updated_at: Generated<Date>;
}

export interface OrganisationMembersTable {
  organisation_id: string;
  user_id: string;
  role: 'admin' | 'member';
  created_at: Generated<Date>;
}

export interface OrganisationInvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: 'admin' | 'member';
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
}

export interface DB {
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  api_tokens: ApiTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  mail_messages: MailMessagesTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
  organisations: OrganisationsTable;
  organisation_logos: OrganisationLogosTable;
  organisation_members: OrganisationMembersTable;
  organisation_invitations: OrganisationInvitationsTable;
}

export type User = Selectable<UsersTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
