import type { Organisation, OrganisationRevision } from '../../platform/db/schema.ts';
import { proposedFields } from './changes.ts';
import { isOutdated, totalMembers } from './eligibility.ts';

/**
 * What the API shows of an organisation: the same field names the create/update input takes, so
 * an export can be imported again, plus read-only facts. Moderation details stay inside.
 */
export function presentOrganisation(o: Organisation, opts: { baseUrl: string; hasLogo: boolean }) {
  const social = (o.social ?? {}) as Record<string, string>;
  return {
    id: o.id,
    slug: o.slug,
    url: `${opts.baseUrl}/organisations/${o.slug}`,
    name: o.name,
    acronym: o.acronym,
    type: o.type,
    country: o.country,
    region: o.region,
    city: o.city,
    latitude: o.latitude,
    longitude: o.longitude,
    website: o.website,
    founded_year: o.founded_year,
    description: o.description,
    members_sme: o.members_sme,
    members_large: o.members_large,
    members_research: o.members_research,
    members_public: o.members_public,
    members_other: o.members_other,
    members_total: totalMembers(o),
    management_fte: o.management_fte,
    ecosystems: o.ecosystems,
    emerging_industries: o.emerging_industries,
    nace: o.nace,
    kets: o.kets,
    keywords: o.keywords,
    value_chains: o.value_chains,
    target_markets: o.target_markets,
    label: o.label,
    label_valid_from: o.label_valid_from,
    label_valid_until: o.label_valid_until,
    contact_name: o.contact_name,
    contact_email: o.contact_email,
    social_linkedin: social.linkedin ?? null,
    social_x: social.x ?? null,
    social_youtube: social.youtube ?? null,
    social_facebook: social.facebook ?? null,
    logo_url: opts.hasLogo ? `${opts.baseUrl}/organisations/${o.slug}/logo` : null,
    status: o.status,
    updated_at: o.updated_at.toISOString(),
    published_at: o.published_at?.toISOString() ?? null,
    outdated: isOutdated(o.updated_at),
  };
}

/** A revision as the API shows it to the team and to editors: what waits for review, or was decided. */
export function presentRevision(r: OrganisationRevision) {
  return {
    id: r.id,
    status: r.status,
    fields: proposedFields(r.proposed),
    proposed: r.proposed,
    reason: r.reason,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    decided_at: r.decided_at?.toISOString() ?? null,
  };
}

/** schema.org Organization for the public profile page. */
export function organisationJsonLd(o: Organisation, opts: { baseUrl: string; hasLogo: boolean }) {
  const social = (o.social ?? {}) as Record<string, string>;
  const sameAs = Object.values(social).filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${opts.baseUrl}/organisations/${o.slug}`,
    name: o.name,
    ...(o.acronym ? { alternateName: o.acronym } : {}),
    url: o.website ?? `${opts.baseUrl}/organisations/${o.slug}`,
    description: o.summary,
    ...(o.founded_year ? { foundingDate: String(o.founded_year) } : {}),
    address: {
      '@type': 'PostalAddress',
      addressCountry: o.country,
      ...(o.city ? { addressLocality: o.city } : {}),
      ...(o.region ? { addressRegion: o.region } : {}),
    },
    ...(o.latitude !== null && o.longitude !== null
      ? {
          location: {
            '@type': 'Place',
            geo: { '@type': 'GeoCoordinates', latitude: o.latitude, longitude: o.longitude },
          },
        }
      : {}),
    ...(opts.hasLogo ? { logo: `${opts.baseUrl}/organisations/${o.slug}/logo` } : {}),
    ...(o.keywords.length ? { keywords: o.keywords.join(', ') } : {}),
    ...(o.contact_email || o.contact_name
      ? {
          contactPoint: {
            '@type': 'ContactPoint',
            contactType: 'general',
            ...(o.contact_name ? { name: o.contact_name } : {}),
            ...(o.contact_email ? { email: o.contact_email } : {}),
          },
        }
      : {}),
    ...(sameAs.length ? { sameAs } : {}),
    numberOfEmployees:
      o.management_fte !== null ? { '@type': 'QuantitativeValue', value: o.management_fte } : undefined,
    dateModified: o.updated_at.toISOString(),
  };
}
