import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Registration, RegistrationQuestion } from '../../platform/db/schema-registrations.ts';
import { AppError, type FieldProblem, forbidden, notFound, validation } from '../../platform/errors.ts';
import { isLang, type Lang } from '../../platform/i18n/index.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { problemsFromZod, safeParse, UUID } from '../../platform/validation.ts';
import { guardCsvText } from '../search/export.ts';
import * as repo from './repository.ts';
import { RegisterInput } from './schemas.ts';

import { eventFor, queueMail, registrationView } from './usecases.ts';

/** The organisers' tools: the list with answers, check-in, import from a file, export. */

/** The organisers' list: every registration with its answers, the questions and the counts. */
export async function registrationsOf(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, manage, organiserTeam } = await eventFor(s, actor, idOrSlug);
  if (!manage) throw forbidden();
  const [view, registrations, cancelled] = await Promise.all([
    registrationView(s, actor, event, organiserTeam),
    repo.listRegistrations(s.db, event.id),
    repo.listRegistrations(s.db, event.id, { withCancelled: true }),
  ]);
  return { ...view, registrations, cancelled: cancelled.filter((r) => r.status === 'cancelled') };
}

/** An organiser marks a confirmed person as arrived (or not). */
export async function checkIn(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  registrationId: string,
  arrived: boolean,
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, manage } = await eventFor(s, actor, idOrSlug);
  if (!manage) throw forbidden();
  if (!UUID.test(registrationId)) throw notFound('No such registration.');
  return s.db.transaction().execute(async (trx) => {
    const row = await repo.setCheckedIn(trx, event.id, registrationId, arrived ? new Date() : null);
    if (!row) throw new AppError('conflict', 'Only a confirmed registration can be checked in.');
    await recordAudit(trx, {
      actorId: actor.id,
      action: arrived ? 'registration.check_in' : 'registration.check_in_undo',
      subjectType: 'event',
      subjectId: event.id,
      details: { registration: row.id, email: row.email },
    });
    return { event, registration: row };
  });
}

const IMPORT_COLUMNS = ['name', 'email', 'organisation_name', 'country', 'organisation_kind'] as const;
export const IMPORT_MAX_ROWS = 2000;

/** A problem of an imported file: its line (1 is the header) and field. */
export interface ImportProblem extends FieldProblem {
  line: number;
}

/**
 * Registers the people of a CSV file (header `name,email,organisation_name,country,organisation_kind`;
 * only `name` and `email` required). Every line is checked first: if any is bad, nothing is saved
 * and each bad line is reported with its number. Then all are registered in one transaction, in
 * the file's order, confirmed while seats remain, each mailed.
 */
export async function importRegistrations(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  data: Buffer | null,
  lang: Lang,
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, manage } = await eventFor(s, actor, idOrSlug);
  if (!manage) throw forbidden();
  if (!data || data.length === 0) throw validation([{ field: 'file', message: 'v.required' }]);
  let records: Record<string, string>[];
  try {
    records = parseCsv(data.toString('utf8').replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (err) {
    throw validation([
      {
        field: 'file',
        message: 'v.import_unreadable',
        params: { reason: (err as Error).message.slice(0, 200) },
      },
    ]);
  }
  if (records.length === 0) throw validation([{ field: 'file', message: 'v.reg_import_empty' }]);
  if (records.length > IMPORT_MAX_ROWS)
    throw validation([{ field: 'file', message: 'v.too_many', params: { max: IMPORT_MAX_ROWS } }]);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const rows = records.map((record, i) => {
    const line = i + 2;
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, record[c] ?? '']));
    const parsed = safeParse(RegisterInput, values);
    if (!parsed.success) {
      for (const p of problemsFromZod(parsed.error)) problems.push({ ...p, line });
      return null;
    }
    const earlier = seen.get(parsed.data.email);
    if (earlier)
      problems.push({ line, field: 'email', message: 'v.reg_duplicate_line', params: { line: earlier } });
    seen.set(parsed.data.email, line);
    return { line, ...parsed.data };
  });
  if (problems.length) throw new ImportRefused(problems);
  const accounts = new Map<string, { id: string; locale: string | null }>();
  for (const r of rows) {
    const a = await repo.localeOfEmail(s.db, r!.email);
    if (a) accounts.set(r!.email, a);
  }
  return s.db.transaction().execute(async (trx) => {
    await repo.ensureSettings(trx, event.id);
    const settings = (await repo.lockSettings(trx, event.id))!;
    let confirmed = await repo.countConfirmed(trx, event.id);
    const taken: ImportProblem[] = [];
    for (const r of rows) {
      if (await repo.activeByEmail(trx, event.id, r!.email))
        taken.push({ line: r!.line, field: 'email', message: 'v.reg_already_registered' });
    }
    if (taken.length) throw new ImportRefused(taken);
    const counts = { confirmed: 0, waitlisted: 0 };
    for (const r of rows) {
      const input = r!;
      const status = settings.capacity === null || confirmed < settings.capacity ? 'confirmed' : 'waitlisted';
      if (status === 'confirmed') confirmed += 1;
      counts[status] += 1;
      const account = accounts.get(input.email);
      const registration = await repo.insertRegistration(trx, {
        event_id: event.id,
        user_id: account?.id ?? null,
        name: input.name,
        email: input.email,
        organisation_name: input.organisation_name ?? '',
        country: input.country ?? null,
        organisation_kind: input.organisation_kind ?? null,
        answers: {},
        status,
        source: 'import',
        lang: isLang(account?.locale) ? account.locale : lang,
      });
      await queueMail(s, trx, event, { kind: status, registration });
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'registration.import',
      subjectType: 'event',
      subjectId: event.id,
      details: { rows: rows.length, ...counts },
    });
    return { event, ...counts };
  });
}

/** An import refused line by line (422): `details` are the problems, each with its line. */
export class ImportRefused extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    super(
      'validation',
      'Some lines of the file are not valid; nothing was imported.',
      problems.map((p) => ({ ...p, field: `line ${p.line}: ${p.field}` })),
    );
  }
}

/** The list as CSV for the organisers: one column per question; text cells guarded against formulas. */
export async function exportRegistrations(s: Services, actor: Actor | null, idOrSlug: string) {
  const data = await registrationsOf(s, actor, idOrSlug);
  const answerText = (q: RegistrationQuestion, r: Registration) => {
    const a = r.answers[q.id];
    if (a === undefined) return '';
    if (typeof a === 'boolean') return a ? 'yes' : 'no';
    return Array.isArray(a) ? a.join('; ') : a;
  };
  const header = [
    'name',
    'email',
    'organisation_name',
    'country',
    'organisation_kind',
    'status',
    'registered_at',
    'checked_in_at',
    'source',
    ...data.questions.map((q) => q.label),
  ];
  const rows = [...data.registrations, ...data.cancelled].map((r) => [
    r.name,
    r.email,
    r.organisation_name,
    r.country ?? '',
    r.organisation_kind ?? '',
    r.status,
    r.created_at.toISOString(),
    r.checked_in_at?.toISOString() ?? '',
    r.source,
    ...data.questions.map((q) => answerText(q, r)),
  ]);
  const csv = stringify([header.map(guardCsvText), ...rows.map((row) => row.map(guardCsvText))]);
  await recordAudit(s.db, {
    actorId: actor!.id,
    action: 'registration.export',
    subjectType: 'event',
    subjectId: data.event.id,
    details: { rows: rows.length },
  });
  return { event: data.event, csv };
}
