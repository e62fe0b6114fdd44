import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type { Outcome } from '../../platform/db/schema-matchmaking.ts';
import { solve } from '../../scheduler/solve.ts';
import { findEventBySlug } from '../events/repository.ts';
import * as repo from '../matchmaking/demo-repository.ts';
import { placeMeetings, unplaceMeetings } from '../matchmaking/placement-repository.ts';
import { FEEDBACK_COMMENTS } from './data/matchmaking-data.ts';
import {
  enrol,
  itemsFor,
  type Person,
  peopleFor,
  type Req,
  requestsFor,
  sameOrg,
  writeRequests,
} from './data/matchmaking-people.ts';
import { ECC_2019_MATCHMAKING } from './events.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';

/**
 * B2B matchmaking of the demo (after the registrations part):
 * - the seed's pre-conference matchmaking of the European Cluster Conference 2019 in Bucharest
 *   (a past event): about 150 participants from 25 countries, each for a directory organisation,
 *   with offers and needs, about 800 requests (most accepted, some declined with a reason, some
 *   cancelled) sent mostly to whom "who to meet" ranks first, a morning of 12 slots and 70 tables,
 *   a schedule computed by the engine (fixed seed and iteration budget: the same on every machine)
 *   and published, and the feedback people gave afterwards (some agreements signed);
 * - the next upcoming matchmaking event (relative to the seeding day), open for requests, with about
 *   40 participants and the demo member among them, with requests in and out.
 */

const DAY = 86_400_000;

/** Who came to Bucharest: country and how many people (25 countries, 150 people). */
const PAST_GROUPS: readonly [string, number][] = [
  ['RO', 20],
  ['DE', 14],
  ['FR', 11],
  ['ES', 10],
  ['IT', 10],
  ['BE', 7],
  ['PL', 7],
  ['NL', 6],
  ['AT', 6],
  ['BG', 6],
  ['PT', 5],
  ['HU', 5],
  ['CZ', 5],
  ['SK', 4],
  ['SE', 4],
  ['GR', 4],
  ['HR', 4],
  ['DK', 3],
  ['FI', 3],
  ['LT', 3],
  ['IE', 3],
  ['SI', 3],
  ['UA', 3],
  ['MD', 2],
  ['RS', 2],
];
const PAST = { slots: 12, minutes: 20, tables: 70, requests: 800, maxMeetings: 10, seed: 2019 };
/** The engine's budget: enough to place every meeting, and the same result on every machine. */
export const DEMO_SCHEDULE_ITERATIONS = 200_000;

const UPCOMING_GROUPS: readonly [string, number][] = [
  ['DE', 5],
  ['FR', 5],
  ['IT', 4],
  ['ES', 4],
  ['BE', 3],
  ['NL', 3],
  ['PL', 3],
  ['AT', 2],
  ['PT', 2],
  ['SE', 2],
  ['CZ', 2],
  ['RO', 2],
  ['DK', 1],
  ['FI', 1],
  ['IE', 1],
];

async function pastEvent(trx: Kysely<DB>, rnd: Random, event: Event): Promise<number> {
  const start = event.starts_at;
  await repo.insertRegistrationSettings(trx, {
    event_id: event.id,
    opens_at: new Date(start.getTime() - 45 * DAY),
    closes_at: new Date(start.getTime() - 2 * DAY),
  });
  const opensAt = new Date(start.getTime() - 30 * DAY);
  const closesAt = new Date(start.getTime() - 3 * DAY);
  await repo.insertMatchmakingSettings(trx, {
    event_id: event.id,
    request_quota: 15,
    opens_at: opensAt,
    closes_at: closesAt,
    request_mode: 'approval',
    scheduling_mode: 'engine',
    slot_minutes: PAST.minutes,
    created_at: opensAt,
    updated_at: opensAt,
  });
  const slots = await repo.insertSession(trx, {
    event_id: event.id,
    label: 'Pre-conference matchmaking',
    starts_at: start,
    slots: PAST.slots,
    minutes: PAST.minutes,
    tables: PAST.tables,
  });
  const people = await peopleFor(trx, rnd, PAST_GROUPS, event.ecosystems, 'bucharest');
  // One in ten has a slot they cannot meet in (another appointment of the conference).
  for (const p of people) if (rnd.chance(0.1)) p.blocked = [rnd.int(0, PAST.slots - 1)];
  const { participantIds, rows } = await enrol(trx, rnd, event, people, true);
  await repo.insertBlockedSlots(
    trx,
    people.flatMap((p, i) =>
      p.blocked.map((b) => ({ participant_id: participantIds[i]!, slot_id: slots[b]!.id })),
    ),
  );
  const reqs = requestsFor(rnd, people, PAST.requests, (i) => PAST.maxMeetings - people[i]!.blocked.length);
  const { meetings, accepted } = await writeRequests(trx, rnd, event, participantIds, reqs, {
    from: opensAt,
    to: closesAt,
  });
  const placed = await schedule(trx, event, slots, people, accepted, meetings);
  const publishedAt = new Date(closesAt.getTime() + DAY);
  await repo.publishPlacements(trx, event.id, publishedAt);
  const feedback = await recordFeedback(trx, rnd, event, placed);
  return rows + reqs.length + meetings.length + feedback;
}

