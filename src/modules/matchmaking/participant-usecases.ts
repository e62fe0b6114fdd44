import { recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Participant } from '../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput, UUID } from '../../platform/validation.ts';
import { type MatchmakingContext, matchmakingFor } from './context.ts';
import { actsAsParticipant, canJoinMatchmaking } from './policy.ts';
import * as repo from './repository.ts';
import { setParticipantStatus } from './roster-repository.ts';
import { itemInput, joinInput, profileInput } from './schemas.ts';
import * as setupRepo from './setup-repository.ts';

/** Joining an event's matchmaking, one's profile, offers and needs, and the slots one is not available. */

export const MAX_ITEMS = 20;

/** Only a hybrid event lets participants keep to onsite or online meetings. */
const formatOf = (ctx: MatchmakingContext, wanted: Participant['meeting_format']) =>
  ctx.event.format === 'hybrid' ? wanted : 'any';

/** What the profile page shows: the join form's choices, or one's profile, items and availability. */
export async function profileView(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const registration = await repo.confirmedRegistration(s.db, ctx.event.id, { userId: actor.id });
  const mayJoin =
    !ctx.participant && ctx.settings?.enabled === true && canJoinMatchmaking(actor, !!registration);
  const [organisations, items, slots, uses] = await Promise.all([
    repo.teamOrganisations(s.db, actor.id),
    ctx.participant ? repo.itemsOf(s.db, [ctx.participant.id]) : Promise.resolve([]),
    setupRepo.listSlots(s.db, ctx.event.id),
    ctx.participant ? repo.slotUsesOf(s.db, [ctx.participant.id]) : Promise.resolve([]),
  ]);
  return { ...ctx, registration: registration ?? null, mayJoin, organisations, items, slots, uses };
}

/**
 * Joins: a confirmed account with a confirmed registration, for one of its teams' organisations
 * (country and kind from the profile), or an organisation named (when it has none; country and kind
 * from the registration). An organiser may add a registered person by `registration_id` (API, and
 * the roster page). Someone who withdrew joins again as the same participant.
 */
export async function join(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const input = parseInput(joinInput, raw);
  const byOrganiser = input.registration_id !== undefined;
  if (byOrganiser && !ctx.manage) throw forbidden('Only the event’s organisers add other people.');
  if (!byOrganiser && ctx.settings?.enabled !== true)
    throw new AppError('conflict', 'This event’s matchmaking is closed.');
  const registration = await repo.confirmedRegistration(
    s.db,
    ctx.event.id,
    byOrganiser ? { id: input.registration_id! } : { userId: actor.id },
  );
  if (byOrganiser && !registration?.user_id)
    throw validation([{ field: 'registration_id', message: 'mm.core.v.registration' }]);
  if (!byOrganiser && !canJoinMatchmaking(actor, !!registration))
    throw forbidden(
      actor.emailVerified
        ? 'Only people with a confirmed registration for the event join its matchmaking.'
        : 'Confirm your e-mail address first.',
    );
  const userId = byOrganiser ? registration!.user_id! : actor.id;
  const user = await repo.userById(s.db, userId);
  const organisations = await repo.teamOrganisations(s.db, userId);
  let organisation: (typeof organisations)[number] | undefined;
  if (input.organisation_id) {
    organisation = organisations.find((o) => o.id === input.organisation_id);
    if (!organisation) throw validation([{ field: 'organisation_id', message: 'mm.core.v.organisation' }]);
  } else if (organisations.length === 1 && !input.organisation_name) {
    organisation = organisations[0];
  } else if (organisations.length > 0) {
    // A person in a team joins for one of its organisations; a name alone is for those without one.
    throw validation([{ field: 'organisation_id', message: 'mm.core.v.organisation' }]);
  }
  const organisationName = organisation?.name ?? input.organisation_name ?? registration?.organisation_name;
  if (!organisationName) throw validation([{ field: 'organisation_name', message: 'v.required' }]);
  return s.db.transaction().execute(async (trx) => {
    // Someone who withdrew joins again: the same participant, active once more (their profile kept).
    const before = await repo.participantOfUser(trx, ctx.event.id, userId);
    if (before?.status === 'withdrawn') {
      const participant = await setParticipantStatus(trx, before.id, 'active', {
        registration_id: registration?.id ?? null,
        organisation_id: organisation?.id ?? null,
        organisation_name: organisationName,
        country: organisation?.country ?? registration?.country ?? null,
        organisation_kind: organisation?.type ?? registration?.organisation_kind ?? null,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'matchmaking.participant_rejoin',
        subjectType: 'event',
        subjectId: ctx.event.id,
        details: { participant: participant.id },
      });
      return { event: ctx.event, participant };
    }
    try {
      const participant = await repo.insertParticipant(trx, {
        event_id: ctx.event.id,
        user_id: userId,
        registration_id: registration?.id ?? null,
        organisation_id: organisation?.id ?? null,
        name: registration?.name || user?.name || actor.name,
        organisation_name: organisationName,
        country: organisation?.country ?? registration?.country ?? null,
        organisation_kind: organisation?.type ?? registration?.organisation_kind ?? null,
        headline: input.headline,
        meeting_format: formatOf(ctx, input.meeting_format),
      });
      if (byOrganiser)
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'matchmaking.participant_add',
          subjectType: 'event',
          subjectId: ctx.event.id,
          details: { participant: participant.id, registration: registration!.id },
        });
      return { event: ctx.event, participant };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'This person has already joined.');
      throw err;
    }
  });
}

