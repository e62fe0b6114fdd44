import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  ENGINES,
  skipReason,
  type TestDatabase,
  testServices,
} from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { makeUser } from '../../../test/helpers/fixtures.ts';
import { AppError, validation } from '../../platform/errors.ts';
import { createHttpApp } from '../../platform/http/app.tsx';
import type { Services } from '../../platform/services.ts';
import { registerEventApi } from './api.ts';
import { registerEventRoutes } from './routes.tsx';
import type { EventSection } from './section.ts';
import { createEvent, updateEvent } from './usecases.ts';

/** The contract other modules fill: a section's part of the event page and of the event's JSON. */
describe.each(ENGINES)('event sections on %s', (engine) => {
  const skip = skipReason(engine);
  let tdb: TestDatabase;
  let s: Services;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDatabase(engine);
    s = testServices(tdb.database);
  });
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });

  const seats: EventSection = {
    id: 'registration',
    render: async (_s, ctx, event) => <p>{`${ctx.t('event.when')}: <seats of ${event.title}>`}</p>,
    api: async (_s, actor, event) => ({
      registration: { capacity: 100, for: event.slug, signedIn: actor !== null },
    }),
  };
  const nothing: EventSection = { id: 'ideas', render: async () => null };
  /** Reads `registration.capacity` of a write; a negative one is refused with the field named. */
  const written: { how: string; capacity: unknown }[] = [];
  const writer: EventSection = {
    id: 'writer',
    render: async () => null,
    write: async (_s, _trx, _actor, _event, raw, how) => {
      const capacity = (raw.registration as { capacity?: unknown } | undefined)?.capacity;
      if (typeof capacity === 'number' && capacity < 0)
        throw validation([{ field: 'registration.capacity', message: 'v.too_small', params: { min: 0 } }]);
      written.push({ how, capacity });
    },
  };

  it.skipIf(skip)(
    'draws each section under the event, in order, and merges their properties into the API',
    async () => {
      const event = await makeEvent(s.db, { slug: 'with-sections', title: 'Sectioned' });
      const app = await createHttpApp(s);
      registerEventRoutes(app, s, [seats, nothing]);
      registerEventApi(app, s, [seats, nothing]);
      await app.ready();
      try {
        const page = await app.inject({ url: `/events/${event.slug}` });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain(
          '<section id="registration" class="event-section"><p>When: &lt;seats of Sectioned></p></section>',
        );
        expect(page.body).not.toContain('id="ideas"');
        const json = await app.inject({ url: `/api/v1/events/${event.id}` });
        expect(json.json()).toMatchObject({
          id: event.id,
          title: 'Sectioned',
          registration: { capacity: 100, for: 'with-sections', signedIn: false },
        });
      } finally {
        await app.close();
      }
    },
  );

  it.skipIf(skip)("hands each section its part of a write, in the event's transaction", async () => {
    const editor = await makeUser(s, 'editor@example.org', 'editor');
    const actor = {
      id: editor.id,
      email: editor.email,
      name: 'Editor',
      role: 'editor' as const,
      emailVerified: true,
    };
    const body = {
      title: 'Written with sections',
      type: 'conference',
      format: 'online',
      starts_at: '2027-03-01T09:00',
      ends_at: '2027-03-01T10:00',
      time_zone: 'Europe/Brussels',
    };
    const refused = await createEvent(s, actor, { ...body, registration: { capacity: -1 } }, [writer]).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details[0]!.field).toBe('registration.capacity');
    // Nothing of the event was kept.
    expect(await s.db.selectFrom('events').select('id').where('title', '=', body.title).execute()).toEqual(
      [],
    );
    const event = await createEvent(s, actor, { ...body, registration: { capacity: 100 } }, [writer]);
    await updateEvent(s, actor, event.id, { registration: { capacity: 80 } }, 'patch', [writer]);
    expect(written).toEqual([
      { how: 'create', capacity: 100 },
      { how: 'update', capacity: 80 },
    ]);
  });
});
