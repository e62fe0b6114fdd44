import { z } from 'zod';
import { IDEA_FORMATS } from '../../platform/db/schema-ideas-awards.ts';

/**
 * Text fields here are plain text: stored as typed (a `<script>` included) and escaped wherever
 * they are shown, never interpreted.
 */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** A `datetime-local` value; the use case reads it in the event's zone. */
export const localDateTime = z.string().trim().min(1).max(25);

export const CallInput = z.object({ closes_at: localDateTime });

export const IdeaInput = z.object({
  title: text(200),
  abstract: text(4000),
  format: z.enum(IDEA_FORMATS),
});

export const DecisionInput = z.object({
  status: z.enum(['proposed', 'shortlisted', 'accepted', 'declined']),
});
