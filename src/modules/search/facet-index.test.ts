import { describe, expect, it } from 'vitest';
import { codeMask } from '../../platform/taxonomy/codes.ts';
import { ECOSYSTEMS, KETS } from '../../platform/taxonomy/index.ts';
import {
  columnsOf,
  DirectoryIndex,
  FACET_KEYS,
  type FacetKey,
  type Filters,
  type IndexRow,
} from '../organisations/searchable.ts';
import { sizeBandOf } from '../organisations/size-bands.ts';

const noFilters = (): Filters => Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Filters;

/** A small random directory, with each organisation's facet values kept as plain lists too. */
function directory(n: number, seed: number) {
  let state = seed;
  const rand = (k: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * k);
  };
  const some = (codes: string[]) => codes.filter(() => rand(4) === 0);
  const orgs = Array.from({ length: n }, (_, i) => {
    const ecosystems = some(ECOSYSTEMS.slice(0, 5).map((t) => t.code));
    const kets = some(KETS.map((t) => t.code));
    return {
      seq: 1000 + i * 3,
      name: `Org ${String(i).padStart(3, '0')}`,
      country: ['DE', 'FR', 'IT', 'ES'][rand(4)]!,
      region: rand(3) === 0 ? null : ['DE11', 'FR10', 'ITC4'][rand(3)]!,
      type: ['cluster_organisation', 'cluster_member'][rand(2)]!,
      label: ['none', 'bronze', 'gold'][rand(3)]!,
      members: rand(400),
      ecosystems,
      kets,
      updatedMs: rand(50) * 1000,
    };
  });
  const rows: IndexRow[] = orgs.map((o) => ({
    seq: o.seq,
    country: o.country,
    region: o.region,
    type: o.type,
    label: o.label,
    membersTotal: o.members,
    ecosystemMask: codeMask(ECOSYSTEMS, o.ecosystems),
    emergingMask: 0,
    ketMask: codeMask(KETS, o.kets),
    naceMask: 0,
    updatedMs: o.updatedMs,
    titleWords: o.name.toLowerCase(),
    tagWords: '',
  }));
  const valuesOf = (o: (typeof orgs)[number], k: FacetKey): string[] =>
    ({
      country: [o.country],
      region: o.region ? [o.region] : [],
      ecosystem: o.ecosystems,
      emerging: [],
      nace: [],
      ket: o.kets,
      type: [o.type],
      label: [o.label],
      size: [sizeBandOf(o.members)],
    })[k];
  return { orgs, index: new DirectoryIndex(columnsOf(rows)), valuesOf };
}

