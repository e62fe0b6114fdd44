import { z } from 'zod';
import { looksLikeHtml } from './text/markdown.ts';

/**
 * The field shapes the modules' schemas share, so that a form and the API read a text, a list, a
 * date, a link or a check box the same way everywhere, and name the same message keys (`v.*`).
 */

/** Forms send '' for an empty field; the API may send null. Both mean "not given"; texts are trimmed. */
export const blank = (v: unknown) =>
  v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() : v;

/** A plain text (no markup: a text that looks like HTML is refused, `v.no_html`). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !looksLikeHtml(v), { message: 'v.no_html' });

/** A plain text that must be given, of at least `min` characters. */
export const requiredText = (min: number, max: number) =>
  z.preprocess(blank, plainText(max).pipe(z.string().min(min)));

/** A plain text that may be left empty. */
export const optionalText = (max: number) => z.preprocess(blank, plainText(max).optional());

/** A text that may be missing: '' when it is (never undefined). */
export const noteText = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), plainText(max));

/** Markdown: stored as written (line ends as LF), rendered and sanitised when written out. */
export const markdown = (max: number) =>
  z.preprocess(
    (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
    z.string().max(max),
  );

/** An http(s) address. */
export const httpUrl = z
  .string()
  .trim()
  .max(300)
  .pipe(z.url({ protocol: /^https?$/, message: 'v.url' }));

export const optionalUrl = z.preprocess(blank, httpUrl.optional());

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    { message: 'v.date' },
  );

/** A check box or a JSON boolean: checked is true, anything else (absent included) false. */
export const flag = z.preprocess(
  (v) => v === true || v === 'true' || v === 'on' || v === '1' || v === 'yes',
  z.boolean(),
);

/**
 * A list given as an array or as text separated by commas, semicolons or lines: items trimmed,
 * empty ones dropped, duplicates removed (upper-cased first with `upper`), each checked by `valid`
 * (the unknown ones named in one `v.unknown_code` problem).
 */
export function list(opts: {
  max: number;
  itemMax: number;
  valid?: (code: string) => boolean;
  upper?: boolean;
}) {
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
        const valid = opts.valid;
        if (!valid) return;
        const unknown = items.filter((c) => !valid(c));
        if (unknown.length)
          ctx.addIssue({ code: 'custom', message: 'v.unknown_code', params: { codes: unknown.join(', ') } });
      }),
  );
}
