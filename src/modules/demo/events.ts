import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { EventFormat, EventType, Link } from '../../platform/db/schema-events.ts';
import { findEventBySlug, insertCampaign, insertEvent, publishedOrganisers } from '../events/repository.ts';
import { slugify } from '../organisations/slug.ts';
import { organisationsOfUser } from '../teams/repository.ts';
import {
  type DemoEvent,
  EventGenerator,
  type EventOrganiser,
  eventColumns,
  localTime,
} from './data/event-data.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';

/**
 * The demo's events and campaigns: the events of the seed newsletter (April 2019) as past events
 * with their real dates, places and figures, the EU Cluster Weeks 2018-2019 campaign with its 35
 * events, and a year of upcoming events relative to the seeding day with a current campaign, a few
 * events waiting for review and one returned. Registrations, calls for ideas and awards of these
 * events are other parts' content (they find the events by the slugs below).
 */

export const ECC_2019 = 'european-cluster-conference-2019';
export const ECC_2019_MATCHMAKING = 'eu-cluster-matchmaking-bucharest-2019';
export const BULGARIAN_CONFERENCE_2019 = 'bulgarian-national-cluster-conference-2019';
export const GO_CLUSTER_CONFERENCE_2019 = 'go-cluster-annual-conference-2019';
export const ICT_MISSION_2019 = 'eu-ict-mission-singapore-thailand-2019';
export const CLUSTER_WEEKS_ANCHOR_2019 = 'eu-cluster-weeks-main-anchor-event-hannover-2019';
export const EU_KOREA_VIENNA_2018 = 'eu-korea-cluster-matchmaking-vienna-2018';
export const EU_WESTERN_BALKANS_ZAGREB_2018 = 'eu-western-balkans-cluster-matchmaking-zagreb-2018';
export const EU_TAIWAN_LYON_2019 = 'eu-taiwan-cluster-matchmaking-lyon-2019';
export const EU_SOUTH_MED_CASABLANCA_2019 = 'eu-south-med-cluster-matchmaking-casablanca-2019';
export const EU_CANADA_TORONTO_2019 = 'eu-canada-cluster-matchmaking-toronto-2019';
export const EXPERT_TALK_BRANDING_2018 = 'eccp-expert-talk-cluster-marketing-and-branding';
export const CLUSTER_WEEKS_2018_2019 = 'eu-cluster-weeks-2018-2019';

/** How many events the demo holds besides the seed's own: upcoming, recent, and in 2018-2019. */
export const DEMO_UPCOMING_EVENTS = 84;
export const DEMO_RECENT_EVENTS = 8;
export const DEMO_CAMPAIGN_2019_EVENTS = 35;
/** Events of the manager's team waiting for review; one more was returned. */
export const DEMO_EVENTS_IN_REVIEW = 3;

const DAY = 86_400_000;

/** One of the seed newsletter's events. Times are wall-clock times in `zone`. */
interface SeedEvent {
  slug: string;
  title: string;
  type: EventType;
  format: EventFormat;
  start: [string, string];
  end: [string, string];
  zone: string;
  venue: string | null;
  city: string | null;
  country: string | null;
  ecosystems: string[];
  audience: string;
  description: string;
  links?: Link[];
  recording?: string;
  report?: string;
  /** Part of EU Cluster Weeks 2018-2019, an anchor event of it. */
  campaign?: 'anchor' | 'member';
  /** Where its organiser comes from in the demo directory. */
  organiserCountry: string;
}

const SITE = 'https://eccp.example';

