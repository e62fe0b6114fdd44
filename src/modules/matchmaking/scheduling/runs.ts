import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ScheduleRun } from '../../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { enqueueJob } from '../../../platform/jobs/queue.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import type { SolveProgress } from '../../../scheduler/solve.ts';
import { findEventById } from '../../events/repository.ts';
import { matchmakingFor } from '../context.ts';
import { placeMeetings, unplaceMeetings } from '../placement-repository.ts';
import { runEngine } from './engine-thread.ts';
import { buildProblem, type EventData, overlappingSlots, runResult } from './problem.ts';
import { infeasibilityReasons, type ReasonParams, unscheduledReasons } from './reasons.ts';
import * as repo from './repository.ts';
import { ScheduleConflict } from './shared.ts';

/** The engine's runs: started by organisers, run by a job in a worker thread, written in one go. */

export const SCHEDULE_JOB = 'matchmaking.schedule';
/** A queued or running run this old has lost its worker: it no longer blocks a new one. */
const STALE_MS = 15 * 60_000;
/** The run row's progress is written at most this often. */
const PROGRESS_WRITE_MS = 1000;

const optional = (schema: z.ZodType) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v) : v), schema);

export const runInputSchema = z.object({
  time_limit: optional(z.number().int().min(1).max(600).optional()),
  fairness: optional(z.number().int().min(0).max(100).optional()),
});

/** Starts a run: a queued row and its job. A second start while one is queued or running → 409. */
export async function startRun(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  input: unknown,
): Promise<ScheduleRun> {
  const mm = await matchmakingFor(s, actor, idOrSlug);
  if (!mm.manage || !actor) throw forbidden();
  const parsed = runInputSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new AppError(
      'validation',
      'Some fields are not valid.',
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'body'), message: 'v.format' })),
    );
  const settings = mm.settings!;
  if (settings.scheduling_mode !== 'engine')
    throw new ScheduleConflict('not_engine_mode', 'Participants pick their slots at this event.');
  const options = {
    timeLimitSeconds: parsed.data.time_limit ?? 30,
    fairness: parsed.data.fairness ?? settings.fairness ?? null,
  };
  try {
    return await s.db.transaction().execute(async (trx) => {
      await repo.failStaleRuns(trx, mm.event.id, new Date(Date.now() - STALE_MS));
      const run = await repo.insertRun(trx, { event_id: mm.event.id, started_by: actor.id, options });
      await enqueueJob(trx, SCHEDULE_JOB, { runId: run.id }, { maxAttempts: 1 });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'matchmaking.schedule.run',
        subjectType: 'event',
        subjectId: mm.event.id,
        details: { run: run.id, ...options },
      });
      return run;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ScheduleConflict(
        'run_in_progress',
        'A scheduling run of this event is already queued or running.',
      );
    throw err;
  }
}

/** Stops a queued or running run; the draft stays as it was. */
export async function cancelRun(s: Services, actor: Actor | null, idOrSlug: string, runId: string) {
  const mm = await matchmakingFor(s, actor, idOrSlug);
  if (!mm.manage || !actor) throw forbidden();
  const done = await s.db.transaction().execute(async (trx) => {
    const ok = await repo.cancelRun(trx, mm.event.id, runId);
    if (ok)
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'matchmaking.schedule.cancel',
        subjectType: 'event',
        subjectId: mm.event.id,
        details: { run: runId },
      });
    return ok;
  });
  if (!done) throw new ScheduleConflict('run_finished', 'This run has already finished.');
  return mm.event;
}

export async function loadEventData(db: Kysely<DB>, eventId: string): Promise<EventData> {
  const [slots, people, blocked, meetings] = await Promise.all([
    repo.slotsOf(db, eventId),
    repo.participantsOf(db, eventId),
    repo.blockedSlotsOf(db, eventId),
    repo.acceptedMeetingsOf(db, eventId),
  ]);
  return { slots, people, blocked, meetings };
}

export interface JobHooks {
  /** inside the write transaction, after the placements: a test makes the run fail there */
  afterPlacements?: (trx: Kysely<DB>) => Promise<void>;
  /** instead of the engine's thread: a test makes the engine fail */
  engine?: typeof runEngine;
  /** the figures of each phase, for the bench */
  timings?: { loadMs?: number; solveMs?: number; writeMs?: number };
}

/**
 * The queue's handler: starts the run and returns at once, so that a search of up to ten minutes
 * does not hold up the worker's other jobs (mails). The run row, not the job, tracks the run; if the
 * process dies meanwhile, nothing was written and the run is failed as abandoned by the next start
 * (or stopped by the organiser).
 */
export function scheduleJobHandler(s: Services) {
  return async (payload: Record<string, unknown>) => {
    const runId = String(payload.runId ?? '');
    const running = runScheduleJob(s, payload)
      .catch((err) => s.log.error({ err }, 'scheduling run crashed'))
      .finally(() => inProcess.delete(runId));
    inProcess.set(runId, running);
  };
}

/** The runs this process is carrying out, by run id. */
const inProcess = new Map<string, Promise<void>>();

/** Resolves when this process has finished the run (at once if it is not carrying it out). */
export function runSettled(runId: string): Promise<void> {
  return inProcess.get(runId) ?? Promise.resolve();
}

/**
 * The job: loads the event, runs the engine in a worker thread (progress to the run row), then
 * writes the whole draft and the run's result in ONE transaction. Any failure before the commit
 * leaves the previous draft as it was; the run says why it failed.
 */
/**
 * A run's known ways of failing, stored as the run's `error` (the code) and `result.failure` (the
 * code and its parameters), shown through the catalogue (`mm.review.failure.<code>`). Anything else
 * is stored as `failed`: the page says to try again, the detail goes to the log only.
 */
