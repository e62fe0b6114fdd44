import { DateTime } from 'luxon';
import { recordAudit } from '../../platform/audit/audit.ts';
import {
  KIND_CODES,
  type Opportunity,
  type OpportunityStatus,
} from '../../platform/db/schema-opportunities.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { notifyFollowers, notifyTeam } from './notify.ts';
import {
  canEditOpportunity,
  canModerateOpportunities,
  canPostOpportunity,
  canViewOpportunity,
  type Relation,
} from './policy.ts';
import type { OpportunityRow } from './repository.ts';
import * as repo from './repository.ts';
import { OpportunityInput, RenewInput, ReturnInput } from './schemas.ts';

/**
 * Posting and moderating opportunities: each use case parses, asks the policy and changes in one
 * transaction with its audit entry and its mail. Review as for profiles: a team saves a draft or
 * submits it (`pending`), an editor publishes it (it then expires `expiry_months` later) or returns
 * it with a reason, and the team's next submission sends it back to review. The team may withdraw
 * it, and renew a published one (expired or not) by 1 to 12 months, never beyond 12 from now.
 */

type Db = Services['db'];
const NOT_FOUND = 'No such opportunity.';

/** The opportunity and the reader's relation to it; one the reader may not see is not found. */
export async function loadOpportunity(s: Services, actor: Actor | null, key: string) {
  const opportunity = await repo.findOpportunityRow(s.db, key);
  if (!opportunity) throw notFound(NOT_FOUND);
  const rel = await relationOf(s.db, actor, opportunity);
  if (!canViewOpportunity(actor, opportunity, rel)) throw notFound(NOT_FOUND);
  return { opportunity, rel };
}

export async function relationOf(db: Db, actor: Actor | null, o: Opportunity): Promise<Relation> {
  if (!actor) return { team: false, accepted: false };
  const teams = await repo.teamOrganisations(db, actor.id);
  const team = teams.some((t) => t.id === o.organisation_id);
  return { team, accepted: !team && (await repo.isOnAcceptedTeam(db, o.id, actor.id)) };
}

/** Whether the actor may open the form, and for which of their (published) organisations. */
export async function postingContext(s: Services, actor: Actor) {
  const teams = (await repo.teamOrganisations(s.db, actor.id)).filter((o) => o.status === 'published');
  return { allowed: canPostOpportunity(actor, teams.length), teams };
}

/** `TO-DE-20261124` for a technology offer of a German organisation posted on 24 November 2026. */
export function referencePrefix(kind: Opportunity['kind'], country: string, at: Date): string {
  return `${KIND_CODES[kind]}-${country}-${at.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** The full reference: the prefix and the day's sequence, four digits at least. */
export const referenceOf = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}`;

function columnsOf(input: OpportunityInput) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    ecosystems: input.ecosystems,
    nace: input.nace,
    kets: input.kets,
    keywords: input.keywords,
    target_countries: input.target_countries,
    deadline: input.deadline ?? null,
    anonymous: input.anonymous,
    expiry_months: input.expiry_months,
  };
}

/** An opportunity as its form and the API write it (what a PATCH merges into). */
export function inputOf(o: OpportunityRow): Record<string, unknown> {
  return {
    kind: o.kind,
    organisation: o.organisation.id,
    title: o.title,
    summary: o.summary,
    description: o.description,
    ecosystems: o.ecosystems,
    nace: o.nace,
    kets: o.kets,
    keywords: o.keywords,
    target_countries: o.target_countries,
    deadline: o.deadline,
    anonymous: o.anonymous,
    expiry_months: o.expiry_months,
    submit: false,
  };
}