const SEED_EVENTS: SeedEvent[] = [
  {
    slug: ECC_2019,
    title: 'European Cluster Conference 2019 — Connecting ecosystems. Bridge. Inspire. Change',
    type: 'conference',
    format: 'onsite',
    start: ['2019-05-14', '14:00'],
    end: ['2019-05-16', '13:00'],
    zone: 'Europe/Bucharest',
    venue: 'Palace of Parliament',
    city: 'Bucharest',
    country: 'RO',
    ecosystems: ['digital', 'mobility-transport-automotive', 'energy-renewables', 'agri-food', 'health'],
    audience:
      'Regional, national and EU policy makers, cluster organisations, other SME intermediaries and business network organisations: about 400 participants.',
    description: [
      'The European Commission (DG GROW) and the Romanian Presidency of the Council of the European Union invite the cluster community to Bucharest for three days under the motto **"Connecting ecosystems. Bridge. Inspire. Change"**.',
      'Around 400 participants are expected at the Palace of Parliament: policy makers from the regions, the Member States and the EU, cluster managers, other intermediaries that support SMEs, and business networks.',
      '- **Awards of the Year**: cluster managers and European cluster partnerships (ESCP-4i, ESCP-S3, INNOSUP) can apply to have their work recognised at European level.\n- **Call for ideas**: for the first time, participants shape the agenda by proposing the topics to be discussed.\n- **EU cluster matchmaking**: a large matchmaking session on the morning of 14 May, before the opening.',
      'The conference also hears what the events of the EU Cluster Weeks 2018-2019 learned about the challenges of clusters.',
    ].join('\n\n'),
    links: [
      { label: 'Programme', url: `${SITE}/ecc-2019/programme` },
      { label: 'Practical information', url: `${SITE}/ecc-2019/venue` },
    ],
    organiserCountry: 'RO',
  },
  {
    slug: ECC_2019_MATCHMAKING,
    title: 'EU Cluster Matchmaking Event at the European Cluster Conference 2019',
    type: 'matchmaking',
    format: 'onsite',
    start: ['2019-05-14', '09:00'],
    end: ['2019-05-14', '13:00'],
    zone: 'Europe/Bucharest',
    venue: 'Palace of Parliament',
    city: 'Bucharest',
    country: 'RO',
    ecosystems: ['digital', 'mobility-transport-automotive', 'energy-renewables', 'agri-food', 'health'],
    audience: 'Cluster organisations and their SMEs taking part in the European Cluster Conference 2019.',
    description: [
      'On the morning before the European Cluster Conference opens, clusters meet in pre-arranged one-to-one meetings to find partners for joint projects, internationalisation and value chains across Europe.',
      'Run with the European Cluster Collaboration Platform and the Enterprise Europe Network. Registration is separate from the conference.',
    ].join('\n\n'),
    organiserCountry: 'RO',
  },
  {
    slug: BULGARIAN_CONFERENCE_2019,
    title: 'Bulgarian National Cluster Conference 2019',
    type: 'conference',
    format: 'onsite',
    start: ['2019-03-26', '09:30'],
    end: ['2019-03-27', '17:00'],
    zone: 'Europe/Sofia',
    venue: 'Sofia Tech Park',
    city: 'Sofia',
    country: 'BG',
    ecosystems: ['digital', 'agri-food', 'tourism'],
    audience:
      'Bulgarian cluster organisations, their members and the ministries and agencies that support them.',
    description: [
      "Bulgaria's clusters meet for two days to review national cluster policy, share what works in cluster management and prepare the next programming period.",
      'An anchor event of the EU Cluster Weeks 2018-2019.',
    ].join('\n\n'),
    campaign: 'anchor',
    organiserCountry: 'BG',
  },
  {
    slug: GO_CLUSTER_CONFERENCE_2019,
    title: 'Annual Conference of the German "go-cluster" Programme 2019',
    type: 'conference',
    format: 'onsite',
    start: ['2019-04-11', '09:30'],
    end: ['2019-04-11', '17:30'],
    zone: 'Europe/Berlin',
    venue: 'Umweltforum Auferstehungskirche',
    city: 'Berlin',
    country: 'DE',
    ecosystems: ['digital', 'mobility-transport-automotive', 'health', 'energy-renewables'],
    audience: 'Managers of the clusters in the go-cluster programme, federal and regional policy makers.',
    description: [
      "The yearly meeting of the innovation clusters in the Federal Ministry for Economic Affairs and Energy's **go-cluster** programme: good practice in cluster management, new services for members and the European dimension of cluster work.",
      'An anchor event of the EU Cluster Weeks 2018-2019.',
    ].join('\n\n'),
    campaign: 'anchor',
    organiserCountry: 'DE',
  },
  {
    slug: ICT_MISSION_2019,
    title: 'EU-funded ICT mission to Singapore & Thailand',
    type: 'mission',
    format: 'onsite',
    start: ['2019-06-17', '09:00'],
    end: ['2019-06-22', '18:00'],
    zone: 'Asia/Singapore',
    venue: null,
    city: 'Singapore',
    country: 'SG',
    ecosystems: ['digital'],
    audience: 'European ICT SMEs and the cluster organisations that support their internationalisation.',
    description: [
      'A six-day business mission for European ICT companies: first Singapore, then Bangkok. Company visits, meetings with local industry associations and public agencies, and pre-arranged B2B meetings.',
      'Travel and accommodation of selected SMEs are partly covered by EU funding.',
    ].join('\n\n'),
    organiserCountry: 'DE',
  },
  {
    slug: CLUSTER_WEEKS_ANCHOR_2019,
    title: 'EU Cluster Weeks main anchor event at the Hannover Messe',
    type: 'campaign_event',
    format: 'onsite',
    start: ['2019-04-01', '10:00'],
    end: ['2019-04-02', '16:00'],
    zone: 'Europe/Berlin',
    venue: 'Hannover Messe, Convention Center',
    city: 'Hannover',
    country: 'DE',
    ecosystems: ['digital', 'mobility-transport-automotive', 'energy-intensive', 'electronics'],
    audience: 'European cluster organisations interested in Canada, policy makers, Canadian superclusters.',
    description: [
      'The main anchor event of the EU Cluster Weeks: a high-level meeting during the Hannover fair, organised by the European Commission (DG GROW) with the German Federal Ministry for Economic Affairs and Energy (BMWi).',
      "Its theme is internationalisation, above all with Canada and its **Innovation Superclusters Initiative**, in close cooperation with Canada's ministry of Innovation, Science and Economic Development (ISED). European clusters joined through a call for expression of interest.",
    ].join('\n\n'),
    campaign: 'anchor',
    organiserCountry: 'DE',
  },
  {
    slug: EU_KOREA_VIENNA_2018,
    title: 'EU-Korea Cluster Matchmaking Event at the European Utility Week',
    type: 'matchmaking',
    format: 'onsite',
    start: ['2018-11-07', '09:00'],
    end: ['2018-11-08', '17:00'],
    zone: 'Europe/Vienna',
    venue: 'Messe Wien',
    city: 'Vienna',
    country: 'AT',
    ecosystems: ['energy-renewables', 'digital'],
    audience:
      'European and Korean clusters in energy and utilities, and European clusters looking for partners in Europe.',
    description:
      'During the European Utility Week, a delegation of Korean clusters meets European clusters in one-to-one meetings, with time for matchmaking among the European clusters too.',
    report: [
      'A delegation of **19 clusters from 14 European and COSME countries** (among them Austria, Belgium, Croatia, Denmark, Finland, France, Lithuania, Poland, Romania, Serbia, Spain, Ukraine and the United Kingdom) met **14 organisations from Korea**.',
      'The meetings opened several cooperation talks between European and Korean energy clusters.',
    ].join('\n\n'),
    organiserCountry: 'AT',
  },
  {
    slug: EU_WESTERN_BALKANS_ZAGREB_2018,
    title: 'EU-Western Balkans Cluster Policy Learning and Matchmaking Event 2018',
    type: 'matchmaking',
    format: 'onsite',
    start: ['2018-11-22', '09:00'],
    end: ['2018-11-23', '16:00'],
    zone: 'Europe/Zagreb',
    venue: 'Zagreb Innovation Centre',
    city: 'Zagreb',
    country: 'HR',
    ecosystems: ['digital', 'agri-food', 'energy-intensive'],
    audience: 'Cluster policy makers and cluster organisations of the Western Balkans and the EU.',
    description: [
      'Organised by the European Commission (DG GROW) as part of its stronger engagement with the Western Balkans, facilitated by PwC with the European Cluster Collaboration Platform and hosted by the Zagreb Innovation Centre.',
      'Day one is a policy learning session; day two is matchmaking between clusters.',
    ].join('\n\n'),
    report: [
      'The policy learning session brought together **10 policy makers** from Serbia, Kosovo and North Macedonia with their counterparts from Austria, Croatia and Sweden.',
      '**65 cluster organisations** from the Western Balkans, the EU, Ukraine and Turkey took part in the matchmaking. Together they represent **more than 4,000 SMEs**.',
    ].join('\n\n'),
    organiserCountry: 'HR',
  },
  {
    slug: EU_TAIWAN_LYON_2019,
    title: 'EU-Taiwan Cluster Matchmaking Event 2019 at Global Industries',
    type: 'matchmaking',
    format: 'onsite',
    start: ['2019-03-06', '09:00'],
    end: ['2019-03-08', '17:00'],
    zone: 'Europe/Paris',
    venue: 'Eurexpo Lyon',
    city: 'Lyon',
    country: 'FR',
    ecosystems: ['digital', 'electronics', 'mobility-transport-automotive'],
    audience: 'European and Taiwanese clusters in manufacturing and industrial technologies.',
    description:
      'The European Cluster Collaboration Platform brings European and Taiwanese clusters together during the Global Industries trade show in Lyon.',
    report:
      '**23 European clusters** met **12 Taiwanese clusters** from a range of focus areas, from smart machinery to electronics.',
    organiserCountry: 'FR',
  },
  {
    slug: EU_SOUTH_MED_CASABLANCA_2019,
    title: 'EU-South MED Cluster Matchmaking Event & Tech Days',
    type: 'matchmaking',
    format: 'onsite',
    start: ['2019-04-09', '09:00'],
    end: ['2019-04-11', '17:00'],
    zone: 'Africa/Casablanca',
    venue: 'Logismed 2019 fair',
    city: 'Casablanca',
    country: 'MA',
    ecosystems: ['mobility-transport-automotive', 'agri-food', 'digital'],
    audience:
      'EU clusters seeking partners in Algeria, Morocco, Tunisia, Egypt, Jordan, Lebanon and Palestine.',
    description: [
      'The European Cluster Collaboration Platform, with THE NEXT SOCIETY and the Logismed 2019 fair, opens South-Mediterranean markets to EU clusters through close cooperation with organisations based there.',
      'Three days of matchmaking and technology days during the fair.',
    ].join('\n\n'),
    report:
      'EU clusters met organisations from across the South-Mediterranean countries during the Logismed fair; the technology days presented logistics and industrial solutions from both shores.',
    organiserCountry: 'MA',
  },
  {
    slug: EU_CANADA_TORONTO_2019,
    title: 'EU-Canada Cluster Matchmaking Event 2019',
    type: 'matchmaking',
    format: 'onsite',
    start: ['2019-06-05', '09:00'],
    end: ['2019-06-07', '17:00'],
    zone: 'America/Toronto',
    venue: 'Metro Toronto Convention Centre',
    city: 'Toronto',
    country: 'CA',
    ecosystems: ['digital', 'health', 'agri-food', 'mobility-transport-automotive'],
    audience: 'European clusters and Canadian superclusters and industry associations.',
    description:
      'Following the EU Cluster Weeks anchor event in Hannover, European clusters travel to Toronto to meet Canadian clusters and the Innovation Superclusters in one-to-one meetings.',
    report:
      'European clusters and Canadian partners met in one-to-one meetings in Toronto, continuing the cooperation begun at the Hannover anchor event.',
    organiserCountry: 'CA',
  },
  {
    slug: EXPERT_TALK_BRANDING_2018,
    title: 'ECCP Expert Talk: Cluster Marketing and Branding',
    type: 'webinar',
    format: 'online',
    start: ['2018-09-13', '14:00'],
    end: ['2018-09-13', '15:30'],
    zone: 'Europe/Brussels',
    venue: null,
    city: null,
    country: null,
    ecosystems: ['cultural-creative', 'digital'],
    audience: 'Cluster managers and communication officers of cluster organisations.',
    description:
      'The second ECCP Expert Talk webinar: how a cluster builds a brand that members, partners and funders recognise, and how it markets its services.',
    recording: 'https://video.example/eccp-expert-talk-cluster-marketing-and-branding',
    report:
      'The cluster community answered in force: **more than 100 people from 30 countries** registered. The summary and the recording are online.',
    organiserCountry: 'BE',
  },
];

