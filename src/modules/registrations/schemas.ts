import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  type Answer,
  ORGANISATION_KINDS,
  QUESTION_KINDS,
  type RegistrationQuestion,
} from '../../platform/db/schema-registrations.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { isCountryCode } from '../../platform/taxonomy/countries.ts';
import { isSkippedLocalTime } from '../../platform/time/zoned.ts';
import { emailSchema } from '../accounts/schemas.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.string().trim().max(max);

/** Who registers: the answers are checked separately, against the event's questions. */
export const RegisterInput = z.object({
  name: text(200).min(1),
  email: emailSchema,
  organisation_name: z.preprocess(blank, text(200).optional()),
  country: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.toUpperCase()) : blank(v)),
    z.string().refine(isCountryCode, { message: 'v.country' }).optional(),
  ),
  organisation_kind: z.preprocess(blank, z.enum(ORGANISATION_KINDS).optional()),
});
export type RegisterFields = z.output<typeof RegisterInput>;

/** A date and time: an instant with its offset, or a wall time in the event's zone (a form's `datetime-local`). */
const optionalDateTime = (zone: string) =>
  z.preprocess(
    (v) => (v instanceof Date ? v.toISOString() : blank(v)),
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const d = DateTime.fromISO(v, { zone });
        if (!d.isValid) {
          ctx.addIssue({ code: 'custom', message: 'v.datetime' });
          return z.NEVER;
        }
        // A local time the zone skips (clocks moved forward) names no instant: refused, not shifted.
        if (isSkippedLocalTime(v, zone)) {
          ctx.addIssue({ code: 'custom', message: 'v.time_skipped' });
          return z.NEVER;
        }
        return d.toJSDate();
      })
      .optional(),
  );

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const settingsInput = (zone: string) =>
  z
    .object({
      enabled: checkbox,
      capacity: z.preprocess(
        (v) => (blank(v) === undefined || v === null ? undefined : typeof v === 'string' ? Number(v) : v),
        z.number().int().min(1).max(1_000_000).optional(),
      ),
      opens_at: optionalDateTime(zone),
      closes_at: optionalDateTime(zone),
      visitors_allowed: checkbox,
    })
    .superRefine((v, ctx) => {
      if (v.opens_at && v.closes_at && v.closes_at <= v.opens_at)
        ctx.addIssue({ code: 'custom', path: ['closes_at'], message: 'v.reg_window' });
    });

const QuestionInput = z
  .object({
    id: z.preprocess(blank, z.uuid().optional()),
    kind: z.enum(QUESTION_KINDS),
    label: text(300).min(1),
    required: checkbox,
    options: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : v,
      z.array(text(200).min(1)).max(30),
    ),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'v.reg_options' });
    if (new Set(q.options).size !== q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'v.reg_options_unique' });
  })
  .transform((q) => ({ ...q, options: q.kind === 'single' || q.kind === 'multiple' ? q.options : [] }));

export const QuestionsInput = z.object({ questions: z.array(QuestionInput).max(30) });

/**
 * Checks answers against the event's questions: one problem per bad or missing answer, on the field
 * `answers.<question id>`. Answers to unknown questions are dropped; the stored answers are the
 * question's type (text, the chosen option or options, ticked).
 */
export function checkAnswers(
  questions: readonly Pick<RegistrationQuestion, 'id' | 'kind' | 'required' | 'options'>[],
  raw: unknown,
): { answers: Record<string, Answer>; problems: FieldProblem[] } {
  const given = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const answers: Record<string, Answer> = {};
  const problems: FieldProblem[] = [];
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const v = given[q.id];
    const missing = () => {
      if (q.required) problems.push({ field, message: 'v.required' });
    };
    switch (q.kind) {
      case 'text': {
        if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) missing();
        else if (typeof v !== 'string') problems.push({ field, message: 'v.format' });
        else if (v.trim().length > 2000)
          problems.push({ field, message: 'v.too_long', params: { max: 2000 } });
        else answers[q.id] = v.trim();
        break;
      }
      case 'single': {
        if (v === undefined || v === null || v === '') missing();
        else if (typeof v !== 'string' || !q.options.includes(v))
          problems.push({ field, message: 'v.choice' });
        else answers[q.id] = v;
        break;
      }
      case 'multiple': {
        const list = v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
        if (list.length === 0) missing();
        else if (list.some((x) => typeof x !== 'string' || !q.options.includes(x)))
          problems.push({ field, message: 'v.choice' });
        else answers[q.id] = [...new Set(list as string[])];
        break;
      }
      case 'checkbox': {
        const ticked = v === true || v === 'on' || v === 'true' || v === 'yes';
        if (v !== undefined && v !== null && typeof v !== 'boolean' && typeof v !== 'string')
          problems.push({ field, message: 'v.format' });
        else if (!ticked && q.required) problems.push({ field, message: 'v.reg_must_tick' });
        else answers[q.id] = ticked;
        break;
      }
    }
  }
  return { answers, problems };
}
