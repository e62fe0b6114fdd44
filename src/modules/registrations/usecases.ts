import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type {
  Registration,
  RegistrationSettings,
  RegistrationSource,
} from '../../platform/db/schema-registrations.ts';
import { AppError, type FieldProblem, forbidden, notFound, validation } from '../../platform/errors.ts';
import { isLang, type Lang } from '../../platform/i18n/index.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { problemsFromZod, safeParse, UUID } from '../../platform/validation.ts';
import { findEventById, findEventBySlug, isOnOrganiserTeam } from '../events/repository.ts';
import { type RegistrationMailKind, registrationMail } from './mails.ts';
import {
  canCancelRegistration,
  canManageRegistrations,
  canRegisterOthers,
  canRegisterSelf,
} from './policy.ts';
import { type RefusalReason, RegistrationRefused } from './refusals.ts';
import * as repo from './repository.ts';
import { checkAnswers, RegisterInput } from './schemas.ts';
import { seats } from './seating.ts';
import { Turns } from './turns.ts';

/** Visitors' attempts per address (and per IP) within the window before they are refused (429). */
export const VISITOR_MAX_PER_EMAIL = 5;
export const VISITOR_MAX_PER_IP = 60;
export const VISITOR_WINDOW_MS = 60 * 60_000;

/** Cancellations per event, two transactions at a time from this process: one holding the event's lock, one ready. */
const seatTurns = new Turns(2);

export { type RefusalReason, RegistrationRefused };

/** Where an event's registration stands now. */
export type WindowState = 'open' | 'not_open' | 'closed' | 'disabled';

export function windowState(
  settings: Pick<RegistrationSettings, 'enabled' | 'opens_at' | 'closes_at'> | undefined,
  event: Pick<Event, 'ends_at'>,
  now = new Date(),
): WindowState {
  if (!settings?.enabled) return 'disabled';
  if (settings.opens_at && settings.opens_at > now) return 'not_open';
  if ((settings.closes_at && settings.closes_at <= now) || event.ends_at <= now) return 'closed';
  return 'open';
}

/** An event the actor may see (published, or one they organise), and whether they organise it. */
export async function eventFor(s: Services, actor: Actor | null, idOrSlug: string) {
  const event = UUID.test(idOrSlug)
    ? await findEventById(s.db, idOrSlug)
    : await findEventBySlug(s.db, idOrSlug);
  if (!event) throw notFound('No such event.');
  const organiserTeam = actor ? await isOnOrganiserTeam(s.db, event.id, actor.id) : false;
  const manage = canManageRegistrations(actor, organiserTeam);
  if (event.status !== 'published' && !manage) throw notFound('No such event.');
  return { event, organiserTeam, manage };
}

/** What the event page and the registration form show to this reader. */
export async function registrationView(
  s: Services,
  actor: Actor | null,
  event: Event,
  organiserTeam?: boolean,
) {
  const [settings, questions, counts, own] = await Promise.all([
    repo.findSettings(s.db, event.id),
    repo.listQuestions(s.db, event.id),
    repo.countsOf(s.db, event.id),
    actor ? repo.activeOfUser(s.db, event.id, actor) : Promise.resolve(undefined),
  ]);
  const team = organiserTeam ?? (actor ? await isOnOrganiserTeam(s.db, event.id, actor.id) : false);
  const waitingPosition =
    own?.status === 'waitlisted' ? await repo.waitingPosition(s.db, event.id, own.arrival) : null;
  const seatsLeft =
    settings?.capacity === null || settings?.capacity === undefined
      ? null
      : Math.max(0, settings.capacity - counts.confirmed);
  return {
    event,
    settings: settings ?? null,
    questions,
    counts,
    seatsLeft,
    state: windowState(settings, event),
    own: own ?? null,
    waitingPosition,
    mayRegisterSelf: settings ? canRegisterSelf(actor, settings) : false,
    manage: canManageRegistrations(actor, team),
  };
}

export type RegisterMode = 'self' | 'other' | 'api';

export interface RegisterOptions {
  /** The reader's language: the mail's when the address has no account with one. */
  lang: Lang;
  ip: string;
  mode: RegisterMode;
}

interface Mailing {
  kind: RegistrationMailKind;
  registration: Registration;
}

/** Writes a registration's mail (with a new cancel link) in the transaction of the change. */
export async function queueMail(s: Services, trx: Kysely<DB>, event: Event, m: Mailing) {
  const token = m.kind === 'cancelled' ? null : newToken();
  if (token) await repo.insertCancelToken(trx, m.registration.id, hashToken(token));
  const organisers = await repo.organisersOf(trx, event.id);
  await s.mailer.queue(
    trx,
    registrationMail(m.kind, {
      registration: m.registration,
      event,
      organisers,
      baseUrl: s.config.baseUrl,
      cancelToken: token,
    }),
  );
  return token;
}

