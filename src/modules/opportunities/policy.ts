import type { Actor } from '../../platform/services.ts';

/**
 * Who may do what with opportunities. The relation of a reader to one opportunity (`Relation`) is
 * worked out once by `loadOpportunity` (usecases.ts): on the poster's team, an editor, or on the
 * team of an organisation whose interest the poster accepted.
 */

export interface Relation {
  /** On the team (admin or member) of the posting organisation. */
  team: boolean;
  /** On the team of an organisation whose expression of interest the poster accepted. */
  accepted: boolean;
}

export const isStaff = (a: Actor | null) => a?.role === 'editor' || a?.role === 'admin';

/** The listing of published opportunities is public. */
export function canSearchOpportunities(_actor: Actor | null): boolean {
  return true;
}

/** A confirmed account on the team of a published organisation posts on its behalf. */
export function canPostOpportunity(actor: Actor | null, publishedTeams: number): boolean {
  return actor?.emailVerified === true && publishedTeams > 0;
}

/**
 * Published opportunities (expired or not) are public; withdrawn ones that were published too (their
 * page says so). Drafts, those awaiting review and returned ones: the poster's team and editors.
 */
export function canViewOpportunity(
  actor: Actor | null,
  o: { status: string; published_at: Date | null },
  rel: Relation,
): boolean {
  if (o.status === 'published') return true;
  if (o.status === 'withdrawn' && o.published_at !== null) return true;
  return rel.team || isStaff(actor);
}

/**
 * Whether the reader may know who posted it: always unless it is anonymous; then only its own team,
 * editors, and organisations whose interest it accepted.
 */
export function canSeePoster(actor: Actor | null, o: { anonymous: boolean }, rel: Relation): boolean {
  return !o.anonymous || rel.team || rel.accepted || isStaff(actor);
}

/** The poster's team edits, submits, withdraws and renews it; editors may correct it. */
export function canEditOpportunity(actor: Actor | null, rel: Relation): boolean {
  return actor !== null && (rel.team || isStaff(actor));
}

/** Editors publish an opportunity or return it with a reason. */
export function canModerateOpportunities(actor: Actor | null): boolean {
  return isStaff(actor);
}

/** A confirmed account on the team of another organisation than the poster's. */
export function canExpressInterest(actor: Actor | null, rel: Relation, otherTeams: number): boolean {
  return actor?.emailVerified === true && !rel.team && otherTeams > 0;
}

/** The poster's team sees the interests and answers them. */
export function canAnswerInterests(actor: Actor | null, rel: Relation): boolean {
  return actor !== null && rel.team;
}

/** Either side of an accepted interest proposes a meeting. */
export function canProposeMeeting(actor: Actor | null, side: { poster: boolean; interested: boolean }) {
  return actor !== null && (side.poster || side.interested);
}

/** Signed-in, confirmed people follow and comment; anyone signed in reports a comment. */
export function canFollow(actor: Actor | null): boolean {
  return actor !== null;
}
export function canComment(actor: Actor | null): boolean {
  return actor?.emailVerified === true;
}
export function canReportComment(actor: Actor | null): boolean {
  return actor !== null;
}

/** Editors and the poster's team hide (and show again) comments. */
export function canHideComment(actor: Actor | null, rel: Relation): boolean {
  return actor !== null && (rel.team || isStaff(actor));
}

/** The poster's team records what came of it. */
export function canRecordOutcome(actor: Actor | null, rel: Relation): boolean {
  return actor !== null && rel.team;
}
