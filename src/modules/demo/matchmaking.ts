import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type { ItemKind, Outcome, RequestStatus } from '../../platform/db/schema-matchmaking.ts';
import type { OrganisationKind } from '../../platform/db/schema-registrations.ts';
import { solve } from '../../scheduler/solve.ts';
import { findEventBySlug } from '../events/repository.ts';
import { type PreparedProfile, prepare, rankPartners } from '../matching/score.ts';
import type { DirectoryOrganisation } from '../matchmaking/demo-repository.ts';
import * as repo from '../matchmaking/demo-repository.ts';
import { placeMeeting, unplaceMeeting } from '../matchmaking/placement.ts';
import { ECC_2019_MATCHMAKING } from './events.ts';
import { DECLINE_REASONS, FEEDBACK_COMMENTS, TOPICS, type Topic } from './matchmaking-data.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';
import { FIRST_NAMES, LAST_NAMES } from './words.ts';

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
const MINUTE = 60_000;

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

interface Item {
  side: 'offer' | 'need';
  kind: ItemKind;
  title: string;
}
interface Person {
  name: string;
  email: string;
  country: string;
  organisationId: string | null;
  organisationName: string;
  ecosystems: string[];
  targetMarkets: string[];
  items: Item[];
  /** Slots (by index) the person blocked. */
  blocked: number[];
  userId?: string;
  org?: DirectoryOrganisation | null;
}

const NAME_LANG: Record<string, keyof typeof FIRST_NAMES> = {
  AT: 'de',
  DE: 'de',
  FR: 'fr',
  BE: 'fr',
  ES: 'es',
  IT: 'it',
  PL: 'pl',
  PT: 'pt',
  NL: 'nl',
};
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** People for the groups, each for a directory organisation of their country (a few share one). */
async function peopleFor(
  trx: Kysely<DB>,
  rnd: Random,
  groups: readonly [string, number][],
  ecosystems: readonly string[],
  tag: string,
): Promise<Person[]> {
  const orgs = await repo.publishedOrganisationsIn(
    trx,
    groups.map(([c]) => c),
  );
  const people: Person[] = [];
  for (const [country, count] of groups) {
    const pool = rnd.sample(orgs.get(country) ?? [], count);
    for (let i = 0; i < count; i++) {
      // One in ten comes with a colleague of the organisation before them.
      const org: DirectoryOrganisation | null =
        i > 0 && rnd.chance(0.1) ? (people[people.length - 1]!.org ?? null) : (pool[i] ?? null);
      const lang = NAME_LANG[country] ?? 'en';
      const first = rnd.pick(FIRST_NAMES[lang]);
      const last = rnd.pick(LAST_NAMES[lang]);
      const eco = org?.ecosystems.filter((e) => ecosystems.includes(e)) ?? [];
      people.push({
        org,
        name: `${first} ${last}`,
        email: `${ascii(first)}.${ascii(last)}.${tag}${people.length + 1}@example.org`,
        country,
        organisationId: org?.id ?? null,
        organisationName: org?.name ?? `${country} Cluster Association ${i + 1}`,
        ecosystems: org?.ecosystems ?? [],
        targetMarkets: org?.target_markets ?? [],
        items: itemsFor(rnd, eco.length ? eco : rnd.sample(ecosystems, 2)),
        blocked: [],
      });
    }
  }
  return people;
}

/** One to three offers and one to three needs, on the person's ecosystems and across them. */
function itemsFor(rnd: Random, ecosystems: readonly string[]): Item[] {
  const topics = TOPICS.filter((t) => t.ecosystem === '' || ecosystems.includes(t.ecosystem));
  const chosen = rnd.sample(topics, rnd.int(2, Math.min(5, topics.length)));
  const offers = chosen.slice(0, Math.max(1, Math.ceil(chosen.length / 2)));
  const needs = chosen.slice(offers.length);
  // Needs from the other topics of these ecosystems when the sample left none.
  if (!needs.length) needs.push(rnd.pick(topics.filter((t) => !offers.includes(t))) ?? rnd.pick(TOPICS));
  const item = (side: 'offer' | 'need', t: Topic): Item => ({ side, kind: t.kind, title: t[side] });
  return [...offers.map((t) => item('offer', t)), ...needs.map((t) => item('need', t))];
}

/** Accounts, confirmed registrations (checked in for a past event), participants, offers and needs. */
async function enrol(trx: Kysely<DB>, rnd: Random, event: Event, people: Person[], past: boolean) {
  const created = (i: number) =>
    new Date(event.starts_at.getTime() - (40 - (30 * i) / people.length) * DAY - rnd.int(0, 80_000) * 1000);
  const dates = people.map((_, i) => created(i));
  const fresh = people.filter((p) => !p.userId);
  const ids = await repo.insertPeople(
    trx,
    fresh.map((p) => ({ email: p.email, name: p.name, created_at: dates[people.indexOf(p)]! })),
  );
  fresh.forEach((p, i) => {
    p.userId = ids[i];
  });
  const kind: OrganisationKind = 'cluster_organisation';
  const registrations = await repo.insertConfirmedRegistrations(
    trx,
    people.map((p, i) => ({
      event_id: event.id,
      user_id: p.userId!,
      name: p.name,
      email: p.email,
      organisation_name: p.organisationName,
      country: p.country,
      organisation_kind: kind,
      checked_in_at:
        past && rnd.chance(0.95) ? new Date(event.starts_at.getTime() - rnd.int(5, 50) * MINUTE) : null,
      created_at: dates[i]!,
    })),
  );
  const participantIds = await repo.insertParticipants(
    trx,
    people.map((p, i) => ({
      event_id: event.id,
      user_id: p.userId!,
      registration_id: registrations[i]!,
      organisation_id: p.organisationId,
      name: p.name,
      organisation_name: p.organisationName,
      country: p.country,
      organisation_kind: kind,
      headline: p.items.find((x) => x.side === 'need')?.title ?? '',
      created_at: dates[i]!,
      updated_at: dates[i]!,
    })),
  );
  const items = people.flatMap((p, i) =>
    p.items.map((item, position) => ({
      event_id: event.id,
      participant_id: participantIds[i]!,
      ...item,
      position,
      created_at: dates[i]!,
    })),
  );
  await repo.insertItems(trx, items);
  return { participantIds, rows: people.length * 3 + items.length };
}

