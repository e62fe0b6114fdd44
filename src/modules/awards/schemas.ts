import { z } from 'zod';
import { localDateTime, text } from '../ideas/schemas.ts';

/** Forms send '' for an empty field. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() : v);

export const CategoryInput = z.object({
  title: text(200),
  description: z.preprocess(blank, z.string().max(4000).optional()),
  deadline: localDateTime,
  position: z.preprocess(blank, z.coerce.number().int().min(0).max(1000).optional()),
});

export const ApplicationInput = z.object({
  organisation_id: z.string().trim().min(1).max(40),
  text: text(8000),
  attachment_url: z.preprocess(
    blank,
    z
      .string()
      .max(500)
      .pipe(z.url({ protocol: /^https?$/, message: 'v.url' }))
      .optional(),
  ),
});

export const JurorInput = z.object({ email: z.string().trim().min(1).max(320) });

export const ScoreInput = z.object({
  score: z.coerce.number().int().min(1).max(10),
  comment: z.preprocess(blank, z.string().max(4000).optional()),
});

export const WinnersInput = z.object({
  winners: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : [v].flat()),
    z.array(z.string().max(40)).min(1),
  ),
});
