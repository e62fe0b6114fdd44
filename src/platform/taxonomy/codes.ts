import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS } from './ecosystems.ts';
import { naceSectionOf } from './index.ts';
import { NACE_SECTIONS } from './nace-sections.ts';
import type { Term } from './terms.ts';

export interface TaxonomyCodes {
  ecosystems: readonly string[];
  emerging_industries: readonly string[];
  kets: readonly string[];
  nace: readonly string[];
}

/** The NACE sections of a mix of section and division codes, for the sector facet. */
export function naceSectionsOf(nace: readonly string[]): string[] {
  const sections = new Set<string>();
  for (const code of nace) {
    const s = naceSectionOf(code);
    if (s) sections.add(s);
  }
  return [...sections].sort();
}

/**
 * A set of codes of one classification as bits (bit i = the i-th term), so that overlaps between
 * organisations are counted with `bit_count(a & b)` instead of set operations on arrays.
 */
export function codeMask(terms: readonly Term[], codes: readonly string[]): number {
  if (terms.length > 31) throw new Error('a code mask holds at most 31 terms');
  let mask = 0;
  for (const code of codes) {
    const i = terms.findIndex((t) => t.code === code);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

export function taxonomyMasks(codes: TaxonomyCodes) {
  return {
    ecosystem_mask: codeMask(ECOSYSTEMS, codes.ecosystems),
    emerging_mask: codeMask(EMERGING_INDUSTRIES, codes.emerging_industries),
    ket_mask: codeMask(KETS, codes.kets),
    nace_mask: codeMask(NACE_SECTIONS, naceSectionsOf(codes.nace)),
  };
}
