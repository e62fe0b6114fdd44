import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../../platform/db/schema.ts';
import {
  KIND_CODES,
  OPPORTUNITY_KINDS,
  type OpportunityKind,
  type OpportunityStatus,
  OUTCOME_KINDS,
} from '../../platform/db/schema-opportunities.ts';
import { answerInterest, insertInterest } from '../opportunities/interest-repository.ts';
import { insertOutcome } from '../opportunities/outcome-repository.ts';
import * as repo from '../opportunities/repository.ts';
import { organisationsOfUser } from '../teams/repository.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';

/**
 * The demo's collaboration opportunities: `DEMO_OPPORTUNITIES` of every kind over the demo
 * directory (after the organisations' part), relative to the seeding day: mostly published, some
 * anonymous, some expired, a few withdrawn, waiting for review or returned; with expressions of
 * interest (pending, accepted, declined) and, for some accepted ones, outcomes. The manager's team
 * posts the first few, so "my opportunities" shows every state. Same seed and day, same content.
 */

export const DEMO_OPPORTUNITIES = 300;
const DAY = 86_400_000;

const WHAT: Record<OpportunityKind, readonly string[]> = {
  business_offer: [
    'Distribution partners wanted for {t}',
    'Contract manufacturing capacity in {t}',
    'Export services for {t} companies',
  ],
  business_request: [
    'Looking for suppliers of {t}',
    'Seeking a sales agent for {t} products',
    'Buyers sought for {t} components',
  ],
  technology_offer: [
    'Licensable process for {t}',
    'Proven {t} technology ready for transfer',
    'Pilot line available for {t}',
  ],
  technology_request: [
    'Seeking a {t} solution for our members',
    'Technology wanted: {t} for SMEs',
    'Looking for {t} know-how',
  ],
  rd_partner: [
    'Partners for a Horizon Europe proposal on {t}',
    'Research consortium forming on {t}',
    'Academic partner sought for {t}',
  ],
  cascade_funding: [
    'Open call: vouchers for {t} pilots',
    'Cascade funding for {t} innovation projects',
    'Grants for SMEs adopting {t}',
  ],
};
const SUMMARY: Record<OpportunityKind, string> = {
  business_offer: 'Our cluster members offer {t} capacity and look for long-term commercial partners abroad.',
  business_request: 'Members of our cluster look for reliable partners in {t} for recurring orders.',
  technology_offer:
    'A member has developed {t} technology and offers it under licence or technical cooperation.',
  technology_request: 'Our members need {t} technology and seek a provider ready to adapt it.',
  rd_partner:
    'We are building a consortium on {t} and look for complementary research and industrial partners.',
  cascade_funding:
    'Our project distributes funding to SMEs that test {t} with a partner from another country.',
};
const STATES: readonly OpportunityStatus[] = ['published', 'pending', 'draft', 'returned', 'withdrawn'];
const STATE_WEIGHTS = [86, 5, 3, 2, 4];

type Org = Awaited<ReturnType<typeof repo.demoOrganisations>>[number];

function topicOf(rng: Random, org: Org): string {
  return org.keywords.length ? rng.pick(org.keywords) : 'digital services';
}

function descriptionOf(kind: OpportunityKind, topic: string, org: Org): string {
  return [
    `## What we ${kind.endsWith('request') ? 'seek' : 'offer'}`,
    '',
    SUMMARY[kind].replace('{t}', `**${topic}**`),
    '',
    '- experience with industrial customers',
    `- based in ${org.city ?? 'our region'}, working across Europe`,
    '- first contact through an online meeting',
  ].join('\n');
}

