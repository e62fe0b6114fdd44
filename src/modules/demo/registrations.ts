import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type {
  Answer,
  NewRegistration,
  OrganisationKind,
  QuestionKind,
} from '../../platform/db/schema-registrations.ts';
import { countryName } from '../../platform/taxonomy/countries.ts';
import { findEventBySlug } from '../events/repository.ts';
import * as repo from '../registrations/repository.ts';
import { FIRST_NAMES, LAST_NAMES } from './data/words.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';

/**
 * Registrations of the demo (after the events part, whose events it looks up by slug or by start
 * order): open registration on the next upcoming events — some fully booked with a waiting list,
 * some with custom questions, some open to visitors — and the seed newsletter's past matchmaking
 * events and webinar with their participation figures, so their reports show real-looking charts.
 * An event the demo does not have is skipped.
 */

const DAY = 86_400_000;
const UPCOMING = 12;
/** Of the upcoming events (by start order): fully booked with a waiting list, with questions, open to visitors. */
const FULL = new Map([
  [0, 30],
  [3, 40],
  [7, 25],
]);
const WITH_QUESTIONS = new Set([0, 1, 4, 8]);
const VISITORS = new Set([1, 2, 5, 9]);

const NAME_LANG: Record<string, keyof typeof FIRST_NAMES> = {
  AT: 'de',
  DE: 'de',
  CH: 'de',
  FR: 'fr',
  BE: 'fr',
  LU: 'fr',
  ES: 'es',
  IT: 'it',
  PL: 'pl',
  PT: 'pt',
  NL: 'nl',
};
const ASIAN_NAMES: Record<string, { first: string[]; last: string[] }> = {
  KR: {
    first: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Hye-jin', 'Dong-hyun', 'Soo-ah', 'Jae-won', 'Eun-ji'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han'],
  },
  TW: {
    first: ['Yi-chen', 'Chia-hao', 'Mei-ling', 'Wei-lun', 'Shu-fen', 'Po-han', 'Hsin-yi', 'Tsung-wei'],
    last: ['Chen', 'Lin', 'Huang', 'Chang', 'Wang', 'Liu', 'Tsai', 'Yang'],
  },
};

/** The seed's past events and who took part: [country, count, kind] groups, and the share who came. */
const PAST: { slug: string; groups: [string, number, OrganisationKind][]; attended: number }[] = [
  {
    // 19 European clusters from 14 countries and 14 Korean organisations.
    slug: 'eu-korea-cluster-matchmaking-vienna-2018',
    groups: [
      ['AT', 4, 'cluster_organisation'],
      ['DE', 2, 'cluster_organisation'],
      ['FR', 2, 'cluster_organisation'],
      ...(['ES', 'IT', 'PL', 'CZ', 'SK', 'HU', 'SI', 'BE', 'NL', 'FI', 'PT'] as const).map(
        (c) => [c, 1, 'cluster_organisation'] as [string, number, OrganisationKind],
      ),
      ['KR', 6, 'cluster_organisation'],
      ['KR', 4, 'sme'],
      ['KR', 2, 'research'],
      ['KR', 2, 'public_body'],
    ],
    attended: 0.94,
  },
  {
    // 65 cluster organisations.
    slug: 'eu-western-balkans-cluster-matchmaking-zagreb-2018',
    groups: (
      [
        ['HR', 14],
        ['RS', 8],
        ['SI', 6],
        ['BA', 6],
        ['AT', 5],
        ['MK', 4],
        ['DE', 4],
        ['IT', 4],
        ['ME', 3],
        ['AL', 3],
        ['HU', 3],
        ['BG', 3],
        ['XK', 2],
      ] as const
    ).map(([c, n]) => [c, n, 'cluster_organisation'] as [string, number, OrganisationKind]),
    attended: 0.92,
  },
  {
    // 23 European and 12 Taiwanese clusters.
    slug: 'eu-taiwan-cluster-matchmaking-lyon-2019',
    groups: [
      ...(
        [
          ['FR', 6],
          ['DE', 3],
          ['IT', 2],
          ['ES', 2],
          ['BE', 1],
          ['NL', 1],
          ['PL', 1],
          ['CZ', 1],
          ['SE', 1],
          ['FI', 1],
          ['DK', 1],
          ['AT', 1],
          ['PT', 1],
          ['SI', 1],
        ] as const
      ).map(([c, n]) => [c, n, 'cluster_organisation'] as [string, number, OrganisationKind]),
      ['TW', 12, 'cluster_organisation'],
    ],
    attended: 0.91,
  },
  {
    // More than 100 registered from 30 countries.
    slug: 'eccp-expert-talk-cluster-marketing-and-branding',
    groups: webinarGroups(),
    attended: 0.64,
  },
];

