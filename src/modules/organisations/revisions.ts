import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import {
  CHANGEABLE_COLUMNS,
  columnValue,
  isIdentifying,
  pickColumns,
  proposedFields,
  sameValue,
  toUpdate,
} from './changes.ts';
import { canReviewRevisions } from './policy.ts';
import * as repo from './repository.ts';
import * as revisionRepo from './revision-repository.ts';
import { ReturnInput, RevisionDecisionInput } from './schemas.ts';
import { loadForActor, notifyTeam } from './usecases.ts';

const decided = () =>
  new AppError(
    'conflict',
    'This change has already been decided, or the team changed it since you opened it.',
  );

/**
 * Writes values to the locked profile row and audits them with the values they replaced (what a
 * revert puts back); `ref` names what the change comes from. Returns the updated row.
 */
async function writeAudited(
  trx: Kysely<DB>,
  actor: Actor,
  live: Organisation,
  values: Record<string, unknown>,
  action: 'organisation.revision_publish' | 'organisation.revert',
  ref: Record<string, unknown>,
) {
  const fields = Object.keys(values);
  const updated = await repo.updateOrganisation(trx, live.id, {
    ...toUpdate(values),
    updated_at: new Date(),
  });
  await recordAudit(trx, {
    actorId: actor.id,
    action,
    subjectType: 'organisation',
    subjectId: live.id,
    details: {
      ...ref,
      fields,
      before: pickColumns(live, fields),
      after: pickColumns(updated, fields),
      published: live.status === 'published',
    },
  });
  return updated;
}

/** A pending revision as the editor reviews it: each field published now and proposed. */
export async function revisionForReview(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!canReviewRevisions(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, idOrSlug);
  const revision = await revisionRepo.pendingRevision(s.db, org.id);
  if (!revision) throw notFound('No change to this profile awaits review.');
  const diff = proposedFields(revision.proposed).map((field) => ({
    field,
    current: columnValue(org, field),
    proposed: revision.proposed[field],
    // The published value moved since the team proposed (an editor's own edit, a revert).
    changedSince: !sameValue(revision.base[field], columnValue(org, field)),
  }));
  return { org, revision, diff, proposer: await revisionRepo.userName(s.db, revision.proposed_by) };
}

function decisionOf(raw: unknown) {
  const { revision, version } = parseInput(RevisionDecisionInput, raw ?? {});
  const at = version ? new Date(version) : undefined;
  if (at && Number.isNaN(at.getTime())) throw decided();
  return { revision, version: at };
}

/** Publishes the proposed values; the published profile and the revision change together. */
export async function publishRevision(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown = {}) {
  if (!canReviewRevisions(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, idOrSlug);
  const seen = decisionOf(raw);
  return s.db.transaction().execute(async (trx) => {
    const live = await revisionRepo.lockOrganisation(trx, org.id);
    const pending = await revisionRepo.pendingRevision(trx, org.id);
    if (!live || !pending || (seen.revision && seen.revision !== pending.id)) throw decided();
    const revision = await revisionRepo.decideRevision(trx, pending.id, {
      status: 'published',
      decidedBy: actor!.id,
      version: seen.version,
    });
    if (!revision) throw decided();
    // Only identifying fields are ever held; a field already at its proposed value is left alone.
    const fields = Object.keys(pending.proposed).filter(
      (f) => isIdentifying(f) && !sameValue(pending.proposed[f], columnValue(live, f)),
    );
    const after = Object.fromEntries(fields.map((f) => [f, pending.proposed[f]]));
    const updated = await writeAudited(trx, actor!, live, after, 'organisation.revision_publish', {
      revision: revision.id,
    });
    await notifyTeam(s, trx, updated, 'mail.revision_published');
    return { org: { ...updated, has_logo: org.has_logo }, revision };
  });
}

/** Returns the proposal to the team with a reason; the published profile stays as it is. */
export async function returnRevision(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!canReviewRevisions(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, idOrSlug);
  const { reason } = parseInput(ReturnInput, raw);
  const seen = decisionOf(raw);
  return s.db.transaction().execute(async (trx) => {
    const pending = await revisionRepo.pendingRevision(trx, org.id);
    if (!pending || (seen.revision && seen.revision !== pending.id)) throw decided();
    const revision = await revisionRepo.decideRevision(trx, pending.id, {
      status: 'returned',
      reason,
      decidedBy: actor!.id,
      version: seen.version,
    });
    if (!revision) throw decided();
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.revision_return',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { revision: revision.id, fields: Object.keys(pending.proposed), reason },
    });
    await notifyTeam(s, trx, org, 'mail.revision_returned', { reason });
    return { org, revision };
  });
}

/** Recent changes to published profiles, for editors to check and, if need be, revert. */
export async function recentChanges(s: Services, actor: Actor | null) {
  if (!canReviewRevisions(actor)) throw forbidden();
  const rows = await revisionRepo.recentChanges(s.db, 100);
  return rows.map((r) => {
    const d = r.details as { before?: Record<string, unknown>; after?: Record<string, unknown> };
    return { ...r, before: d.before ?? {}, after: d.after ?? {}, revertible: !r.reverted && !!d.before };
  });
}

/** Puts back the values a change replaced; the revert is itself a change, audited as such. */
export async function revertChange(s: Services, actor: Actor | null, changeId: string) {
  if (!canReviewRevisions(actor)) throw forbidden();
  const id = Number(changeId);
  if (!/^\d{1,15}$/.test(changeId) || !Number.isSafeInteger(id)) throw notFound('No such change.');
  const change = await revisionRepo.findChange(s.db, id);
  if (!change) throw notFound('No such change.');
  const before = (change.details as { before?: Record<string, unknown> }).before ?? {};
  const fields = Object.keys(before).filter((f) => CHANGEABLE_COLUMNS.has(f));
  if (fields.length === 0) throw new AppError('conflict', 'This change has nothing to revert.');
  return s.db.transaction().execute(async (trx) => {
    // The row lock makes a second, concurrent revert of the same change wait and then see the first.
    const live = await revisionRepo.lockOrganisation(trx, change.subject_id);
    if (!live) throw notFound('No such organisation.');
    if (await revisionRepo.changeReverted(trx, id))
      throw new AppError('conflict', 'This change is already reverted.');
    // A field changed again since this change would lose that later change: refused, naming the
    // fields (revert the later change first), as a wiki's undo refuses over a later edit.
    const after = (change.details as { after?: Record<string, unknown> }).after ?? {};
    const now = pickColumns(live, fields);
    const changedSince = fields.filter((f) => canonical(now[f]) !== canonical(after[f]));
    if (changedSince.length)
      throw new AppError(
        'conflict',
        `Changed again since: ${changedSince.join(', ')}. Revert the later change first.`,
        changedSince.map((field) => ({ field, message: 'v.changed_since' })),
      );
    const restore = Object.fromEntries(fields.map((f) => [f, before[f]]));
    return writeAudited(trx, actor!, live, restore, 'organisation.revert', { reverts: id });
  });
}

/** A value as JSON with object keys sorted: the audit log's jsonb keeps keys in an order of its own. */
function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object' && !(x instanceof Date)
        ? Object.fromEntries(
            Object.keys(x as Record<string, unknown>)
              .sort()
              .map((k) => [k, sort((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(sort(v ?? null));
}
