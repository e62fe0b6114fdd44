import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeOrg } from '../../../test/helpers/opportunities.ts';
import { useTestServer } from '../../../test/helpers/server.ts';
import type { Services } from '../../platform/services.ts';
import { insertOpportunity, nextReferenceNumber } from './repository.ts';

/** What the database itself guarantees (migration 0020): one interest per organisation, the graph kept. */
describe.each(ENGINES)('opportunities storage on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function setUp(s: Services) {
    const poster = await makeOrg(s, 'poster', 'Poster Cluster');
    const other = await makeOrg(s, 'other', 'Other Cluster', 'FR');
    const o = await insertOpportunity(s.db, {
      reference: 'TO-DE-20261124-0001',
      organisation_id: poster.id,
      kind: 'technology_offer',
      title: 'A process',
      status: 'published',
    });
    return { poster, other, o };
  }
  const interest = (s: Services, opportunity_id: string, organisation_id: string) =>
    s.db
      .insertInto('opportunity_interests')
      .values({ opportunity_id, organisation_id, offer: 'o', seek: 's', next_step: 'n' })
      .returningAll()
      .executeTakeFirstOrThrow();

  it.skipIf(skip)(
    'refuses a second interest of the same organisation and one in its own opportunity',
    async () => {
      const s = srv.services;
      const { poster, other, o } = await setUp(s);
      await interest(s, o.id, other.id);
      await expect(interest(s, o.id, other.id)).rejects.toThrow(/opportunity_interests_once/);
      await expect(interest(s, o.id, poster.id)).rejects.toThrow(/own opportunity/);
      const n = await s.db
        .selectFrom('opportunity_interests')
        .select(s.db.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(Number(n!.n)).toBe(1);
    },
  );

  it.skipIf(skip)('keeps the collaboration graph in step with interests and outcomes', async () => {
    const s = srv.services;
    const { poster, other, o } = await setUp(s);
    const i = await interest(s, o.id, other.id);
    const graph = () =>
      s.db
        .selectFrom('collaborations as c')
        .select((eb) => [
          'c.kind',
          'c.source',
          'c.source_id',
          eb
            .selectFrom('collaboration_members as m')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('m.collaboration_id', '=', 'c.id')
            .as('members'),
        ])
        .orderBy('c.kind')
        .execute();
    const declines = () => s.db.selectFrom('organisation_declines').selectAll().execute();
    expect(await graph()).toEqual([]);

    await s.db
      .updateTable('opportunity_interests')
      .set({ status: 'accepted', answered_at: new Date() })
      .execute();
    expect(await graph()).toEqual([
      { kind: 'interest', source: 'opportunity_interest', source_id: i.id, members: 2 },
    ]);

    await s.db.updateTable('opportunity_interests').set({ status: 'declined' }).execute();
    expect(await graph()).toEqual([]);
    expect(await declines()).toMatchObject([
      { organisation_id: poster.id, declined_id: other.id, source: 'opportunity_interest', source_id: i.id },
    ]);

    const outcome = await s.db
      .insertInto('opportunity_outcomes')
      .values({
        opportunity_id: o.id,
        partner_organisation_id: other.id,
        kind: 'agreement_licence',
        happened_on: '2027-01-15',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await graph()).toEqual([
      { kind: 'agreement', source: 'opportunity_outcome', source_id: outcome.id, members: 2 },
    ]);
    await s.db.deleteFrom('opportunities').execute();
    expect(await graph()).toEqual([]);
    expect(await declines()).toEqual([]);
  });

  it.skipIf(skip)('numbers references of the same day one after the other, even at once', async () => {
    const s = srv.services;
    const numbers = await Promise.all(
      Array.from({ length: 8 }, () =>
        s.db.transaction().execute((trx) => nextReferenceNumber(trx, 'BO-FR-20270101')),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await nextReferenceNumber(s.db, 'BR-FR-20270101')).toBe(1);
  });
});
