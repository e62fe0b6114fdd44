import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Event } from '../../../platform/db/schema-events.ts';
import type { ItemKind, RequestStatus } from '../../../platform/db/schema-matchmaking.ts';
import type { OrganisationKind } from '../../../platform/db/schema-registrations.ts';
import { type PreparedProfile, prepare, rankPartners } from '../../matching/score.ts';
import type { DirectoryOrganisation } from '../../matchmaking/demo-repository.ts';
import * as repo from '../../matchmaking/demo-repository.ts';
import { DECLINE_REASONS, TOPICS, type Topic } from './matchmaking-data.ts';
import type { Random } from '../random.ts';
import { FIRST_NAMES, LAST_NAMES } from './words.ts';

/**
 * The people of the demo's matchmaking events and what they do before the event: who they are (an
 * account, a confirmed registration, a participant for a directory organisation), what they offer
 * and need, and whom they ask to meet (mostly those "who to meet" ranks first) with the answers.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface Item {
  side: 'offer' | 'need';
  kind: ItemKind;
  title: string;
}
export interface Person {
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
export async function peopleFor(
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
  const names = new Set<string>();
  for (const [country, count] of groups) {
    const pool = rnd.sample(orgs.get(country) ?? [], count);
    for (let i = 0; i < count; i++) {
      // One in ten comes with a colleague of the organisation before them.
      const org: DirectoryOrganisation | null =
        i > 0 && rnd.chance(0.1) ? (people[people.length - 1]!.org ?? null) : (pool[i] ?? null);
      const lang = NAME_LANG[country] ?? 'en';
      let first = rnd.pick(FIRST_NAMES[lang]);
      let last = rnd.pick(LAST_NAMES[lang]);
      // Nobody twice under one name at an event.
      for (let k = 0; k < 5 && names.has(`${first} ${last}`); k++) {
        first = rnd.pick(FIRST_NAMES[lang]);
        last = rnd.pick(LAST_NAMES[lang]);
      }
      names.add(`${first} ${last}`);
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
export function itemsFor(rnd: Random, ecosystems: readonly string[]): Item[] {
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
export async function enrol(trx: Kysely<DB>, rnd: Random, event: Event, people: Person[], past: boolean) {
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

export interface Req {
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
export function requestsFor(
  rnd: Random,
  people: Person[],
  target: number,
  maxMeetings: (i: number) => number,
) {
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

export const sameOrg = (a: Person, b: Person) =>
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
export async function writeRequests(
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
