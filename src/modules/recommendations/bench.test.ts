import { describe, expect, it } from 'vitest';
import { generate } from '../../../bench/recommend-data.ts';
import {
  collaborationRecords,
  naceOf,
  organisationRecords,
  typeOf,
  UNKNOWN_COUNTRY,
} from '../../../bench/recommend-load.ts';
import { baselines, truthOf } from '../../../bench/recommend-methods.ts';
import { Accumulator, recallAt, reciprocalRank } from '../../../bench/recommend-metrics.ts';
import { Random } from '../demo/random.ts';

/** `bench/recommend.ts`'s parts that need no database: reading the files, the measures, the baselines. */

describe('the recommender bench', () => {
  it('reads organisations leniently: codes mapped, unknown countries and empty fields kept', () => {
    const csv = [
      'id,country,type,name,ecosystems,sectors,technologies,topics',
      'A,de,Research Organisation,Alpha Lab,digital;Space,C26;62.01;biotech,artificial-intelligence;lidar,Robotics;robotics',
      'B,XX,Cluster organisation,,,,,',
      'C,UK,Project,Gamma,,,,',
      ',FR,sme,No id,,,,',
      'D,,,<b>Delta</b>,,,,',
    ].join('\n');
    const { rows, counts, countries } = organisationRecords(csv);
    expect(counts).toEqual({ rows: 5, unknownCountry: 2, emptyProfile: 3, withoutId: 1 });
    expect(rows.map((r) => r.record.external_id)).toEqual(['A', 'B', 'C', 'D']);
    const a = rows[0]!.record;
    expect(a).toMatchObject({
      name: 'Alpha Lab',
      country: 'DE',
      type: 'cluster_member',
      ecosystems: ['digital'],
      nace: ['26', '62'],
      kets: ['artificial-intelligence'],
      keywords: ['space', 'biotech', 'lidar', 'robotics'],
    });
    expect(rows[1]!.record).toMatchObject({
      country: UNKNOWN_COUNTRY,
      name: 'Organisation B',
      type: 'cluster_organisation',
    });
    expect(rows[2]!.record).toMatchObject({ country: 'GB', type: 'cluster_project' });
    // No markup reaches the import (it would refuse the row).
    expect(rows[3]!.record.name).toBe('b Delta /b');
    expect(countries.get('B')).toBe('');
    expect(countries.get('A')).toBe('DE');
  });

  it('maps sectors and types', () => {
    expect(['C26', '26', '26.11', 'c', 'C 26', 'Z9', 'biotech'].map(naceOf)).toEqual([
      '26',
      '26',
      '26',
      'C',
      '26',
      null,
      null,
    ]);
    expect(
      ['National association', 'cluster_project', 'Cluster organisation', 'SME', ''].map(typeOf),
    ).toEqual([
      'national_association',
      'cluster_project',
      'cluster_organisation',
      'cluster_member',
      'cluster_member',
    ]);
  });

  it('groups collaborations, counting rows about unknown organisations, bad dates, duplicates and lone members', () => {
    const csv = [
      'collaboration_id,organisation_id,date',
      'K1,A,2020-01-05',
      'K1,B,2020-01-03',
      'K1,B,2020-01-03',
      'K2,A,2021-02-01',
      'K2,Z,2021-02-01',
      'K3,A,not a date',
      'K3,B,2021-13-45',
      ...Array.from({ length: 120 }, (_, i) => `BIG,O${i},2022-06-01`),
    ].join('\n');
    const known = new Set(['A', 'B', ...Array.from({ length: 120 }, (_, i) => `O${i}`)]);
    const { collaborations, counts } = collaborationRecords(csv, known);
    expect(counts).toEqual({ rows: 127, unknownOrganisation: 1, badDate: 2, duplicate: 1, single: 1 });
    expect([...collaborations.keys()]).toEqual(['K1', 'BIG']);
    expect(collaborations.get('K1')).toEqual({ members: ['A', 'B'], date: '2020-01-03' });
    expect(collaborations.get('BIG')!.members).toHaveLength(120);
  });

  it('computes recall and reciprocal rank as a person would', () => {
    // Relevant: x and y. Ranked: a x b c y …: x at 2, y at 5.
    const ranked = ['a', 'x', 'b', 'c', 'y', 'd'];
    const relevant = new Set(['x', 'y']);
    expect(recallAt(1, ranked, relevant)).toBe(0);
    expect(recallAt(2, ranked, relevant)).toBe(0.5);
    expect(recallAt(10, ranked, relevant)).toBe(1);
    expect(reciprocalRank(ranked, relevant)).toBe(0.5);
    expect(reciprocalRank(['a', 'b'], relevant)).toBe(0);
    const acc = new Accumulator();
    acc.add(ranked, relevant); // R@10 = 1, RR = 1/2
    acc.add(['y', 'q'], new Set(['y', 'z', 'w', 'v'])); // R@10 = 1/4, RR = 1
    expect(acc.result()).toEqual({
      recall_at_10: 0.625,
      recall_at_50: 0.625,
      mrr: 0.75,
      organisations_evaluated: 2,
    });
  });

  it('builds the truth and the baselines from the visible collaborations only', () => {
    const countries = new Map([
      ['a', 'DE'],
      ['b', 'DE'],
      ['c', 'FR'],
      ['d', 'DE'],
      ['e', ''],
    ]);
    // Before: a-b, b-c, b-d, d-c. After: a-c (new for a and c), a-b again (known).
    const t = truthOf(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['b', 'd'],
        ['d', 'c'],
      ],
      [
        ['a', 'c'],
        ['a', 'b'],
      ],
      countries,
    );
    expect([...t.newPartners.keys()].sort()).toEqual(['a', 'c']);
    expect([...t.newPartners.get('a')!]).toEqual(['c']);
    const m = baselines(t, new Random(1));
    expect(m.popular!('a', 2)).toEqual(['c', 'd']); // b (3 collaborations) is a's partner already
    expect(m['same-country']!('a', 3)).toEqual(['d', 'c', 'e']);
    expect(m['partners-of-partners']!('a', 5)).toEqual(['c', 'd']); // one partner in common each; ties by collaborations, then id
    expect(m['same-country']!('e', 1)).toEqual(['b']); // unknown country: the most collaborating
    expect(new Set(m.random!('a', 3))).toEqual(new Set(['c', 'd', 'e']));
  });

  it('generates the same files from the same seed, with the planted irregularities', () => {
    const one = generate({ organisations: 600, collaborations: 2000, seed: 3 });
    const two = generate({ organisations: 600, collaborations: 2000, seed: 3 });
    expect(one).toEqual(two);
    const orgs = organisationRecords(one.organisations);
    expect(orgs.counts.rows).toBe(600);
    expect(orgs.counts.unknownCountry).toBeGreaterThan(0);
    const collabs = collaborationRecords(
      one.collaborations,
      new Set(orgs.rows.map((r) => String(r.record.external_id))),
    );
    expect(collabs.counts.unknownOrganisation).toBe(0);
    expect(collabs.collaborations.size).toBeGreaterThan(1900);
  });
});
