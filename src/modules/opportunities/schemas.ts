import { z } from 'zod';
import { OPPORTUNITY_KINDS, OUTCOME_KINDS } from '../../platform/db/schema-opportunities.ts';
import {
  blank,
  dateText,
  flag,
  list,
  markdown,
  noteText,
  plainText,
  requiredText,
} from '../../platform/fields.ts';
import { ECOSYSTEMS, isCountryCode, isNaceCode, isTermCode, KETS } from '../../platform/taxonomy/index.ts';

/**
 * One schema per write, for the forms and the API alike: an opportunity, an expression of
 * interest, an answer to one, a meeting proposal, a comment, an outcome, a renewal.
 */

const isoDate = dateText;

const months = z.preprocess(blank, z.coerce.number().int().min(1).max(12));

/** An opportunity as its form and the API write it. */
export const OpportunityInput = z.object({
  kind: z.preprocess(blank, z.enum(OPPORTUNITY_KINDS)),
  /** The posting organisation (id or slug); the form preselects the actor's only one. */
  organisation: z.preprocess(blank, z.string().max(120)),
  title: requiredText(5, 200),
  summary: requiredText(10, 500),
  description: markdown(20_000),
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
    note: noteText(1000),
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
  note: noteText(1000),
});
