/**
 * NUTS codes: a two-letter country prefix followed by one character per level (0 to 3), e.g. 'FR' (level 0),
 * 'FRK' (1), 'FRK2' (2), 'FRK26' (3). NUTS writes Greece 'EL' and the United Kingdom 'UK' where ISO 3166
 * has 'GR' and 'GB'.
 */
const NUTS_FORMAT = /^[A-Z]{2}[0-9A-Z]{0,3}$/;

const ISO_TO_NUTS: Record<string, string> = { GR: 'EL', GB: 'UK' };

/** The NUTS country prefix of an ISO 3166-1 alpha-2 code ('GR' → 'EL', 'GB' → 'UK'). */
export function nutsCountryPrefix(country: string): string {
  const upper = country.toUpperCase();
  return ISO_TO_NUTS[upper] ?? upper;
}

/** Whether `code` has the NUTS format, and, when `country` (ISO or NUTS prefix) is given, belongs to it. */
export function isNutsCode(code: string, country?: string): boolean {
  if (!NUTS_FORMAT.test(code)) return false;
  const prefix = code.slice(0, 2);
  if (prefix === 'GR' || prefix === 'GB') return false; // NUTS never uses these prefixes
  return country === undefined || prefix === nutsCountryPrefix(country);
}

/** The NUTS level of a code: 0 for the country, 1 to 3 for each further character. */
export function nutsLevel(code: string): number {
  return Math.max(0, Math.min(3, code.length - 2));
}
