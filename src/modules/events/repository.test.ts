import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeCampaign, makeEvent } from '../../../test/helpers/events.ts';
import { useTestServer } from '../../../test/helpers/server.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { findEventBySlug } from './repository.ts';

describe.each(ENGINES)('events storage on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)('keeps an event with its organisers, campaign and rendered description', async () => {
    const db = srv.services.db;
    const org = await insertOrganisation(db, {
      slug: 'organiser',
      name: 'Organiser Cluster',
      type: 'cluster_organisation',
      country: 'BE',
      status: 'published',
    });
    const campaign = await makeCampaign(db, { title: 'EU Cluster Weeks' });
    const event = await makeEvent(
      db,
      { description: 'A **bold** day', campaign_id: campaign.id, anchor: true },
      [org.id],
    );
    const read = await findEventBySlug(db, event.slug);
    expect(read).toMatchObject({
      title: event.title,
      campaign_id: campaign.id,
      anchor: true,
      time_zone: 'Europe/Brussels',
    });
    expect(read!.description_html).toContain('<strong>bold</strong>');
    expect(read!.summary).toBe('A bold day');
    const organisers = await db
      .selectFrom('event_organisers')
      .select('organisation_id')
      .where('event_id', '=', event.id)
      .execute();
    expect(organisers).toEqual([{ organisation_id: org.id }]);
  });

  it.skipIf(skip)('refuses an event that ends before it starts, in the database too', async () => {
    const start = new Date('2027-03-01T08:00:00Z');
    await expect(
      makeEvent(srv.services.db, { starts_at: start, ends_at: new Date(start.getTime() - 1) }),
    ).rejects.toThrow(/events_dates_check/);
  });
});
