import { describe, expect, it } from 'vitest';
import { SEARCHABLE_KINDS } from '../../kinds.ts';
import { de } from '../../platform/i18n/de.ts';
import { en } from '../../platform/i18n/en.ts';
import { fr } from '../../platform/i18n/fr.ts';

/** Keys the search builds at run time from a kind (`facet.<key>`, `sort.<sort>`): tsc cannot check them. */
describe.each(SEARCHABLE_KINDS)('the searchable kind $id', (kind) => {
  it('names every facet and sort in English, French and German', () => {
    const keys = [...kind.facets.map((f) => `facet.${f.key}`), ...kind.sorts.map((s) => `sort.${s}`)];
    for (const catalogue of [en, fr, de]) {
      expect(keys.filter((k) => !(k in catalogue))).toEqual([]);
    }
  });

  it('keeps within what the index holds: 15 facets, 31 terms a terms facet', () => {
    expect(kind.facets.length).toBeLessThanOrEqual(15);
    for (const f of kind.facets) if (f.type === 'terms') expect(f.terms.length).toBeLessThanOrEqual(31);
  });
});
