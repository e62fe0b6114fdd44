import { DateTime } from 'luxon';
import type { EventFormat, EventType, Link, NewEvent } from '../../../platform/db/schema-events.ts';
import { countryName, ECOSYSTEMS, termLabel } from '../../../platform/taxonomy/index.ts';
import { slugify } from '../../organisations/slug.ts';
import { type City, DEMO_PLACES } from './places.ts';
import { Random } from '../random.ts';
import { ECOSYSTEM_PROFILES, ECOSYSTEM_WEIGHTS } from './words.ts';

/**
 * Deterministic demo events for the demo seed, tests and benchmarks: realistic cluster events
 * (conferences, B2B matchmaking, webinars, missions, info days, workshops, campaign events) organised
 * by organisations of the directory, held in their cities with real IANA time zones, drawn from a
 * seeded PRNG, so the same options always give the same events. Websites use reserved example
 * domains only.
 */

/** An organisation of the directory that may organise events. */
export interface EventOrganiser {
  id: string;
  name: string;
  country: string;
  city: string | null;
  ecosystems: string[];
}

export interface DemoEvent {
  slug: string;
  title: string;
  type: EventType;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
  city: string | null;
  country: string | null;
  website: string | null;
  recordingUrl: string | null;
  description: string;
  audience: string;
  ecosystems: string[];
  links: Link[];
  /** Part of the campaign given to the generator (if any); `anchor`: one of its anchor events. */
  inCampaign: boolean;
  anchor: boolean;
  reportSummary: string;
  organiserIds: string[];
}

// ---------------------------------------------------------------------------------------------------
// Time zones: the zone of each country of the demo's places, and of the cities that differ.
// ---------------------------------------------------------------------------------------------------
const COUNTRY_ZONES: Record<string, string> = {
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  AT: 'Europe/Vienna',
  SE: 'Europe/Stockholm',
  PT: 'Europe/Lisbon',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki',
  IE: 'Europe/Dublin',
  RO: 'Europe/Bucharest',
  HU: 'Europe/Budapest',
  GR: 'Europe/Athens',
  BG: 'Europe/Sofia',
  SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana',
  HR: 'Europe/Zagreb',
  LT: 'Europe/Vilnius',
  LV: 'Europe/Riga',
  EE: 'Europe/Tallinn',
  LU: 'Europe/Luxembourg',
  CY: 'Asia/Nicosia',
  MT: 'Europe/Malta',
  NO: 'Europe/Oslo',
  CH: 'Europe/Zurich',
  IS: 'Atlantic/Reykjavik',
  GB: 'Europe/London',
  UA: 'Europe/Kyiv',
  RS: 'Europe/Belgrade',
  MK: 'Europe/Skopje',
  AL: 'Europe/Tirane',
  ME: 'Europe/Podgorica',
  BA: 'Europe/Sarajevo',
  MD: 'Europe/Chisinau',
  TR: 'Europe/Istanbul',
  KR: 'Asia/Seoul',
  TW: 'Asia/Taipei',
  JP: 'Asia/Tokyo',
  CA: 'America/Toronto',
  US: 'America/New_York',
  MA: 'Africa/Casablanca',
  TN: 'Africa/Tunis',
  IL: 'Asia/Jerusalem',
  BR: 'America/Sao_Paulo',
  IN: 'Asia/Kolkata',
  SG: 'Asia/Singapore',
  CL: 'America/Santiago',
  MX: 'America/Mexico_City',
  AR: 'America/Argentina/Buenos_Aires',
  ZA: 'Africa/Johannesburg',
  AU: 'Australia/Melbourne',
};
const CITY_ZONES: Record<string, string> = {
  'Las Palmas de Gran Canaria': 'Atlantic/Canary',
  Funchal: 'Atlantic/Madeira',
  'Ponta Delgada': 'Atlantic/Azores',
  Vancouver: 'America/Vancouver',
  Halifax: 'America/Halifax',
  Austin: 'America/Chicago',
  Chicago: 'America/Chicago',
  'San Diego': 'America/Los_Angeles',
  Seattle: 'America/Los_Angeles',
  Monterrey: 'America/Monterrey',
  Adelaide: 'Australia/Adelaide',
};

