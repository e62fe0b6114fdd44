import { countryName, ECOSYSTEMS, type Lang, termLabel } from '../../../platform/taxonomy/index.ts';
import { type City, type Country, DEMO_PLACES, type NameLang } from './places.ts';
import { Random } from '../random.ts';
import {
  ASSOCIATION_PATTERNS,
  CLUSTER_PATTERNS,
  COMPANY_FORMS,
  ECOSYSTEM_PROFILES,
  ECOSYSTEM_WEIGHTS,
  FIRST_NAMES,
  LAST_NAMES,
  MARKETS,
  NATIONAL_NAMES,
  PROJECT_PATTERNS,
  SECTORS,
  SERVICES,
} from './words.ts';

/**
 * Deterministic demo organisations for the demo seed, tests and benchmarks: realistic cluster profiles
 * (names in local languages, real cities with their NUTS-2 regions, taxonomy codes, members, labels,
 * staleness) drawn from a seeded PRNG, so the same (count, seed, now) always gives the same data.
 * Websites and e-mail addresses use reserved example domains only.
 */

export type OrganisationType =
  | 'cluster_organisation'
  | 'cluster_member'
  | 'cluster_project'
  | 'national_association';
export type QualityLabel = 'none' | 'bronze' | 'silver' | 'gold';

export interface DemoOrganisation {
  externalId: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  country: string;
  region: string | null;
  city: string;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  foundedYear: number | null;
  description: string;
  membersSme: number;
  membersLarge: number;
  membersResearch: number;
  membersPublic: number;
  membersOther: number;
  managementFte: number;
  ecosystems: string[];
  emergingIndustries: string[];
  nace: string[];
  kets: string[];
  keywords: string[];
  valueChains: string[];
  targetMarkets: string[];
  label: QualityLabel;
  labelValidFrom: string | null;
  labelValidUntil: string | null;
  contactName: string;
  contactEmail: string;
  social: { linkedin?: string; x?: string };
  status: 'published' | 'needs_review' | 'draft';
  createdAt: Date;
  updatedAt: Date;
}

// ---------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------
const DAY = 86_400_000;
const STOP_WORDS = new Set([
  'de',
  'del',
  'la',
  'le',
  'des',
  'du',
  'of',
  'and',
  'und',
  'et',
  'y',
  'e',
  'di',
  'da',
  'do',
  'the',
  'for',
  'für',
]);

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/ı/g, 'i');
}
const slugOf = (s: string) =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fill = (pattern: string, v: Record<string, string>) =>
  pattern.replace(/\{(\w)\}/g, (_, k: string) => v[k] ?? '');

function acronymOf(name: string): string | null {
  let out = '';
  for (const word of name.split(/[\s–„”&:]+/)) {
    if (!word || STOP_WORDS.has(word.toLowerCase()) || /^\d+$/.test(word)) continue;
    const plain = fold(word).replace(/[^A-Za-z0-9]/g, '');
    if (!plain) continue;
    out += /^[A-Z]{2,4}$/.test(plain) ? plain : plain[0].toUpperCase();
  }
  return out.length >= 2 ? out.slice(0, 10) : null;
}

