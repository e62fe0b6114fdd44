import type { Organisation, OrganisationUpdate } from '../../platform/db/schema.ts';
import { IDENTIFYING_FIELDS, type IdentifyingField, PROFILE_FIELDS } from './schemas.ts';

/** The columns a profile change may touch, and that a revert may restore. */
export const CHANGEABLE_COLUMNS: ReadonlySet<string> = new Set([...PROFILE_FIELDS, 'social']);
const IDENTIFYING: ReadonlySet<string> = new Set(IDENTIFYING_FIELDS);

export const isIdentifying = (field: string): field is IdentifyingField => IDENTIFYING.has(field);

/** A column's value as JSON keeps it (audit details, revisions): `social` as an object. */
export function columnValue(org: Organisation, field: string): unknown {
  return (org as unknown as Record<string, unknown>)[field] ?? null;
}

/** The value a patch (from `toColumns`) writes, in the same shape as `columnValue`. */
export function patchValue(patch: OrganisationUpdate, field: string): unknown {
  const v = (patch as Record<string, unknown>)[field];
  if (field === 'social' && typeof v === 'string') return JSON.parse(v) as unknown;
  return v ?? null;
}

/** Turns JSON-kept values back into column values for an update. */
export function toUpdate(values: Record<string, unknown>): OrganisationUpdate {
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(values)) {
    if (!CHANGEABLE_COLUMNS.has(field)) continue;
    out[field] = field === 'social' ? JSON.stringify(v ?? {}) : v;
  }
  return out as OrganisationUpdate;
}

function canonical(v: unknown): string {
  if (v === undefined) return 'null';
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return JSON.stringify(v);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Lists of codes picked from a fixed set: their order means nothing (the form has its own). */
const CODE_SETS: ReadonlySet<string> = new Set([
  'ecosystems',
  'emerging_industries',
  'nace',
  'kets',
  'target_markets',
]);
const sorted = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : v);

/** Whether a field's two values are the same for a person: code lists compared as sets. */
export const sameFieldValue = (field: string, a: unknown, b: unknown) =>
  CODE_SETS.has(field) ? sameValue(sorted(a), sorted(b)) : sameValue(a, b);

/** The fields of `patch` whose value differs from the organisation's. */
export function changedFields(org: Organisation, patch: OrganisationUpdate): string[] {
  return Object.keys(patch).filter(
    (f) => CHANGEABLE_COLUMNS.has(f) && !sameFieldValue(f, patchValue(patch, f), columnValue(org, f)),
  );
}

export function pickColumns(org: Organisation, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, columnValue(org, f)]));
}

/** The fields of a proposal, in the form's order (jsonb keeps its keys in an order of its own). */
export function proposedFields(proposed: Record<string, unknown>): string[] {
  return IDENTIFYING_FIELDS.filter((f) => f in proposed);
}
