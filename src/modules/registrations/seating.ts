import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import type {
  NewRegistration,
  Registration,
  RegistrationStatus,
} from '../../platform/db/schema-registrations.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import type { Services } from '../../platform/services.ts';
import { RegistrationRefused } from './refusals.ts';
import * as repo from './repository.ts';
import { Batches, type Outcome } from './turns.ts';

/**
 * Seating: registrations of one event that arrive together are given their seats in one
 * transaction under the event's lock (one count, a few statements, one commit for the batch).
 * `register` in `usecases.ts` prepares each registration and hands it here (`seats(s).add`).
 */

/** The most registrations of one event seated in one transaction. */
const SEAT_BATCH = 200;

/** A registration waiting for its seat: everything prepared, only the seat left to decide. */
export interface SeatRequest {
  values: Omit<NewRegistration, 'status'>;
  tokenHash: string;
  mails: Record<'confirmed' | 'waitlisted', MailMessage>;
  /** An organiser adds someone: the event may have no registration settings yet. */
  forOther: boolean;
  /** Who is recorded in the audit log as having added the registration (organisers only). */
  auditBy: string | null;
}

/** Per platform (tests run several in one process), the registrations waiting for their event's lock. */
const seatQueues = new WeakMap<Services, Batches<SeatRequest, Registration>>();

export function seats(s: Services) {
  let batches = seatQueues.get(s);
  if (!batches) {
    batches = new Batches((eventId, items) => seatBatch(s, eventId, items), SEAT_BATCH);
    seatQueues.set(s, batches);
  }
  return batches;
}

/**
 * Seats a batch of registrations for one event in one transaction. If it fails (say, an address
 * registered at the same moment by a path that did not wait here), each is retried alone, so
 * that one failure is that registration's and no other's.
 */
async function seatBatch(
  s: Services,
  eventId: string,
  items: SeatRequest[],
): Promise<Outcome<Registration>[]> {
  try {
    return await s.db.transaction().execute((trx) => seatLocked(s, trx, eventId, items));
  } catch (error) {
    if (items.length > 1) {
      const outcomes: Outcome<Registration>[] = [];
      for (const item of items) outcomes.push(...(await seatBatch(s, eventId, [item])));
      return outcomes;
    }
    const refused = isUniqueViolation(error) ? new RegistrationRefused('already_registered') : error;
    return [{ ok: false, error: refused }];
  }
}

/**
 * Under the event's lock: which addresses are already registered, how many seats are taken (one
 * count), then each registration in arrival order — confirmed while seats remain, else
 * waitlisted — written with its cancel link and its mail, in a few statements for the batch.
 */
async function seatLocked(
  s: Services,
  trx: Kysely<DB>,
  eventId: string,
  items: SeatRequest[],
): Promise<Outcome<Registration>[]> {
  let locked = await repo.lockSettings(trx, eventId);
  // Organisers may add people to an event whose registration was never set up.
  if (!locked && items.some((i) => i.forOther)) {
    await repo.ensureSettings(trx, eventId);
    locked = await repo.lockSettings(trx, eventId);
  }
  if (!locked) return items.map(() => ({ ok: false, error: new RegistrationRefused('disabled') }));
  const capacity = locked.capacity;
  const taken = await repo.activeEmails(
    trx,
    eventId,
    items.map((i) => i.values.email.toLowerCase()),
  );
  let confirmed = capacity === null ? 0 : await repo.countConfirmed(trx, eventId);
  const rows: { item: SeatRequest; values: NewRegistration; tokenHash: string }[] = [];
  const places = items.map((item) => {
    const email = item.values.email.toLowerCase();
    if (taken.has(email)) return null;
    taken.add(email);
    const status: RegistrationStatus = capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted';
    if (status === 'confirmed') confirmed += 1;
    rows.push({ item, values: { ...item.values, status }, tokenHash: item.tokenHash });
    return rows.length - 1;
  });
  const inserted = await repo.insertRegistrationsWithTokens(trx, rows);
  await s.mailer.queueMany(
    trx,
    rows.map((r) => r.item.mails[r.values.status as 'confirmed' | 'waitlisted']),
  );
  for (const [i, r] of rows.entries()) {
    if (!r.item.auditBy) continue;
    await recordAudit(trx, {
      actorId: r.item.auditBy,
      action: 'registration.add',
      subjectType: 'event',
      subjectId: eventId,
      details: { registration: inserted[i]!.id, email: r.values.email, status: r.values.status },
    });
  }
  return places.map((place) =>
    place === null
      ? { ok: false, error: new RegistrationRefused('already_registered') }
      : { ok: true, value: inserted[place]! },
  );
}