export type FailureCode =
  | 'no_slots'
  | 'sessions_overlap'
  | 'meetings_changed'
  | 'event_gone'
  | 'engine_crashed'
  | 'cancelled'
  | 'abandoned'
  | 'failed';

export class RunFailure extends Error {
  constructor(
    readonly code: FailureCode,
    readonly params: ReasonParams = {},
  ) {
    super(code);
  }
}

/** What a failure is stored as: a known one keeps its code, anything else is `failed`. */
export function failureOf(err: unknown): { code: FailureCode; params: ReasonParams } {
  if (err instanceof RunFailure) return { code: err.code, params: err.params };
  if (isUniqueViolation(err)) return { code: 'meetings_changed', params: {} };
  return { code: 'failed', params: {} };
}

/**
 * The job: loads the event, runs the engine in a worker thread (progress to the run row), then
 * writes the whole draft and the run's result in ONE transaction. Any failure before the commit
 * leaves the previous draft as it was; the run says why it failed (as a code).
 */
export async function runScheduleJob(s: Services, payload: Record<string, unknown>, hooks: JobHooks = {}) {
  const runId = String(payload.runId ?? '');
  const run = await repo.findRun(s.db, runId);
  if (!run || !(await repo.markRunning(s.db, runId))) return;
  try {
    await execute(s, run, hooks);
  } catch (err) {
    const failure = failureOf(err);
    if (failure.code === 'failed') s.log.error({ err, runId }, 'scheduling run failed unexpectedly');
    else s.log.warn({ err, runId, code: failure.code }, 'scheduling run failed');
    await repo.finishRun(s.db, runId, { status: 'failed', error: failure.code, result: { failure } });
  }
}

async function execute(s: Services, run: ScheduleRun, hooks: JobHooks) {
  const t0 = performance.now();
  const event = await findEventById(s.db, run.event_id);
  if (!event) throw new RunFailure('event_gone');
  const data = await loadEventData(s.db, run.event_id);
  const opts = run.options as { timeLimitSeconds: number; fairness: number | null };
  if (data.slots.length === 0) throw new RunFailure('no_slots');
  const overlaps = overlappingSlots(data.slots);
  if (overlaps.length) {
    const [a, b] = overlaps[0]!;
    throw new RunFailure('sessions_overlap', { slots: [a.id, b.id] });
  }
  const reasons = infeasibilityReasons(data);
  const problem = buildProblem(data, opts);
  const t1 = performance.now();

  let cancelled = false;
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const engine = (hooks.engine ?? runEngine)(problem, (p: SolveProgress) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_WRITE_MS) return;
    lastWrite = now;
    writing = writing
      .then(() => repo.writeProgress(s.db, run.id, { ...p, timeLimitSeconds: opts.timeLimitSeconds }))
      .then((running) => {
        if (!running) {
          cancelled = true;
          engine.stop();
        }
      })
      .catch(() => undefined);
  });
  const sol = await engine.result.catch((err: unknown) => {
    s.log.error({ err, runId: run.id }, 'the scheduling engine failed');
    throw new RunFailure('engine_crashed');
  });
  await writing;
  const t2 = performance.now();
  if (cancelled) return;

  const result = runResult(sol, reasons, opts.fairness);
  await s.db.transaction().execute(async (trx) => {
    const current = await repo.lockRun(trx, run.id);
    if (current?.status !== 'running') return; // cancelled meanwhile: nothing is written
    const placed = sol.status === 'optimal' || sol.status === 'feasible';
    if (placed) {
      const now = await repo.acceptedMeetingsOf(trx, run.event_id);
      if (changedSince(data.meetings, now)) throw new RunFailure('meetings_changed');
      const byId = new Map(data.meetings.map((m) => [m.id, m]));
      const free = data.meetings.filter((m) => !m.locked || !m.slot_id || !m.table_name);
      const slotOf = new Map<string, string>();
      for (const a of sol.assignments) if ('slot' in a) slotOf.set(a.meeting, a.slot);
      const why = unscheduledReasons(data, slotOf);
      await unplaceMeetings(
        trx,
        free.map((m) => {
          const r = why.get(m.id);
          return { id: m.id, reason: r ? JSON.stringify(r) : null };
        }),
      );
      const assignment = new Map(sol.assignments.map((a) => [a.meeting, a]));
      await placeMeetings(
        trx,
        free.flatMap((m) => {
          const a = assignment.get(m.id);
          return a && 'slot' in a ? [{ meeting: byId.get(m.id)!, slotId: a.slot, tableName: a.table }] : [];
        }),
      );
      await hooks.afterPlacements?.(trx);
    }
    await repo.finishRun(trx, run.id, {
      status: 'done',
      result: { ...result, draftWritten: placed },
    });
    await recordAudit(trx, {
      actorId: null,
      action: 'matchmaking.schedule.draft',
      subjectType: 'event',
      subjectId: run.event_id,
      details: { run: run.id, status: sol.status, written: placed, placed: result.metrics.meetingsPlaced },
    });
  });
  if (hooks.timings) {
    hooks.timings.loadMs = t1 - t0;
    hooks.timings.solveMs = t2 - t1;
    hooks.timings.writeMs = performance.now() - t2;
  }
}

/** The meetings to schedule, or which are locked where, are not what the engine was given. */
function changedSince(before: repo.MeetingRow[], now: repo.MeetingRow[]): boolean {
  if (before.length !== now.length) return true;
  const key = (m: repo.MeetingRow) =>
    m.locked && m.slot_id && m.table_name ? `${m.id}@${m.slot_id}/${m.table_name}` : m.id;
  const a = new Set(before.map(key));
  return now.some((m) => !a.has(key(m)));
}