export const opportunitiesPart: DemoPart = {
  name: 'opportunities',
  async present(db) {
    return repo.anyOpportunity(db);
  },
  async seed(trx: Kysely<DB>, ctx: DemoContext) {
    const rng = new Random(ctx.seed ^ 0x0b0e);
    const orgs = await repo.demoOrganisations(trx);
    if (orgs.length < 3) return 0;
    const manager = ctx.users.get('manager@demo.clusterhub.test');
    const managerOrg = manager
      ? (await organisationsOfUser(trx, manager.id)).find((o) => o.status === 'published')
      : undefined;
    const countries = [...new Set(orgs.map((o) => o.country))];
    const today = ctx.today.getTime();
    let created = 0;
    for (let i = 0; i < DEMO_OPPORTUNITIES; i++) {
      const kind = OPPORTUNITY_KINDS[i % OPPORTUNITY_KINDS.length]!;
      const own = managerOrg && i < STATES.length;
      const org = own ? orgs.find((o) => o.id === managerOrg.id)! : rng.pick(orgs);
      const status: OpportunityStatus = own ? STATES[i]! : rng.weighted(STATES, STATE_WEIGHTS, 100);
      const topic = topicOf(rng, org);
      const createdAt = new Date(today - rng.int(2, 330) * DAY - rng.int(0, 86_399) * 1000);
      const months = rng.pick([3, 6, 12, 12]);
      const published = status === 'published' || status === 'withdrawn';
      const publishedAt = published ? new Date(createdAt.getTime() + rng.int(1, 3) * DAY) : null;
      const expiresAt = publishedAt ? DateTime.fromJSDate(publishedAt).plus({ months }).toJSDate() : null;
      const prefix = `${KIND_CODES[kind]}-${org.country}-${createdAt.toISOString().slice(0, 10).replaceAll('-', '')}`;
      const n = await repo.nextReferenceNumber(trx, prefix);
      const o = await repo.insertOpportunity(trx, {
        reference: `${prefix}-${String(n).padStart(4, '0')}`,
        organisation_id: org.id,
        kind,
        title: rng.pick(WHAT[kind]).replace('{t}', topic),
        summary: SUMMARY[kind].replace('{t}', topic),
        description: descriptionOf(kind, topic, org),
        ecosystems: rng.sample(org.ecosystems, rng.int(1, 2)),
        nace: rng.sample(org.nace, rng.int(0, 2)),
        kets: rng.sample(org.kets, rng.int(0, 2)),
        keywords: rng.sample(org.keywords, rng.int(1, 3)),
        target_countries: rng.sample(countries, rng.int(1, 4)),
        deadline: rng.chance(0.4)
          ? new Date(today + rng.int(10, 200) * DAY).toISOString().slice(0, 10)
          : null,
        anonymous: rng.chance(0.15),
        status,
        return_reason:
          status === 'returned' ? 'Please say which partners you look for, and in which countries.' : null,
        expiry_months: months,
        expires_at: expiresAt,
        expiry_noted_at: expiresAt && expiresAt.getTime() <= today ? ctx.today : null,
        renewal_reminder_sent_at: expiresAt && expiresAt.getTime() - today < 7 * DAY ? ctx.today : null,
        created_by: own ? manager!.id : null,
        created_at: createdAt,
        updated_at: publishedAt ?? createdAt,
        submitted_at: status === 'draft' ? null : createdAt,
        published_at: publishedAt,
        withdrawn_at: status === 'withdrawn' ? new Date(today - rng.int(0, 20) * DAY) : null,
      });
      created++;
      if (!publishedAt || !rng.chance(0.45)) continue;
      created += await interestsFor(trx, rng, o, org, orgs, today);
    }
    return created;
  },
  analyze: [
    'opportunities',
    'opportunity_interests',
    'opportunity_outcomes',
    'collaborations',
    'collaboration_members',
  ],
};

/** One to three other organisations' interests; some accepted (some with an outcome), some declined. */
async function interestsFor(
  trx: Kysely<DB>,
  rng: Random,
  o: { id: string; published_at: Date | null },
  poster: Org,
  orgs: readonly Org[],
  today: number,
): Promise<number> {
  let created = 0;
  const others = rng.sample(
    orgs.filter((x) => x.id !== poster.id),
    rng.int(1, 3),
  );
  for (const other of others) {
    const i = await insertInterest(trx, {
      opportunity_id: o.id,
      organisation_id: other.id,
      user_id: null,
      offer: `Our members work on ${topicOf(rng, other)} and could contribute.`,
      seek: 'A partner to test a first joint project with.',
      next_step: 'An online meeting in the coming weeks.',
    });
    created++;
    const r = rng.next();
    if (r < 0.35) continue;
    const accepted = r < 0.75;
    // Answered a few days after publication (never after the seeding day): the graph's dates follow.
    const answeredAt = new Date(Math.min(today, (o.published_at?.getTime() ?? today) + rng.int(1, 9) * DAY));
    await answerInterest(
      trx,
      i.id,
      {
        status: accepted ? 'accepted' : 'declined',
        decline_reason: accepted ? null : 'We have found a partner for now.',
        answered_by: null,
      },
      answeredAt,
    );
    if (!accepted || !rng.chance(0.4)) continue;
    const since = (o.published_at?.getTime() ?? today) + 10 * DAY;
    const on = new Date(Math.min(today, since + rng.int(0, 90) * DAY)).toISOString().slice(0, 10);
    await insertOutcome(trx, {
      opportunity_id: o.id,
      partner_organisation_id: other.id,
      kind: rng.pick(OUTCOME_KINDS),
      happened_on: on,
      note: '',
      recorded_by: null,
    });
    created++;
  }
  return created;
}