/** The events the part writes (besides its two campaigns): the seed's, the 2018-2019 campaign's, the demo year's. */
export const DEMO_EVENT_ROWS =
  SEED_EVENTS.length +
  DEMO_CAMPAIGN_2019_EVENTS -
  SEED_EVENTS.filter((e) => e.campaign).length +
  DEMO_RECENT_EVENTS +
  DEMO_UPCOMING_EVENTS +
  DEMO_EVENTS_IN_REVIEW +
  1;

/** Countries of the EU Cluster Weeks 2018-2019 events besides Germany and Bulgaria (18 in all). */
const CAMPAIGN_2019_COUNTRIES = [
  'FR',
  'ES',
  'IT',
  'PL',
  'RO',
  'AT',
  'BE',
  'NL',
  'SE',
  'PT',
  'CZ',
  'HR',
  'SI',
  'GR',
  'HU',
  'FI',
];
const CAMPAIGN_TYPES: [EventType, number][] = [
  ['campaign_event', 10],
  ['conference', 4],
  ['workshop', 3],
  ['info_day', 2],
  ['matchmaking', 2],
];

const CLUSTER_WEEKS_TOOLKIT = (year: string): Link[] => [
  {
    label: 'Communication toolkit (logos, banners, social media kit)',
    url: `${SITE}/eu-cluster-weeks/${year}/toolkit`,
  },
  { label: 'How to register your event', url: `${SITE}/eu-cluster-weeks/${year}/register-your-event` },
  { label: 'Guidance for anchor events', url: `${SITE}/eu-cluster-weeks/${year}/anchor-events` },
];

