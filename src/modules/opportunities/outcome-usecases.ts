import { recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { OUTCOME_KINDS } from '../../platform/db/schema-opportunities.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import * as orepo from './outcome-repository.ts';
import { canRecordOutcome } from './policy.ts';
import * as repo from './repository.ts';
import { OutcomeInput } from './schemas.ts';
import { loadOpportunity } from './usecases.ts';

/**
 * What came of an opportunity: its poster's team records an outcome (a meeting held, a joint
 * proposal submitted, an agreement of a kind) with a partner organisation of the directory and a
 * date; once per partner and kind. Both organisations' profiles show it and the directory's
 * statistics count it; the collaboration graph follows by a trigger.
 */
export async function recordOutcome(s: Services, actor: Actor | null, key: string, raw: unknown) {
  const { opportunity: o, rel } = await loadOpportunity(s, actor, key);
  if (!canRecordOutcome(actor, rel))
    throw forbidden('Only the team that posted the opportunity records outcomes.');
  if (o.status !== 'published' && o.status !== 'withdrawn')
    throw new AppError('conflict', 'Outcomes are recorded for published opportunities.');
  const input = parseInput(OutcomeInput, raw);
  const partner = await repo.publishedOrganisation(s.db, input.partner);
  if (!partner)
    throw new AppError('validation', 'Some fields are not valid.', [
      { field: 'partner', message: 'v.unknown_organisation' },
    ]);
  if (partner.id === o.organisation_id)
    throw new AppError('validation', 'Some fields are not valid.', [
      { field: 'partner', message: 'v.partner_self' },
    ]);
  try {
    return await s.db.transaction().execute(async (trx) => {
      const outcome = await orepo.insertOutcome(trx, {
        opportunity_id: o.id,
        partner_organisation_id: partner.id,
        kind: input.kind,
        happened_on: input.happened_on,
        note: input.note,
        recorded_by: actor!.id,
      });
      await recordAudit(trx, {
        actorId: actor!.id,
        action: 'opportunity.outcome',
        subjectType: 'opportunity',
        subjectId: o.id,
        details: { outcome: outcome.id, kind: input.kind, partner: partner.id },
      });
      return outcome;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', 'This outcome with this partner is recorded already.');
    throw err;
  }
}

export async function outcomesFor(s: Services, actor: Actor | null, key: string) {
  const { opportunity } = await loadOpportunity(s, actor, key);
  return orepo.outcomesOf(s.db, opportunity.id);
}

/** An organisation's outcomes for its profile (public: published organisations only). */
export function profileOutcomes(s: Services, organisationId: string) {
  return orepo.outcomesOfOrganisation(s.db, organisationId);
}

/** Outcomes by kind, every kind listed, for the statistics. */
export async function outcomeStatistics(s: Services) {
  const counts = new Map((await orepo.countOutcomesByKind(s.db)).map((r) => [r.kind, r.count]));
  return OUTCOME_KINDS.map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}
