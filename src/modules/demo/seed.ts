import { analyze } from '../../platform/db/maintenance.ts';
import { hashPassword } from '../../platform/security/passwords.ts';
import type { Services } from '../../platform/services.ts';
import * as accounts from '../accounts/repository.ts';
import * as repo from '../organisations/repository.ts';
import { slugify } from '../organisations/slug.ts';
import { type DemoOrganisation, generateDemoOrganisations } from './organisation-data.ts';

/** The demo's reference date: the content is the same on every machine and every day. */
export const DEMO_NOW = new Date('2026-11-01T09:00:00Z');
export const DEMO_COUNT = 1000;
export const DEMO_SEED = 2026;

/** Demo accounts; the README lists them. Their passwords are public, so they are for demos only. */
export const DEMO_USERS = [
  {
    email: 'editor@demo.clusterhub.test',
    name: 'Elena Editor',
    role: 'editor',
    password: 'demo-editor-2026',
  },
  {
    email: 'manager@demo.clusterhub.test',
    name: 'Marc Manager',
    role: 'user',
    password: 'demo-manager-2026',
  },
  { email: 'member@demo.clusterhub.test', name: 'Mia Member', role: 'user', password: 'demo-member-2026' },
] as const;

/** A demo organisation in the field names of the API and the import format. */
export function demoProfileFields(o: DemoOrganisation) {
  return {
    external_id: o.externalId,
    name: o.name,
    acronym: o.acronym,
    type: o.type,
    country: o.country,
    region: o.region,
    city: o.city,
    latitude: o.latitude,
    longitude: o.longitude,
    website: o.website,
    founded_year: o.foundedYear,
    description: o.description,
    members_sme: o.membersSme,
    members_large: o.membersLarge,
    members_research: o.membersResearch,
    members_public: o.membersPublic,
    members_other: o.membersOther,
    management_fte: o.managementFte,
    ecosystems: o.ecosystems,
    emerging_industries: o.emergingIndustries,
    nace: o.nace,
    kets: o.kets,
    keywords: o.keywords,
    value_chains: o.valueChains,
    target_markets: o.targetMarkets,
    label: o.label,
    label_valid_from: o.labelValidFrom,
    label_valid_until: o.labelValidUntil,
    contact_name: o.contactName,
    contact_email: o.contactEmail,
  };
}

function columnsOf(o: DemoOrganisation, slug: string) {
  return {
    slug,
    ...demoProfileFields(o),
    social: JSON.stringify(o.social),
    status: o.status,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    submitted_at: o.status === 'needs_review' ? o.updatedAt : null,
    published_at: o.status === 'published' ? o.createdAt : null,
  };
}

/**
 * Seeds the demo content into an empty directory: about 1,000 organisations, demo users and two
 * teams. Does nothing when any organisation exists, so a restart never duplicates it.
 */
export async function seedDemo(s: Services): Promise<{ organisations: number } | null> {
  if ((await repo.countAll(s.db)) > 0) return null;
  const orgs = generateDemoOrganisations({ count: DEMO_COUNT, seed: DEMO_SEED, now: DEMO_NOW });
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  await s.db.transaction().execute(async (trx) => {
    const used = new Set<string>();
    const rows = orgs.map((o) => {
      let slug = slugify(o.name);
      for (let i = 2; used.has(slug); i++) slug = `${slugify(o.name)}-${i}`;
      used.add(slug);
      return repo.withDerivedColumns(columnsOf(o, slug));
    });
    await repo.insertMany(trx, rows);
    const users = [];
    for (const [i, u] of DEMO_USERS.entries()) {
      const existing = await accounts.findUserByEmail(trx, u.email);
      users.push(
        existing ??
          (await accounts.insertUser(trx, {
            email: u.email,
            name: u.name,
            passwordHash: hashes[i]!,
            role: u.role,
            verified: true,
            locale: 'en',
          })),
      );
    }
    // The manager runs one published profile and one still in review; the member helps with the first.
    const published = rows.find((r) => r.status === 'published' && r.type === 'cluster_organisation')!;
    const inReview = rows.find((r) => r.status === 'needs_review')!;
    const ids = await repo.idsBySlugs(trx, [published.slug, inReview.slug]);
    const [manager, member] = [users[1]!, users[2]!];
    await repo.upsertMember(trx, ids.get(published.slug)!, manager.id, 'admin');
    await repo.upsertMember(trx, ids.get(inReview.slug)!, manager.id, 'admin');
    await repo.upsertMember(trx, ids.get(published.slug)!, member.id, 'member');
  });
  // Planner statistics for the fresh rows, as after any bulk load.
  await analyze(s.db, ['organisations']);
  return { organisations: orgs.length };
}
