import { NACE_DIVISIONS } from './nace-divisions.ts';
import { NACE_SECTIONS } from './nace-sections.ts';

export { countryName, countryOptions, EUROPE, isCountryCode } from './countries.ts';
export { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS } from './ecosystems.ts';
export { NACE_DIVISIONS } from './nace-divisions.ts';
export { NACE_SECTIONS } from './nace-sections.ts';
export { isNutsCode, nutsCountryPrefix, nutsLevel } from './nuts.ts';
export { isTermCode, LANGS, type Lang, type Term, termLabel } from './terms.ts';

const SECTION_OF = new Map<string, string>([
  ...NACE_SECTIONS.map((s) => [s.code, s.code] as const),
  ...NACE_DIVISIONS.map((d) => [d.code, d.section] as const),
]);

/** Whether `code` is a NACE Rev. 2 section letter ('C') or division code ('26'). */
export function isNaceCode(code: string): boolean {
  return SECTION_OF.has(code);
}

/** The section letter of a NACE section or division code: 'C' for 'C' and for '26'. */
export function naceSectionOf(code: string): string | undefined {
  return SECTION_OF.get(code);
}