/** 112 people from 30 countries, of every kind of organisation, most of them cluster managers. */
function webinarGroups(): [string, number, OrganisationKind][] {
  const countries = [
    ['ES', 9],
    ['IT', 9],
    ['FR', 8],
    ['DE', 7],
    ['PL', 6],
    ['PT', 5],
    ['RO', 5],
    ['BE', 5],
    ['GR', 4],
    ['BG', 4],
    ['HU', 4],
    ['AT', 4],
    ['NL', 4],
    ['SE', 3],
    ['FI', 3],
    ['CZ', 3],
    ['SK', 3],
    ['SI', 3],
    ['HR', 3],
    ['IE', 2],
    ['DK', 2],
    ['LT', 2],
    ['LV', 2],
    ['EE', 2],
    ['RS', 2],
    ['NO', 2],
    ['TR', 1],
    ['UA', 1],
    ['MK', 1],
    ['CY', 1],
  ] as const;
  const kinds: OrganisationKind[] = [
    'cluster_organisation',
    'cluster_organisation',
    'sme',
    'research',
    'public_body',
    'other',
  ];
  return countries.map(([c, n], i) => [c, n, kinds[i % kinds.length]!]);
}

const QUESTIONS: { kind: QuestionKind; label: string; required: boolean; options: string[] }[] = [
  {
    kind: 'single',
    label: 'Which afternoon workshop will you join?',
    required: true,
    options: ['Digital transition', 'Green transition', 'Skills and talent'],
  },
  {
    kind: 'multiple',
    label: 'Topics you would like to discuss in B2B meetings',
    required: false,
    options: ['Internationalisation', 'Funding', 'Technology transfer', 'Value chains'],
  },
  { kind: 'text', label: 'Dietary requirements or access needs', required: false, options: [] },
  {
    kind: 'checkbox',
    label: 'My name and organisation may appear on the participant list',
    required: false,
    options: [],
  },
];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

