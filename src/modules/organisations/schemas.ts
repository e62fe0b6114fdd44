import { z } from 'zod';
import { blank, httpUrl, list, optionalText, plainText } from '../../platform/fields.ts';
import {
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  isCountryCode,
  isNaceCode,
  isNutsCode,
  isTermCode,
  KETS,
} from '../../platform/taxonomy/index.ts';
import { YEAR_BOUND } from '../../platform/validation.ts';

export const ORGANISATION_TYPES = [
  'cluster_organisation',
  'cluster_member',
  'cluster_project',
  'national_association',
] as const;
export const LABELS = ['none', 'bronze', 'silver', 'gold'] as const;
/** The profile fields that hold lists (one cell joined with "|" in CSV). */
export const LIST_FIELDS = [
  'ecosystems',
  'emerging_industries',
  'nace',
  'kets',
  'keywords',
  'value_chains',
  'target_markets',
] as const;

/** The columns of a profile that its form and the API set one to one (social links aside). */
export const PROFILE_FIELDS = [
  'name',
  'acronym',
  'type',
  'country',
  'region',
  'city',
  'latitude',
  'longitude',
  'website',
  'founded_year',
  'description',
  'members_sme',
  'members_large',
  'members_research',
  'members_public',
  'members_other',
  'management_fte',
  ...LIST_FIELDS,
  'label',
  'label_valid_from',
  'label_valid_until',
  'contact_name',
  'contact_email',
] as const;

/**
 * What identifies an organisation: a team's change to one of these on a published profile waits
 * for an editor (a pending revision); its other fields go live at once.
 */
export const IDENTIFYING_FIELDS = [
  'name',
  'acronym',
  'type',
  'country',
  'region',
  'website',
  'label',
  'label_valid_from',
  'label_valid_until',
] as const satisfies readonly (typeof PROFILE_FIELDS)[number][];
export type IdentifyingField = (typeof IDENTIFYING_FIELDS)[number];

export const SOCIAL_NETWORKS = ['linkedin', 'x', 'youtube', 'facebook'] as const;
/** The networks' own spelling of their names (brands: the same in every language). */
export const SOCIAL_NETWORK_NAMES: Record<(typeof SOCIAL_NETWORKS)[number], string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  youtube: 'YouTube',
  facebook: 'Facebook',
};

const intIn = (min: number, max: number) =>
  z.preprocess(blank, z.coerce.number().int().min(min).max(max).optional());

/** A year: its bounds are shown as years in messages ("at most 2026"). */
const yearIn = (min: number, max: number) =>
  z.preprocess(
    blank,
    z.coerce.number().int().min(min, { message: YEAR_BOUND }).max(max, { message: YEAR_BOUND }).optional(),
  );

const isoDate = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'v.date' })
    .optional(),
);

const currentYear = new Date().getUTCFullYear();

/** One schema for the HTML form and the API; a form's strings are coerced to the API's types. */
export const OrganisationFields = z.object({
  name: z.preprocess(blank, plainText(200).pipe(z.string().min(2))),
  acronym: optionalText(30),
  type: z.preprocess(blank, z.enum(ORGANISATION_TYPES)),
  country: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.toUpperCase()) : blank(v)),
    z.string().refine(isCountryCode, { message: 'v.country' }),
  ),
  region: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.toUpperCase()) : blank(v)),
    z.string().max(5).optional(),
  ),
  city: optionalText(100),
  latitude: z.preprocess(blank, z.coerce.number().min(-90).max(90).optional()),
  longitude: z.preprocess(blank, z.coerce.number().min(-180).max(180).optional()),
  website: z.preprocess(blank, httpUrl.optional()),
  founded_year: yearIn(1800, currentYear),
  // Browsers send a textarea's line breaks as CRLF: kept as LF, so an unchanged text stays the same.
  description: z.preprocess(
    (v) => (v === null ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
    z.string().max(20_000).default(''),
  ),
  members_sme: intIn(0, 100_000),
  members_large: intIn(0, 100_000),
  members_research: intIn(0, 100_000),
  members_public: intIn(0, 100_000),
  members_other: intIn(0, 100_000),
  management_fte: z.preprocess(blank, z.coerce.number().min(0).max(1000).optional()),
  ecosystems: list({ max: 14, itemMax: 40, valid: (c) => isTermCode(ECOSYSTEMS, c) }),
  emerging_industries: list({ max: 10, itemMax: 40, valid: (c) => isTermCode(EMERGING_INDUSTRIES, c) }),
  nace: list({ max: 30, itemMax: 4, valid: isNaceCode, upper: true }),
  kets: list({ max: 20, itemMax: 60, valid: (c) => isTermCode(KETS, c) }),
  keywords: list({ max: 30, itemMax: 60 }),
  value_chains: list({ max: 20, itemMax: 80 }),
  target_markets: list({ max: 80, itemMax: 2, valid: isCountryCode, upper: true }),
  label: z.preprocess(blank, z.enum(LABELS).default('none')),
  label_valid_from: isoDate,
  label_valid_until: isoDate,
  contact_name: optionalText(120),
  contact_email: z.preprocess(blank, z.string().trim().max(254).pipe(z.email()).optional()),
  social_linkedin: z.preprocess(blank, httpUrl.optional()),
  social_x: z.preprocess(blank, httpUrl.optional()),
  social_youtube: z.preprocess(blank, httpUrl.optional()),
  social_facebook: z.preprocess(blank, httpUrl.optional()),
});

type Fields = z.output<typeof OrganisationFields>;

/** Rules that span several fields. */
function crossCheck(v: Partial<Fields>, ctx: z.RefinementCtx) {
  if (v.region && v.country && isCountryCode(v.country) && !isNutsCode(v.region, v.country)) {
    ctx.addIssue({ code: 'custom', path: ['region'], message: 'v.nuts', params: { country: v.country } });
  }
  if (
    (v.latitude === undefined) !== (v.longitude === undefined) &&
    (v.latitude !== undefined || v.longitude !== undefined)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: [v.latitude === undefined ? 'latitude' : 'longitude'],
      message: 'v.coordinates',
    });
  }
  if (v.label_valid_from && v.label_valid_until && v.label_valid_until < v.label_valid_from) {
    ctx.addIssue({ code: 'custom', path: ['label_valid_until'], message: 'v.date_order' });
  }
  if (v.label && v.label !== 'none' && !v.label_valid_until) {
    ctx.addIssue({ code: 'custom', path: ['label_valid_until'], message: 'v.required' });
  }
}

export const CreateOrganisationInput = OrganisationFields.superRefine(crossCheck);
export const UpdateOrganisationInput = OrganisationFields.partial().superRefine(crossCheck);
export type OrganisationInput = z.output<typeof CreateOrganisationInput>;
export type OrganisationPatch = z.output<typeof UpdateOrganisationInput>;

export const ReturnInput = z.object({ reason: z.preprocess(blank, plainText(2000).pipe(z.string().min(5))) });
/** The review page sends the revision it showed, so a proposal changed since is not published blind. */
export const RevisionDecisionInput = z.object({
  revision: z.preprocess(blank, z.uuid().optional()),
  version: z.preprocess(blank, z.string().max(40).optional()),
});
export const WaiverInput = z.object({ waiver: optionalText(200) });
export const InviteInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  role: z.enum(['admin', 'member']).default('member'),
});
