import { describe, expect, it } from 'vitest';
import { collaborationRecords, organisationRecords } from '../../../bench/recommend-load.ts';
import { runBench } from '../../../bench/recommend-run.ts';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { useTestServer } from '../../../test/helpers/server.ts';

/**
 * `bench/recommend.ts` on a tiny file set, on both engines: what real data holds (one
 * collaboration only, consortia of 100+, unknown countries, empty profiles, rows about unknown
 * organisations, bad dates) loads without failing, is counted, and every method is measured on the
 * same organisations.
 */
const ORGANISATIONS = [
  'id,country,type,name,sectors,topics',
  'A,BE,SME,Alpha,C26,robotics',
  'B,??,research,Beta,,',
  'C,,,,,',
  'D,EL,Large company,Delta,62;not-a-sector,',
  ...Array.from({ length: 101 }, (_, i) => `O${i},DE,research,Member ${i},72,`),
].join('\n');

const COLLABORATIONS = [
  'collaboration_id,organisation_id,date',
  'K1,A,2020-01-01',
  'K1,B,2020-01-01',
  'K2,B,2021-05-01',
  'K2,C,2021-05-01',
  'K3,D,2021-06-01', // a single known member: no collaboration
  'K3,NOBODY,2021-06-01',
  'K4,A,2019-02-30', // not a date
  ...Array.from({ length: 50 }, (_, i) => `OLD,O${i},2021-01-01`).concat('OLD,B,2021-01-01'),
  'K5,A,2024-03-01',
  'K5,C,2024-03-01',
  ...Array.from({ length: 101 }, (_, i) => `BIG,O${i},2024-06-01`),
].join('\n');

describe.each(ENGINES)('the recommender bench on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)(
    'loads what real data holds and measures every method on the same organisations',
    async () => {
      const s = srv.services;
      const orgs = organisationRecords(ORGANISATIONS);
      const collabs = collaborationRecords(
        COLLABORATIONS,
        new Set(orgs.rows.map((r) => String(r.record.external_id))),
      );
      const { loaded, results } = await runBench(s, orgs, collabs, { split: '2024-01-01' });
      expect(loaded).toMatchObject({
        organisations: { rows: 105, unknownCountry: 2, emptyProfile: 2, withoutId: 0 },
        imported: { created: 105, rejected: 0 },
        collaborations: { unknownOrganisation: 1, badDate: 1, single: 1, visible: 3, hidden: 2 },
      });
      const imported = await s.db
        .selectFrom('collaborations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('source', '=', 'import')
        .executeTakeFirstOrThrow();
      expect(Number(imported.n)).toBe(3);
      expect(results.map((r) => r.method)).toEqual([
        'clusterhub',
        'random',
        'popular',
        'same-country',
        'partners-of-partners',
      ]);
      // A and C (new to each other) and the 101 members of the consortium after the split.
      for (const r of results) {
        expect(r.organisations_evaluated).toBe(103);
        for (const v of [r.recall_at_10, r.recall_at_50, r.mrr]) expect(v).toBeGreaterThanOrEqual(0);
        expect(r.recall_at_50).toBeLessThanOrEqual(1);
        expect(Number.isFinite(r.ms_per_organisation)).toBe(true);
      }
      // C is a partner of A's partner B: partners-of-partners finds it first for A, so does the product.
      const pop = results.find((r) => r.method === 'partners-of-partners')!;
      expect(pop.mrr).toBeGreaterThan(0);
    },
  );
});