/**
 * The engine's schedule of the accepted meetings (ids independent of the database's, a fixed seed
 * and iteration budget: the same schedule everywhere), written with `placeMeetings`; a meeting the
 * engine leaves out keeps its reason. Refuses to write a schedule that puts a person or a table
 * twice in a slot, or a person in a slot they blocked.
 */
async function schedule(
  trx: Kysely<DB>,
  event: Event,
  slots: { id: string; starts_at: Date | string; ends_at: Date | string }[],
  people: Person[],
  accepted: Req[],
  meetings: { id: string; participant_a: string; participant_b: string }[],
) {
  const iso = (d: Date | string) => new Date(d).toISOString();
  const problem = {
    slots: slots.map((s, i) => ({
      id: `s${i}`,
      start: iso(s.starts_at),
      end: iso(s.ends_at),
      session: 'morning',
    })),
    tables: PAST.tables,
    participants: people.map((p, i) => ({ id: `p${i}`, unavailable: p.blocked.map((b) => `s${b}`) })),
    meetings: accepted.map((r, k) => ({ id: `m${k}`, participants: [`p${r.from}`, `p${r.to}`] })),
    options: {
      mode: 'all' as const,
      seed: PAST.seed,
      maxIterations: DEMO_SCHEDULE_ITERATIONS,
      timeLimitSeconds: 600,
    },
  };
  const solution = solve(problem);
  const busy = new Set<string>();
  const tables = new Set<string>();
  const placed: { meeting: (typeof meetings)[number]; slot: number }[] = [];
  const unplaced: { id: string; reason: string }[] = [];
  const placements: { meeting: (typeof meetings)[number]; slotId: string; tableName: string }[] = [];
  for (const a of solution.assignments) {
    const k = Number(a.meeting.slice(1));
    const meeting = meetings[k]!;
    if (!('slot' in a)) {
      unplaced.push({ id: meeting.id, reason: a.unscheduled });
      continue;
    }
    const slot = Number(a.slot.slice(1));
    const r = accepted[k]!;
    for (const who of [r.from, r.to]) {
      const key = `${who}@${slot}`;
      if (busy.has(key) || people[who]!.blocked.includes(slot))
        throw new Error(`demo schedule: participant ${who} twice in slot ${slot}`);
      busy.add(key);
    }
    if (tables.has(`${a.table}@${slot}`))
      throw new Error(`demo schedule: table ${a.table} twice in slot ${slot}`);
    tables.add(`${a.table}@${slot}`);
    placements.push({ meeting, slotId: slots[slot]!.id, tableName: a.table });
    placed.push({ meeting, slot });
  }
  await unplaceMeetings(trx, unplaced);
  await placeMeetings(trx, placements);
  const at = new Date(event.starts_at.getTime() - 2 * DAY);
  await repo.insertScheduleRun(trx, {
    event_id: event.id,
    status: 'done',
    options: { seed: PAST.seed, maxIterations: DEMO_SCHEDULE_ITERATIONS },
    result: { status: solution.status, metrics: solution.metrics, search: solution.search },
    created_at: at,
    started_at: at,
    finished_at: new Date(at.getTime() + Math.round(solution.search.elapsedMs)),
  });
  return placed;
}

const OUTCOMES: readonly Outcome[] = [
  'no_follow_up',
  'cooperation_possible',
  'follow_up_planned',
  'agreement_signed',
];

/** What people said after their meetings: most answered; both sides agree when an agreement was signed. */
async function recordFeedback(
  trx: Kysely<DB>,
  rnd: Random,
  event: Event,
  placed: { meeting: { id: string; participant_a: string; participant_b: string } }[],
) {
  const rows: Parameters<typeof repo.insertFeedback>[1][number][] = [];
  for (const { meeting } of placed) {
    const outcome = rnd.weighted(OUTCOMES, [25, 38, 27, 10], 100);
    for (const who of [meeting.participant_a, meeting.participant_b]) {
      if (!rnd.chance(0.72)) continue;
      const own: Outcome =
        outcome === 'agreement_signed' || rnd.chance(0.7) ? outcome : rnd.pick(OUTCOMES.slice(0, 3));
      const rating = Math.max(1, Math.min(5, OUTCOMES.indexOf(own) + rnd.int(2, 3)));
      const created = new Date(event.ends_at.getTime() + rnd.int(1, 10 * 24) * 3_600_000);
      rows.push({
        meeting_id: meeting.id,
        participant_id: who,
        rating,
        outcome: own,
        comment: rnd.pick(FEEDBACK_COMMENTS[own]!),
        created_at: created,
      });
    }
  }
  return repo.insertFeedback(trx, rows);
}