interface Req {
  from: number;
  to: number;
  status: RequestStatus;
  reason: string | null;
  message: string;
}

/**
 * Requests as people send them: mostly to whom "who to meet" ranks high, accepted while both have
 * room in their agenda, declined with a reason (a full agenda, or another), some cancelled.
 */
function requestsFor(rnd: Random, people: Person[], target: number, maxMeetings: (i: number) => number) {
  const prepared: PreparedProfile[] = people.map((p, i) =>
    prepare({
      id: String(i),
      country: p.country,
      ecosystems: p.ecosystems,
      targetMarkets: p.targetMarkets,
      items: p.items.map((x, k) => ({ id: `${i}.${k}`, ...x })),
    }),
  );
  const ranked = prepared.map((me, i) =>
    rankPartners(
      me,
      prepared.filter((_, j) => !sameOrg(people[i]!, people[j]!)),
      { limit: 40 },
    ),
  );
  const accepted = new Array<number>(people.length).fill(0);
  const pairs = new Set<string>();
  const out: Req[] = [];
  for (let attempts = 0; out.length < target && attempts < target * 20; attempts++) {
    const from = rnd.int(0, people.length - 1);
    if (accepted[from]! >= maxMeetings(from)) continue;
    const list = ranked[from]!;
    if (!list.length) continue;
    const pick = list[Math.floor(rnd.next() ** 2 * list.length)]!;
    const to = Number(pick.id);
    const key = from < to ? `${from}-${to}` : `${to}-${from}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const message = messageFor(pick.reasons, String(from));
    if (rnd.chance(0.07)) {
      out.push({ from, to, status: 'cancelled', reason: null, message });
    } else if (accepted[to]! >= maxMeetings(to)) {
      out.push({ from, to, status: 'declined', reason: DECLINE_REASONS[0]!, message });
    } else if (rnd.chance(0.08)) {
      out.push({ from, to, status: 'declined', reason: rnd.pick(DECLINE_REASONS.slice(1)), message });
    } else {
      accepted[from]! += 1;
      accepted[to]! += 1;
      out.push({ from, to, status: 'accepted', reason: null, message });
    }
  }
  return out;
}

const sameOrg = (a: Person, b: Person) =>
  a === b || (a.organisationId !== null && a.organisationId === b.organisationId);

function messageFor(reasons: ReturnType<typeof rankPartners>[number]['reasons'], me: string): string {
  const r = reasons.find((x) => x.type === 'offer_meets_need');
  if (r?.type === 'offer_meets_need')
    return r.offerBy === me
      ? `We could help with “${r.need.title}”. Shall we meet?`
      : `Your “${r.offer.title}” is what we are looking for. Could we talk about it?`;
  return 'We would like to meet you to explore cooperation between our clusters.';
}

/** Writes the requests and, for the accepted ones, their meetings (unplaced). */
async function writeRequests(
  trx: Kysely<DB>,
  rnd: Random,
  event: Event,
  ids: string[],
  reqs: Req[],
  window: { from: Date; to: Date },
) {
  const span = window.to.getTime() - window.from.getTime();
  const sentAt = reqs.map((_, i) => new Date(window.from.getTime() + ((i + 0.5) / reqs.length) * span));
  const requestIds = await repo.insertRequests(
    trx,
    reqs.map((r, i) => {
      const decided =
        r.status === 'pending'
          ? null
          : new Date(Math.min(sentAt[i]!.getTime() + rnd.int(1, 72) * 3_600_000, window.to.getTime()));
      return {
        event_id: event.id,
        from_participant: ids[r.from]!,
        to_participant: ids[r.to]!,
        message: r.message,
        status: r.status,
        decline_reason: r.reason,
        decided_at: decided,
        created_at: sentAt[i]!,
        updated_at: decided ?? sentAt[i]!,
      };
    }),
  );
  const accepted = reqs.flatMap((r, i) => (r.status === 'accepted' ? [{ r, i }] : []));
  const meetings = await repo.insertMeetings(
    trx,
    accepted.map(({ r, i }) => ({
      event_id: event.id,
      request_id: requestIds[i]!,
      participant_a: ids[r.from]!,
      participant_b: ids[r.to]!,
      created_at: sentAt[i]!,
    })),
  );
  return { meetings, accepted: accepted.map(({ r }) => r) };
}

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
 * and iteration budget: the same schedule everywhere), written with `placeMeeting`; a meeting the
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
  for (const a of solution.assignments) {
    const k = Number(a.meeting.slice(1));
    const meeting = meetings[k]!;
    if (!('slot' in a)) {
      await unplaceMeeting(trx, meeting.id, a.unscheduled);
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
    await placeMeeting(trx, meeting, slots[slot]!.id, a.table);
    placed.push({ meeting, slot });
  }
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
  name: 'matchmaking',
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
