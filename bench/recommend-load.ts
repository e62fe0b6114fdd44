/**
 * The input of `bench/recommend.ts`, read leniently (what real collaboration data holds): the
 * organisations' rows as records of the product's organisations import, and the collaborations
 * grouped, dated and checked. Nothing here is fatal but an unreadable file; every row set aside is
 * counted.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { ImportRow } from '../src/modules/search/import-files.ts';
import { ECOSYSTEMS, isCountryCode, isNaceCode, isTermCode, KETS } from '../src/platform/taxonomy/index.ts';

/** Stand-in for a country the file does not give or the product does not know (the import needs one). */
export const UNKNOWN_COUNTRY = 'AQ';
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

export interface OrganisationsInput {
  rows: ImportRow[];
  /** The file's own country of each id ('' when unknown), for the same-country baseline. */
  countries: Map<string, string>;
  counts: { rows: number; unknownCountry: number; emptyProfile: number; withoutId: number };
}

const list = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(';')
        .map((x) => x.replace(/[<>|]/g, ' ').trim())
        .filter(Boolean)
    : [];

/** A sector as a NACE division or section when it is one ('C26', '26', '26.11', 'c'), else null. */
export function naceOf(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  const m = /^([A-U])?\s*(\d{2})(?:[.\d]*)$/.exec(s);
  if (m && isNaceCode(m[2]!)) return m[2]!;
  if (/^[A-U]$/.test(s) && isNaceCode(s)) return s;
  return null;
}

/** The product's organisation type for a free-text type. */
export function typeOf(raw: string): string {
  const t = raw.toLowerCase();
  if (/project/.test(t)) return 'cluster_project';
  if (/association|national|network|federation/.test(t)) return 'national_association';
  if (/cluster/.test(t)) return 'cluster_organisation';
  return 'cluster_member';
}

const cap = (xs: string[], n: number) => [...new Set(xs)].slice(0, n);

export function organisationRecords(text: string): OrganisationsInput {
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    trim: true,
  }) as Record<string, string>[];
  const counts = { rows: records.length, unknownCountry: 0, emptyProfile: 0, withoutId: 0 };
  const rows: ImportRow[] = [];
  const countries = new Map<string, string>();
  records.forEach((r, i) => {
    const id = (r.id ?? '').trim();
    if (!id) {
      counts.withoutId++;
      return;
    }
    let country = (r.country ?? '').trim().toUpperCase();
    country = COUNTRY_ALIASES[country] ?? country;
    if (!isCountryCode(country)) {
      counts.unknownCountry++;
      countries.set(id, '');
      country = UNKNOWN_COUNTRY;
    } else countries.set(id, country);
    const ecosystems: string[] = [];
    const nace: string[] = [];
    const kets: string[] = [];
    const keywords: string[] = [];
    for (const e of list(r.ecosystems)) {
      const code = e.toLowerCase();
      if (isTermCode(ECOSYSTEMS, code)) ecosystems.push(code);
      else keywords.push(e);
    }
    for (const s of list(r.sectors)) {
      const code = naceOf(s);
      if (code) nace.push(code);
      else keywords.push(s);
    }
    for (const t of list(r.technologies)) {
      const code = t.toLowerCase();
      if (isTermCode(KETS, code)) kets.push(code);
      else keywords.push(t);
    }
    keywords.push(...list(r.topics));
    if (!ecosystems.length && !nace.length && !kets.length && !keywords.length) counts.emptyProfile++;
    const name = (r.name ?? '').replace(/[<>]/g, ' ').trim().slice(0, 200);
    rows.push({
      line: i + 2,
      record: {
        external_id: id.slice(0, 200),
        name: name.length >= 2 ? name : `Organisation ${id}`.slice(0, 200),
        type: typeOf(r.type ?? ''),
        country,
        ecosystems: cap(ecosystems, 14),
        nace: cap(nace, 30),
        kets: cap(kets, 20),
        keywords: cap(
          keywords.map((k) => k.slice(0, 60).toLowerCase()),
          30,
        ),
      },
    });
  });
  return { rows, countries, counts };
}

export interface CollaborationsInput {
  /** Collaboration id → its distinct members (file ids) and its date (the earliest of its rows). */
  collaborations: Map<string, { members: string[]; date: string }>;
  counts: { rows: number; unknownOrganisation: number; badDate: number; duplicate: number; single: number };
}

export function collaborationRecords(text: string, known: ReadonlySet<string>): CollaborationsInput {
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    trim: true,
  }) as Record<string, string>[];
  const counts = { rows: records.length, unknownOrganisation: 0, badDate: 0, duplicate: 0, single: 0 };
  const out = new Map<string, { members: string[]; date: string }>();
  for (const r of records) {
    const k = (r.collaboration_id ?? '').trim();
    const o = (r.organisation_id ?? '').trim();
    const date = (r.date ?? '').trim().slice(0, 10);
    if (!o || !known.has(o)) {
      counts.unknownOrganisation++;
      continue;
    }
    if (!k || !isDate(date)) {
      counts.badDate++;
      continue;
    }
    const c = out.get(k);
    if (!c) out.set(k, { members: [o], date });
    else if (c.members.includes(o)) counts.duplicate++;
    else {
      c.members.push(o);
      if (date < c.date) c.date = date;
    }
  }
  for (const [k, c] of out)
    if (c.members.length < 2) {
      counts.single++;
      out.delete(k);
    }
  return { collaborations: out, counts };
}

/** A real calendar day 'YYYY-MM-DD' (not 2019-02-30, which Date.parse rolls over to March). */
function isDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}