/** The next matchmaking event, open for requests; the demo member takes part. */
async function upcomingEvent(trx: Kysely<DB>, rnd: Random, ctx: DemoContext): Promise<number> {
  const event = await repo.nextMatchmakingEvent(trx, new Date(ctx.today.getTime() + 14 * DAY));
  if (!event) return 0;
  await repo.insertRegistrationSettings(trx, {
    event_id: event.id,
    opens_at: new Date(ctx.today.getTime() - 30 * DAY),
    closes_at: new Date(event.starts_at.getTime() - DAY),
  });
  const opensAt = new Date(ctx.today.getTime() - 10 * DAY);
  await repo.insertMatchmakingSettings(trx, {
    event_id: event.id,
    request_quota: 20,
    opens_at: opensAt,
    closes_at: new Date(event.starts_at.getTime() - 2 * DAY),
    request_mode: 'approval',
    scheduling_mode: 'engine',
    slot_minutes: 30,
    created_at: opensAt,
    updated_at: opensAt,
  });
  const days = Math.max(
    1,
    Math.min(2, Math.round((event.ends_at.getTime() - event.starts_at.getTime()) / DAY)),
  );
  for (let d = 0; d < days; d++)
    await repo.insertSession(trx, {
      event_id: event.id,
      label: `Day ${d + 1} morning`,
      starts_at: new Date(event.starts_at.getTime() + d * DAY),
      slots: 8,
      minutes: 30,
      tables: 20,
    });
  const people = await peopleFor(trx, rnd, UPCOMING_GROUPS, event.ecosystems, 'mm');
  const member = ctx.users.get('member@demo.clusterhub.test');
  const memberOrg = member ? await repo.organisationOfMember(trx, member.id) : undefined;
  if (member)
    people.push({
      name: 'Mia Member',
      email: 'member@demo.clusterhub.test',
      country: memberOrg?.country ?? 'BE',
      organisationId: memberOrg?.id ?? null,
      organisationName: memberOrg?.name ?? 'Demo Cluster',
      ecosystems: memberOrg?.ecosystems ?? [],
      targetMarkets: memberOrg?.target_markets ?? [],
      items: itemsFor(rnd, event.ecosystems.slice(0, 2)),
      blocked: [],
      userId: member.id,
    });
  const { participantIds, rows } = await enrol(trx, rnd, event, people, false);
  const reqs = requestsFor(rnd, people, 60, () => 8);
  // Requests still waiting for an answer: a third of them.
  for (const r of reqs) if (r.status === 'accepted' && rnd.chance(0.35)) r.status = 'pending';
  if (member) {
    // The member: two requests sent and two received, one of each answered.
    const me = people.length - 1;
    const mine = new Set(reqs.flatMap((r) => (r.from === me ? [r.to] : r.to === me ? [r.from] : [])));
    const others = rnd.sample(
      people.map((_, i) => i).filter((i) => i !== me && !mine.has(i) && !sameOrg(people[i]!, people[me]!)),
      4,
    );
    const statuses = ['accepted', 'pending', 'accepted', 'pending'] as const;
    others.forEach((other, k) => {
      const out = k < 2;
      reqs.push({
        from: out ? me : other,
        to: out ? other : me,
        status: statuses[k]!,
        reason: null,
        message: out
          ? 'We are looking for partners for a joint proposal. Shall we meet?'
          : 'We would like to meet you to explore cooperation between our clusters.',
      });
    });
  }
  const { meetings } = await writeRequests(trx, rnd, event, participantIds, reqs, {
    from: opensAt,
    to: ctx.today,
  });
  return rows + reqs.length + meetings.length;
}

export const matchmakingPart: DemoPart = {
  name: 'matchmaking records',
  present: (db) => repo.anyMatchmaking(db),
  async seed(trx, ctx) {
    const rnd = new Random(ctx.seed + 15);
    let created = 0;
    const past = await findEventBySlug(trx, ECC_2019_MATCHMAKING);
    if (past) created += await pastEvent(trx, rnd, past);
    created += await upcomingEvent(trx, rnd, ctx);
    return created;
  },
  analyze: [
    'matchmaking_participants',
    'matchmaking_items',
    'meeting_requests',
    'meetings',
    'matchmaking_slot_uses',
    'meeting_feedback',
  ],
};
