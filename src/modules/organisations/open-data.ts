import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, NewOrganisation, Organisation } from '../../platform/db/schema.ts';
import { problemText } from '../../platform/http/forms.tsx';
import { isMessageKey, translator } from '../../platform/i18n/index.ts';
import { problemsFromZod, safeParse } from '../../platform/validation.ts';
import type { ImportProblem, ImportRow } from '../search/import-files.ts';
import { presentOrganisation } from './presenter.ts';
import { withDerivedColumns } from './repository.ts';
import { CreateOrganisationInput, PROFILE_FIELDS } from './schemas.ts';
import * as searchRepo from './search-repository.ts';
import { slugify } from './slug.ts';
import { toColumns } from './usecases.ts';

/**
 * The organisation as open data: the record an export writes (the API's view plus the key an
 * import matches on) and its CSV columns, and how an import validates and writes a record. The
 * engine (`search/export.ts`, `search/import.ts`) streams, batches, counts and reports.
 */

/** One exported record: the API's view plus the key an import matches records on. */
export function exportRecord(o: Organisation, baseUrl: string, hasLogo: boolean) {
  return { external_id: o.external_id ?? o.id, ...presentOrganisation(o, { baseUrl, hasLogo }) };
}
export type ExportRecord = ReturnType<typeof exportRecord>;

/** The CSV columns, in the order of the export record (a test compares it with the JSON keys). */
export const EXPORT_HEADER = [
  'external_id',
  'id',
  'slug',
  'url',
  ...PROFILE_FIELDS.slice(0, PROFILE_FIELDS.indexOf('members_other') + 1),
  'members_total',
  ...PROFILE_FIELDS.slice(PROFILE_FIELDS.indexOf('members_other') + 1),
  'social_linkedin',
  'social_x',
  'social_youtube',
  'social_facebook',
  'logo_url',
  'status',
  'updated_at',
  'published_at',
  'outdated',
] as const satisfies readonly (keyof ExportRecord)[];

type Valid = { line: number; key: string; values: Omit<NewOrganisation, 'slug'> };

/** A record of an import file as a profile, validated like the profile form; its key is `external_id`. */
export function validateImport(row: ImportRow, problems: ImportProblem[]): Valid | null {
  const t = translator('en');
  const externalId = typeof row.record.external_id === 'string' ? row.record.external_id.trim() : '';
  const parsed = safeParse(CreateOrganisationInput, row.record);
  let ok = true;
  if (!externalId || externalId.length > 200) {
    problems.push({ line: row.line, field: 'external_id', message: t('v.required'), key: 'v.required' });
    ok = false;
  }
  if (!parsed.success) {
    for (const p of problemsFromZod(parsed.error)) {
      problems.push({
        line: row.line,
        field: p.field,
        message: problemText(t, p),
        ...(isMessageKey(p.message) ? { key: p.message, params: p.params ?? {} } : {}),
      });
    }
    return null;
  }
  if (!ok) return null;
  const columns = toColumns(parsed.data) as Omit<NewOrganisation, 'slug'>;
  return {
    line: row.line,
    key: externalId,
    values: withDerivedColumns({ ...columns, social: columns.social ?? '{}', external_id: externalId }),
  };
}

/**
 * The slug of every row of a batch: the stored one for a known external id, else one from the
 * name, made unique against the database and against `assigned` (the slugs given earlier in the
 * same import, perhaps in a batch not committed yet).
 */
async function slugsFor(db: Kysely<DB>, batch: Valid[], assigned: Set<string>): Promise<Map<string, string>> {
  const out = await searchRepo.slugsOfExternalIds(
    db,
    batch.map((v) => v.key),
  );
  const wanted = batch.filter((v) => !out.has(v.key)).map((v) => slugify(v.values.name));
  const taken = await searchRepo.takenSlugs(db, wanted);
  for (const v of batch) {
    if (out.has(v.key)) continue;
    let slug = slugify(v.values.name);
    if (taken.has(slug) || assigned.has(slug)) {
      // A stable suffix from the external id: a re-run picks the same slug.
      slug = `${slug.slice(0, 70)}-${createHash('sha1').update(v.key).digest('hex').slice(0, 8)}`;
    }
    taken.add(slug);
    assigned.add(slug);
    out.set(v.key, slug);
  }
  return out;
}

/** What the database would put in a column left out of an insert, for those a row may lack. */
function withDefaults(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of searchRepo.IMPORT_INSERT_COLUMNS) {
    const v = row[c];
    out[c] = v !== undefined ? v : c.startsWith('members_') ? 0 : null;
  }
  // Stored as jsonb: it travels as an object, not as the text of one.
  if (typeof out.social === 'string') out.social = JSON.parse(out.social);
  return out;
}

/** Writes a batch of valid records (one upsert); `run.slugs` holds the slugs the run gave so far. */
export async function writeImportBatch(db: Kysely<DB>, batch: Valid[], run: { slugs: Set<string> }) {
  const slugs = await slugsFor(db, batch, run.slugs);
  const now = new Date();
  const rows = batch.map((v) =>
    withDefaults({
      ...v.values,
      slug: slugs.get(v.key)!,
      status: 'published',
      published_at: now,
    }),
  );
  return searchRepo.upsertImportBatch(db, rows);
}
