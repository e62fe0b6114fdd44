import { readFileSync } from 'node:fs';
import { type RawBuilder, sql } from 'kysely';

/**
 * A migration's own copy of the classification lists (ecosystems, emerging industries, KETs, NACE
 * sections and divisions, with their labels), as JSON beside this file. The mask bits, the
 * search labels and `taxonomy_vectors` follow these lists; a change to the live lists in
 * `platform/taxonomy/` needs a migration with a new copy that recomputes them
 * (`platform/taxonomy/frozen.test.ts` says so when they part).
 */
export interface FrozenTerm {
  code: string;
  section?: string;
  en: string;
  fr: string;
  de: string;
}

export interface FrozenTaxonomy {
  ecosystems: FrozenTerm[];
  emerging: FrozenTerm[];
  kets: FrozenTerm[];
  naceSections: FrozenTerm[];
  naceDivisions: FrozenTerm[];
}

export function readTaxonomy(file: string): FrozenTaxonomy {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));
}

/** The lists of December 2026: what migrations 0004, 0008 and 0009 computed with. */
export const TAXONOMY_2026_12 = readTaxonomy('taxonomy-2026-12.json');

/** The terms by kind, as the search SQL names them; `nace` holds the sections, then the divisions. */
export function termsByKind(t: FrozenTaxonomy): [kind: string, terms: FrozenTerm[]][] {
  return [
    ['ecosystem', t.ecosystems],
    ['emerging', t.emerging],
    ['ket', t.kets],
    ['nace', [...t.naceSections.map((s) => ({ ...s, section: s.code })), ...t.naceDivisions]],
  ];
}

/**
 * The terms as a query of `(kind, code, section, labels, ord)`, for a `with terms as (…)`: `labels` is the English,
 * French and German label, space-separated; `ord` counts from 1 within a kind (bit `ord - 1` of a
 * mask; a NACE section's `ord` is its place among the sections, which come first).
 */
export function termsQuery(t: FrozenTaxonomy): RawBuilder<unknown> {
  const rows = termsByKind(t).flatMap(([kind, terms]) =>
    terms.map((term, i) => ({ kind, code: term.code, section: term.section ?? null, ord: i + 1, term })),
  );
  return sql`select * from unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.code)}::text[],
      ${rows.map((r) => r.section)}::text[], ${rows.map((r) => `${r.term.en} ${r.term.fr} ${r.term.de}`)}::text[],
      ${rows.map((r) => r.ord)}::int[]) as t(kind, code, section, labels, ord)`;
}