/** Posts an opportunity for one of the actor's organisations: a draft, or submitted for review. */
export async function createOpportunity(
  s: Services,
  actor: Actor | null,
  raw: unknown,
): Promise<OpportunityRow> {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { allowed, teams } = await postingContext(s, actor);
  if (!allowed) throw forbidden('Only the team of a published organisation may post an opportunity.');
  const input = parseInput(OpportunityInput, raw);
  const org = teams.find((t) => t.id === input.organisation || t.slug === input.organisation);
  if (!org)
    throw new AppError('forbidden', 'You may only post on behalf of an organisation whose team you are on.', [
      { field: 'organisation', message: 'v.not_your_organisation' },
    ]);
  const now = new Date();
  const id = await s.db.transaction().execute(async (trx) => {
    const prefix = referencePrefix(input.kind, org.country, now);
    const n = await repo.nextReferenceNumber(trx, prefix);
    const row = await repo.insertOpportunity(trx, {
      ...columnsOf(input),
      reference: referenceOf(prefix, n),
      organisation_id: org.id,
      kind: input.kind,
      status: input.submit ? 'pending' : 'draft',
      submitted_at: input.submit ? now : null,
      created_by: actor.id,
    });
    const audit = { actorId: actor.id, subjectType: 'opportunity', subjectId: row.id };
    await recordAudit(trx, { ...audit, action: 'opportunity.create', details: { reference: row.reference } });
    if (input.submit) await recordAudit(trx, { ...audit, action: 'opportunity.submit' });
    return row.id;
  });
  return (await repo.findOpportunityRow(s.db, id))!;
}

const EDITABLE: OpportunityStatus[] = ['draft', 'returned', 'pending', 'published'];

/**
 * Changes an opportunity. `replace` (the form) states every field, `patch` (the API) only those
 * sent. Its kind and organisation are in its reference: they cannot change (422). A draft or a
 * returned one is submitted when `submit` is set; a published one's changes go live at once
 * (audited, followers told).
 */
export async function updateOpportunity(
  s: Services,
  actor: Actor | null,
  key: string,
  raw: unknown,
  mode: 'replace' | 'patch',
): Promise<OpportunityRow> {
  const { opportunity: o, rel } = await loadOpportunity(s, actor, key);
  if (!canEditOpportunity(actor, rel)) throw forbidden();
  if (!EDITABLE.includes(o.status))
    throw new AppError('conflict', 'A withdrawn opportunity cannot be changed.');
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const merged = mode === 'patch' ? { ...inputOf(o), ...body } : { organisation: o.organisation.id, ...body };
  const input = parseInput(OpportunityInput, merged);
  const fixed = [
    ...(input.kind !== o.kind ? [{ field: 'kind', message: 'v.fixed' }] : []),
    ...(input.organisation !== o.organisation.id && input.organisation !== o.organisation.slug
      ? [{ field: 'organisation', message: 'v.fixed' }]
      : []),
  ];
  if (fixed.length) throw validation(fixed);
  const submit = input.submit && (o.status === 'draft' || o.status === 'returned');
  await s.db.transaction().execute(async (trx) => {
    await repo.updateOpportunity(trx, o.id, {
      ...columnsOf(input),
      ...(submit ? { status: 'pending', submitted_at: new Date(), return_reason: null } : {}),
    });
    const audit = { actorId: actor!.id, subjectType: 'opportunity', subjectId: o.id };
    await recordAudit(trx, { ...audit, action: 'opportunity.update', details: { status: o.status } });
    if (submit) await recordAudit(trx, { ...audit, action: 'opportunity.submit' });
    if (o.status === 'published') await notifyFollowers(s, trx, o, 'mail.opportunity_updated', actor!.id);
  });
  return (await repo.findOpportunityRow(s.db, o.id))!;
}