/**
 * Gives free seats to the waiting list in arrival order (after a cancellation or a larger
 * capacity), each promoted person mailed; under the settings' lock.
 */
export async function fillSeats(s: Services, trx: Kysely<DB>, event: Event, settings: RegistrationSettings) {
  const confirmed = await repo.countConfirmed(trx, event.id);
  const free = settings.capacity === null ? 1_000_000 : settings.capacity - confirmed;
  if (free <= 0) return [];
  const next = await repo.firstWaitlisted(trx, event.id, free);
  const promoted: Registration[] = [];
  for (const r of next) {
    const row = await repo.setStatus(trx, r.id, 'confirmed', { promoted_at: new Date() });
    await queueMail(s, trx, event, { kind: 'promoted', registration: row });
    promoted.push(row);
  }
  return promoted;
}

/**
 * Registers someone for an event. `self`: the signed-in account itself (its address), or a visitor
 * where the event accepts them (rate limited per address); `other`: an organiser registers someone;
 * `api`: the address given decides (an organiser's token registers anyone, anyone else only
 * themselves). Confirmed while seats remain, else waitlisted in arrival order; the seats are
 * counted under the event's lock, so concurrent registrations never overbook. Registrations of one
 * event arriving together are seated together, in one transaction (`seatBatch`).
 */
export async function register(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: unknown,
  o: RegisterOptions,
) {
  const { event, organiserTeam } = await eventFor(s, actor, idOrSlug);
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const given = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  const forOther =
    o.mode === 'other' ||
    (o.mode === 'api' && actor !== null && given !== '' && given !== actor.email.toLowerCase());
  if (forOther && !canRegisterOthers(actor, organiserTeam)) {
    throw forbidden(actor ? 'You may only register yourself.' : 'Sign in first.');
  }
  const settings = await repo.findSettings(s.db, event.id);
  if (!forOther) {
    const state = windowState(settings, event);
    if (state !== 'open') throw new RegistrationRefused(state);
    if (!canRegisterSelf(actor, settings!)) {
      throw actor
        ? forbidden('Confirm your e-mail address to register.')
        : new RegistrationRefused('sign_in');
    }
  }
  // A confirmed account registers with its own address and, unless it gives one, its own name.
  const fields =
    !forOther && actor?.emailVerified ? { ...body, email: actor.email, name: body.name || actor.name } : body;
  const questions = await repo.listQuestions(s.db, event.id);
  const parsed = safeParse(RegisterInput, fields);
  const problems: FieldProblem[] = parsed.success ? [] : problemsFromZod(parsed.error);
  const checked = checkAnswers(
    // Organisers adding someone on the page may not know their answers; the API asks for them.
    o.mode === 'other' ? questions.map((q) => ({ ...q, required: false })) : questions,
    body.answers,
  );
  problems.push(...checked.problems);
  if (problems.length || !parsed.success) throw validation(problems);
  const input = parsed.data;

  const visitor = !forOther && !actor?.emailVerified;
  if (visitor) {
    const since = new Date(Date.now() - VISITOR_WINDOW_MS);
    const recent = await repo.recentAttempts(s.db, input.email, o.ip, since);
    if (recent.byEmail >= VISITOR_MAX_PER_EMAIL || recent.byIp >= VISITOR_MAX_PER_IP) {
      throw new AppError('rate_limited', 'Too many registrations for this address. Try again in an hour.');
    }
    await repo.recordAttempt(s.db, input.email, o.ip);
  }
  const account = await repo.localeOfEmail(s.db, input.email);
  const lang: Lang = isLang(account?.locale) ? account.locale : o.lang;
  const source: RegistrationSource = forOther
    ? o.mode === 'api'
      ? 'api'
      : 'organiser'
    : visitor
      ? 'visitor'
      : o.mode === 'api'
        ? 'api'
        : 'self';
  const userId = !forOther && actor?.emailVerified ? actor.id : (account?.id ?? null);
  // Everything that does not depend on the seat is prepared before the lock is taken: under it,
  // only the seat is decided and the rows written, for a whole batch of registrations at once.
  const token = newToken();
  const organisers = await repo.organisersOf(s.db, event.id);
  const person = { email: input.email, name: input.name, lang };
  const mails = {
    confirmed: registrationMail('confirmed', {
      registration: person,
      event,
      organisers,
      baseUrl: s.config.baseUrl,
      cancelToken: token,
    }),
    waitlisted: registrationMail('waitlisted', {
      registration: person,
      event,
      organisers,
      baseUrl: s.config.baseUrl,
      cancelToken: token,
    }),
  };

  const registration = await seats(s).add(event.id, {
    values: {
      event_id: event.id,
      user_id: userId,
      name: input.name,
      email: input.email,
      organisation_name: input.organisation_name ?? '',
      country: input.country ?? null,
      organisation_kind: input.organisation_kind ?? null,
      answers: checked.answers,
      source,
      lang,
    },
    tokenHash: hashToken(token),
    mails,
    forOther,
    auditBy: forOther ? actor!.id : null,
  });
  return { event, registration, token };
}

