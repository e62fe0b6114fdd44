/**
 * Writes `organisations.csv` and `collaborations.csv` for `bench/recommend.ts` with a planted
 * structure, deterministic by seed:
 *   npx tsx bench/recommend-data.ts [--organisations 30000] [--collaborations 150000] [--seed 16] [--out DIR]
 *
 * - Communities (one per ≈ 250 organisations): an ecosystem, two or three NACE divisions, a KET,
 *   topics, and a region (a group of neighbouring countries). Each community has a complementary one
 *   (another sector: the one whose offers meet its needs), whose members it works with often.
 * - Organisations: their community's codes with some noise (a foreign code, a missing field), a
 *   type among research / sme / large / cluster / public (roles complement each other: a
 *   consortium mixes them), a few unknown countries and empty profiles.
 * - Collaborations over 2015-2024: sizes mostly 2-5, some 6-20, a few consortia of 100+; members
 *   drawn by preferential attachment (degree + 1) from the lead's community (60 %), its
 *   complementary community (25 %), its region (5 %) or anywhere (10 %: noise); the rate grows
 *   over the years. Organisations with a single collaboration and none at all are both there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Random } from '../src/modules/demo/random.ts';

const ECOSYSTEMS = [
  'aerospace-defence',
  'agri-food',
  'construction',
  'cultural-creative',
  'digital',
  'electronics',
  'energy-intensive',
  'energy-renewables',
  'health',
  'mobility-transport-automotive',
  'proximity-social-economy',
  'retail',
  'textiles',
  'tourism',
];
const KETS = [
  'advanced-manufacturing',
  'advanced-materials-nanotechnology',
  'life-science-technologies',
  'micro-nano-electronics-photonics',
  'artificial-intelligence',
  'digital-security-connectivity',
];
const NACE = [
  '01', '10', '11', '13', '16', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '33',
  '35', '38', '41', '42', '43', '46', '49', '52', '55', '58', '61', '62', '63', '71', '72', '73', '74',
  '85', '86', '90',
]; // biome-ignore format: a table
const REGIONS = [
  ['SE', 'DK', 'FI', 'NO'],
  ['DE', 'AT', 'CH'],
  ['BE', 'NL', 'LU'],
  ['ES', 'PT'],
  ['FR'],
  ['IT', 'MT'],
  ['PL', 'CZ', 'SK', 'HU'],
  ['RO', 'BG', 'HR', 'SI', 'EL'],
  ['EE', 'LV', 'LT'],
  ['UK', 'IE'],
];
const TYPES = ['research', 'sme', 'large', 'cluster', 'public'];
const TYPE_WEIGHTS = [0.2, 0.5, 0.12, 0.1, 0.08];
const TOPIC_WORDS = (
  'battery hydrogen sensor robotics photonics coating composite biobased recycling packaging vaccine ' +
  'diagnostics imaging genomics textile fibre timber concrete drone satellite radar lidar railway ' +
  'charging grid solar wind storage insulation heatpump irrigation dairy aquaculture vineyard bakery ' +
  'tourism museum gaming film music fashion retail logistics warehouse blockchain cybersecurity cloud ' +
  'edge quantum semiconductor microfluidic laser additive casting welding machining polymer glass ' +
  'ceramic steel aluminium cement water wastewater soil forestry fishery seafood nutrition wellness'
).split(' ');

interface Community {
  eco: string;
  nace: string[];
  ket: string;
  topics: string[];
  region: number;
  complement: number;
  members: number[];
}

export interface GeneratorOptions {
  organisations: number;
  collaborations: number;
  seed: number;
}

export function generate(opts: GeneratorOptions): { organisations: string; collaborations: string } {
  const rnd = new Random(opts.seed);
  const nCommunities = Math.max(4, Math.round(opts.organisations / 250));
  const communities: Community[] = [];
  for (let c = 0; c < nCommunities; c++)
    communities.push({
      eco: rnd.pick(ECOSYSTEMS),
      nace: rnd.sample(NACE, rnd.int(2, 3)),
      ket: rnd.pick(KETS),
      topics: rnd.sample(TOPIC_WORDS, 4),
      region: rnd.int(0, REGIONS.length - 1),
      complement: 0,
      members: [],
    });
  // Complementary pairs: each community's needs are met by another one of a different sector.
  for (let c = 0; c < nCommunities; c++) {
    let other = rnd.int(0, nCommunities - 1);
    if (other === c) other = (c + 1) % nCommunities;
    communities[c]!.complement = other;
  }

  const orgLines = ['id,name,country,type,ecosystems,sectors,technologies,topics'];
  const communityOf: number[] = [];
  const types: number[] = [];
  const countries: string[] = [];
  for (let i = 0; i < opts.organisations; i++) {
    const c = rnd.int(0, nCommunities - 1);
    const com = communities[c]!;
    com.members.push(i);
    communityOf.push(c);
    const type = rnd.weighted([0, 1, 2, 3, 4], TYPE_WEIGHTS, 1);
    types.push(type);
    const roll = rnd.next();
    const country = roll < 0.01 ? '' : roll < 0.02 ? 'XZ' : rnd.pick(REGIONS[com.region]!);
    countries.push(country);
    const empty = rnd.chance(0.03);
    const noise = <T>(own: T[], pool: readonly T[]) => (rnd.chance(0.15) ? [...own, rnd.pick(pool)] : own);
    const ecosystems = empty ? [] : noise([com.eco], ECOSYSTEMS);
    const sectors = empty || rnd.chance(0.1) ? [] : noise(rnd.sample(com.nace, rnd.int(1, 2)), NACE);
    const technologies = empty ? [] : noise(rnd.chance(0.7) ? [com.ket] : [], KETS);
    if (!empty && rnd.chance(0.3)) technologies.push(rnd.pick(com.topics));
    const topics = empty ? [] : noise(rnd.sample(com.topics, rnd.int(1, 3)), TOPIC_WORDS);
    orgLines.push(
      [
        `O${i}`,
        `Organisation ${i}`,
        country,
        TYPES[type],
        ecosystems.join(';'),
        sectors.map((s) => (rnd.chance(0.3) ? `C${s}` : s)).join(';'),
        technologies.join(';'),
        topics.join(';'),
      ].join(','),
    );
  }

  // Preferential attachment: `bag` holds each organisation once plus once per collaboration.
  const bags = communities.map((c) => [...c.members]);
  const regionBags = REGIONS.map(() => [] as number[]);
  for (let i = 0; i < opts.organisations; i++) regionBags[communities[communityOf[i]!]!.region]!.push(i);
  const everyone: number[] = Array.from({ length: opts.organisations }, (_, i) => i);
  const collabLines = ['collaboration_id,organisation_id,date'];
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  for (let k = 0; k < opts.collaborations; k++) {
    // More collaborations in later years: the date's density grows linearly.
    const day = new Date(start + Math.sqrt(rnd.next()) * span).toISOString().slice(0, 10);
    const roll = rnd.next();
    const size =
      roll < 0.0005 ? rnd.int(100, 160) : roll < 0.08 ? rnd.int(6, 20) : roll < 0.55 ? 2 : rnd.int(3, 5);
    const lead = rnd.pick(everyone);
    const com = communities[communityOf[lead]!]!;
    const members = new Set<number>([lead]);
    let guard = 0;
    while (members.size < size && guard++ < size * 20) {
      const r = rnd.next();
      const bag =
        r < 0.6
          ? bags[communityOf[lead]!]!
          : r < 0.85
            ? bags[com.complement]!
            : r < 0.9
              ? regionBags[com.region]!
              : everyone;
      const m = rnd.pick(bag);
      // Roles complement each other: a second member of the lead's type is accepted half the time.
      if (types[m] === types[lead] && rnd.chance(0.5)) continue;
      members.add(m);
    }
    if (members.size < 2) continue;
    for (const m of members) {
      collabLines.push(`K${k},O${m},${day}`);
      bags[communityOf[m]!]!.push(m);
    }
  }
  return { organisations: `${orgLines.join('\n')}\n`, collaborations: `${collabLines.join('\n')}\n` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      organisations: { type: 'string', default: '30000' },
      collaborations: { type: 'string', default: '150000' },
      seed: { type: 'string', default: '16' },
      out: { type: 'string', default: 'bench/data/recommend' },
    },
  });
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  const files = generate({
    organisations: Number(values.organisations),
    collaborations: Number(values.collaborations),
    seed: Number(values.seed),
  });
  writeFileSync(path.join(out, 'organisations.csv'), files.organisations);
  writeFileSync(path.join(out, 'collaborations.csv'), files.collaborations);
  process.stderr.write(`Wrote ${path.join(out, 'organisations.csv')} and collaborations.csv\n`);
}
