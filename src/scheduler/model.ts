// The public data model of the scheduling engine: what callers send and what they get back.
// Validation lives here so the CLI, the background job and the tests reject the same inputs.
import { z } from 'zod';

const id = z.string().min(1).max(200);
const tableList = z.union([z.number().int().min(0).max(100_000), z.array(id).max(100_000)]);

export const slotSchema = z.object({
  id,
  start: z.string().optional().describe('ISO 8601 start time (informative; slot order is array order)'),
  end: z.string().optional().describe('ISO 8601 end time'),
  session: z.string().min(1).default('main').describe('session label, e.g. day-1-morning'),
  tables: tableList.optional().describe('tables in this slot; overrides the top-level tables'),
});

export const participantSchema = z.object({
  id,
  unavailable: z.array(id).default([]).describe('slot ids the participant cannot meet in'),
  maxMeetings: z.number().int().min(0).optional(),
});

export const meetingSchema = z.object({
  id,
  participants: z.array(id).min(2).describe('two participants, or more for a group meeting'),
  session: z.string().min(1).default('any').describe('session label the meeting must be in, or "any"'),
  slot: id.optional().describe('locked slot id'),
  table: z
    .union([id, z.number().int().min(1)])
    .optional()
    .describe('locked table (name, or 1-based number)'),
  priority: z.number().positive().max(1e6).default(1).describe('weight in mode "max"'),
  after: z.array(id).default([]).describe('meetings that must take place in an earlier slot'),
});

export const optionsSchema = z.object({
  mode: z.enum(['all', 'max']).default('all'),
  fairness: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('max breaks minus min breaks over all participants must not exceed this'),
  timeLimitSeconds: z.number().positive().max(86_400).default(10),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  maxIterations: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('search budget; with it the result is reproducible whatever the machine speed'),
});

export const problemSchema = z.object({
  slots: z.array(slotSchema).min(1),
  tables: tableList.default(0).describe('tables per slot: a count or a list of table names'),
  participants: z.array(participantSchema),
  meetings: z.array(meetingSchema),
  options: optionsSchema.default({ mode: 'all', timeLimitSeconds: 10, seed: 1 }),
});

export type Problem = z.output<typeof problemSchema>;
export type ProblemInput = z.input<typeof problemSchema>;
export type Options = z.output<typeof optionsSchema>;

const placedSchema = z.object({ meeting: id, slot: id, table: z.string() });
const unscheduledSchema = z.object({
  meeting: id,
  unscheduled: z.string().describe('why it was not placed'),
});

export const participantMetricsSchema = z.object({
  id,
  meetings: z.number().int(),
  breaks: z.number().int(),
  idleSlots: z.number().int().describe('free slots between the first and the last meeting'),
});

const metricsSchema = z.object({
  meetingsRequested: z.number().int(),
  meetingsPlaced: z.number().int(),
  priorityPlaced: z.number(),
  totalBreaks: z.number().int(),
  maxBreaks: z.number().int(),
  minBreaks: z.number().int(),
  idleSlots: z.number().int(),
  breaksLowerBound: z.number().int().describe('proven lower bound on total breaks (mode all)'),
  placedUpperBound: z.number().int().describe('proven upper bound on meetings placed'),
  participants: z.array(participantMetricsSchema),
});

const assignmentsSchema = z.array(z.union([placedSchema, unscheduledSchema]));

export const solutionSchema = z.object({
  status: z.enum(['optimal', 'feasible', 'infeasible', 'unknown']),
  reason: z.string().optional(),
  assignments: assignmentsSchema.describe(
    'a schedule that respects every hard rule; with status unknown or infeasible nothing is placed',
  ),
  metrics: metricsSchema.describe('the figures of `assignments` (and the proven bounds)'),
  bestEffort: z
    .object({
      assignments: assignmentsSchema,
      metrics: metricsSchema,
      violations: z.array(z.string()).describe('each hard rule this best effort breaks'),
    })
    .optional()
    .describe('status unknown: the best schedule found, which breaks the hard rules listed; not a schedule'),
  search: z.object({
    seed: z.number().int(),
    iterations: z.number().int(),
    elapsedMs: z.number(),
    timeToBestMs: z.number(),
    stoppedBy: z.enum(['proof', 'time', 'iterations', 'nothing-to-do']),
  }),
  slots: z.array(z.number().int().nullable()).optional().describe('dzn mode: 1-based slot per file meeting'),
});

