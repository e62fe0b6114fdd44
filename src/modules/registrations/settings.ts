import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import { AppError, forbidden, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import * as repo from './repository.ts';
import { QuestionsInput, settingsInput } from './schemas.ts';

import { eventFor, fillSeats } from './usecases.ts';

/** An event's registration settings and custom questions, set by its organisers or with the event's own write. */

/**
 * The organisers' settings. A capacity below the seats already confirmed is refused (422): nobody
 * loses a confirmed seat; a larger one (or none) promotes the waiting list at once.
 */
export async function updateSettings(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, manage } = await eventFor(s, actor, idOrSlug);
  if (!manage) throw forbidden();
  const input = parseInput(settingsInput(event.time_zone), raw);
  return s.db
    .transaction()
    .execute(async (trx) => ({ event, ...(await applySettings(s, trx, actor, event, input)) }));
}

/**
 * The `registration` object of an event's create or update request (`POST`/`PATCH
 * /api/v1/events`, through the registration section's `write`), in the event's transaction:
 * `{"capacity": 100}` turns registration on with 100 seats; `enabled`, `opens_at` (local to the
 * event's zone), `closes_at` and `visitors_allowed` as in the settings form. Bad values are named
 * `registration.<field>` and undo the whole write.
 */
export async function writeSettingsOfEvent(
  s: Services,
  trx: Kysely<DB>,
  actor: Actor,
  event: Event,
  raw: unknown,
): Promise<void> {
  if (raw === undefined) return;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw validation([{ field: 'registration', message: 'v.invalid_type', params: { expected: 'object' } }]);
  try {
    const input = parseInput(settingsInput(event.time_zone), { enabled: true, ...raw });
    await applySettings(s, trx, actor, event, input);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      throw validation(err.details.map((d) => ({ ...d, field: `registration.${d.field}` })));
    throw err;
  }
}

/** New settings under the seats' lock: refused below the confirmed count, promoting when seats open. */
async function applySettings(
  s: Services,
  trx: Kysely<DB>,
  actor: Actor,
  event: Event,
  input: ReturnType<ReturnType<typeof settingsInput>['parse']>,
) {
  await repo.ensureSettings(trx, event.id);
  await repo.lockSettings(trx, event.id);
  const confirmed = await repo.countConfirmed(trx, event.id);
  if (input.capacity !== undefined && input.capacity < confirmed) {
    throw validation([{ field: 'capacity', message: 'v.reg_capacity_below', params: { count: confirmed } }]);
  }
  const settings = await repo.updateSettings(trx, event.id, {
    enabled: input.enabled,
    capacity: input.capacity ?? null,
    opens_at: input.opens_at ?? null,
    closes_at: input.closes_at ?? null,
    visitors_allowed: input.visitors_allowed,
  });
  const promoted = await fillSeats(s, trx, event, settings);
  await recordAudit(trx, {
    actorId: actor.id,
    action: 'registration.settings',
    subjectType: 'event',
    subjectId: event.id,
    details: {
      enabled: settings.enabled,
      capacity: settings.capacity,
      opens_at: settings.opens_at,
      closes_at: settings.closes_at,
      visitors_allowed: settings.visitors_allowed,
      promoted: promoted.length,
    },
  });
  return { settings, promoted };
}

/** The organisers' questions, in order; a question keeps its id (and its answers) while it is edited. */
export async function saveQuestions(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, manage } = await eventFor(s, actor, idOrSlug);
  if (!manage) throw forbidden();
  const input = parseInput(QuestionsInput, raw);
  await s.db.transaction().execute(async (trx) => {
    await repo.replaceQuestions(trx, event.id, input.questions);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'registration.questions',
      subjectType: 'event',
      subjectId: event.id,
      details: {
        questions: input.questions.map((q) => ({ kind: q.kind, label: q.label, required: q.required })),
      },
    });
  });
  return { event, questions: await repo.listQuestions(s.db, event.id) };
}