/**
 * Cancels a registration under the event's lock and gives its seat to the first waitlisted person.
 * `by`: the actor who cancels (null: the cancel link, which proves the mail was read).
 */
async function cancelLocked(
  s: Services,
  registrationId: string,
  by: { actor: Actor | null; organiser: boolean },
) {
  const first = await repo.findRegistration(s.db, registrationId);
  if (!first) throw notFound('No such registration.');
  const event = (await findEventById(s.db, first.event_id))!;
  return seatTurns.run(event.id, () =>
    s.db.transaction().execute(async (trx) => {
      const settings = await repo.lockSettings(trx, event.id);
      const reg = await repo.findRegistration(trx, registrationId);
      if (!reg) throw notFound('No such registration.');
      if (reg.status === 'cancelled') throw new RegistrationRefused('cancelled');
      const row = await repo.setStatus(trx, reg.id, 'cancelled', { cancelled_at: new Date() });
      await queueMail(s, trx, event, { kind: 'cancelled', registration: row });
      const promoted = reg.status === 'confirmed' && settings ? await fillSeats(s, trx, event, settings) : [];
      if (by.organiser && by.actor && by.actor.id !== reg.user_id) {
        await recordAudit(trx, {
          actorId: by.actor.id,
          action: 'registration.cancel',
          subjectType: 'event',
          subjectId: event.id,
          details: { registration: reg.id, email: reg.email, promoted: promoted.map((p) => p.id) },
        });
      }
      return { event, registration: row, promoted };
    }),
  );
}

/** Its registrant or an organiser cancels a registration. */
export async function cancelRegistration(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  registrationId: string,
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, organiserTeam } = await eventFor(s, actor, idOrSlug);
  if (!UUID.test(registrationId)) throw notFound('No such registration.');
  const reg = await repo.findRegistration(s.db, registrationId);
  if (!reg || reg.event_id !== event.id) throw notFound('No such registration.');
  if (!canCancelRegistration(actor, reg, organiserTeam)) throw forbidden();
  const organiser = canManageRegistrations(actor, organiserTeam);
  return cancelLocked(s, reg.id, { actor, organiser });
}

/** The registration a confirmation page is about, for one who may cancel it (its registrant, an organiser). */
export async function registrationToCancel(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  registrationId: string,
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, organiserTeam } = await eventFor(s, actor, idOrSlug);
  if (!UUID.test(registrationId)) throw notFound('No such registration.');
  const registration = await repo.findRegistration(s.db, registrationId);
  if (!registration || registration.event_id !== event.id) throw notFound('No such registration.');
  if (!canCancelRegistration(actor, registration, organiserTeam)) throw forbidden();
  if (registration.status === 'cancelled') throw new RegistrationRefused('cancelled');
  return { event, registration };
}

/** What the cancel link shows (opening it changes nothing: mail scanners open links too). */
export async function openCancelLink(s: Services, token: string) {
  const id = token ? await repo.registrationIdByToken(s.db, hashToken(token)) : undefined;
  const registration = id ? await repo.findRegistration(s.db, id) : undefined;
  if (!registration) return null;
  const event = (await findEventById(s.db, registration.event_id))!;
  return { registration, event };
}

/** The cancel link's POST: cancels without signing in. */
export async function cancelByToken(s: Services, token: string) {
  const id = token ? await repo.registrationIdByToken(s.db, hashToken(token)) : undefined;
  if (!id) throw notFound('This cancel link is not valid.');
  return cancelLocked(s, id, { actor: null, organiser: false });
}

/** The participation report of a past event (anyone may read it): confirmed registrations and check-ins. */
export async function participationReport(s: Services, event: Event) {
  const [figures, counts] = await Promise.all([
    repo.participation(s.db, event.id),
    repo.countsOf(s.db, event.id),
  ]);
  return { ...figures, registered: counts.confirmed, checkedIn: counts.checked_in };
}

/** The figures `GET /api/v1/events/{id}` adds. */
export async function registrationSummary(s: Services, event: Event) {
  const [settings, counts] = await Promise.all([
    repo.findSettings(s.db, event.id),
    repo.countsOf(s.db, event.id),
  ]);
  return {
    enabled: settings?.enabled ?? false,
    capacity: settings?.capacity ?? null,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    opens_at: settings?.opens_at?.toISOString() ?? null,
    closes_at: settings?.closes_at?.toISOString() ?? null,
  };
}
