import type { Kysely } from 'kysely';
import { insertCampaign, insertEvent } from '../../src/modules/events/repository.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { NewCampaign, NewEvent } from '../../src/platform/db/schema-events.ts';

let n = 0;

/**
 * A published event written directly (no review, no audit), starting in 30 days for a day in
 * Brussels unless told otherwise; `organisers` are organisation ids.
 */
export async function makeEvent(
  db: Kysely<DB>,
  values: Partial<NewEvent> = {},
  organisers: readonly string[] = [],
) {
  n += 1;
  const start = new Date(Date.now() + 30 * 86_400_000);
  start.setUTCHours(8, 0, 0, 0);
  return insertEvent(
    db,
    {
      slug: `test-event-${n}-${Math.random().toString(36).slice(2, 8)}`,
      title: `Test event ${n}`,
      type: 'conference',
      format: 'onsite',
      status: 'published',
      starts_at: start,
      ends_at: new Date(start.getTime() + 8 * 3_600_000),
      time_zone: 'Europe/Brussels',
      city: 'Brussels',
      country: 'BE',
      published_at: new Date(),
      ...values,
    },
    organisers,
  );
}

export async function makeCampaign(db: Kysely<DB>, values: Partial<NewCampaign> = {}) {
  n += 1;
  return insertCampaign(db, {
    slug: `test-campaign-${n}-${Math.random().toString(36).slice(2, 8)}`,
    title: `Test campaign ${n}`,
    starts_on: '2027-01-01',
    ends_on: '2027-06-30',
    ...values,
  });
}
