import { describe, expect, it } from 'vitest';
import {
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  EUROPE,
  isCountryCode,
  isNaceCode,
  isNutsCode,
  isTermCode,
  KETS,
} from '../../../platform/taxonomy/index.ts';
import { generateDemoOrganisations } from './organisation-data.ts';

const now = new Date('2026-11-01T09:00:00Z');
const orgs = generateDemoOrganisations({ count: 1000, seed: 2026, now });

describe('generateDemoOrganisations', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoOrganisations({ count: 200, seed: 7, now })).toEqual(
      generateDemoOrganisations({ count: 200, seed: 7, now }),
    );
    const other = generateDemoOrganisations({ count: 200, seed: 8, now });
    expect(other.map((o) => o.name)).not.toEqual(
      generateDemoOrganisations({ count: 200, seed: 7, now }).map((o) => o.name),
    );
  });

  it('returns the requested count with unique names and ids', () => {
    expect(orgs).toHaveLength(1000);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(1000);
    expect(new Set(orgs.map((o) => o.externalId)).size).toBe(1000);
    expect(generateDemoOrganisations({ count: 0, seed: 1, now })).toEqual([]);
  });

  it('spreads over at least 40 countries with 85-95 % in Europe', () => {
    expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(40);
    const share = orgs.filter((o) => EUROPE.has(o.country)).length / orgs.length;
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(share).toBeLessThanOrEqual(0.95);
  });

  it('uses only valid taxonomy codes', () => {
    for (const o of orgs) {
      expect(isCountryCode(o.country), o.country).toBe(true);
      if (o.region !== null) expect(isNutsCode(o.region, o.country), `${o.region} ${o.country}`).toBe(true);
      for (const c of o.ecosystems) expect(isTermCode(ECOSYSTEMS, c), c).toBe(true);
      for (const c of o.emergingIndustries) expect(isTermCode(EMERGING_INDUSTRIES, c), c).toBe(true);
      for (const c of o.kets) expect(isTermCode(KETS, c), c).toBe(true);
      for (const c of o.nace) expect(isNaceCode(c), c).toBe(true);
      for (const c of o.targetMarkets) expect(isCountryCode(c), c).toBe(true);
      expect(o.ecosystems.length).toBeGreaterThan(0);
    }
    for (const eco of ECOSYSTEMS)
      expect(orgs.filter((o) => o.ecosystems.includes(eco.code)).length).toBeGreaterThan(20);
  });

  it('keeps dates, contacts and websites plausible', () => {
    for (const o of orgs) {
      expect(o.createdAt.getTime()).toBeLessThanOrEqual(o.updatedAt.getTime());
      expect(o.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(o.contactEmail).toMatch(/@[a-z0-9-]+\.example\.(org|com)$/);
      if (o.website) expect(o.website).toMatch(/^https:\/\/[^/]*example/);
      const paragraphs = o.description.split('\n\n').filter((p) => !p.startsWith('- '));
      expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    }
    const statuses = new Set(orgs.map((o) => o.status));
    expect(statuses).toEqual(new Set(['published', 'needs_review', 'draft']));
    const published = generateDemoOrganisations({ count: 300, seed: 3, now, statusMix: false });
    expect(published.every((o) => o.status === 'published')).toBe(true);
  });
});
