import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, NewOrganisation, Organisation, OrganisationUpdate } from '../../platform/db/schema.ts';
import { naceSectionsOf, taxonomyMasks } from '../../platform/taxonomy/codes.ts';
import { htmlExcerpt, renderMarkdown } from '../../platform/text/markdown.ts';
import { SIZE_BANDS, type SizeBandCode } from './size-bands.ts';

/** Length of the stored plain-text summary (API, JSON-LD); lists clip it further. */
export const SUMMARY_LENGTH = 500;

/** Adds the columns derived from `description` whenever a write sets it. */
export function withRenderedDescription<T extends { description?: string }>(values: T) {
  if (values.description === undefined) return values;
  const html = renderMarkdown(values.description);
  return { ...values, description_html: html, summary: htmlExcerpt(html, SUMMARY_LENGTH) };
}

const TAXONOMY_FIELDS = ['ecosystems', 'emerging_industries', 'kets', 'nace'] as const;
type TaxonomyValues = { [K in (typeof TAXONOMY_FIELDS)[number]]?: string[] };

/** Adds what search derives from the classification codes: NACE sections and bit sets. */
export function withSearchColumns<T extends TaxonomyValues>(values: T, current?: TaxonomyValues) {
  if (!TAXONOMY_FIELDS.some((f) => values[f] !== undefined)) return values;
  const pick = (f: (typeof TAXONOMY_FIELDS)[number]) => values[f] ?? current?.[f] ?? [];
  const codes = {
    ecosystems: pick('ecosystems'),
    emerging_industries: pick('emerging_industries'),
    kets: pick('kets'),
    nace: pick('nace'),
  };
  return {
    ...values,
    nace_sections: naceSectionsOf(codes.nace),
    ...taxonomyMasks(codes),
  };
}

/** Every derived column of a complete new row. */
export function withDerivedColumns<T extends TaxonomyValues & { description?: string }>(values: T) {
  return withSearchColumns(withRenderedDescription(values));
}

/**
 * Whether the organisation `o` has a logo: the one way it is worked out, selected by every read
 * that shows one (profile, search page rows, API rows, export batches).
 */
export const HAS_LOGO = sql<boolean>`exists (select 1 from organisation_logos l where l.organisation_id = o.id)`;

/** A profile as its pages and the API show it: the row, and whether it has a logo. */
export type OrganisationWithLogo = Organisation & { has_logo: boolean };

const profiles = (db: Kysely<DB>) =>
  db.selectFrom('organisations as o').selectAll('o').select(HAS_LOGO.as('has_logo'));

export async function findById(db: Kysely<DB>, id: string): Promise<OrganisationWithLogo | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return profiles(db).where('o.id', '=', id).executeTakeFirst();
}

export async function findBySlug(db: Kysely<DB>, slug: string): Promise<OrganisationWithLogo | undefined> {
  return profiles(db).where('o.slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganisation(db: Kysely<DB>, values: NewOrganisation): Promise<Organisation> {
  return db
    .insertInto('organisations')
    .values(withDerivedColumns(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Kysely<DB>,
  id: string,
  patch: OrganisationUpdate,
): Promise<Organisation> {
  const touchesTaxonomy = TAXONOMY_FIELDS.some((f) => patch[f] !== undefined);
  const current = touchesTaxonomy
    ? await db.selectFrom('organisations').select(TAXONOMY_FIELDS).where('id', '=', id).executeTakeFirst()
    : undefined;
  return db
    .updateTable('organisations')
    .set(withSearchColumns(withRenderedDescription(patch), current))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Moves an organisation between moderation states only if it is still in one of `from`: two
 * editors acting at once cannot both publish or return it.
 */
export async function transition(
  db: Kysely<DB>,
  id: string,
  from: Organisation['status'][],
  patch: OrganisationUpdate,
): Promise<Organisation | undefined> {
  return db
    .updateTable('organisations')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

export async function countPublished(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countAll(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function idsBySlugs(db: Kysely<DB>, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug'])
    .where('slug', 'in', slugs)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function reviewQueue(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'type', 'country', 'submitted_at', 'updated_at'])
    .where('status', '=', 'needs_review')
    .orderBy('submitted_at')
    .execute();
}

export async function getLogo(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisation_logos')
    .select(['content_type', 'data', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function saveLogo(
  db: Kysely<DB>,
  organisationId: string,
  logo: { contentType: string; data: Buffer; width: number; height: number },
) {
  const values = {
    content_type: logo.contentType,
    data: logo.data,
    width: logo.width,
    height: logo.height,
    updated_at: new Date(),
  };
  await db
    .insertInto('organisation_logos')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

/**
 * Organisations that may be the same one: the same website host anywhere, or a similar name
 * (trigram similarity) in the same country.
 */
export async function findPossibleDuplicates(
  db: Kysely<DB>,
  o: { id?: string; name: string; country: string; websiteHost: string | null },
) {
  let q = db
    .selectFrom('organisations')
    .select([
      'id',
      'slug',
      'name',
      'country',
      'website',
      'status',
      sql<number>`similarity(lower(name), lower(${o.name}))`.as('similarity'),
    ])
    .where((eb) => {
      const ors = [
        eb.and([
          eb('country', '=', o.country),
          sql<boolean>`lower(name) % lower(${o.name})`,
          sql<boolean>`similarity(lower(name), lower(${o.name})) >= 0.6`,
        ]),
      ];
      if (o.websiteHost) {
        ors.push(
          eb(
            sql`lower(regexp_replace(website, '^https?://(www\\.)?([^/:?#]+).*$', '\\2'))`,
            '=',
            o.websiteHost,
          ),
        );
      }
      return eb.or(ors);
    })
    .orderBy('similarity', 'desc')
    .limit(5);
  if (o.id) q = q.where('id', '<>', o.id);
  return q.execute();
}

export async function staleWithoutReminder(db: Kysely<DB>, olderThan: Date, limit: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'updated_at'])
    .where('status', '=', 'published')
    .where('updated_at', '<', olderThan)
    .where((eb) =>
      eb.or([
        eb('stale_reminder_sent_at', 'is', null),
        eb('stale_reminder_sent_at', '<', eb.ref('updated_at')),
      ]),
    )
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/** Inserts new organisations as they are (the demo content), 250 to a statement. */
export async function insertMany(db: Kysely<DB>, rows: NewOrganisation[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 250) {
    await db
      .insertInto('organisations')
      .values(rows.slice(i, i + 250))
      .execute();
  }
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
