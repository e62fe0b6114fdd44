import * as repo from '../organisations/repository.ts';
import { slugify } from '../organisations/slug.ts';
import { upsertMember } from '../teams/repository.ts';
import { type DemoOrganisation, generateDemoOrganisations } from './data/organisation-data.ts';
import type { DemoPart } from './part.ts';

export const DEMO_COUNT = 1000;

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
 * About 1,000 organisations, and two teams: the manager runs one published profile and one still
 * in review; the member helps with the first.
 */
export const organisationsPart: DemoPart = {
  name: 'organisations',
  present: async (db) => (await repo.countAll(db)) > 0,
  async seed(trx, ctx) {
    const orgs = generateDemoOrganisations({ count: DEMO_COUNT, seed: ctx.seed, now: ctx.now });
    const used = new Set<string>();
    const rows = orgs.map((o) => {
      let slug = slugify(o.name);
      for (let i = 2; used.has(slug); i++) slug = `${slugify(o.name)}-${i}`;
      used.add(slug);
      return repo.withDerivedColumns(columnsOf(o, slug));
    });
    await repo.insertMany(trx, rows);
    const published = rows.find((r) => r.status === 'published' && r.type === 'cluster_organisation')!;
    const inReview = rows.find((r) => r.status === 'needs_review')!;
    const ids = await repo.idsBySlugs(trx, [published.slug, inReview.slug]);
    const manager = ctx.users.get('manager@demo.clusterhub.test')!;
    const member = ctx.users.get('member@demo.clusterhub.test')!;
    await upsertMember(trx, ids.get(published.slug)!, manager.id, 'admin');
    await upsertMember(trx, ids.get(inReview.slug)!, manager.id, 'admin');
    await upsertMember(trx, ids.get(published.slug)!, member.id, 'member');
    return orgs.length;
  },
  analyze: ['organisations'],
};