/** An editor publishes an opportunity awaiting review; it expires `expiry_months` later. */
export async function publishOpportunity(
  s: Services,
  actor: Actor | null,
  key: string,
): Promise<Opportunity> {
  if (!canModerateOpportunities(actor)) throw forbidden();
  const { opportunity: o } = await loadOpportunity(s, actor, key);
  return s.db.transaction().execute(async (trx) => {
    const now = new Date();
    const updated = await repo.transitionOpportunity(trx, o.id, ['pending'], {
      status: 'published',
      published_at: now,
      expires_at: DateTime.fromJSDate(now).plus({ months: o.expiry_months }).toJSDate(),
      return_reason: null,
      renewal_reminder_sent_at: null,
      expiry_noted_at: null,
    });
    if (!updated) throw new AppError('conflict', 'Only an opportunity awaiting review can be published.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'opportunity.publish',
      subjectType: 'opportunity',
      subjectId: o.id,
    });
    await notifyTeam(s, trx, updated, 'mail.opportunity_published');
    return updated;
  });
}

/** An editor returns an opportunity awaiting review with a reason, mailed to the team. */
export async function returnOpportunity(
  s: Services,
  actor: Actor | null,
  key: string,
  raw: unknown,
): Promise<Opportunity> {
  if (!canModerateOpportunities(actor)) throw forbidden();
  const { opportunity: o } = await loadOpportunity(s, actor, key);
  const { reason } = parseInput(ReturnInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transitionOpportunity(trx, o.id, ['pending'], {
      status: 'returned',
      return_reason: reason,
    });
    if (!updated) throw new AppError('conflict', 'Only an opportunity awaiting review can be returned.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'opportunity.return',
      subjectType: 'opportunity',
      subjectId: o.id,
      details: { reason },
    });
    await notifyTeam(s, trx, updated, 'mail.opportunity_returned', { reason });
    return updated;
  });
}

/** The team withdraws its opportunity: it leaves the listing; no interest can be expressed any more. */
export async function withdrawOpportunity(
  s: Services,
  actor: Actor | null,
  key: string,
): Promise<Opportunity> {
  const { opportunity: o, rel } = await loadOpportunity(s, actor, key);
  if (!canEditOpportunity(actor, rel)) throw forbidden();
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transitionOpportunity(
      trx,
      o.id,
      ['draft', 'pending', 'returned', 'published'],
      {
        status: 'withdrawn',
        withdrawn_at: new Date(),
      },
    );
    if (!updated) throw new AppError('conflict', 'This opportunity is withdrawn already.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'opportunity.withdraw',
      subjectType: 'opportunity',
      subjectId: o.id,
    });
    if (o.status === 'published')
      await notifyFollowers(s, trx, updated, 'mail.opportunity_withdrawn', actor!.id);
    return updated;
  });
}

/** The latest a renewal may reach: twelve months from now. */
export const renewalLimit = (now: Date) => DateTime.fromJSDate(now).plus({ months: 12 }).toJSDate();

/**
 * Renews a published opportunity (expired or not) by the chosen months, counted from its expiry or
 * from now when that is past, and never beyond twelve months from now.
 */
export async function renewOpportunity(
  s: Services,
  actor: Actor | null,
  key: string,
  raw: unknown,
): Promise<Opportunity> {
  const { opportunity: o, rel } = await loadOpportunity(s, actor, key);
  if (!canEditOpportunity(actor, rel)) throw forbidden();
  const { months } = parseInput(RenewInput, raw);
  if (o.status !== 'published')
    throw new AppError('conflict', 'Only a published opportunity can be renewed.');
  const now = new Date();
  const from = o.expires_at && o.expires_at > now ? o.expires_at : now;
  const wanted = DateTime.fromJSDate(from).plus({ months }).toJSDate();
  const limit = renewalLimit(now);
  const expires = new Date(Math.min(wanted.getTime(), limit.getTime()));
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transitionOpportunity(trx, o.id, ['published'], {
      expires_at: expires,
      renewal_reminder_sent_at: null,
      expiry_noted_at: null,
    });
    if (!updated) throw new AppError('conflict', 'Only a published opportunity can be renewed.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'opportunity.renew',
      subjectType: 'opportunity',
      subjectId: o.id,
      details: { before: o.expires_at?.toISOString() ?? null, after: expires.toISOString() },
    });
    return updated;
  });
}