describe('DirectoryIndex', () => {
  const { orgs, index, valuesOf } = directory(300, 11);
  const filterSets: Partial<Filters>[] = [
    {},
    { country: ['DE', 'FR'] },
    { country: ['IT'], ecosystem: [ECOSYSTEMS[0]!.code, ECOSYSTEMS[2]!.code] },
    { ket: [KETS[1]!.code], label: ['gold'], size: ['50-249', '250+'] },
    { region: ['DE11'], type: ['cluster_member'] },
    { country: ['PT'] },
  ];

  it.each(filterSets)('counts each facet under all the other filters (%o)', (partial) => {
    const filters = { ...noFilters(), ...partial };
    const passes = (o: (typeof orgs)[number], except?: FacetKey) =>
      FACET_KEYS.every(
        (k) => k === except || filters[k].length === 0 || valuesOf(o, k).some((v) => filters[k].includes(v)),
      );
    const r = index.search({ matches: null, terms: [], filters, sort: 'name', offset: 0, limit: 1000 });
    const expected = orgs.filter((o) => passes(o));
    expect(r.total).toBe(expected.length);
    expect(r.page).toEqual(expected.map((o) => o.seq));
    for (const k of FACET_KEYS) {
      const counts = new Map<string, number>();
      for (const o of orgs.filter((x) => passes(x, k))) {
        for (const v of valuesOf(o, k)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const got = new Map(r.facets[k].map((c) => [c.value, c.count]));
      expect(got, k).toEqual(counts);
    }
  });

  it('keeps to the matches of a query, and pages in name or update order', () => {
    // Seqs as the database gives them: increasing, perhaps with some the index does not hold.
    const matches = index.matching(Int32Array.from([1000, 1003, 1006, 1009, 99999]));
    const r = index.search({ matches, terms: [], filters: noFilters(), sort: 'name', offset: 1, limit: 2 });
    expect(r.total).toBe(4);
    expect(r.page).toEqual([1003, 1006]);
    const byUpdate = [...orgs].sort((a, b) => b.updatedMs - a.updatedMs || a.seq - b.seq).map((o) => o.seq);
    const u = index.search({
      matches: null,
      terms: [],
      filters: noFilters(),
      sort: 'updated',
      offset: 5,
      limit: 10,
    });
    expect(u.page).toEqual(byUpdate.slice(5, 15));
  });

  it('ranks a word in the name above one in the keywords or a label above one elsewhere', () => {
    const row = (seq: number, titleWords: string, tagWords: string, ecosystemMask = 0): IndexRow => ({
      seq,
      country: 'FR',
      region: null,
      type: 'cluster_organisation',
      label: 'none',
      membersTotal: 1,
      ecosystemMask,
      emergingMask: 0,
      ketMask: 0,
      naceMask: 0,
      updatedMs: 0,
      titleWords,
      tagWords,
    });
    const aerospace = codeMask(
      ECOSYSTEMS,
      ECOSYSTEMS.filter((t) => /aerospace/i.test(t.label.en)).map((t) => t.code),
    );
    // In name order: Alpine, Boreal, Coastal, Delta (words as the database folds them).
    const idx = new DirectoryIndex(
      columnsOf([
        row(1, 'alpine food', ''),
        row(2, 'boreal makers', '', aerospace),
        row(3, 'coastal drones', 'aerospace uav'),
        row(4, 'aerospace delta valley', ''),
      ]),
    );
    const r = idx.search({
      matches: idx.matching(Int32Array.from([1, 2, 3, 4])),
      terms: ['aerospace'],
      filters: noFilters(),
      sort: 'relevance',
      offset: 0,
      limit: 10,
    });
    expect(r.page).toEqual([4, 2, 3, 1]);
  });

  it('keeps every organisation that could still reach the top when it picks similar candidates', () => {
    const { orgs, index } = directory(400, 5);
    const of = orgs[0]!;
    const masks = {
      ecosystem: codeMask(ECOSYSTEMS, of.ecosystems),
      emerging: 0,
      ket: codeMask(KETS, of.kets),
      nace: 0,
    };
    const bits = (m: number) => m.toString(2).replaceAll('0', '').length;
    // What the index cannot see (keywords, their markets) adds 0 to 3 here, decided at random.
    let state = 3;
    const next = () => {
      state = (state * 48271) % 2147483647;
      return state % 4;
    };
    const extra = new Map(orgs.map((o) => [o.seq, next()]));
    const full = orgs
      .filter((o) => o !== of)
      .map((o, position) => {
        const e = codeMask(ECOSYSTEMS, o.ecosystems) & masks.ecosystem;
        const k = codeMask(KETS, o.kets) & masks.ket;
        const known = 3 * bits(e) + 2 * bits(k) + (o.country === 'DE' ? 2 : 0);
        return { seq: o.seq, shares: (e | k) !== 0, score: known + extra.get(o.seq)!, position };
      })
      .filter((x) => x.shares)
      .sort((a, b) => b.score - a.score || a.position - b.position);
    const candidates = index.similarCandidates({ seq: of.seq, masks, targetMarkets: ['DE'] }, 5, 3, 10_000);
    expect(candidates.length).toBeLessThan(full.length);
    for (const top of full.slice(0, 5)) expect(candidates).toContain(top.seq);
    expect(candidates).not.toContain(of.seq);
  });
});
