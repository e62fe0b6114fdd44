import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { MatchmakingSession } from '../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { UUID } from '../../platform/validation.ts';
import { matchmakingFor } from './context.ts';
import { tableNamesOf } from './placement-repository.ts';
import * as repo from './repository.ts';
import { parseSession, parseSettings, type SessionFields } from './schemas.ts';
import * as setupRepo from './setup-repository.ts';

/**
 * The organisers' setup of an event's matchmaking: its settings (created on the first save) and its
 * sessions, each cut into slots of `slot_minutes`. A change that would move or remove slots holding
 * meetings or blocks is refused with the reason (422), never applied silently.
 */

async function organiserContext(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug, { forSetup: true });
  if (!ctx.manage) throw forbidden('Only the event’s organisers set up its matchmaking.');
  return { ...ctx, actor };
}

/** What the setup page shows: the settings (null before the first save), sessions with slots and uses. */
export async function setupView(s: Services, actor: Actor | null, idOrSlug: string) {
  const ctx = await organiserContext(s, actor, idOrSlug);
  const sessions = await setupRepo.listSessions(s.db, ctx.event.id);
  const [slots, uses, counts] = await Promise.all([
    setupRepo.listSlots(s.db, ctx.event.id),
    setupRepo.usesOfSessions(
      s.db,
      sessions.map((x) => x.id),
    ),
    repo.countsOf(s.db, ctx.event.id),
  ]);
  return {
    ...ctx,
    counts,
    sessions: sessions.map((x) => ({
      session: x,
      slots: slots.filter((sl) => sl.session_id === x.id).length,
      uses: uses.get(x.id) ?? { meetings: 0, blocks: 0 },
    })),
  };
}

/** Saves the settings (creating them the first time); a new slot length re-cuts free sessions. */
export async function saveSettings(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  const { event, actor: by } = await organiserContext(s, actor, idOrSlug);
  const input = parseSettings(event.time_zone, raw);
  return s.db.transaction().execute(async (trx) => {
    const before = await setupRepo.lockOrCreateSettings(trx, event.id);
    if (input.slot_minutes !== before.slot_minutes) {
      const sessions = await setupRepo.listSessions(trx, event.id);
      const ids = sessions.map((x) => x.id);
      await setupRepo.lockSlotsOfSessions(trx, ids);
      const uses = await setupRepo.usesOfSessions(trx, ids);
      const busy = [...uses.values()].reduce((n, u) => n + u.meetings + u.blocks, 0);
      if (busy > 0)
        throw validation([
          { field: 'slot_minutes', message: 'mm.core.v.slots_in_use', params: { count: busy } },
        ]);
      for (const x of sessions) await setupRepo.writeSlots(trx, asDates(x), input.slot_minutes);
    }
    const settings = await setupRepo.updateSettings(trx, event.id, {
      enabled: input.enabled,
      request_quota: input.request_quota,
      opens_at: input.opens_at ?? null,
      closes_at: input.closes_at ?? null,
      request_mode: input.request_mode,
      scheduling_mode: input.scheduling_mode,
      slot_minutes: input.slot_minutes,
      fairness: input.fairness ?? null,
    });
    await recordAudit(trx, {
      actorId: by.id,
      action: 'matchmaking.settings',
      subjectType: 'event',
      subjectId: event.id,
      details: { ...input },
    });
    return { event, settings };
  });
}

const asDates = (x: MatchmakingSession) => ({
  id: x.id,
  event_id: x.event_id,
  starts_at: new Date(x.starts_at),
  ends_at: new Date(x.ends_at),
});

/** A session must hold one slot at least and not overlap another session of the event. */
async function checkSession(
  trx: Kysely<DB>,
  eventId: string,
  input: SessionFields,
  minutes: number,
  self: string | null,
) {
  if (setupRepo.slotTimes(input.starts_at, input.ends_at, minutes).length === 0)
    throw validation([{ field: 'end', message: 'mm.core.v.session_short', params: { minutes } }]);
  const others = (await setupRepo.listSessions(trx, eventId)).filter((x) => x.id !== self);
  const clash = others.find(
    (x) => new Date(x.starts_at) < input.ends_at && new Date(x.ends_at) > input.starts_at,
  );
  if (clash)
    throw validation([{ field: 'start', message: 'mm.core.v.overlap', params: { label: clash.label } }]);
}

