import { describe, expect, it } from 'vitest';
import { FacetIndex } from './facet-index.ts';
import type { FacetSpec, Snapshot } from './kind.ts';
import { rangeOf } from './query-schema.ts';

/** The engine's parts for rows over time: list facets, a date range and the 'date' order. */

type K = 'place' | 'by';
const sqlOf = { expr: null as never, array: false };
const facets: FacetSpec<K>[] = [
  {
    key: 'place',
    type: 'scalar',
    api: { description: '' },
    valid: () => true,
    label: (_, v) => v,
    sql: sqlOf,
  },
  { key: 'by', type: 'list', api: { description: '' }, valid: () => true, label: (_, v) => v, sql: sqlOf },
];
const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

// In title order: a (March), b (January, two days), c (February), d (1 March, one hour).
const snapshot: Snapshot<K> = {
  version: 1n,
  keys: Int32Array.from([10, 20, 30, 40]),
  values: {
    place: ['BE', 'FR', 'BE', 'DE'],
    by: [['x', 'y'], ['y'], [], ['x']],
  },
  time: {
    start: Float64Array.from([
      day('2027-03-10'),
      day('2027-01-30'),
      day('2027-02-05'),
      day('2027-03-01') + 9 * 3.6e6,
    ]),
    end: Float64Array.from([
      day('2027-03-11'),
      day('2027-02-01'),
      day('2027-02-05'),
      day('2027-03-01') + 10 * 3.6e6,
    ]),
  },
  recency: Float64Array.from([1, 2, 3, 4]),
  titleWords: ['a', 'b', 'c', 'd'],
  tagWords: ['', '', '', ''],
};
const index = new FacetIndex({ facets }, snapshot);
const none = { place: [], by: [] };

describe('rows over time in the facet index', () => {
  it('orders by start with the date sort, and keeps name order otherwise', () => {
    const q = { matches: null, terms: [], filters: none, offset: 0, limit: 10 };
    expect(index.search({ ...q, sort: 'date' }).page).toEqual([20, 30, 40, 10]);
    expect(index.search({ ...q, sort: 'date_desc' }).page).toEqual([10, 40, 30, 20]);
    expect(index.search({ ...q, sort: 'name' }).page).toEqual([10, 20, 30, 40]);
  });

  it('keeps the rows overlapping a range, and counts facets within it', () => {
    const range = rangeOf({ range: {} }, { from: '2027-02-01', to: '2027-03-01' });
    const found = index.search({
      matches: null,
      terms: [],
      filters: none,
      range,
      sort: 'date',
      offset: 0,
      limit: 10,
    });
    // b ends on 1 February, c is in February, d is on 1 March; a starts on 10 March.
    expect(found.page).toEqual([20, 30, 40]);
    expect(found.facets.place).toEqual([
      { value: 'BE', count: 1 },
      { value: 'DE', count: 1 },
      { value: 'FR', count: 1 },
    ]);
  });

  it('filters a list facet by any of its values and counts each value once per row', () => {
    const found = index.search({
      matches: null,
      terms: [],
      filters: { place: [], by: ['x'] },
      sort: 'date',
      offset: 0,
      limit: 10,
    });
    expect(found.page).toEqual([40, 10]);
    // Counted under the other filters only: x in a and d, y in a and b.
    expect(found.facets.by).toEqual([
      { value: 'x', count: 2 },
      { value: 'y', count: 2 },
    ]);
  });

  it('starts from today when a kind shows upcoming rows and no date is given', () => {
    const now = day('2027-05-04') + 15 * 3.6e6;
    expect(rangeOf({ range: { upcoming: true } }, {}, now)).toEqual({ from: day('2027-05-04') });
    expect(rangeOf({ range: {} }, {}, now)).toBeUndefined();
    expect(rangeOf({}, { from: '2027-01-01' }, now)).toBeUndefined();
  });
});
