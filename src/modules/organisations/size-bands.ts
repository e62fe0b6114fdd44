import { type RawBuilder, sql } from 'kysely';

/**
 * Size bands of an organisation by its number of members of all kinds (SMEs, large companies,
 * research, public bodies, others). Shared by the statistics page and the search facet, so that
 * both count the same organisations in the same band. `max: null` means no upper bound.
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

/** SQL: the total number of members of an organisation (`table` qualifies the columns when joined). */
export function membersTotalSql(table = 'organisations'): RawBuilder<number> {
  const c = (name: string) => sql.ref(`${table}.${name}`);
  return sql<number>`(${c('members_sme')} + ${c('members_large')} + ${c('members_research')} + ${c('members_public')} + ${c('members_other')})`;
}

/** SQL: the band code of an organisation, e.g. for `group by`. */
export function sizeBandSql(table = 'organisations'): RawBuilder<SizeBandCode> {
  const whens = SIZE_BANDS.map((b) => sql`when ${sizeBandCondition(b.code, table)} then ${sql.lit(b.code)}`);
  return sql<SizeBandCode>`(case ${sql.join(whens, sql` `)} end)`;
}

/** SQL: whether an organisation is in the band `code`, e.g. for a search filter. */
export function sizeBandCondition(code: SizeBandCode, table = 'organisations'): RawBuilder<boolean> {
  const band = SIZE_BANDS.find((b) => b.code === code) ?? SIZE_BANDS[0];
  const total = membersTotalSql(table);
  return band.max === null
    ? sql<boolean>`${total} >= ${sql.lit(band.min)}`
    : sql<boolean>`${total} between ${sql.lit(band.min)} and ${sql.lit(band.max)}`;
}