/** The reader's own participation, or a refusal. */
async function own(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  if (!ctx.participant || !actsAsParticipant(actor, ctx.participant))
    throw forbidden('Join the matchmaking first.');
  return { ...ctx, participant: ctx.participant };
}

export async function updateProfile(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  const ctx = await own(s, actor, idOrSlug);
  const input = parseInput(profileInput, raw);
  const participant = await repo.updateParticipant(s.db, ctx.participant.id, {
    headline: input.headline,
    meeting_format: formatOf(ctx, input.meeting_format),
  });
  return { event: ctx.event, participant };
}

export async function addItem(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  const ctx = await own(s, actor, idOrSlug);
  const input = parseInput(itemInput, raw);
  if ((await repo.countItems(s.db, ctx.participant.id)) >= MAX_ITEMS)
    throw validation([{ field: 'title', message: 'mm.core.v.items_max', params: { max: MAX_ITEMS } }]);
  const item = await repo.insertItem(s.db, {
    event_id: ctx.event.id,
    participant_id: ctx.participant.id,
    ...input,
  });
  return { event: ctx.event, item };
}

export async function editItem(s: Services, actor: Actor | null, idOrSlug: string, id: string, raw: unknown) {
  const ctx = await own(s, actor, idOrSlug);
  const input = parseInput(itemInput, raw);
  const item = UUID.test(id) ? await repo.updateItem(s.db, ctx.participant.id, id, input) : undefined;
  if (!item) throw notFound('No such offer or need.');
  return { event: ctx.event, item };
}

export async function removeItem(s: Services, actor: Actor | null, idOrSlug: string, id: string) {
  const ctx = await own(s, actor, idOrSlug);
  if (!UUID.test(id) || !(await repo.deleteItem(s.db, ctx.participant.id, id)))
    throw notFound('No such offer or need.');
  return { event: ctx.event };
}

/**
 * The slots one is not available in: exactly the `blocked` ones (ids of the event's slots). A slot
 * where one of one's meetings is placed cannot be blocked: refused with the meeting named. The
 * slot-uses primary key decides a race with a placement: whichever is written second fails.
 */
export async function setBlockedSlots(s: Services, actor: Actor | null, idOrSlug: string, blocked: string[]) {
  const ctx = await own(s, actor, idOrSlug);
  const slots = await setupRepo.listSlots(s.db, ctx.event.id);
  const known = new Set(slots.map((x) => x.id));
  const wanted = new Set(blocked);
  if ([...wanted].some((id) => !known.has(id)))
    throw validation([{ field: 'blocked', message: 'mm.core.v.slot' }]);
  const refuse = async () => {
    const meetings = await repo.meetingsInSlots(s.db, ctx.participant.id, [...wanted]);
    const m = meetings[0];
    if (!m) return null;
    return validation(
      [
        {
          field: `blocked`,
          message: 'mm.core.v.block_meeting',
          params: { name: m.name, organisation: m.organisation_name, slot: m.slot_id },
        },
      ],
      `You have a meeting with ${m.name} (${m.organisation_name}) in this slot.`,
    );
  };
  const before = await refuse();
  if (before) throw before;
  try {
    await s.db.transaction().execute(async (trx) => {
      const uses = await repo.slotUsesOf(trx, [ctx.participant.id]);
      const isBlocked = new Set(uses.filter((u) => u.meeting_id === null).map((u) => u.slot_id));
      await repo.deleteBlocks(
        trx,
        ctx.participant.id,
        [...isBlocked].filter((id) => !wanted.has(id)),
      );
      await repo.insertBlocks(
        trx,
        ctx.participant.id,
        [...wanted].filter((id) => !isBlocked.has(id)),
      );
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw (await refuse()) ?? new AppError('slot_taken', 'This slot was just taken.');
    throw err;
  }
  return { event: ctx.event };
}
