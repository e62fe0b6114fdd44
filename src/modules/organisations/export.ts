import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { Organisation } from '../../platform/db/schema.ts';
import type { Services } from '../../platform/services.ts';
import { parseQuery } from '../../platform/validation.ts';
import { presentOrganisation } from './presenter.ts';
import * as repo from './repository.ts';
import { PROFILE_FIELDS } from './schemas.ts';
import { searchAll } from './search.ts';
import { filtersOf, SearchQuery } from './search-schema.ts';

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

/** Separator of list values inside one CSV cell ("digital|electronics"). */
export const LIST_SEPARATOR = '|';

function csvCell(v: unknown): string | number | boolean | null {
  if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
  if (v === null || v === undefined) return null;
  return v as string | number | boolean;
}

/**
 * Open data: the directory as CSV or JSON, honouring the same filters as the search, streamed
 * batch by batch so that memory stays flat however large the directory is.
 */
export function registerOrganisationExport(app: FastifyInstance, s: Services) {
  async function* records(query: unknown) {
    const input = parseQuery(SearchQuery, query);
    for await (const batch of searchAll(s.db, { q: input.q, filters: filtersOf(input) })) {
      const logos = await repo.withLogos(
        s.db,
        batch.map((o) => o.id),
      );
      yield batch.map((o) => exportRecord(o, s.config.baseUrl, logos.has(o.id)));
    }
  }

  /** Validates before the first byte so that a bad parameter is still a clean 400. */
  async function start(query: unknown) {
    const it = records(query);
    const first = await it.next();
    return { first: first.done ? [] : first.value, rest: it };
  }

  app.get('/api/v1/organisations/export.csv', async (req, reply) => {
    const { first, rest } = await start(req.query);
    async function* lines() {
      const emit = (batch: ExportRecord[]) =>
        batch.length ? stringify(batch.map((r) => EXPORT_HEADER.map((k) => csvCell(r[k])))) : '';
      yield stringify([EXPORT_HEADER]) + emit(first);
      for await (const batch of rest) yield emit(batch);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="clusterhub-organisations.csv"')
      .send(Readable.from(lines()));
  });

  app.get('/api/v1/organisations/export.json', async (req, reply) => {
    const { first, rest } = await start(req.query);
    async function* chunks() {
      yield '[';
      let n = 0;
      const emit = (batch: ExportRecord[]) =>
        batch.map((r) => `${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
      yield emit(first);
      for await (const batch of rest) yield emit(batch);
      yield '\n]\n';
    }
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="clusterhub-organisations.json"')
      .send(Readable.from(chunks()));
  });
}