export type Solution = z.output<typeof solutionSchema>;
export type Assignment = Solution['assignments'][number];
export type Metrics = Solution['metrics'];

export function problemJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(problemSchema, { io: 'input' }) as Record<string, unknown>;
}

export function solutionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(solutionSchema) as Record<string, unknown>;
}

export type ParseResult = { ok: true; problem: Problem } | { ok: false; errors: string[] };

/** Shape check by zod, then the cross-references zod cannot see; every problem is listed. */
export function parseProblem(input: unknown): ParseResult {
  const parsed = problemSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map(
      (i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
    );
    return { ok: false, errors };
  }
  const errors = crossReferenceErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, problem: parsed.data };
}

function duplicates(ids: string[], where: string, errors: string[]): Set<string> {
  const seen = new Set<string>();
  ids.forEach((x, i) => {
    if (seen.has(x)) errors.push(`${where}.${i}.id: duplicate id "${x}"`);
    seen.add(x);
  });
  return seen;
}

function crossReferenceErrors(p: Problem): string[] {
  const errors: string[] = [];
  const slotIds = duplicates(
    p.slots.map((s) => s.id),
    'slots',
    errors,
  );
  const people = duplicates(
    p.participants.map((x) => x.id),
    'participants',
    errors,
  );
  const meetingIds = duplicates(
    p.meetings.map((m) => m.id),
    'meetings',
    errors,
  );
  const sessions = new Set(p.slots.map((s) => s.session));
  p.slots.forEach((s, i) => {
    if (s.start && Number.isNaN(Date.parse(s.start))) errors.push(`slots.${i}.start: not a date-time`);
    if (s.end && Number.isNaN(Date.parse(s.end))) errors.push(`slots.${i}.end: not a date-time`);
    if (s.start && s.end && Date.parse(s.end) <= Date.parse(s.start)) {
      errors.push(`slots.${i}.end: must be after start`);
    }
    const prev = p.slots[i - 1];
    if (prev?.end && s.start && Date.parse(s.start) < Date.parse(prev.end)) {
      errors.push(`slots.${i}.start: slots must be listed in time order without overlap`);
    }
    if (Array.isArray(s.tables) && new Set(s.tables).size !== s.tables.length) {
      errors.push(`slots.${i}.tables: duplicate table name`);
    }
  });
  if (Array.isArray(p.tables) && new Set(p.tables).size !== p.tables.length) {
    errors.push('tables: duplicate table name');
  }
  p.participants.forEach((x, i) => {
    x.unavailable.forEach((s, j) => {
      if (!slotIds.has(s)) errors.push(`participants.${i}.unavailable.${j}: unknown slot "${s}"`);
    });
  });
  p.meetings.forEach((m, i) => {
    const at = `meetings.${i}`;
    m.participants.forEach((x, j) => {
      if (!people.has(x)) errors.push(`${at}.participants.${j}: unknown participant "${x}"`);
    });
    if (new Set(m.participants).size !== m.participants.length) {
      errors.push(`${at}.participants: a participant is listed twice`);
    }
    if (m.session !== 'any' && !sessions.has(m.session)) {
      errors.push(`${at}.session: no slot has session "${m.session}"`);
    }
    if (m.slot !== undefined && !slotIds.has(m.slot)) errors.push(`${at}.slot: unknown slot "${m.slot}"`);
    m.after.forEach((x, j) => {
      if (!meetingIds.has(x)) errors.push(`${at}.after.${j}: unknown meeting "${x}"`);
    });
  });
  return errors;
}
