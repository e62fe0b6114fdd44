import type { PartnershipRow } from './repository.ts';

/** The countries of a partnership: its member organisations' countries, each once, in code order. */
export function countriesOf(row: Pick<PartnershipRow, 'members'>): string[] {
  return [...new Set(row.members.map((m) => m.country))].sort();
}

/**
 * What the API shows of a partnership: its fields, its countries (derived from its members), and
 * its lists (members with roles, agreements, published events, news links).
 */
export function presentPartnership(row: PartnershipRow, o: { baseUrl: string }) {
  return {
    id: row.id,
    slug: row.slug,
    url: `${o.baseUrl}/partnerships/${row.slug}`,
    name: row.name,
    acronym: row.acronym,
    programme: row.programme,
    status: row.status,
    description: row.description,
    summary: row.summary,
    starts_on: row.starts_on,
    ends_on: row.ends_on,
    website: row.website,
    target_markets: row.target_markets,
    smes_reached: row.smes_reached,
    countries: countriesOf(row),
    members: row.members.map((m) => ({
      organisation: { id: m.organisation_id, slug: m.slug, name: m.name, country: m.country },
      role: m.role,
      joined_on: m.joined_on,
    })),
    agreements: row.agreements.map((a) => ({
      kind: a.kind,
      title: a.title,
      signed_on: a.signed_on,
      document_url: a.document_url,
    })),
    events: row.events
      .filter((e) => e.status === 'published')
      .map((e) => ({ id: e.id, slug: e.slug, title: e.title, start: e.starts_at.toISOString() })),
    news: row.news.map((n) => ({ title: n.title, url: n.url, published_on: n.published_on })),
    published_at: row.published_at ? new Date(row.published_at).toISOString() : null,
    updated_at: new Date(row.updated_at).toISOString(),
  };
}
