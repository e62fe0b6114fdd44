import type { Kysely } from 'kysely';
import { createApiToken } from '../../src/modules/accounts/usecases.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { upsertMember } from '../../src/modules/teams/repository.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { NewEvent } from '../../src/platform/db/schema-events.ts';
import type { QuestionKind } from '../../src/platform/db/schema-registrations.ts';
import type { Services } from '../../src/platform/services.ts';
import { makeEvent } from './events.ts';
import { makeUser } from './fixtures.ts';

/** Test fixtures of registrations: an event with settings and questions, organised by a team. */

let n = 0;

export async function organisedEvent(
  s: Services,
  opts: {
    event?: Partial<NewEvent>;
    capacity?: number | null;
    enabled?: boolean;
    visitors?: boolean;
    opensAt?: Date | null;
    closesAt?: Date | null;
    questions?: { kind: QuestionKind; label: string; required?: boolean; options?: string[] }[];
    organiserEmail?: string;
  } = {},
) {
  n += 1;
  const org = await insertOrganisation(s.db, {
    slug: `organiser-${n}-${Math.random().toString(36).slice(2, 6)}`,
    name: `Organiser Cluster ${n}`,
    type: 'cluster_organisation',
    country: 'BE',
    status: 'published',
  });
  const organiserEmail = opts.organiserEmail ?? `organiser${n}@example.org`;
  const organiser = await makeUser(s, organiserEmail);
  await upsertMember(s.db, org.id, organiser.id, 'member');
  const event = await makeEvent(s.db, opts.event ?? {}, [org.id]);
  await s.db
    .insertInto('registration_settings')
    .values({
      event_id: event.id,
      enabled: opts.enabled ?? true,
      capacity: opts.capacity ?? null,
      visitors_allowed: opts.visitors ?? false,
      opens_at: opts.opensAt ?? null,
      closes_at: opts.closesAt ?? null,
    })
    .execute();
  const questions = [];
  for (const [position, q] of (opts.questions ?? []).entries()) {
    questions.push(
      await s.db
        .insertInto('registration_questions')
        .values({
          event_id: event.id,
          position,
          kind: q.kind,
          label: q.label,
          required: q.required ?? false,
          options: JSON.stringify(q.options ?? []),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  const organiserToken = (await createApiToken(s, organiser.id, 'organiser')).token;
  return { org, event, organiser, organiserEmail, organiserToken, questions };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The statuses of an event's registrations by address, in arrival order. */
export function statuses(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('registrations')
    .select(['email', 'status', 'arrival'])
    .where('event_id', '=', eventId)
    .orderBy('arrival')
    .execute();
}
