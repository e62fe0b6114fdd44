import { recordAudit } from '../../../platform/audit/audit.ts';
import { forbidden } from '../../../platform/errors.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import { matchmakingFor } from '../context.ts';
import { type AgendaLine, agendaMail } from './mails.ts';
import * as repo from './repository.ts';

/**
 * Publishing: what participants are told becomes the working placement, and each participant whose
 * agenda changed (everyone, the first time) gets it by mail — in one transaction with the change.
 */
export async function publishSchedule(s: Services, actor: Actor | null, idOrSlug: string) {
  const mm = await matchmakingFor(s, actor, idOrSlug);
  if (!mm.manage || !actor) throw forbidden();
  const event = mm.event;
  return s.db.transaction().execute(async (trx) => {
    const settings = await repo.lockSettings(trx, event.id); // one publish of an event at a time
    const first = !settings?.published_at;
    const [meetings, withdrawn, slots, people] = await Promise.all([
      repo.acceptedMeetingsOf(trx, event.id),
      repo.withdrawnPublishedOf(trx, event.id),
      repo.slotsOf(trx, event.id),
      repo.recipientsOf(trx, event.id),
    ]);
    const affected = new Set<string>();
    const changed = meetings.filter(
      (m) => m.slot_id !== m.published_slot_id || m.table_name !== m.published_table,
    );
    for (const m of [...changed, ...withdrawn]) {
      affected.add(m.participant_a);
      affected.add(m.participant_b);
    }
    const recipients = people.filter((p) => p.status === 'active' && (first || affected.has(p.id)));
    await repo.copyToPublished(trx, event.id);

    const slotStart = new Map(slots.map((sl) => [sl.id, new Date(sl.starts_at)]));
    const byId = new Map(people.map((p) => [p.id, p]));
    const agenda = new Map<string, AgendaLine[]>();
    for (const m of meetings) {
      if (!m.slot_id || !m.table_name) continue;
      for (const [me, other] of [
        [m.participant_a, m.participant_b],
        [m.participant_b, m.participant_a],
      ] as const) {
        const o = byId.get(other);
        const list = agenda.get(me) ?? [];
        list.push({
          startsAt: slotStart.get(m.slot_id)!,
          table: m.table_name,
          counterpart: o?.name ?? '?',
          organisation: o?.organisation_name ?? '',
        });
        agenda.set(me, list);
      }
    }
    await s.mailer.queueMany(
      trx,
      recipients.map((p) =>
        agendaMail({
          to: p.email,
          lang: p.lang ?? p.locale,
          name: p.name,
          event,
          lines: agenda.get(p.id) ?? [],
          update: !first,
          baseUrl: s.config.baseUrl,
        }),
      ),
    );
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'matchmaking.schedule.publish',
      subjectType: 'event',
      subjectId: event.id,
      details: { first, changed: changed.length + withdrawn.length, mailed: recipients.length },
    });
    return {
      event,
      first,
      meetings: meetings.filter((m) => m.slot_id).length,
      changed: changed.length + withdrawn.length,
      mailed: recipients.length,
    };
  });
}
