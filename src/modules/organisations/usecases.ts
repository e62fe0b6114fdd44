import { recordAudit } from '../../platform/audit/audit.ts';
import type { Organisation, OrganisationRevision, OrganisationUpdate } from '../../platform/db/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { isLang, translate } from '../../platform/i18n/index.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import * as teamRepo from '../teams/repository.ts';
import { changedFields, columnValue, isIdentifying, patchValue, pickColumns, sameValue } from './changes.ts';
import { eligibilityWarnings, websiteHost } from './eligibility.ts';
import {
  canCreateOrganisation,
  canEditOrganisation,
  canModerateOrganisations,
  canSubmitOrganisation,
  canViewOrganisation,
  changesNeedReview,
  type Membership,
} from './policy.ts';
import type { OrganisationWithLogo } from './repository.ts';
import * as repo from './repository.ts';
import * as revisionRepo from './revision-repository.ts';
import {
  CreateOrganisationInput,
  type OrganisationPatch,
  PROFILE_FIELDS,
  ReturnInput,
  UpdateOrganisationInput,
  WaiverInput,
} from './schemas.ts';
import { slugify } from './slug.ts';

type Db = Services['db'];

/** Maps validated input onto columns; only keys present in the input are touched. */
export function toColumns(input: OrganisationPatch): OrganisationUpdate {
  const out: OrganisationUpdate = {};
  const direct = PROFILE_FIELDS;
  const target = out as Record<string, unknown>;
  for (const key of direct) {
    if (key in input) {
      const v = input[key];
      target[key] = v === undefined ? (key.startsWith('members_') ? 0 : null) : v;
    }
  }
  const social: Record<string, string> = {};
  let socialTouched = false;
  for (const net of ['linkedin', 'x', 'youtube', 'facebook'] as const) {
    const key = `social_${net}` as const;
    if (key in input) {
      socialTouched = true;
      const v = input[key];
      if (v) social[net] = v;
    }
  }
  if (socialTouched) out.social = JSON.stringify(social);
  return out;
}

/** Keeps only what the caller sent, so that a PATCH never clears a field it did not mention. */
function presentKeys<T extends object>(parsed: T, raw: unknown): Partial<T> {
  if (!raw || typeof raw !== 'object') return {};
  const sent = new Set(Object.keys(raw));
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => sent.has(k))) as Partial<T>;
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 1; i < 1000; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!(await repo.slugTaken(db, candidate))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

export async function createOrganisation(
  s: Services,
  actor: Actor | null,
  raw: unknown,
): Promise<OrganisationWithLogo> {
  if (!canCreateOrganisation(actor)) {
    throw actor
      ? forbidden('Verify your e-mail address before creating an organisation.')
      : new AppError('unauthenticated', 'Sign in first.');
  }
  const input = parseInput(CreateOrganisationInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const org = await repo.insertOrganisation(trx, {
      ...(toColumns(input) as Required<Pick<Organisation, 'name' | 'type' | 'country'>>),
      slug: await uniqueSlug(trx, input.name),
      status: 'draft',
      created_by: actor!.id,
    });
    await teamRepo.upsertMember(trx, org.id, actor!.id, 'admin');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.create',
      subjectType: 'organisation',
      subjectId: org.id,
    });
    return { ...org, has_logo: false };
  });
}

export async function loadForActor(s: Services, actor: Actor | null, idOrSlug: string) {
  const org = (await repo.findById(s.db, idOrSlug)) ?? (await repo.findBySlug(s.db, idOrSlug));
  if (!org) throw notFound('No such organisation.');
  const membership: Membership = actor ? await teamRepo.membershipOf(s.db, org.id, actor.id) : null;
  // A profile the actor may not see is reported as absent, not as forbidden.
  if (!canViewOrganisation(actor, org, membership)) throw notFound('No such organisation.');
  return { org, membership };
}

/** What an update did: the live profile, and the revision its identifying changes wait in. */
export interface UpdateResult {
  /** The profile as visitors see it after the change. */
  org: OrganisationWithLogo;
  /** The organisation's pending revision after the change, if there is one. */
  revision: OrganisationRevision | null;
  /** The fields of this request that wait for an editor instead of going live. */
  held: string[];
}

/**
 * Updates a profile. `mode: 'replace'` (the HTML form) validates the whole profile; `'patch'` (the
 * API) validates and changes only the fields sent. On a published profile, a team member's changes
 * to what identifies the organisation go to its pending revision for an editor; the rest goes live.
 */
