import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type MemberRole, PROGRAMMES, type Programme } from '../../platform/db/schema-partnerships.ts';
import {
  type AgreementRow,
  anyPartnership,
  demoEvents,
  demoOrganisations,
  insertPartnership,
  type NewsRow,
  replaceAgreements,
  replaceEvents,
  replaceMembers,
  replaceNews,
} from '../partnerships/repository.ts';
import { organisationsOfUser } from '../teams/repository.ts';
import { ECC_2019, EU_CANADA_TORONTO_2019, ICT_MISSION_2019 } from './events.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';

/**
 * The demo's partnerships: the seed newsletter's (April 2019) — the four ESCP-4i partnerships that
 * signed a memorandum to take 3,100 SMEs to the Chinese and US markets (EC2i, MobiGoIn-Action,
 * AdPack², NF4) and GEO-ENERGY EUROPE, whose partners signed a partnership agreement on 21 January
 * 2019 — and 20 more under every programme label, with members from the demo directory across
 * countries, agreements, news links and some of the demo's events. Two are drafts, one of them
 * coordinated by the manager's team (which also coordinates a published one).
 */

export const DEMO_PARTNERSHIPS = 25;
export const NF4_SLUG = 'nf4-new-frontiers-in-food-fast-forward';

const SITE = 'https://eccp.example';
const MARKETS = [
  'US',
  'CN',
  'JP',
  'KR',
  'CA',
  'BR',
  'IN',
  'SG',
  'MX',
  'ZA',
  'AU',
  'TW',
  'MA',
  'TR',
  'VN',
  'CL',
];

interface DemoPartnership {
  slug: string;
  name: string;
  acronym: string;
  programme: Programme;
  ecosystem: string;
  description: string;
  starts_on: string;
  ends_on: string | null;
  target_markets: string[];
  smes_reached: number | null;
  agreements: AgreementRow[];
  news: NewsRow[];
  events: string[];
  status?: 'draft' | 'published';
  members?: number;
}

const MOU_4I: AgreementRow = {
  kind: 'memorandum',
  title:
    'Memorandum of Understanding of four ESCP-4i partnerships: shared resources for the Chinese and US markets',
  signed_on: '2019-03-28',
  document_url: `${SITE}/documents/escp-4i-joint-mou.pdf`,
};
const NEWS_4I: NewsRow = {
  title:
    'Boosting the internationalisation of 3.100 European SMEs by four European Strategic Cluster Partnerships',
  url: `${SITE}/news/four-escp-4i-join-forces`,
  published_on: '2019-04-10',
};
const escp4i = (what: string) =>
  `A European Strategic Cluster Partnership for Going International (ESCP-4i): ${what}\n\nTogether with three other ESCP-4i partnerships it signed a memorandum to share resources, good practices and lessons learned, for 20 clusters and 3,100 SMEs.`;