/** Adds a session and its slots. */
export async function addSession(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  const { event, actor: by } = await organiserContext(s, actor, idOrSlug);
  const input = parseSession(event.time_zone, raw);
  return s.db.transaction().execute(async (trx) => {
    const settings = await setupRepo.lockSettings(trx, event.id);
    if (!settings) throw new AppError('conflict', 'Save the matchmaking settings first.');
    await checkSession(trx, event.id, input, settings.slot_minutes, null);
    const session = await setupRepo.insertSession(trx, { event_id: event.id, ...input });
    const slots = await setupRepo.writeSlots(trx, asDates(session), settings.slot_minutes);
    await recordAudit(trx, {
      actorId: by.id,
      action: 'matchmaking.session_add',
      subjectType: 'event',
      subjectId: event.id,
      details: { session: session.id, label: input.label, slots, tables: input.tables },
    });
    return { event, session, slots };
  });
}

/** The session to change, its slots locked: a placement or block waits until the change is done. */
async function lockedSession(trx: Kysely<DB>, eventId: string, id: string) {
  const session = UUID.test(id) ? await setupRepo.findSession(trx, eventId, id) : undefined;
  if (!session) throw notFound('No such session.');
  await setupRepo.lockSlotsOfSessions(trx, [id]);
  const uses = (await setupRepo.usesOfSessions(trx, [id])).get(id)!;
  return { session, uses };
}

/**
 * Changes a session. New times re-cut its slots: refused while its slots hold meetings or blocks.
 * Fewer or renamed tables: refused while a meeting sits at a table that would go.
 */
export async function updateSession(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  sessionId: string,
  raw: unknown,
) {
  const { event, actor: by } = await organiserContext(s, actor, idOrSlug);
  const input = parseSession(event.time_zone, raw);
  return s.db.transaction().execute(async (trx) => {
    const settings = await setupRepo.lockOrCreateSettings(trx, event.id);
    const { session, uses } = await lockedSession(trx, event.id, sessionId);
    await checkSession(trx, event.id, input, settings.slot_minutes, session.id);
    const retimed =
      new Date(session.starts_at).getTime() !== input.starts_at.getTime() ||
      new Date(session.ends_at).getTime() !== input.ends_at.getTime();
    if (retimed && uses.meetings + uses.blocks > 0)
      throw validation([
        {
          field: 'start',
          message: 'mm.core.v.session_in_use',
          params: { meetings: uses.meetings, blocks: uses.blocks },
        },
      ]);
    const kept = new Set(tableNamesOf({ tables: input.tables, table_names: input.table_names }));
    const lost = (await setupRepo.tablesInUse(trx, session.id)).filter((t) => !kept.has(t));
    if (lost.length)
      throw validation([
        { field: 'tables', message: 'mm.core.v.tables_in_use', params: { tables: lost.join(', ') } },
      ]);
    const updated = await setupRepo.updateSession(trx, session.id, input);
    if (retimed) await setupRepo.writeSlots(trx, asDates(updated), settings.slot_minutes);
    await recordAudit(trx, {
      actorId: by.id,
      action: 'matchmaking.session_update',
      subjectType: 'event',
      subjectId: event.id,
      details: { session: session.id, label: input.label, retimed, tables: input.tables },
    });
    return { event, session: updated };
  });
}

/** Deletes a session and its slots: refused while they hold meetings or blocks. */
export async function deleteSession(s: Services, actor: Actor | null, idOrSlug: string, sessionId: string) {
  const { event, actor: by } = await organiserContext(s, actor, idOrSlug);
  return s.db.transaction().execute(async (trx) => {
    await setupRepo.lockOrCreateSettings(trx, event.id);
    const { session, uses } = await lockedSession(trx, event.id, sessionId);
    if (uses.meetings + uses.blocks > 0)
      throw validation([
        {
          field: 'session',
          message: 'mm.core.v.session_in_use',
          params: { meetings: uses.meetings, blocks: uses.blocks },
        },
      ]);
    await setupRepo.deleteSession(trx, session.id);
    await recordAudit(trx, {
      actorId: by.id,
      action: 'matchmaking.session_delete',
      subjectType: 'event',
      subjectId: event.id,
      details: { session: session.id, label: session.label },
    });
    return { event };
  });
}
