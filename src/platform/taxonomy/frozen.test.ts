import { describe, expect, it } from 'vitest';
import { TAXONOMY_2026_12 } from '../db/migrations/frozen/taxonomy.ts';
import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS, NACE_DIVISIONS, NACE_SECTIONS, type Term } from './index.ts';

const flat = (terms: readonly (Term & { section?: string })[]) =>
  terms.map((t) => ({ code: t.code, ...(t.section ? { section: t.section } : {}), ...t.label }));

describe('the classification lists', () => {
  it('are those of the newest frozen copy the migrations computed with', () => {
    const live = {
      ecosystems: flat(ECOSYSTEMS),
      emerging: flat(EMERGING_INDUSTRIES),
      kets: flat(KETS),
      naceSections: flat(NACE_SECTIONS),
      naceDivisions: flat(NACE_DIVISIONS),
    };
    expect(
      live,
      'mask bits and taxonomy_vectors follow these lists: write a migration with a new frozen copy that recomputes them',
    ).toEqual(TAXONOMY_2026_12);
  });
});