const SEED: DemoPartnership[] = [
  {
    slug: 'ec2i-european-cleantech-internationalization-initiative',
    name: 'European Cleantech Internationalization Initiative',
    acronym: 'EC2i',
    programme: 'escp_4i',
    ecosystem: 'energy-renewables',
    description: escp4i('cleantech SMEs prepared for and taken to markets outside Europe.'),
    starts_on: '2017-01-01',
    ends_on: '2019-12-31',
    target_markets: ['CN', 'US'],
    smes_reached: 800,
    agreements: [MOU_4I],
    news: [NEWS_4I],
    events: [ECC_2019],
  },
  {
    slug: 'mobigoin-action-mobility-goes-international-in-action',
    name: 'Mobility Goes International-in Action',
    acronym: 'MobiGoIn-Action',
    programme: 'escp_4i',
    ecosystem: 'mobility-transport-automotive',
    description: escp4i('European smart mobility SMEs approaching the Chinese market.'),
    starts_on: '2017-01-01',
    ends_on: '2019-12-31',
    target_markets: ['CN', 'US'],
    smes_reached: 750,
    agreements: [
      MOU_4I,
      {
        kind: 'memorandum',
        title:
          'Memorandum of Understanding with the Tianjin Beichen Economic and Technological Development Zone',
        signed_on: '2019-02-20',
        document_url: null,
      },
    ],
    news: [
      NEWS_4I,
      {
        title: 'MobiGoIn-Action signed a Memorandum of Understanding with Tianjin Beichen',
        url: `${SITE}/news/mobigoin-tianjin-beichen`,
        published_on: '2019-03-05',
      },
    ],
    events: [ICT_MISSION_2019],
  },
  {
    slug: 'adpack2-advanced-smart-packaging',
    name: 'European Strategic Cluster Partnership for Advanced Smart Packaging',
    acronym: 'AdPack²',
    programme: 'escp_4i',
    ecosystem: 'retail',
    description: escp4i('smart packaging SMEs going international.'),
    starts_on: '2017-01-01',
    ends_on: '2019-12-31',
    target_markets: ['CN', 'US'],
    smes_reached: 700,
    agreements: [MOU_4I],
    news: [NEWS_4I],
    events: [],
  },
  {
    slug: NF4_SLUG,
    name: 'New Frontiers in Food - Fast Forward',
    acronym: 'NF4',
    programme: 'escp_4i',
    ecosystem: 'agri-food',
    description: escp4i(
      'food SMEs in a cohort taken to Canada, where a mission in October 2018 led to business deals and new partnerships under discussion.',
    ),
    starts_on: '2017-01-01',
    ends_on: '2019-12-31',
    target_markets: ['CA', 'CN', 'US'],
    smes_reached: 850,
    agreements: [
      MOU_4I,
      {
        kind: 'memorandum',
        title: 'Memorandum of Understanding with INAF, signed during the mission to Canada',
        signed_on: '2018-10-18',
        document_url: null,
      },
    ],
    news: [
      NEWS_4I,
      {
        title: 'NF4 Mission to Canada follow-up - promising partnerships ahead',
        url: `${SITE}/news/nf4-mission-to-canada`,
        published_on: '2019-01-15',
      },
    ],
    events: [EU_CANADA_TORONTO_2019],
  },
  {
    slug: 'geo-energy-europe',
    name: 'GEO-ENERGY EUROPE',
    acronym: 'GEE',
    programme: 'escp_4i',
    ecosystem: 'energy-renewables',
    description:
      'A metacluster exporting European geo-energy know-how and technologies to world markets. On 21 January 2019 the coordinator and six of its seven partners signed a partnership agreement to sustain it beyond the project (2018-2019).',
    starts_on: '2018-01-01',
    ends_on: '2019-12-31',
    target_markets: ['TR', 'MX', 'CL'],
    smes_reached: null,
    agreements: [
      {
        kind: 'agreement',
        title: 'Partnership Agreement establishing the GEO-ENERGY EUROPE metacluster',
        signed_on: '2019-01-21',
        document_url: `${SITE}/documents/geo-energy-europe-agreement.pdf`,
      },
    ],
    news: [
      {
        title: 'Partners sign agreement establishing the GEO-ENERGY EUROPE metacluster',
        url: `${SITE}/news/geo-energy-europe-metacluster`,
        published_on: '2019-02-01',
      },
    ],
    events: [],
    members: 8,
  },
];

/** Themes of the generated partnerships: an ecosystem, a name and its acronym. */
const THEMES: [string, string, string][] = [
  ['health', 'Digital Health Alliance', 'DHA'],
  ['digital', 'Artificial Intelligence for Manufacturing SMEs', 'AI4M'],
  ['textiles', 'Circular Textiles Partnership', 'CiTex'],
  ['tourism', 'Smart Tourism Destinations', 'STD'],
  ['construction', 'Green Building Innovation Network', 'GBIN'],
  ['electronics', 'Photonics and Microelectronics Bridge', 'PhoMiB'],
  ['agri-food', 'Blue Bioeconomy Clusters', 'BlueBio'],
  ['energy-renewables', 'Hydrogen Valleys Cooperation', 'H2V'],
  ['mobility-transport-automotive', 'Electromobility Supply Chains', 'eMoSC'],
  ['cultural-creative', 'Creative Industries Go Global', 'CIGG'],
  ['health', 'Medical Devices Resilience Partnership', 'MedRes'],
  ['digital', 'Cybersecurity Clusters for SMEs', 'Cyber4SME'],
  ['energy-intensive', 'Low-Carbon Process Industries', 'LCPI'],
  ['retail', 'Sustainable Retail Logistics', 'SuReLog'],
  ['proximity-social-economy', 'Social Economy Clusters Network', 'SECN'],
  ['agri-food', 'Smart Farming Technologies Partnership', 'SmartFarm'],
  ['electronics', 'Semiconductor Skills Alliance', 'SemiSkills'],
  ['mobility-transport-automotive', 'Drones and Advanced Air Mobility', 'DAAM'],
  ['construction', 'Timber Construction Value Chain', 'TimberVC'],
  ['textiles', 'Technical Textiles for Health', 'TexHealth'],
];