function joinList(items: string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const ECOSYSTEM_EN = new Map(ECOSYSTEMS.map((t) => [t.code, termLabel(ECOSYSTEMS, t.code, 'en')]));
const nameCache = new Map<string, string>();
function countryIn(code: string, lang: Lang): string {
  const key = `${code}:${lang}`;
  let name = nameCache.get(key);
  if (name === undefined) {
    name = countryName(code, lang);
    nameCache.set(key, name);
  }
  return name;
}

interface Draft {
  type: OrganisationType;
  country: Country;
  city: City;
  ecosystems: string[];
}

function draftName(rng: Random, d: Draft): string {
  const lang = d.city.lang;
  const eco = d.ecosystems[0];
  const words = SECTORS.get(eco)!;
  const v: Record<string, string> = {
    S: rng.pick(words[lang]),
    E: rng.pick(words.en),
    P: d.city.name,
    N: NATIONAL_NAMES.get(d.country.code) ?? countryIn(d.country.code, 'en'),
    C: countryIn(d.country.code, lang === 'de' || lang === 'fr' ? lang : 'en'),
  };
  switch (d.type) {
    case 'cluster_member': {
      if (rng.chance(0.7)) return `${rng.pick(LAST_NAMES[lang])} ${v.E} ${COMPANY_FORMS[lang]}`;
      const institutes: Record<NameLang, string> = {
        de: 'Forschungszentrum {S} {P}',
        fr: 'Institut {S} {P}',
        es: 'Centro Tecnológico {S} de {P}',
        it: 'Istituto {S} {P}',
        pl: 'Instytut {S} {P}',
        pt: 'Instituto {S} {P}',
        nl: 'Kenniscentrum {S} {P}',
        en: '{P} {E} Institute',
      };
      return fill(institutes[lang], v);
    }
    case 'cluster_project':
      return fill(rng.pick(PROJECT_PATTERNS), v);
    case 'national_association':
      return fill(ASSOCIATION_PATTERNS[lang], v);
    default: {
      const brand = rng.next();
      const compact = d.city.name.split(/[\s-]/)[0];
      if (brand < 0.03 && (eco === 'electronics' || eco === 'digital')) return `Silicon ${compact}`;
      if (brand < 0.03 && eco === 'health') return `Bio${compact}`;
      if (brand < 0.02 && eco === 'health') return `Medical Valley ${d.city.name}`;
      const english = lang !== 'en' && rng.chance(0.12);
      return fill(rng.pick(CLUSTER_PATTERNS[english ? 'en' : lang]), v);
    }
  }
}

const KIND_TEXT: Record<OrganisationType, string> = {
  cluster_organisation: 'cluster organisation',
  cluster_member: 'member of several clusters',
  cluster_project: 'cluster-related project',
  national_association: 'national cluster association',
};

function describe(rng: Random, o: DemoOrganisation, chains: string[]): string {
  const place = `${o.city}, ${countryIn(o.country, 'en')}`;
  const ecos = joinList(o.ecosystems.map((c) => ECOSYSTEM_EN.get(c)!.replace(/ \(.*\)$/, '')));
  const [kw1, kw2] = o.keywords;
  const total = o.membersSme + o.membersLarge + o.membersResearch + o.membersPublic + o.membersOther;
  const since = o.foundedYear ? `Since ${o.foundedYear}` : 'For many years';
  const who = o.acronym ? `${o.name} (${o.acronym})` : o.name;
  const intro = [
    `**${who}** is a ${KIND_TEXT[o.type]} for the ${ecos} ecosystem in ${place}. ${since}, it has connected companies, researchers and public authorities to turn ${kw1} and ${kw2} into new products, services and jobs.`,
    `${who} brings together the ${ecos} community of ${place}. Our ambition is to make the region a European reference in ${kw1}, with a strong focus on ${kw2}.`,
    `${since}, **${o.name}** has been the meeting point of the ${ecos} actors of ${place}: a ${KIND_TEXT[o.type]} run by a team of ${o.managementFte} full-time staff.`,
    `Our mission: to help the ${ecos} businesses of ${place} grow through cooperation, innovation and skills — from ${kw1} to ${kw2}.`,
  ];
  const paragraphs = [rng.pick(intro)];
  if (o.type === 'cluster_organisation')
    paragraphs.push(
      rng.chance(0.5)
        ? `Our ${total} members include ${o.membersSme} SMEs, ${o.membersLarge} large companies, ${o.membersResearch} universities and research centres and ${o.membersPublic} public bodies.`
        : `With ${total} members — most of them SMEs (${o.membersSme}), alongside ${o.membersLarge} large companies and ${o.membersResearch} research organisations — we cover the whole value chain, from ${chains[0].toLowerCase()} to market.`,
    );
  else if (o.type === 'cluster_project')
    paragraphs.push(
      `The project brings together ${total} partners, mostly cluster organisations, to support SMEs in the twin green and digital transition. It offers vouchers, peer learning and joint missions.`,
    );
  else if (o.type === 'national_association')
    paragraphs.push(
      `We represent ${o.membersOther} cluster organisations at national and European level, share good practice in cluster management and promote the ESCA labelling of our members.`,
    );
  else
    paragraphs.push(
      `We take part in several clusters and European projects and look for partners to develop ${kw1} solutions together.`,
    );
  if (rng.chance(0.7)) {
    const lead = rng.pick(['What we offer:', 'Our members benefit from:', 'Our services include:']);
    paragraphs.push(
      `${lead}\n\n${rng
        .sample(SERVICES, rng.int(3, 4))
        .map((s) => `- ${s}`)
        .join('\n')}`,
    );
  }
  if (paragraphs.length < 4 && rng.chance(0.6)) {
    const markets = joinList(o.targetMarkets.slice(0, 3).map((c) => countryIn(c, 'en')));
    const more = o.website ? ` Find out more on [our website](${o.website}).` : '';
    paragraphs.push(
      `Internationally, we are looking for partners in ${markets}, especially in ${chains[chains.length - 1].toLowerCase()}.${more}`,
    );
  }
  return paragraphs.join('\n\n');
}

/** Deterministic demo organisations: the same (count, seed, now) always gives the same list. */
export function generateDemoOrganisations(opts: {
  count: number;
  seed: number;
  now: Date;
  statusMix?: boolean;
}): DemoOrganisation[] {
  const rng = new Random(opts.seed);
  const nowMs = opts.now.getTime();
  const nowYear = opts.now.getUTCFullYear();
  const statusMix = opts.statusMix ?? true;
  const { europe, partners } = DEMO_PLACES;
  const eW = europe.map((c) => c.weight);
  const pW = partners.map((c) => c.weight);
  const eTotal = eW.reduce((a, b) => a + b, 0);
  const pTotal = pW.reduce((a, b) => a + b, 0);
  const ecoCodes = ECOSYSTEM_WEIGHTS.map(([c]) => c);
  const ecoW = ECOSYSTEM_WEIGHTS.map(([, w]) => w);
  const ecoTotal = ecoW.reduce((a, b) => a + b, 0);
  const used = new Map<string, number>();
  const offset = rng.int(0, 1000);
  const out: DemoOrganisation[] = [];

  for (let i = 0; i < opts.count; i++) {
    // Europe for 90 % of the profiles, spread evenly (golden-ratio sequence) so small samples keep the share.
    const inEurope = ((i + offset) * 0.6180339887498949) % 1 < 0.9;
    const country = inEurope ? rng.weighted(europe, eW, eTotal) : rng.weighted(partners, pW, pTotal);
    const city = rng.pick(country.cities);
    const t = rng.next();
    const type: OrganisationType =
      t < 0.75
        ? 'cluster_organisation'
        : t < 0.87
          ? 'cluster_member'
          : t < 0.96
            ? 'cluster_project'
            : 'national_association';
    const nEco = rng.chance(0.45) ? 1 : rng.chance(0.6) ? 2 : 3;
    const ecosystems: string[] = [];
    while (ecosystems.length < nEco) {
      const e = rng.weighted(ecoCodes, ecoW, ecoTotal);
      if (!ecosystems.includes(e)) ecosystems.push(e);
    }
    const profiles = ecosystems.map((e) => ECOSYSTEM_PROFILES.get(e)!);

    // A unique name: retry a few patterns, then number the name.
    const draft: Draft = { type, country, city, ecosystems };
    let name = draftName(rng, draft);
    for (let k = 0; k < 3 && used.has(name); k++) name = draftName(rng, draft);
    if (used.has(name)) {
      let n = used.get(name)! + 1;
      while (used.has(`${name} ${n}`)) n++;
      used.set(name, n);
      name = `${name} ${n}`;
    }
    used.set(name, 1);

    const acronymShare = {
      cluster_organisation: 0.65,
      cluster_member: 0.2,
      cluster_project: 0.8,
      national_association: 0.7,
    };
    const acronym = rng.chance(acronymShare[type]) ? acronymOf(name) : null;
    const domain =
      slugOf(acronym && acronym.length >= 3 ? acronym : name.split(' ').slice(0, 4).join(' ')).slice(0, 40) ||
      'cluster';
    const tld = country.code === 'GB' ? 'uk' : country.code.toLowerCase();
    const ineligible =
      type === 'cluster_organisation' && rng.chance(0.05) ? rng.pick(['few', 'fte', 'single', 'web']) : null;
    const website =
      ineligible === 'web' || rng.chance(0.03)
        ? null
        : rng.chance(0.5)
          ? `https://www.${domain}.example`
          : `https://www.${domain}-example.${tld}`;

    // Members by kind and management team.
    let m = [0, 0, 0, 0, 0];
    let fte: number;
    if (type === 'cluster_organisation') {
      const total =
        ineligible === 'few'
          ? rng.int(4, 14)
          : Math.min(900, Math.max(15, Math.round(rng.logNormal(90, 0.65))));
      if (ineligible === 'single') m = [total, 0, 0, 0, 0];
      else {
        const large = Math.round(total * (0.04 + rng.next() * 0.11));
        const research = Math.max(1, Math.round(total * (0.05 + rng.next() * 0.1)));
        const pub = Math.round(total * (0.02 + rng.next() * 0.06));
        const other = Math.round(total * rng.next() * 0.06);
        m = [Math.max(1, total - large - research - pub - other), large, research, pub, other];
      }
      fte =
        ineligible === 'fte'
          ? round(0.1 + rng.next() * 0.3, 1)
          : round(Math.min(25, Math.max(0.5, rng.logNormal(3, 0.8))), 1);
    } else if (type === 'cluster_project') {
      m = [rng.int(0, 5), rng.int(0, 2), rng.int(0, 5), rng.int(0, 3), rng.int(3, 12)];
      fte = round(0.5 + rng.next() * 3, 1);
    } else if (type === 'national_association') {
      m = [0, 0, rng.int(0, 5), rng.int(0, 6), rng.int(10, 120)];
      fte = round(1 + rng.next() * 6, 1);
    } else fte = round(0.2 + rng.next() * 1.8, 1);

    const foundedYear = rng.chance(0.04)
      ? null
      : type === 'cluster_project'
        ? nowYear - rng.int(0, 4)
        : nowYear -
          Math.round(Math.min(60, Math.max(1, rng.logNormal(type === 'cluster_member' ? 20 : 13, 0.6))));

    const nace = [...new Set(profiles.flatMap((p) => rng.sample(p.nace, rng.int(1, 2))))];
    const emergingIndustries = [...new Set(profiles.flatMap((p) => rng.sample(p.emerging, rng.int(0, 2))))];
    const kets = rng.chance(0.75)
      ? [...new Set(profiles.flatMap((p) => rng.sample(p.kets, rng.int(1, 2))))]
      : [];
    const keywords = [...new Set(profiles.flatMap((p) => rng.sample(p.keywords, rng.int(2, 4))))].slice(0, 8);
    const chains = [...new Set(profiles.flatMap((p) => rng.sample(p.chains, rng.int(1, 2))))];
    const targetMarkets = rng.sample(
      MARKETS.filter((c) => c !== country.code),
      rng.int(1, 5),
    );

    // ESCA labels go to cluster organisations: about 34 % bronze, 8 % silver, 5 % gold of all profiles.
    let label: QualityLabel = 'none';
    if (type === 'cluster_organisation' && !ineligible) {
      const l = rng.next();
      label = l < 0.065 ? 'gold' : l < 0.17 ? 'silver' : l < 0.62 ? 'bronze' : 'none';
    }
    let labelValidFrom: string | null = null;
    let labelValidUntil: string | null = null;
    if (label !== 'none') {
      const from = new Date(nowMs - rng.int(0, 900) * DAY);
      labelValidFrom = isoDate(from.getTime());
      from.setUTCFullYear(from.getUTCFullYear() + 2);
      labelValidUntil = isoDate(from.getTime());
    }

    const s = rng.next();
    const status = !statusMix ? 'published' : s < 0.03 ? 'needs_review' : s < 0.04 ? 'draft' : 'published';
    const a = rng.next();
    const ageDays = a < 0.08 ? rng.int(731, 1094) : a < 0.18 ? rng.int(366, 729) : rng.int(0, 364);
    const updatedMs = Math.floor((nowMs - ageDays * DAY - rng.int(0, 86_399) * 1000) / 1000) * 1000;
    const createdMs = updatedMs - rng.int(0, 6 * 365) * DAY - rng.int(0, 86_399) * 1000;

    const first = rng.pick(FIRST_NAMES[city.lang]);
    const last = rng.pick(LAST_NAMES[city.lang]);
    const social: { linkedin?: string; x?: string } = {};
    if (rng.chance(0.7)) social.linkedin = `https://www.linkedin.com/company/${domain}-example`;
    if (rng.chance(0.35)) social.x = `https://x.com/${domain.replace(/-/g, '_').slice(0, 12)}_example`;
    const jitter = () => (rng.next() - 0.5) * 0.08;
    const located = rng.chance(0.95);

    const org: DemoOrganisation = {
      externalId: `demo-${String(i + 1).padStart(6, '0')}`,
      name,
      acronym,
      type,
      country: country.code,
      region: city.region,
      city: city.name,
      latitude: located ? round(city.lat + jitter(), 5) : null,
      longitude: located ? round(city.lon + jitter(), 5) : null,
      website,
      foundedYear,
      description: '',
      membersSme: m[0],
      membersLarge: m[1],
      membersResearch: m[2],
      membersPublic: m[3],
      membersOther: m[4],
      managementFte: fte,
      ecosystems,
      emergingIndustries,
      nace,
      kets,
      keywords,
      valueChains: chains,
      targetMarkets,
      label,
      labelValidFrom,
      labelValidUntil,
      contactName: `${first} ${last}`,
      contactEmail: `${slugOf(first)}.${slugOf(last)}@${domain}.example.${rng.chance(0.5) ? 'org' : 'com'}`,
      social,
      status,
      createdAt: new Date(createdMs),
      updatedAt: new Date(updatedMs),
    };
    org.description = describe(rng, org, chains);
    out.push(org);
  }
  return out;
}
