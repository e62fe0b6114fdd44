import { z } from 'zod';
import { OPPORTUNITY_KINDS, OUTCOME_KINDS } from '../../platform/db/schema-opportunities.ts';
import { ECOSYSTEMS, isCountryCode, isNaceCode, isTermCode, KETS } from '../../platform/taxonomy/index.ts';
import { looksLikeHtml } from '../../platform/text/markdown.ts';

/**
 * One schema per write, for the forms and the API alike: an opportunity, an expression of
 * interest, an answer to one, a meeting proposal, a comment, an outcome, a renewal.
 */

/** Forms send '' for an empty field; the API may send null. Both mean "not given". */
const blank = (v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() : v);

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !looksLikeHtml(v), { message: 'v.no_html' });
const requiredText = (min: number, max: number) =>
  z.preprocess(blank, plainText(max).pipe(z.string().min(min)));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'v.date' });

/** A list given as an array or as comma/line separated text; trimmed, de-duplicated, each checked. */
function list(opts: { max: number; itemMax: number; valid?: (code: string) => boolean; upper?: boolean }) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === '') return [];
      const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\n;]/) : v;
      if (!Array.isArray(items)) return items;
      const cleaned = items.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '');
      return [
        ...new Set(opts.upper ? cleaned.map((x) => (typeof x === 'string' ? x.toUpperCase() : x)) : cleaned),
      ];
    },
    z
      .array(plainText(opts.itemMax))
      .max(opts.max)
      .superRefine((items, ctx) => {
        if (!opts.valid) return;
        const unknown = items.filter((c) => !opts.valid!(c));
        if (unknown.length)
          ctx.addIssue({ code: 'custom', message: 'v.unknown_code', params: { codes: unknown.join(', ') } });
      }),
  );
}

const flag = z.preprocess(
  (v) => v === true || v === 'true' || v === 'on' || v === '1' || v === 'yes',
  z.boolean(),
);

const months = z.preprocess(blank, z.coerce.number().int().min(1).max(12));

/** An opportunity as its form and the API write it. */
export const OpportunityInput = z.object({
  kind: z.preprocess(blank, z.enum(OPPORTUNITY_KINDS)),
  /** The posting organisation (id or slug); the form preselects the actor's only one. */
  organisation: z.preprocess(blank, z.string().max(120)),
  title: requiredText(5, 200),
  summary: requiredText(10, 500),
  description: z.preprocess(
    (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
    z.string().max(20_000),
  ),
  ecosystems: list({ max: 14, itemMax: 40, valid: (c) => isTermCode(ECOSYSTEMS, c) }),
  nace: list({ max: 30, itemMax: 4, valid: isNaceCode, upper: true }),
  kets: list({ max: 20, itemMax: 60, valid: (c) => isTermCode(KETS, c) }),
  keywords: list({ max: 30, itemMax: 60 }),
  target_countries: list({ max: 80, itemMax: 2, valid: isCountryCode, upper: true }),
  deadline: z.preprocess(blank, isoDate.optional()),
  anonymous: flag,
  expiry_months: z.preprocess((v) => (v === undefined || v === '' || v === null ? 6 : v), months),
  /** Form and API: submit for review now (true) or keep as a draft. */
  submit: flag,
});
export type OpportunityInput = z.output<typeof OpportunityInput>;

export const ReturnInput = z.object({ reason: requiredText(5, 2000) });

export const RenewInput = z.object({ months });

export const InterestInput = z.object({
  /** The interested organisation (id or slug): one of the actor's teams'. */
  organisation: z.preprocess(blank, z.string().max(120)),
  offer: requiredText(10, 2000),
  seek: requiredText(10, 2000),
  next_step: requiredText(5, 1000),
});

export const AnswerInput = z.object({
  decision: z.preprocess(blank, z.enum(['accept', 'decline'])),
  reason: z.preprocess(blank, plainText(1000).optional()),
});

export const MeetingInput = z
  .object({
    starts_at: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/, { message: 'v.datetime' })
        .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'v.datetime' }),
    ),
    online: flag,
    place: z.preprocess(blank, plainText(300).optional()),
    note: z.preprocess((v) => (v === undefined || v === null ? '' : v), plainText(1000)),
  })
  .superRefine((v, ctx) => {
    if (!v.online && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'v.required' });
  });

export const CommentInput = z.object({ body: requiredText(2, 4000) });

export const OutcomeInput = z.object({
  kind: z.preprocess(blank, z.enum(OUTCOME_KINDS)),
  /** The partner organisation (id or slug). */
  partner: z.preprocess(blank, z.string().max(120)),
  happened_on: z.preprocess(blank, isoDate),
  note: z.preprocess((v) => (v === undefined || v === null ? '' : v), plainText(1000)),
});