function personOf(rnd: Random, country: string, n: number) {
  const asian = ASIAN_NAMES[country];
  const lang = NAME_LANG[country] ?? 'en';
  const first = asian ? rnd.pick(asian.first) : rnd.pick(FIRST_NAMES[lang]);
  const last = asian ? rnd.pick(asian.last) : rnd.pick(LAST_NAMES[lang]);
  return { name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}.${n}@example.org` };
}

const KIND_LABEL: Record<OrganisationKind, string> = {
  cluster_organisation: 'Cluster',
  sme: 'Technologies',
  large_company: 'Industries',
  research: 'Institute of Technology',
  public_body: 'Development Agency',
  other: 'Association',
};

async function pastEvent(trx: Kysely<DB>, rnd: Random, event: Event, past: (typeof PAST)[number]) {
  await repo.insertSettingsRow(trx, {
    event_id: event.id,
    enabled: true,
    capacity: null,
    opens_at: new Date(event.starts_at.getTime() - 60 * DAY),
    closes_at: new Date(event.starts_at.getTime() - DAY),
    visitors_allowed: false,
  });
  const rows: NewRegistration[] = [];
  let n = 0;
  for (const [country, count, kind] of past.groups) {
    const clusters = kind === 'cluster_organisation' ? await repo.clusterNamesIn(trx, country, count) : [];
    for (let i = 0; i < count; i++) {
      n += 1;
      const person = personOf(rnd, country, n);
      const created = new Date(event.starts_at.getTime() - rnd.int(2, 55) * DAY - rnd.int(0, 86_000) * 1000);
      rows.push({
        event_id: event.id,
        user_id: null,
        ...person,
        organisation_name: clusters[i] ?? `${countryName(country, 'en')} ${KIND_LABEL[kind]} ${i + 1}`,
        country,
        organisation_kind: kind,
        answers: {},
        status: 'confirmed',
        source: 'demo',
        lang: 'en',
        checked_in_at: rnd.chance(past.attended)
          ? new Date(event.starts_at.getTime() + rnd.int(0, 3600) * 1000)
          : null,
        created_at: created,
        updated_at: created,
      });
    }
  }
  rows.sort((a, b) => (a.created_at as Date).getTime() - (b.created_at as Date).getTime());
  return repo.insertRegistrationRows(trx, rows);
}

const COUNTRIES = [
  'DE',
  'FR',
  'IT',
  'ES',
  'PL',
  'BE',
  'NL',
  'AT',
  'PT',
  'SE',
  'FI',
  'CZ',
  'RO',
  'GR',
  'HU',
  'DK',
  'IE',
  'SI',
];
const KINDS: OrganisationKind[] = [
  'cluster_organisation',
  'cluster_organisation',
  'sme',
  'sme',
  'large_company',
  'research',
  'public_body',
  'other',
];

function answersFor(rnd: Random, questions: { id: string; kind: QuestionKind; options: string[] }[]) {
  const out: Record<string, Answer> = {};
  for (const q of questions) {
    if (q.kind === 'single') out[q.id] = rnd.pick(q.options);
    else if (q.kind === 'multiple') out[q.id] = rnd.sample(q.options, rnd.int(1, 2));
    else if (q.kind === 'checkbox') out[q.id] = rnd.chance(0.8);
    else if (rnd.chance(0.2))
      out[q.id] = rnd.pick(['Vegetarian', 'No gluten, please', 'Step-free access', 'Vegan']);
  }
  return out;
}

async function upcomingEvent(trx: Kysely<DB>, rnd: Random, ctx: DemoContext, event: Event, index: number) {
  const full = FULL.get(index);
  const capacity = full ?? rnd.pick([60, 80, 100, 150, null] as const);
  const opensAt = new Date(ctx.today.getTime() - 21 * DAY);
  const closesAt = new Date(Math.max(event.starts_at.getTime() - DAY, ctx.today.getTime() + DAY));
  await repo.insertSettingsRow(trx, {
    event_id: event.id,
    enabled: true,
    capacity,
    opens_at: opensAt,
    closes_at: closesAt,
    visitors_allowed: VISITORS.has(index) || event.type === 'webinar',
  });
  const questions = WITH_QUESTIONS.has(index) ? await repo.insertQuestionRows(trx, event.id, QUESTIONS) : [];
  const count = full
    ? full + rnd.int(6, 12)
    : capacity
      ? Math.round(capacity * (0.2 + 0.4 * rnd.next()))
      : rnd.int(15, 40);
  const rows: NewRegistration[] = [];
  const members = [...ctx.users.entries()];
  const member = members.find(([email]) => email.startsWith('member@'))?.[1];
  for (let i = 0; i < count; i++) {
    const country = rnd.pick(COUNTRIES);
    const person = personOf(rnd, country, i + 1);
    const created = new Date(
      opensAt.getTime() + ((i + 1) / (count + 1)) * (ctx.today.getTime() - opensAt.getTime()),
    );
    rows.push({
      event_id: event.id,
      user_id: null,
      ...person,
      organisation_name: `${countryName(country, 'en')} ${KIND_LABEL[rnd.pick(KINDS)]} ${i + 1}`,
      country,
      organisation_kind: rnd.pick(KINDS),
      answers: answersFor(rnd, questions),
      status: capacity !== null && i >= capacity ? 'waitlisted' : 'confirmed',
      source: 'demo',
      lang: 'en',
      created_at: created,
      updated_at: created,
    });
  }
  // The demo member: registered for the second event, waiting for a seat at the first.
  if (member && (index === 0 || index === 1)) {
    rows.push({
      event_id: event.id,
      user_id: member.id,
      name: 'Mia Member',
      email: 'member@demo.clusterhub.test',
      organisation_name: '',
      country: 'BE',
      organisation_kind: 'cluster_organisation',
      answers: answersFor(rnd, questions),
      status: index === 0 ? 'waitlisted' : 'confirmed',
      source: 'demo',
      lang: 'en',
      created_at: ctx.today,
      updated_at: ctx.today,
    });
  }
  return repo.insertRegistrationRows(trx, rows);
}

export const registrationsPart: DemoPart = {
  name: 'registrations',
  present: (db) => repo.anyDemoRegistration(db),
  async seed(trx, ctx) {
    const rnd = new Random(ctx.seed + 14);
    let created = 0;
    for (const past of PAST) {
      const event = await findEventBySlug(trx, past.slug);
      // The demo may not have this event (the events part decides): then it has no report.
      if (!event) continue;
      created += await pastEvent(trx, rnd, event, past);
    }
    const upcoming = await repo.upcomingEvents(trx, ctx.today, UPCOMING);
    for (const [index, event] of upcoming.entries())
      created += await upcomingEvent(trx, rnd, ctx, event, index);
    return created;
  },
  analyze: ['registrations', 'registration_settings', 'registration_questions'],
};