function clusterWeeksDescription(lines: string[]): string {
  return [
    'The **EU Cluster Weeks** bring more Europeans to cluster events and show what clusters do for the growth of SMEs, industrial transformation and regional development.',
    'Cluster organisations, networks and public authorities register their events into the campaign; the events with a strong national or multi-national impact are its **anchor events**. What the events learn about the challenges and needs of clusters feeds into the next generation of regional, national and EU cluster initiatives.',
    ...lines,
  ].join('\n\n');
}

/** An organiser of the wanted country (and ecosystem when one has it), the same for the same draw. */
function organiserIn(
  rng: Random,
  organisers: readonly EventOrganiser[],
  country: string,
  ecosystem?: string,
) {
  const inCountry = organisers.filter((o) => o.country === country);
  const fitting = inCountry.filter((o) => ecosystem && o.ecosystems.includes(ecosystem));
  return rng.pick(fitting.length ? fitting : inCountry.length ? inCountry : organisers);
}

async function writeEvents(
  trx: Kysely<DB>,
  events: readonly DemoEvent[],
  campaignId: string | null,
  publishedAt: (e: DemoEvent, i: number) => Date,
) {
  for (const [i, e] of events.entries()) {
    const at = publishedAt(e, i);
    await insertEvent(
      trx,
      eventColumns(e, { now: at, campaign_id: e.inCampaign ? campaignId : null }),
      e.organiserIds,
    );
  }
}