export async function updateOrganisation(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: unknown,
  mode: 'replace' | 'patch',
): Promise<UpdateResult> {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canEditOrganisation(actor, org, membership)) throw forbidden();
  const review = changesNeedReview(actor, org);
  const pending = review ? await revisionRepo.pendingRevision(s.db, org.id) : undefined;
  // The team edits on top of its pending proposal: a region is checked against the proposed country.
  const current = { ...org, ...(pending?.proposed ?? {}) } as Organisation;
  const input =
    mode === 'replace'
      ? parseInput(CreateOrganisationInput, raw)
      : presentKeys(
          parseInput(UpdateOrganisationInput, { country: current.country, ...(raw as object) }),
          raw,
        );
  if (
    mode === 'patch' &&
    'region' in input === false &&
    'country' in input &&
    input.country !== current.country &&
    current.region
  ) {
    // Moving to another country invalidates the old NUTS region.
    (input as OrganisationPatch).region = undefined;
  }
  const patch = toColumns(input);
  const changed = changedFields(org, patch);
  const live = review ? changed.filter((f) => !isIdentifying(f)) : changed;
  let proposal: Record<string, unknown> = {};
  if (review) {
    const mine = Object.keys(patch).filter(isIdentifying);
    const sent = Object.fromEntries(mine.map((f) => [f, patchValue(patch, f)]));
    // The form shows every field, so it states the whole proposal; a PATCH adds to it.
    const merged = mode === 'replace' ? sent : { ...(pending?.proposed ?? {}), ...sent };
    proposal = Object.fromEntries(
      Object.entries(merged).filter(([f, v]) => isIdentifying(f) && !sameValue(v, columnValue(org, f))),
    );
  }
  const held = Object.keys(patch).filter((f) => f in proposal);
  return s.db.transaction().execute(async (trx) => {
    let updated: Organisation = org;
    // A request that only proposes changes leaves the published profile (and its date) alone.
    if (live.length > 0 || held.length === 0) {
      const values = Object.fromEntries(live.map((f) => [f, (patch as Record<string, unknown>)[f]]));
      updated = await repo.updateOrganisation(trx, org.id, { ...values, updated_at: new Date() });
    }
    if (live.length > 0) {
      await recordAudit(trx, {
        actorId: actor!.id,
        action: 'organisation.update',
        subjectType: 'organisation',
        subjectId: org.id,
        details: {
          fields: live,
          before: pickColumns(org, live),
          after: pickColumns(updated, live),
          published: org.status === 'published',
        },
      });
    }
    let revision: OrganisationRevision | null = pending ?? null;
    if (review && Object.keys(proposal).length > 0 && !sameValue(proposal, pending?.proposed)) {
      revision = await revisionRepo.savePendingRevision(trx, {
        organisationId: org.id,
        proposed: proposal,
        base: pickColumns(org, Object.keys(proposal)),
        proposedBy: actor!.id,
      });
      await recordAudit(trx, {
        actorId: actor!.id,
        action: 'organisation.revision_propose',
        subjectType: 'organisation',
        subjectId: org.id,
        details: {
          revision: revision.id,
          fields: Object.keys(proposal),
          before: pickColumns(org, Object.keys(proposal)),
          proposed: proposal,
        },
      });
    } else if (review && Object.keys(proposal).length === 0 && pending) {
      // The team put every identifying field back as published: nothing is left to review.
      await revisionRepo.decideRevision(trx, pending.id, { status: 'withdrawn', decidedBy: actor!.id });
      await recordAudit(trx, {
        actorId: actor!.id,
        action: 'organisation.revision_withdraw',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { revision: pending.id },
      });
      revision = null;
    }
    return { org: { ...updated, has_logo: org.has_logo }, revision, held };
  });
}

export async function submitForReview(s: Services, actor: Actor | null, idOrSlug: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canSubmitOrganisation(actor, org, membership)) {
    throw org.status === 'needs_review' || org.status === 'published'
      ? new AppError('conflict', 'This profile has already been submitted.')
      : forbidden();
  }
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transition(trx, org.id, ['draft', 'returned'], {
      status: 'needs_review',
      submitted_at: new Date(),
    });
    if (!updated) throw new AppError('conflict', 'This profile has already been submitted.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.submit',
      subjectType: 'organisation',
      subjectId: org.id,
    });
    return { ...updated!, has_logo: org.has_logo };
  });
}

export async function publishOrganisation(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!canModerateOrganisations(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, idOrSlug);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transition(trx, org.id, ['needs_review'], {
      status: 'published',
      published_at: new Date(),
      return_reason: null,
    });
    if (!updated) throw new AppError('conflict', 'Only a profile awaiting review can be published.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.publish',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { warnings: eligibilityWarnings(org), waiver: org.eligibility_waiver },
    });
    await notifyTeam(s, trx, org, 'mail.published');
    return { ...updated!, has_logo: org.has_logo };
  });
}

export async function returnOrganisation(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!canModerateOrganisations(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, idOrSlug);
  const { reason } = parseInput(ReturnInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transition(trx, org.id, ['needs_review'], {
      status: 'returned',
      return_reason: reason,
    });
    if (!updated) throw new AppError('conflict', 'Only a profile awaiting review can be returned.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.return',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { reason },
    });
    await notifyTeam(s, trx, org, 'mail.returned', { reason });
    return { ...updated!, has_logo: org.has_logo };
  });
}

/** An editor records that a recognised programme vouches for a profile that misses the criteria. */
export async function setEligibilityWaiver(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!canModerateOrganisations(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, idOrSlug);
  const { waiver } = parseInput(WaiverInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.updateOrganisation(trx, org.id, { eligibility_waiver: waiver ?? null });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: waiver ? 'organisation.waive' : 'organisation.unwaive',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { waiver: waiver ?? null },
    });
    return { ...updated!, has_logo: org.has_logo };
  });
}

export async function reviewDetails(s: Services, org: Organisation) {
  const duplicates = await repo.findPossibleDuplicates(s.db, {
    id: org.id,
    name: org.name,
    country: org.country,
    websiteHost: websiteHost(org.website),
  });
  return { warnings: eligibilityWarnings(org), duplicates };
}

export async function notifyTeam(
  s: Services,
  trx: Db,
  org: Organisation,
  base: 'mail.published' | 'mail.returned' | 'mail.revision_published' | 'mail.revision_returned',
  vars: Record<string, string> = {},
) {
  const team = await teamRepo.listMembers(trx, org.id);
  for (const m of team) {
    const lang = isLang(m.locale) ? m.locale : 'en';
    const all = { ...vars, name: org.name, link: `${s.config.baseUrl}/organisations/${org.slug}` };
    await s.mailer.queue(trx, {
      to: m.email,
      subject: translate(lang, `${base}.subject`, all),
      text: `${translate(lang, `${base}.body`, all)}\n\n-- \nClusterhub`,
    });
  }
}