function generated(rng: Random, now: Date): DemoPartnership[] {
  const year = now.getUTCFullYear();
  return THEMES.map(([ecosystem, name, acronym], i) => {
    const programme = i < 6 ? PROGRAMMES[i]! : rng.pick(PROGRAMMES);
    const startYear = year - rng.int(0, 6);
    const start = `${startYear}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    const ends = programme === 'voluntary' ? null : `${startYear + rng.int(2, 3)}-12-31`;
    const slug = `${acronym}-${name}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const agreements: AgreementRow[] = [];
    if (rng.chance(0.8))
      agreements.push({
        kind: 'agreement',
        title: `${acronym} consortium agreement`,
        signed_on: start,
        document_url: rng.chance(0.5) ? `${SITE}/documents/${slug}-consortium-agreement.pdf` : null,
      });
    if (rng.chance(0.4))
      agreements.push({
        kind: 'memorandum',
        title: `${acronym} memorandum of understanding with a partner organisation abroad`,
        signed_on: `${startYear + 1}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        document_url: null,
      });
    return {
      slug,
      name,
      acronym,
      programme,
      ecosystem,
      description: `${name} (${acronym}) brings clusters of several countries together so that their SMEs find partners, technologies and markets.\n\n- joint matchmaking and missions\n- shared services for SMEs\n- a common strategy for its target markets`,
      starts_on: start,
      ends_on: ends,
      target_markets: rng.sample(MARKETS, rng.int(1, 4)).sort(),
      smes_reached: rng.chance(0.85) ? Math.round(rng.logNormal(400, 0.6)) : null,
      agreements,
      news: rng.chance(0.6)
        ? [
            {
              title: `${acronym}: first results`,
              url: `${SITE}/news/${slug}-first-results`,
              published_on: `${startYear + 1}-06-15`,
            },
          ]
        : [],
      events: [],
      status: i === 7 || i === 15 ? 'draft' : 'published',
    };
  });
}

type Org = Awaited<ReturnType<typeof demoOrganisations>>[number];

/** Members from several countries, preferring organisations of the partnership's ecosystem. */
function pickMembers(rng: Random, orgs: readonly Org[], ecosystem: string, count: number, coordinator?: Org) {
  const fitting = orgs.filter((o) => o.ecosystems.includes(ecosystem));
  const pool = fitting.length >= count * 2 ? fitting : orgs;
  const chosen: Org[] = coordinator ? [coordinator] : [];
  const countries = new Set(chosen.map((o) => o.country));
  for (const o of rng.sample(pool, pool.length)) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => c.id === o.id)) continue;
    // Each member from a country not yet in, while there are at least three countries to reach.
    if (countries.has(o.country) && countries.size < 3) continue;
    chosen.push(o);
    countries.add(o.country);
  }
  return chosen;
}

async function seedPartnerships(trx: Kysely<DB>, ctx: DemoContext): Promise<number> {
  const rng = new Random(ctx.seed + 16);
  const orgs = await demoOrganisations(trx);
  if (orgs.length < 10) return 0;
  const events = await demoEvents(trx);
  const eventBySlug = new Map(events.map((e) => [e.slug, e.id]));
  const editor = ctx.users.get('editor@demo.clusterhub.test')!;
  const manager = ctx.users.get('manager@demo.clusterhub.test')!;
  const managed = (await organisationsOfUser(trx, manager.id)).find((o) => o.status === 'published');
  const managerOrg = orgs.find((o) => o.id === managed?.id);
  const all = [...SEED, ...generated(rng, ctx.now)];
  for (const [i, p] of all.entries()) {
    // The manager's team coordinates one published partnership and one draft.
    const coordinator = managerOrg && (i === SEED.length || i === SEED.length + 7) ? managerOrg : undefined;
    const members = pickMembers(rng, orgs, p.ecosystem, p.members ?? rng.int(3, 8), coordinator);
    const row = await insertPartnership(trx, {
      slug: p.slug,
      name: p.name,
      acronym: p.acronym,
      programme: p.programme,
      description: p.description,
      starts_on: p.starts_on,
      ends_on: p.ends_on,
      website: `${SITE}/partnerships/${p.slug}`,
      target_markets: p.target_markets,
      smes_reached: p.smes_reached,
      status: p.status ?? 'published',
      created_by: coordinator ? manager.id : editor.id,
      published_at: p.status === 'draft' ? null : ctx.now,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await replaceMembers(
      trx,
      row.id,
      members.map((o, k) => ({
        organisation_id: o.id,
        role: (k === 0
          ? 'coordinator'
          : k < members.length - 1 || k < 3
            ? 'partner'
            : 'associated_partner') as MemberRole,
        joined_on: k < 3 ? p.starts_on : null,
      })),
    );
    await replaceAgreements(trx, row.id, p.agreements);
    await replaceNews(trx, row.id, p.news);
    const attached = p.events.flatMap((slug) => eventBySlug.get(slug) ?? []);
    // Some generated partnerships hold events of the demo's calendar too.
    if (!p.events.length && events.length && rng.chance(0.4))
      attached.push(...rng.sample(events, rng.int(1, 2)).map((e) => e.id));
    await replaceEvents(trx, row.id, [...new Set(attached)]);
  }
  return all.length;
}

export const partnershipsPart: DemoPart = {
  name: 'partnerships',
  present: anyPartnership,
  seed: seedPartnerships,
  analyze: [
    'partnerships',
    'partnership_members',
    'partnership_agreements',
    'partnership_events',
    'partnership_news',
  ],
};
