import { recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, type FieldProblem, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { slugify } from '../organisations/slug.ts';
import {
  canCreatePartnership,
  canEditPartnership,
  canSeeDrafts,
  canStartPartnership,
  canViewPartnership,
} from './policy.ts';
import * as repo from './repository.ts';
import { PartnershipInput } from './schemas.ts';

/**
 * The partnerships' use cases: each parses, asks the policy, and writes in one transaction with its
 * audit entry. The collaboration graph follows by the migration's triggers in that transaction.
 *
 * A partnership's lists (members, agreements, events, news) are written whole: the form sends each
 * as text, and the API as arrays; a PATCH that leaves a list out keeps it as it is.
 */

type Db = Services['db'];

/** The partnership, whether the actor is on its coordinator's team, and whether they may edit it. */
export async function loadPartnership(s: Services, actor: Actor | null, idOrSlug: string) {
  const partnership = await repo.findPartnershipRow(s.db, idOrSlug);
  if (!partnership) throw notFound('No such partnership.');
  const coordinatorTeam = actor ? await repo.isOnCoordinatorTeam(s.db, partnership.id, actor.id) : false;
  if (!canViewPartnership(actor, partnership, coordinatorTeam)) throw notFound('No such partnership.');
  return { partnership, coordinatorTeam, canEdit: canEditPartnership(actor, coordinatorTeam) };
}

/** A partnership as its form and the API write it (what a PATCH merges into). */
export function inputOf(p: repo.PartnershipRow): Record<string, unknown> {
  return {
    name: p.name,
    acronym: p.acronym,
    programme: p.programme,
    description: p.description,
    starts_on: p.starts_on,
    ends_on: p.ends_on,
    website: p.website,
    target_markets: p.target_markets,
    smes_reached: p.smes_reached,
    status: p.status,
    members: p.members.map((m) => ({
      organisation: m.organisation_id,
      role: m.role,
      joined_on: m.joined_on,
    })),
    agreements: p.agreements,
    events: p.events.map((e) => e.id),
    news: p.news,
  };
}

/**
 * The columns and lists of valid input: members as published organisations (by id or slug), events
 * as published events; 422 naming each unknown one.
 */
async function resolve(s: Services, input: PartnershipInput) {
  const problems: FieldProblem[] = [];
  const orgs = await repo.publishedOrganisations(
    s.db,
    input.members.map((m) => m.organisation),
  );
  const byRef = new Map(orgs.flatMap((o) => [[o.id, o] as const, [o.slug, o] as const]));
  const seen = new Set<string>();
  const members = input.members.flatMap((m, i) => {
    const org = byRef.get(m.organisation);
    if (!org) {
      problems.push({
        field: `members.${i}.organisation`,
        message: 'v.partnership_unknown_organisation',
        params: { ref: m.organisation },
      });
      return [];
    }
    if (seen.has(org.id)) {
      problems.push({ field: `members.${i}.organisation`, message: 'v.partnership_duplicate_member' });
      return [];
    }
    seen.add(org.id);
    return [{ organisation_id: org.id, role: m.role, joined_on: m.joined_on ?? null }];
  });
  const events = await repo.publishedEvents(s.db, input.events);
  const eventByRef = new Map(events.flatMap((e) => [[e.id, e] as const, [e.slug, e] as const]));
  const unknownEvents = input.events.filter((r) => !eventByRef.has(r));
  if (unknownEvents.length)
    problems.push({
      field: 'events',
      message: 'v.partnership_unknown_event',
      params: { refs: unknownEvents.join(', ') },
    });
  if (problems.length) throw validation(problems);
  return {
    coordinatorId: members.find((m) => m.role === 'coordinator')!.organisation_id,
    columns: {
      name: input.name,
      acronym: input.acronym ?? null,
      programme: input.programme,
      description: input.description,
      starts_on: input.starts_on,
      ends_on: input.ends_on ?? null,
      website: input.website ?? null,
      target_markets: input.target_markets,
      smes_reached: input.smes_reached ?? null,
      status: input.status,
    },
    members,
    agreements: input.agreements.map((a) => ({ ...a, document_url: a.document_url ?? null })),
    eventIds: [...new Set(events.length ? input.events.map((r) => eventByRef.get(r)!.id) : [])],
    news: input.news,
  };
}

type Resolved = Awaited<ReturnType<typeof resolve>>;

/** Whether the actor is on the team of this (coordinating) organisation. */
async function onTeamOf(s: Services, actor: Actor, organisationId: string) {
  return (await repo.teamOrganisations(s.db, actor.id)).some((o) => o.id === organisationId);
}

/** A team member names as coordinator an organisation whose team they are not on: 403 naming `members`. */
const notYourCoordinator = () =>
  new AppError('forbidden', 'The coordinator must be an organisation whose team you are on.', [
    { field: 'members', message: 'v.partnership_coordinator_team' },
  ]);

async function writeLists(trx: Db, id: string, r: Resolved) {
  await repo.replaceMembers(trx, id, r.members);
  await repo.replaceAgreements(trx, id, r.agreements);
  await repo.replaceEvents(trx, id, r.eventIds);
  await repo.replaceNews(trx, id, r.news);
}

async function freeSlug(db: Db, name: string, acronym: string | null) {
  const base =
    slugify(acronym && acronym.length >= 2 ? `${acronym} ${name}` : name).slice(0, 80) || 'partnership';
  for (let i = 1; i < 1000; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    // `/partnerships/new` is the form: no partnership may hide behind it.
    if (candidate !== 'new' && !(await repo.slugTaken(db, candidate))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** Whether the actor may open the form, and the organisations they may coordinate for. */
export async function partnershipFormContext(s: Services, actor: Actor) {
  const teams = (await repo.teamOrganisations(s.db, actor.id)).filter((o) => o.status === 'published');
  return { allowed: canStartPartnership(actor, teams.length), teams };
}

/** Creates a partnership (draft or published, as asked) with its lists. */
export async function createPartnership(s: Services, actor: Actor | null, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const teams = await repo.teamOrganisations(s.db, actor.id);
  if (!canStartPartnership(actor, teams.length))
    throw forbidden('Only an organisation’s team or an editor may create a partnership.');
  const input = parseInput(PartnershipInput, raw);
  const r = await resolve(s, input);
  if (!canCreatePartnership(actor, await onTeamOf(s, actor, r.coordinatorId))) throw notYourCoordinator();
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await s.db.transaction().execute(async (trx) => {
        const row = await repo.insertPartnership(trx, {
          ...r.columns,
          slug: await freeSlug(trx, input.name, input.acronym ?? null),
          created_by: actor.id,
          published_at: r.columns.status === 'published' ? new Date() : null,
        });
        await writeLists(trx, row.id, r);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'partnership.create',
          subjectType: 'partnership',
          subjectId: row.id,
          details: { status: row.status, members: r.members.length },
        });
        return row.id;
      });
      return (await repo.findPartnershipRow(s.db, id))!;
    } catch (err) {
      // Two creations chose the same free slug at once: the second tries the next one.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

const COMPARED = [
  'name',
  'acronym',
  'programme',
  'description',
  'starts_on',
  'ends_on',
  'website',
  'target_markets',
  'smes_reached',
  'status',
] as const;

/**
 * Changes a partnership: `patch` merges the fields sent into the stored ones (the API); `form`
 * takes the whole form. Audited with the fields' values before and after, and the members added
 * and removed.
 */
export async function updatePartnership(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: Record<string, unknown>,
  mode: 'patch' | 'form',
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { partnership: before, canEdit } = await loadPartnership(s, actor, idOrSlug);
  if (!canEdit) throw forbidden('Only the coordinator’s team or an editor may change this partnership.');
  const input = parseInput(PartnershipInput, mode === 'patch' ? { ...inputOf(before), ...raw } : raw);
  const r = await resolve(s, input);
  // Handing the coordination to an organisation whose team one is not on is an editor's decision.
  if (!canEditPartnership(actor, await onTeamOf(s, actor, r.coordinatorId))) throw notYourCoordinator();
  const changed = COMPARED.filter(
    (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(r.columns[f] ?? null),
  );
  const was = new Set(before.members.map((m) => m.organisation_id));
  const now = new Set(r.members.map((m) => m.organisation_id));
  await s.db.transaction().execute(async (trx) => {
    await repo.lockPartnership(trx, before.id);
    await repo.updatePartnership(trx, before.id, {
      ...r.columns,
      ...(r.columns.status === 'published' && !before.published_at ? { published_at: new Date() } : {}),
    });
    await writeLists(trx, before.id, r);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'partnership.update',
      subjectType: 'partnership',
      subjectId: before.id,
      details: {
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, r.columns[f]])),
        members_added: [...now].filter((id) => !was.has(id)),
        members_removed: [...was].filter((id) => !now.has(id)),
      },
    });
    if (before.status !== 'published' && r.columns.status === 'published')
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'partnership.publish',
        subjectType: 'partnership',
        subjectId: before.id,
      });
  });
  return (await repo.findPartnershipRow(s.db, before.id))!;
}

/**
 * An organisation's partnerships for its profile: published ones; its own team also sees the drafts
 * it coordinates (to find them again), editors and admins every draft.
 */
export async function partnershipsOfOrganisation(s: Services, actor: Actor | null, organisationId: string) {
  const onTeam = actor !== null && (await onTeamOf(s, actor, organisationId));
  const drafts = canSeeDrafts(actor) ? 'all' : canEditPartnership(actor, onTeam) ? 'coordinated' : 'none';
  return repo.partnershipsOfOrganisation(s.db, organisationId, drafts);
}
