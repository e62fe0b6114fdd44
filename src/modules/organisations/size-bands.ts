/**
 * Size bands of an organisation by its number of members of all kinds (SMEs, large companies,
 * research, public bodies, others). Shared by the statistics page and the search facet, so that
 * both count the same organisations in the same band (in SQL: `sizeBandSql` in `repository.ts`).
 * `max: null` means no upper bound.
 */
export const SIZE_BANDS = [
  { code: '0-9', min: 0, max: 9 },
  { code: '10-49', min: 10, max: 49 },
  { code: '50-249', min: 50, max: 249 },
  { code: '250+', min: 250, max: null },
] as const satisfies readonly { code: string; min: number; max: number | null }[];

export type SizeBand = (typeof SIZE_BANDS)[number];
export type SizeBandCode = SizeBand['code'];

export function isSizeBandCode(code: unknown): code is SizeBandCode {
  return SIZE_BANDS.some((b) => b.code === code);
}

/** The band of a number of members. */
export function sizeBandOf(members: number): SizeBandCode {
  const band = SIZE_BANDS.find((b) => members >= b.min && (b.max === null || members <= b.max));
  return (band ?? SIZE_BANDS[0]).code;
}

/** The catalogue key of a band's label, e.g. `size.10-49`. */
export function sizeBandLabelKey(code: SizeBandCode) {
  return `size.${code}` as const;
}
