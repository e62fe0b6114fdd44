import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  MEMBER_ROLES,
  PARTNERSHIP_STATUSES,
  PROGRAMMES,
} from '../../platform/db/schema-partnerships.ts';
import {
  blank,
  dateText,
  httpUrl,
  markdown,
  optionalText,
  optionalUrl,
  requiredText,
} from '../../platform/fields.ts';
import { isCountryCode } from '../../platform/taxonomy/index.ts';

/**
 * One schema for the partnership form and the API. The API sends lists as arrays of objects; the
 * form sends each list as text, one item a line with its parts separated by "|" (members:
 * "organisation | role | joined date"; agreements: "kind | title | signed date | document link";
 * events: a slug a line; news: "title | link | date"), which is turned into the same objects, so
 * both are checked by the same rules and a problem names the item (`members.1.role`).
 */

const date = dateText;
const requiredDate = z.preprocess(blank, date);
const optionalDate = z.preprocess(blank, date.optional());

/** Form text → one array of its lines' parts (empty lines dropped); arrays pass through. */
const lines = (keys: readonly string[]) => (v: unknown) => {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v !== 'string') return v;
  return v
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split('|').map((p) => p.trim());
      return Object.fromEntries(keys.map((k, i) => [k, parts[i] ?? '']));
    });
};

/** Country codes as an array, or form text separated by commas, spaces or lines. */
const countries = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === '') return [];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\s]+/) : v;
    if (!Array.isArray(items)) return items;
    return [
      ...new Set(
        items.map((x) => (typeof x === 'string' ? x.trim().toUpperCase() : x)).filter((x) => x !== ''),
      ),
    ];
  },
  z.array(z.string().refine(isCountryCode, { message: 'v.country' })).max(60),
);

export const MemberInput = z.object({
  organisation: requiredText(1, 120),
  role: z.preprocess(blank, z.enum(MEMBER_ROLES)),
  joined_on: optionalDate,
});
export const AgreementInput = z.object({
  kind: z.preprocess(blank, z.enum(AGREEMENT_KINDS)),
  title: requiredText(3, 200),
  signed_on: requiredDate,
  document_url: optionalUrl,
});
export const NewsInput = z.object({
  title: requiredText(3, 200),
  url: z.preprocess(blank, httpUrl),
  published_on: requiredDate,
});

const eventRefs = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === '') return [];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\n;]/) : v;
    if (!Array.isArray(items)) return items;
    return [...new Set(items.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== ''))];
  },
  z.array(z.string().max(120)).max(100),
);

export const PartnershipInput = z
  .object({
    name: requiredText(3, 200),
    acronym: optionalText(30),
    programme: z.preprocess(blank, z.enum(PROGRAMMES)),
    description: markdown(20_000),
    starts_on: requiredDate,
    ends_on: optionalDate,
    website: optionalUrl,
    target_markets: countries,
    smes_reached: z.preprocess(
      (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
      z.number().int().min(0).max(10_000_000).optional(),
    ),
    status: z.preprocess((v) => blank(v) ?? 'draft', z.enum(PARTNERSHIP_STATUSES)),
    members: z.preprocess(lines(['organisation', 'role', 'joined_on']), z.array(MemberInput).min(1).max(200)),
    agreements: z.preprocess(
      lines(['kind', 'title', 'signed_on', 'document_url']),
      z.array(AgreementInput).max(100),
    ),
    events: eventRefs,
    news: z.preprocess(lines(['title', 'url', 'published_on']), z.array(NewsInput).max(100)),
  })
  .superRefine((p, ctx) => {
    if (p.ends_on && p.ends_on < p.starts_on)
      ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'v.date_order' });
    const coordinators = p.members.filter((m) => m.role === 'coordinator').length;
    if (coordinators !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'v.partnership_one_coordinator' });
    const seen = new Set<string>();
    p.members.forEach((m, i) => {
      if (seen.has(m.organisation))
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'organisation'],
          message: 'v.partnership_duplicate_member',
        });
      seen.add(m.organisation);
    });
  });
export type PartnershipInput = z.output<typeof PartnershipInput>;
