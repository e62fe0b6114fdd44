import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ProjectedMap } from '../../platform/maps/projected.ts';
import { projectRegions } from '../../platform/maps/regions.ts';
import { type Shading, shadingFor } from '../../platform/maps/shading.ts';
import { type WorldView, worldMap } from '../../platform/maps/world.ts';
import * as repo from './repository.ts';

export interface CountryMap {
  view: WorldView;
  map: ProjectedMap;
  shading: Shading;
  /** Every country with published organisations, most first (some may be too small for the map). */
  counts: repo.Count[];
  /** Countries whose regions have been imported: their shapes lead to the region map. */
  withRegions: Set<string>;
}

/** The country map: borders are projected once per process; only the counts are read each time. */
export async function countryMap(db: Kysely<DB>, view: WorldView): Promise<CountryMap> {
  const [counts, withRegions] = await Promise.all([repo.countByCountry(db), repo.countriesWithRegions(db)]);
  const map = worldMap(view);
  const onMap = new Set(map.shapes.map((s) => s.code));
  return {
    view,
    map,
    counts,
    withRegions,
    shading: shadingFor(counts.filter((c) => onMap.has(c.code)).map((c) => c.count)),
  };
}

export interface RegionMap {
  country: string;
  map: ProjectedMap;
  shading: Shading;
  regions: { code: string; name: string; count: number }[];
  /** Published organisations of the country without a (known) NUTS-2 region. */
  unassigned: number;
  total: number;
}

const regionMaps = new Map<string, { version: string; map: ProjectedMap; names: Map<string, string> }>();

/** Drops the projected region maps of this process (after an import). */
export function forgetRegionMaps(): void {
  regionMaps.clear();
}

/**
 * The NUTS-2 map of a country, or undefined when none has been imported. The projection is kept
 * until the regions are imported again: the version (count and import time) is read each time, so
 * an import by another process is seen too.
 */
export async function regionMap(db: Kysely<DB>, country: string): Promise<RegionMap | undefined> {
  const version = await repo.regionsVersion(db, country);
  if (!version) return undefined;
  let cached = regionMaps.get(country);
  if (cached?.version !== version) {
    const regions = await repo.levelTwoRegions(db, country);
    cached = { version, map: projectRegions(regions), names: new Map(regions.map((r) => [r.code, r.name])) };
    regionMaps.set(country, cached);
  }
  const [byRegion, total] = await Promise.all([
    repo.countByRegion(db, country),
    repo.countInCountry(db, country),
  ]);
  const counts = new Map(byRegion.map((r) => [r.code, r.count]));
  const regions = [...cached.names].map(([code, name]) => ({ code, name, count: counts.get(code) ?? 0 }));
  const assigned = regions.reduce((sum, r) => sum + r.count, 0);
  return {
    country,
    map: cached.map,
    shading: shadingFor(regions.map((r) => r.count)),
    regions,
    unassigned: total - assigned,
    total,
  };
}