/** "EU Cluster Weeks 2026" or, across a new year, "EU Cluster Weeks 2026-2027". */
function clusterWeeksTitle(from: Date, to: Date) {
  const a = from.getUTCFullYear();
  const b = to.getUTCFullYear();
  return `EU Cluster Weeks ${a === b ? a : `${a}-${b}`}`;
}

/** The current campaign's window: from five weeks before the seeding day to three months after. */
export function currentCampaignWindow(today: Date) {
  return { from: new Date(today.getTime() - 35 * DAY), to: new Date(today.getTime() + 95 * DAY) };
}

async function seedEvents(trx: Kysely<DB>, ctx: DemoContext): Promise<number> {
  const rng = new Random(ctx.seed + 14);
  const organisers = (await publishedOrganisers(trx)).map((o) => ({ ...o, city: o.city ?? null }));
  const editor = ctx.users.get('editor@demo.clusterhub.test')!;
  const manager = ctx.users.get('manager@demo.clusterhub.test')!;
  const generator = new EventGenerator(
    ctx.seed,
    SEED_EVENTS.map((e) => e.slug),
  );
  let rows = 0;

  // EU Cluster Weeks 2018-2019: the editor's campaign of 35 events, 8 of them anchors.
  const past = await insertCampaign(trx, {
    slug: CLUSTER_WEEKS_2018_2019,
    title: 'EU Cluster Weeks 2018-2019',
    starts_on: '2018-10-01',
    ends_on: '2019-05-16',
    description: clusterWeeksDescription([
      'This first edition, launched by the European Commission, runs until the **European Cluster Conference 2019** in Bucharest (14-16 May 2019), where its results are reported. Its main anchor event takes place at the Hannover fair on 1-2 April 2019.',
    ]),
    toolkit: CLUSTER_WEEKS_TOOLKIT('2018-2019'),
    created_by: editor.id,
    created_at: new Date('2018-09-20T09:00:00Z'),
    updated_at: new Date('2019-04-01T09:00:00Z'),
  });

  // The newsletter's own events.
  for (const e of SEED_EVENTS) {
    const startsAt = localTime(e.start[0], e.start[1], e.zone);
    const at = new Date(startsAt.getTime() - 60 * DAY);
    const organiser = organiserIn(rng, organisers, e.organiserCountry, e.ecosystems[0]);
    await insertEvent(
      trx,
      {
        slug: e.slug,
        title: e.title,
        type: e.type,
        format: e.format,
        status: 'published',
        starts_at: startsAt,
        ends_at: localTime(e.end[0], e.end[1], e.zone),
        time_zone: e.zone,
        venue: e.venue,
        city: e.city,
        country: e.country,
        website: `${SITE}/events/${e.slug}`,
        recording_url: e.recording ?? null,
        description: e.description,
        audience: e.audience,
        ecosystems: e.ecosystems,
        links: e.links ?? [],
        campaign_id: e.campaign ? past.id : null,
        anchor: e.campaign === 'anchor',
        report_summary: e.report ?? '',
        created_by: editor.id,
        created_at: at,
        updated_at: at,
        published_at: at,
      },
      [organiser.id],
    );
    rows += 1;
  }

  // The campaign's other 32 events, in 16 more countries; 5 more anchors.
  const window2019 = { from: new Date('2018-10-08T00:00:00Z'), to: new Date('2019-05-11T00:00:00Z') };
  const inCampaign2019 = SEED_EVENTS.filter((e) => e.campaign).length;
  const campaign2019 = generator.generate({
    count: DEMO_CAMPAIGN_2019_EVENTS - inCampaign2019,
    ...window2019,
    today: ctx.today,
    organisers,
    countries: CAMPAIGN_2019_COUNTRIES,
    types: CAMPAIGN_TYPES,
    online: false,
    campaign: { ...window2019, share: 1, anchors: 5, name: 'EU Cluster Weeks' },
  });
  await writeEvents(trx, campaign2019, past.id, (e) => new Date(e.startsAt.getTime() - 40 * DAY));
  rows += campaign2019.length;

  // The current EU Cluster Weeks, spanning the seeding day.
  const window = currentCampaignWindow(ctx.today);
  const title = clusterWeeksTitle(window.from, window.to);
  const current = await insertCampaign(trx, {
    slug: slugify(title),
    title,
    starts_on: window.from.toISOString().slice(0, 10),
    ends_on: window.to.toISOString().slice(0, 10),
    description: clusterWeeksDescription([
      'Organisations submit their events into the campaign on behalf of their cluster; once the editors have checked an event, it appears in the campaign’s list, map and counts.',
    ]),
    toolkit: CLUSTER_WEEKS_TOOLKIT(slugify(title).replace('eu-cluster-weeks-', '')),
    created_by: editor.id,
    created_at: new Date(window.from.getTime() - 30 * DAY),
    updated_at: new Date(window.from.getTime() - 30 * DAY),
  });
  const campaign = { ...window, share: 0.45, name: title };

  // Recent events (its first weeks) and a year of upcoming ones.
  const recent = generator.generate({
    count: DEMO_RECENT_EVENTS,
    from: window.from,
    to: new Date(ctx.today.getTime() - DAY),
    today: ctx.today,
    organisers,
    campaign: { ...campaign, anchors: 1 },
  });
  const upcoming = generator.generate({
    count: DEMO_UPCOMING_EVENTS,
    from: new Date(ctx.today.getTime() + DAY),
    to: new Date(ctx.today.getTime() + 365 * DAY),
    today: ctx.today,
    organisers,
    campaign: { ...campaign, anchors: 5 },
  });
  const announced = (e: DemoEvent, i: number) =>
    new Date(
      Math.min(e.startsAt.getTime() - 21 * DAY, ctx.today.getTime() - ((i * 7) % 90) * DAY - 3_600_000),
    );
  await writeEvents(trx, [...recent, ...upcoming], current.id, announced);
  rows += recent.length + upcoming.length;

  // The manager's team submitted a few events: three wait for review, one came back.
  const team = (await organisationsOfUser(trx, manager.id)).find((o) => o.status === 'published');
  const own = organisers.find((o) => o.id === team?.id);
  if (own) {
    const submitted = generator.generate({
      count: DEMO_EVENTS_IN_REVIEW + 1,
      from: new Date(ctx.today.getTime() + 20 * DAY),
      to: new Date(window.to.getTime() - DAY),
      today: ctx.today,
      organisers: [own],
      types: [
        ['workshop', 1],
        ['campaign_event', 1],
        ['info_day', 1],
        ['conference', 1],
      ],
      campaign: { ...campaign, share: 1, anchors: 0 },
    });
    for (const [i, e] of submitted.entries()) {
      const at = new Date(ctx.today.getTime() - (i + 1) * DAY);
      const returned = i === submitted.length - 1;
      await insertEvent(
        trx,
        eventColumns(e, {
          now: at,
          status: returned ? 'returned' : 'needs_review',
          return_reason: returned
            ? 'Please add the programme of the day and say whether taking part is free of charge for SMEs.'
            : null,
          campaign_id: e.inCampaign ? current.id : null,
          created_by: manager.id,
        }),
        e.organiserIds,
      );
    }
    rows += submitted.length;
  }
  return rows;
}

/**
 * Events and campaigns: the seed newsletter's events (2018-2019) and a year of upcoming events around
 * the seeding day, organised by the demo directory's organisations.
 */
export const eventsPart: DemoPart = {
  name: 'events',
  present: async (db) => (await findEventBySlug(db, ECC_2019)) !== undefined,
  seed: seedEvents,
  analyze: ['events', 'campaigns', 'event_organisers'],
};