/** The IANA zone an event in this country and city is held in. */
export function zoneOf(country: string, city: string | null): string {
  return (city && CITY_ZONES[city]) || COUNTRY_ZONES[country] || 'Europe/Brussels';
}

/** The instant of a wall-clock time in a zone: `localTime('2019-05-14', '09:00', 'Europe/Bucharest')`. */
export function localTime(day: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${day}T${time}`, { zone }).toJSDate();
}

// ---------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------
/** Short English names of the ecosystems' fields, as event titles use them. */
const FIELD: Record<string, string[]> = {
  'aerospace-defence': ['Aerospace', 'Space', 'Aeronautics', 'Defence & Security'],
  'agri-food': ['Agri-Food', 'Food Innovation', 'AgriTech', 'Alternative Proteins'],
  construction: ['Sustainable Construction', 'Smart Buildings', 'Timber Construction', 'Renovation'],
  'cultural-creative': ['Creative Industries', 'Games & Immersive Media', 'Design'],
  digital: ['Artificial Intelligence', 'Cybersecurity', 'Digital Innovation', 'Industrial IoT', 'Data'],
  electronics: ['Photonics', 'Microelectronics', 'Semiconductors', 'Sensors'],
  'energy-intensive': ['Green Chemistry', 'Circular Plastics', 'Low-Carbon Materials', 'Steel & Metals'],
  'energy-renewables': ['Hydrogen', 'Offshore Wind', 'Solar Energy', 'Energy Storage', 'Smart Grids'],
  health: ['MedTech', 'Digital Health', 'Biotech', 'Life Sciences'],
  'mobility-transport-automotive': ['Electromobility', 'Smart Logistics', 'Automotive', 'Maritime', 'Rail'],
  'proximity-social-economy': ['Social Economy', 'Social Innovation', 'Local Crafts'],
  retail: ['Retail Innovation', 'E-Commerce', 'Last-Mile Delivery'],
  textiles: ['Technical Textiles', 'Sustainable Fashion', 'Smart Textiles'],
  tourism: ['Sustainable Tourism', 'Tourism Innovation', 'Cultural Heritage'],
};
const ECOSYSTEM_EN = new Map(
  ECOSYSTEMS.map((t) => [t.code, termLabel(ECOSYSTEMS, t.code, 'en').replace(/ \(.*\)$/, '')]),
);

const PARTNERS = [
  'Canada',
  'Japan',
  'Korea',
  'Taiwan',
  'the South Mediterranean',
  'the Western Balkans',
  'Ukraine',
  'India',
  'Latin America',
  'the United States',
  'Singapore',
];
const MISSION_TARGETS: [string, string][] = [
  ['JP', 'Tokyo'],
  ['KR', 'Seoul'],
  ['TW', 'Taipei'],
  ['CA', 'Toronto'],
  ['CA', 'Montréal'],
  ['US', 'Boston'],
  ['US', 'Austin'],
  ['SG', 'Singapore'],
  ['IN', 'Bengaluru'],
  ['BR', 'São Paulo'],
  ['MX', 'Monterrey'],
  ['CL', 'Santiago'],
  ['MA', 'Casablanca'],
  ['TN', 'Tunis'],
  ['ZA', 'Cape Town'],
  ['AU', 'Melbourne'],
  ['IL', 'Tel Aviv'],
];
const WEBINAR_TOPICS = [
  'Cluster Marketing and Branding',
  'Going international with your cluster members',
  'Cascade funding for SMEs: how clusters run open calls',
  'Measuring the impact of cluster services',
  'Skills partnerships under the Pact for Skills',
  'Preparing an ESCA benchmarking',
  'Public procurement of innovation for clusters',
  'Green transition pathways for SMEs',
  'Artificial intelligence adoption in manufacturing SMEs',
  'Euroclusters: lessons learned and what comes next',
  'Resilient supply chains and strategic dependencies',
  'Cyber resilience for SMEs',
  'Open innovation with large companies',
  'Women in cluster management',
  'Digital product passports explained',
  'Attracting talent to industrial regions',
  'Joint procurement of energy for SMEs',
  'Building a cluster service portfolio that members pay for',
];
const INFO_DAY_TOPICS = [
  'Single Market Programme: cluster calls',
  'Horizon Europe Cluster 4: Digital, Industry and Space',
  'Horizon Europe Cluster 5: Climate, Energy and Mobility',
  'Interreg Europe and Interreg Central Europe calls',
  'Interregional Innovation Investments (I3)',
  'European Innovation Council Accelerator',
  'LIFE Clean Energy Transition',
  'Digital Europe Programme: European Digital Innovation Hubs',
  'Erasmus+ Alliances for Innovation',
  'Euroclusters open calls for SMEs',
  'European Defence Fund for SMEs',
  'Clean Hydrogen Partnership calls',
  'Circular Bio-based Europe calls',
];
const WORKSHOP_TOPICS = [
  'Circular design for SMEs',
  'Cluster management excellence',
  'Building a cluster strategy for the twin transition',
  'From pilot to market: scaling up with test facilities',
  'Data spaces in practice',
  'Hydrogen valleys: planning regional projects',
  'Upskilling the workforce for Industry 5.0',
  'Life-cycle assessment for product teams',
  'Intellectual property in collaborative projects',
  'Writing a winning consortium proposal',
  'Design thinking for industrial services',
  'Energy efficiency audits for SMEs',
  'Mapping your cluster’s value chains',
  'Cybersecurity self-assessment for manufacturers',
  'Preparing SMEs for the AI Act',
  'Carbon accounting for supply chains',
];
/** Before 2021 (Horizon 2020 and COSME): the programmes of the time, and workshops of the time. */
const INFO_DAY_TOPICS_H2020 = [
  'COSME Cluster Excellence Programme',
  'Horizon 2020 SME Instrument',
  'INNOSUP: cluster-facilitated projects for new industrial value chains',
  'Fast Track to Innovation (FTI)',
  'Interreg Central Europe: capitalisation through coordination',
  'Horizon 2020 energy efficiency calls',
  'European Strategic Cluster Partnerships for Going International (ESCP-4i)',
];
const LATER_TOPICS =
  /AI Act|Industry 5\.0|Data spaces|Hydrogen valleys|product passports|Euroclusters|Pact for Skills/;
const WORKSHOP_TOPICS_H2020 = WORKSHOP_TOPICS.filter((t) => !LATER_TOPICS.test(t));
const WEBINAR_TOPICS_H2020 = WEBINAR_TOPICS.filter((t) => !LATER_TOPICS.test(t));

const VENUES = [
  '{C} Congress Centre',
  'Chamber of Commerce and Industry of {C}',
  '{C} Science and Technology Park',
  'Innovation Hub {C}',
  '{C} Exhibition Centre',
  'University of {C}, Main Auditorium',
  'Town Hall of {C}',
  '{C} Conference Centre',
];
/** Trade fairs where matchmaking events of an ecosystem take place: name, country, city. */
const FAIRS: Record<string, [string, string, string][]> = {
  'aerospace-defence': [
    ['ILA Berlin', 'DE', 'Berlin'],
    ['Eurosatory', 'FR', 'Paris'],
  ],
  'agri-food': [
    ['SIAL', 'FR', 'Paris'],
    ['Anuga', 'DE', 'Köln'],
    ['Fruit Logistica', 'DE', 'Berlin'],
  ],
  construction: [
    ['BAU', 'DE', 'München'],
    ['Smart City Expo', 'ES', 'Barcelona'],
  ],
  'cultural-creative': [
    ['Gamescom', 'DE', 'Köln'],
    ['the Frankfurt Book Fair', 'DE', 'Frankfurt am Main'],
  ],
  digital: [
    ['the Mobile World Congress', 'ES', 'Barcelona'],
    ['it-sa', 'DE', 'Nürnberg'],
    ['VivaTech', 'FR', 'Paris'],
  ],
  electronics: [
    ['electronica', 'DE', 'München'],
    ['Laser World of Photonics', 'DE', 'München'],
  ],
  'energy-intensive': [
    ['ACHEMA', 'DE', 'Frankfurt am Main'],
    ['Global Industries', 'FR', 'Lyon'],
  ],
  'energy-renewables': [
    ['Intersolar Europe', 'DE', 'München'],
    ['Offshore Energy', 'NL', 'Amsterdam'],
  ],
  health: [
    ['MEDICA', 'DE', 'Düsseldorf'],
    ['Medtec Live', 'DE', 'Nürnberg'],
  ],
  'mobility-transport-automotive': [
    ['Transport Logistic', 'DE', 'München'],
    ['InnoTrans', 'DE', 'Berlin'],
  ],
  'proximity-social-economy': [['Smart City Expo', 'ES', 'Barcelona']],
  retail: [['EuroShop', 'DE', 'Düsseldorf']],
  textiles: [
    ['Techtextil', 'DE', 'Frankfurt am Main'],
    ['Première Vision', 'FR', 'Paris'],
  ],
  tourism: [
    ['ITB', 'DE', 'Berlin'],
    ['FITUR', 'ES', 'Madrid'],
  ],
};
/** Country names as event titles use them, where the list's official name is too long. */
const SHORT_COUNTRY: Record<string, string> = {
  TW: 'Taiwan',
  KR: 'Korea',
  GB: 'the United Kingdom',
  US: 'the United States',
};
const AUDIENCE = {
  managers: 'cluster managers',
  smes: 'SMEs and start-ups',
  research: 'universities and research organisations',
  policy: 'regional and national policy makers',
  investors: 'investors and business angels',
  large: 'large companies looking for suppliers',
};

const TYPE_WEIGHTS: [EventType, number][] = [
  ['conference', 14],
  ['matchmaking', 10],
  ['webinar', 18],
  ['mission', 5],
  ['info_day', 10],
  ['workshop', 22],
  ['campaign_event', 8],
];
const DAY = 86_400_000;

function joinList(items: string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The generator's state: one random sequence and the slugs given so far. */
export class EventGenerator {
  private readonly rng: Random;
  private readonly slugs: Set<string>;
  private readonly decks = new Map<readonly string[], string[]>();
  constructor(seed: number, takenSlugs: Iterable<string> = []) {
    this.rng = new Random(seed);
    this.slugs = new Set(takenSlugs);
  }

  /** The next item of a shuffled deck of `items`: no item comes twice before all came once. */
  private deal(items: readonly string[]): string {
    let deck = this.decks.get(items);
    if (!deck?.length) {
      deck = this.rng.sample(items, items.length);
      this.decks.set(items, deck);
    }
    return deck.pop()!;
  }

  /** A slug not given before: the title's, numbered when taken. */
  slugFor(title: string): string {
    const base = slugify(title);
    let slug = base;
    for (let i = 2; this.slugs.has(slug); i++) slug = `${base}-${i}`;
    this.slugs.add(slug);
    return slug;
  }

  /**
   * `count` events starting between `from` and `to` (instants), organised by `organisers`. With
   * `countries`, the i-th event is held in `countries[i % length]` (by an organiser of that country
   * when there is one); with `campaign`, events in its window (`share` of them) are marked
   * `inCampaign`, `anchors` of those as anchors; `types` limits the types drawn. Events that ended
   * before `today` get a report, webinars a recording.
   */
  generate(opts: {
    count: number;
    from: Date;
    to: Date;
    today: Date;
    organisers: readonly EventOrganiser[];
    countries?: readonly string[];
    types?: readonly [EventType, number][];
    /** False: no online events (each event then has a country). */
    online?: boolean;
    campaign?: { from: Date; to: Date; share: number; anchors: number; name: string };
  }): DemoEvent[] {
    const rng = this.rng;
    if (!opts.organisers.length) throw new Error('events need organisers');
    const weights = opts.types ?? TYPE_WEIGHTS;
    const typeList = weights.map(([t]) => t);
    const typeW = weights.map(([, w]) => w);
    const typeTotal = typeW.reduce((a, b) => a + b, 0);
    const byCountry = new Map<string, EventOrganiser[]>();
    for (const o of opts.organisers) byCountry.set(o.country, [...(byCountry.get(o.country) ?? []), o]);
    const fromDay = Math.ceil(opts.from.getTime() / DAY);
    const toDay = Math.floor(opts.to.getTime() / DAY);
    const out: DemoEvent[] = [];
    for (let i = 0; i < opts.count; i++) {
      // Every type early on, so that small samples hold all of them.
      const type = i < typeList.length ? typeList[i]! : rng.weighted(typeList, typeW, typeTotal);
      const wanted = opts.countries?.[i % opts.countries.length];
      const pool = (wanted && byCountry.get(wanted)) || opts.organisers;
      const organiser = rng.pick(pool);
      // Campaign events fall in their campaign's window.
      const c = opts.campaign;
      let day =
        type === 'campaign_event' && c
          ? rng.int(
              Math.max(fromDay, Math.ceil(c.from.getTime() / DAY)),
              Math.min(toDay, Math.floor(c.to.getTime() / DAY) - 1),
            )
          : rng.int(fromDay, toDay);
      // Not between Christmas and New Year: a week earlier, or a week later at the window's start.
      const date = new Date(day * DAY);
      const [month, dom] = [date.getUTCMonth(), date.getUTCDate()];
      if ((month === 11 && dom >= 22) || (month === 0 && dom <= 3)) {
        const before = day - (month === 0 ? dom + 10 : dom - 12); // 12 December
        const after = day + (month === 0 ? 12 - dom : 32 + 12 - dom); // about 12 January
        day = before >= fromDay ? before : Math.min(after, toDay);
      }
      // Weekdays only: a Saturday or a Sunday moves to the Monday (to the Friday at the window's end).
      const weekday = new Date(day * DAY).getUTCDay();
      if (weekday === 6) day = day + 2 <= toDay ? day + 2 : day - 1;
      else if (weekday === 0) day = day + 1 <= toDay ? day + 1 : day - 2;
      out.push(this.event(type, organiser, wanted ?? null, day, opts));
    }
    if (opts.campaign) {
      const c = opts.campaign;
      const members = out.filter(
        (e) =>
          e.type !== 'mission' &&
          e.startsAt >= c.from &&
          e.startsAt < c.to &&
          (e.type === 'campaign_event' || rng.chance(c.share)),
      );
      for (const e of members) e.inCampaign = true;
      const anchorable = members.filter((e) => e.type !== 'webinar' && e.format !== 'online');
      for (const e of rng.sample(anchorable, c.anchors)) e.anchor = true;
    }
    return out;
  }

  private event(
    type: EventType,
    organiser: EventOrganiser,
    wantedCountry: string | null,
    day: number,
    opts: { today: Date; online?: boolean; campaign?: { name: string } },
  ): DemoEvent {
    const rng = this.rng;
    const ecosystem = organiser.ecosystems.length
      ? rng.pick(organiser.ecosystems)
      : rng.pick(ECOSYSTEM_WEIGHTS.map(([c]) => c));
    const other = rng.chance(0.3) ? rng.pick(ECOSYSTEM_WEIGHTS.map(([c]) => c)) : null;
    const ecosystems = other && other !== ecosystem ? [ecosystem, other] : [ecosystem];
    const field = rng.pick(FIELD[ecosystem] ?? ['Innovation']);
    const profile = ECOSYSTEM_PROFILES.get(ecosystem);
    const keyword = profile ? rng.pick(profile.keywords) : 'innovation';

    // Format: webinars are online, missions on site; the rest mostly on site.
    const f = rng.next();
    const format: EventFormat =
      type === 'webinar' && opts.online !== false
        ? 'online'
        : type === 'mission'
          ? 'onsite'
          : f < 0.66
            ? 'onsite'
            : f < 0.88 || opts.online === false
              ? 'hybrid'
              : 'online';

    // Where: the organiser's city (or a city of the wanted country), a partner country for missions.
    const homeCountry = wantedCountry ?? organiser.country;
    const places = [...DEMO_PLACES.europe, ...DEMO_PLACES.partners].find((c) => c.code === homeCountry);
    const ownCity: City | undefined = places?.cities.find((c) => c.name === organiser.city);
    let country = homeCountry;
    let city =
      homeCountry === organiser.country && ownCity && rng.chance(0.8)
        ? ownCity.name
        : places
          ? rng.pick(places.cities).name
          : (organiser.city ?? countryName(homeCountry, 'en'));
    // A third of the matchmaking events take place at a trade fair of their ecosystem.
    const fair =
      type === 'matchmaking' && format !== 'online' && !wantedCountry && rng.chance(0.35)
        ? rng.pick(FAIRS[ecosystem] ?? [['Hannover Messe', 'DE', 'Hannover']])
        : null;
    if (fair) [, country, city] = fair;
    if (type === 'mission') {
      const [c, town] = rng.pick(MISSION_TARGETS.filter(([c]) => c !== organiser.country));
      country = c;
      city = town;
    }
    const timeZone = zoneOf(country, city);

    // When: local hours by type; several days for conferences, matchmaking and missions.
    const [days, start, end] = (
      {
        conference: [rng.pick([1, 2, 2, 3]), rng.pick(['09:00', '09:30']), '17:30'],
        matchmaking: [rng.pick([1, 1, 2]), '09:00', rng.pick(['13:00', '17:00'])],
        webinar: [1, rng.pick(['10:00', '11:00', '14:00', '15:00']), ''],
        mission: [rng.int(3, 5), '09:00', '18:00'],
        info_day: [1, rng.pick(['09:30', '10:00']), rng.pick(['13:00', '16:00'])],
        workshop: [1, rng.pick(['09:00', '13:30']), ''],
        campaign_event: [1, rng.pick(['09:00', '10:00', '14:00']), ''],
      } as Record<EventType, [number, string, string]>
    )[type];
    const firstDay = isoDay(day * DAY);
    const lastDay = isoDay((day + days - 1) * DAY);
    const startsAt = localTime(firstDay, start, timeZone);
    const endsAt =
      type === 'webinar'
        ? new Date(startsAt.getTime() + rng.pick([60, 75, 90]) * 60_000)
        : type === 'workshop' || type === 'campaign_event'
          ? new Date(startsAt.getTime() + rng.pick([3, 3.5, 4]) * 3_600_000)
          : localTime(lastDay, end, timeZone);
    if (!(endsAt > startsAt)) throw new Error(`${type} ends before it starts`);
    const year = DateTime.fromJSDate(startsAt, { zone: timeZone }).year;

    const countryEn = SHORT_COUNTRY[country] ?? countryName(country, 'en');
    const partner = rng.pick(PARTNERS);
    const h2020 = year < 2021;
    const topics =
      type === 'webinar'
        ? h2020
          ? WEBINAR_TOPICS_H2020
          : WEBINAR_TOPICS
        : type === 'info_day'
          ? h2020
            ? INFO_DAY_TOPICS_H2020
            : INFO_DAY_TOPICS
          : h2020
            ? WORKSHOP_TOPICS_H2020
            : WORKSHOP_TOPICS;
    // The topic of a webinar, an info day or a workshop: the next of its deck.
    const topic = type === 'webinar' || type === 'info_day' || type === 'workshop' ? this.deal(topics) : '';
    const online = format === 'online';
    const atHome = city === organiser.city;
    const title = (() => {
      switch (type) {
        case 'conference':
          return rng.pick([
            `${field} Cluster Summit ${year}`,
            online ? `${field} Online Forum ${year}` : `${city} ${field} Forum ${year}`,
            `European ${field} Innovation Days ${year}`,
            `Annual Conference of ${organiser.name} ${year}`,
            online ? `${field} Clusters Conference ${year}` : `Cluster Conference ${countryEn} ${year}`,
          ]);
        case 'matchmaking':
          if (online) return `${field} Online B2B Matchmaking ${year}`;
          if (fair) return `${field} B2B Matchmaking at ${fair[0]} ${year}`;
          return rng.pick([
            `EU–${partner.replace(/^the /, '')} Cluster Matchmaking ${city} ${year}`,
            `${field} Partnering Day ${city}`,
          ]);
        case 'webinar':
          return rng.pick([`Webinar: ${topic}`, `Expert Talk: ${topic}`]);
        case 'mission':
          return `${field} business mission to ${countryEn} ${year}`;
        case 'info_day':
          return online
            ? `Online info day: ${topic}`
            : rng.pick([`Info day: ${topic}`, `${topic}: info day in ${city}`]);
        case 'workshop':
          return online ? `Online workshop: ${topic}` : `Workshop in ${city}: ${topic}`;
        default:
          if (online)
            return `${field} clusters online: ${opts.campaign?.name ?? 'Cluster Week'} session ${year}`;
          return rng.pick([
            `${opts.campaign?.name ?? 'Cluster Week'}: ${city} ${field} Cluster Day`,
            atHome ? `Open doors at ${organiser.name}` : `${organiser.name} on tour in ${city}`,
            `${field} clusters meet policy makers in ${city}`,
            `Regional cluster day ${city} ${year}`,
          ]);
      }
    })();
    const slug = this.slugFor(title);

    const place = online ? null : `${city}, ${countryEn}`;
    const venue = online
      ? null
      : fair
        ? `Exhibition grounds of ${fair[0]}`
        : rng.pick(VENUES).replace('{C}', city);
    const eco = joinList(ecosystems.map((c) => ECOSYSTEM_EN.get(c) ?? c));
    const who = rng.sample(Object.values(AUDIENCE), rng.int(2, 4));
    const audience = `${who[0]![0]!.toUpperCase()}${who[0]!.slice(1)}${who.length > 1 ? `, ${joinList(who.slice(1))}` : ''} in the ${eco} ecosystem.`;
    const intro: Record<EventType, string> = {
      conference: `**${title}** gathers the ${eco} community${place ? ` in ${place}` : ' online'} to take stock of the year and look ahead: keynotes, panels with cluster managers and companies, and plenty of time to meet.`,
      matchmaking: `A B2B matchmaking event for the ${eco} ecosystem: book short one-to-one meetings with clusters and companies from Europe and ${partner} before the day, then meet them${place ? ` in ${place}` : ' online'}.`,
      webinar: `An online session of about an hour on **${topic}**, with two practitioners and time for your questions. The recording will be available afterwards.`,
      mission: `A business mission for European cluster organisations and their SMEs in ${field.toLowerCase()} to ${city}, ${countryEn}: company visits, B2B meetings with local partners and a networking reception.`,
      info_day: `Everything you need to know about **${topic}**: the priorities, the budget, how to build a consortium and what evaluators look for${place ? `, in ${place}` : ''}.`,
      workshop: `A hands-on workshop for cluster managers and SMEs on **${topic}**: short inputs, group work on your own cases and a take-away action plan.`,
      campaign_event: `${organiser.name} invites you${place ? ` to ${place}` : ' online'}: meet the cluster's members, see demonstrations of ${keyword} and discuss with regional policy makers how clusters support SMEs in the ${eco} ecosystem.`,
    };
    const agendaItems: Record<EventType, string[]> = {
      conference: [
        'Opening keynote',
        `Panel: ${keyword} from lab to market`,
        'Parallel sessions by value chain',
        'Cluster awards and networking dinner',
      ],
      matchmaking: [
        'Welcome and pitches',
        'Pre-arranged one-to-one meetings (20 minutes each)',
        'Site visit',
        'Networking lunch',
      ],
      webinar: ['Introduction', 'Two short case studies', 'Questions and answers'],
      mission: [
        'Briefing by the EU delegation',
        'Company and lab visits',
        'B2B meetings with local clusters',
        'Networking reception',
      ],
      info_day: [
        'Presentation of the call',
        'Testimonies of funded projects',
        'Partner search pitches',
        'One-to-one advice sessions',
      ],
      workshop: ['Short input', 'Group work on participants’ cases', 'Action plan and wrap-up'],
      campaign_event: ['Welcome by the cluster', 'Members’ demonstrations', 'Policy dialogue', 'Networking'],
    };
    const agenda = rng.sample(agendaItems[type], Math.max(2, agendaItems[type].length - rng.int(0, 1)));
    const description = [
      intro[type],
      `Organised by ${organiser.name}.`,
      `Programme:\n\n${agenda.map((a) => `- ${a}`).join('\n')}`,
    ].join('\n\n');

    const site = `https://www.${slugify(organiser.name).slice(0, 40).replace(/-+$/, '')}.example`;
    const links: Link[] = [{ label: 'Programme', url: `${site}/events/${slug}/programme` }];
    if (format !== 'online') links.push({ label: 'Venue and travel', url: `${site}/events/${slug}/venue` });
    else links.push({ label: 'Joining instructions', url: `${site}/events/${slug}/join` });

    const past = endsAt < opts.today;
    const recordingUrl = past && type === 'webinar' ? `https://video.example/${slug}` : null;
    const reportSummary = past
      ? type === 'matchmaking'
        ? `${rng.int(40, 220)} participants from ${rng.int(8, 25)} countries held ${rng.int(120, 600)} one-to-one meetings.`
        : type === 'webinar'
          ? `${rng.int(60, 300)} people from ${rng.int(10, 35)} countries registered; the slides and the recording are online.`
          : `${rng.int(30, 400)} participants from ${rng.int(2, 20)} countries.`
      : '';
    return {
      slug,
      title,
      type,
      format,
      startsAt,
      endsAt,
      timeZone,
      venue,
      city: format === 'online' ? null : city,
      country: format === 'online' ? null : country,
      website: `${site}/events/${slug}`,
      recordingUrl,
      description,
      audience,
      ecosystems,
      links,
      inCampaign: false,
      anchor: false,
      reportSummary,
      organiserIds: [organiser.id],
    };
  }
}

/** A demo event as the row `insertEvent` writes (published unless `status` says otherwise). */
export function eventColumns(e: DemoEvent, extra: Partial<NewEvent> & { now: Date }): NewEvent {
  const { now, ...rest } = extra;
  const status = rest.status ?? 'published';
  return {
    slug: e.slug,
    title: e.title,
    type: e.type,
    format: e.format,
    status,
    starts_at: e.startsAt,
    ends_at: e.endsAt,
    time_zone: e.timeZone,
    venue: e.venue,
    city: e.city,
    country: e.country,
    website: e.website,
    recording_url: e.recordingUrl,
    description: e.description,
    audience: e.audience,
    ecosystems: e.ecosystems,
    links: e.links,
    anchor: e.anchor,
    report_summary: e.reportSummary,
    created_at: now,
    updated_at: now,
    submitted_at: status === 'published' ? null : now,
    published_at: status === 'published' ? now : null,
    ...rest,
  };
}
