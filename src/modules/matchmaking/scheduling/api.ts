import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ScheduleRun } from '../../../platform/db/schema-matchmaking.ts';
import { requireActor } from '../../../platform/http/handlers.ts';
import type { Services } from '../../../platform/services.ts';
import { parseQuery } from '../../../platform/validation.ts';
import * as draft from './draft.ts';
import type { StoredResult } from './problem.ts';
import { publishSchedule } from './publish.ts';
import { presentReason } from './reason-texts.ts';
import { parseReason, runFailure } from './reasons.ts';
import type { MeetingRow } from './repository.ts';
import * as runs from './runs.ts';
import { ScheduleConflict } from './shared.ts';

type Params = { id: string; mid: string };

const whichSchema = z.object({ which: z.enum(['draft', 'published']).default('draft') });

/** A refusal answers 409 with its reason as the error's code (`table_taken`, `run_in_progress`, …). */
async function refusing<T>(reply: FastifyReply, action: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof ScheduleConflict)
      return reply.status(409).send({ error: { code: err.reason, message: err.message, details: [] } });
    throw err;
  }
}

/** A run as the API shows it: its reasons and failure as codes with parameters (and English). */
export function presentRun(view: draft.ScheduleView, run: ScheduleRun | null) {
  if (!run) return null;
  const result = run.result as StoredResult | null;
  const done = run.status === 'done' && result;
  return {
    id: run.id,
    status: run.status,
    options: run.options,
    progress: run.progress ?? null,
    result: done
      ? {
          status: result.status,
          reason: result.reason ? presentReason(view, parseReason(result.reason)) : null,
          draft_written: result.draftWritten ?? false,
          infeasibility: (result.infeasibility ?? []).map((r) => presentReason(view, parseReason(r))),
          violations: (result.violations ?? []).map((r) => presentReason(view, parseReason(r))),
        }
      : null,
    error: run.status === 'failed' ? presentReason(view, runFailure(run), 'mm.why.failure') : null,
    created_at: run.created_at.toISOString(),
    finished_at: run.finished_at?.toISOString() ?? null,
  };
}

function presentMeeting(view: draft.ScheduleView, m: MeetingRow, published: boolean) {
  const slotId = published ? m.published_slot_id : m.slot_id;
  const table = published ? m.published_table : m.table_name;
  const slot = slotId ? view.slotById.get(slotId) : undefined;
  const who = (id: string) => {
    const p = view.personById.get(id);
    return { id, name: p?.name ?? '', organisation: p?.organisation_name ?? '' };
  };
  return {
    id: m.id,
    participants: [who(m.participant_a), who(m.participant_b)],
    slot: slot
      ? {
          id: slot.id,
          starts_at: new Date(slot.starts_at).toISOString(),
          ends_at: new Date(slot.ends_at).toISOString(),
          session: slot.label,
        }
      : null,
    table: slot ? table : null,
    locked: m.locked,
    unscheduled_reason:
      slot || published
        ? null
        : m.unscheduled_reason
          ? presentReason(view, parseReason(m.unscheduled_reason))
          : presentReason(view, { code: 'not_run_yet', params: {} }),
  };
}

/**
 * `GET /api/v1/events/{id}/schedule`'s answer: the draft (or what was published), metrics (the
 * engine's breaks and the waits within sessions in minutes), each participant's waiting, the last run.
 */
export function presentSchedule(view: draft.ScheduleView, which: 'draft' | 'published') {
  const published = which === 'published';
  const meetings = view.meetings.map((m) => presentMeeting(view, m, published));
  const placed = meetings.filter((m) => m.slot);
  const done = view.runs.find((r) => r.status === 'done');
  const metrics = (done?.result as StoredResult | null)?.metrics ?? null;
  const gaps = published
    ? draft.gapsOf(view.people, view.meetings, view.slots, (m) => m.published_slot_id)
    : view.gaps;
  const totals = draft.gapTotals(gaps);
  return {
    schedule: which,
    published_at: view.mm.settings?.published_at?.toISOString() ?? null,
    meetings: placed,
    unscheduled: meetings.filter((m) => !m.slot).map((m) => ({ ...m, slot: undefined, table: undefined })),
    metrics: {
      meetings_requested: view.meetings.length,
      meetings_placed: placed.length,
      total_breaks: published ? null : totals.breaks,
      max_breaks: published ? null : totals.maxBreaks,
      placed_upper_bound: metrics?.placedUpperBound ?? null,
      breaks_lower_bound: metrics?.breaksLowerBound ?? null,
      wait_minutes_total: totals.waitMinutes,
      wait_minutes_max: totals.maxWaitMinutes,
      longest_wait_minutes: totals.longestWait,
      participants_waiting: totals.waiting,
    },
    waiting: gaps
      .filter((g) => g.meetings > 0)
      .map((g) => ({
        participant: g.id,
        meetings: g.meetings,
        breaks: published ? null : g.breaks,
        wait_minutes: g.waitMinutes,
        longest_wait_minutes: g.longestWait,
      })),
    latest_run: presentRun(view, view.latest),
  };
}

/** The scheduling's API: start a run, read the schedule, publish (organisers only). */
export function registerScheduleApi(app: FastifyInstance, s: Services) {
  app.post('/api/v1/events/:id/schedule', async (req, reply) => {
    requireActor(req);
    return refusing(reply, async () => {
      const run = await runs.startRun(s, req.ctx.actor, (req.params as Params).id, req.body ?? {});
      return reply.status(202).send({ run_id: run.id, status: run.status });
    });
  });

  app.get('/api/v1/events/:id/schedule', async (req) => {
    requireActor(req);
    const q = parseQuery(whichSchema, req.query ?? {});
    const view = await draft.scheduleView(s, req.ctx.actor, (req.params as Params).id);
    return presentSchedule(view, q.which);
  });

  app.post('/api/v1/events/:id/schedule/publish', async (req, reply) => {
    requireActor(req);
    return refusing(reply, async () => {
      const r = await publishSchedule(s, req.ctx.actor, (req.params as Params).id);
      return { published: true, first: r.first, meetings: r.meetings, changed: r.changed, mailed: r.mailed };
    });
  });

  app.post('/api/v1/events/:id/schedule/meetings/:mid/move', async (req, reply) => {
    requireActor(req);
    return refusing(reply, async () => {
      const { id, mid } = req.params as Params;
      const m = await draft.moveMeeting(s, req.ctx.actor, id, mid, req.body ?? {});
      return { id: m.id, slot: m.slot_id, table: m.table_name, locked: m.locked };
    });
  });
}
