import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { announceChange } from '../../platform/http/page-cache.ts';
import { type Area, rewindForD3 } from '../../platform/maps/geometry.ts';
import type { Services } from '../../platform/services.ts';
import { isCountryCode, isNutsCode, nutsLevel } from '../../platform/taxonomy/index.ts';
import { forgetRegionMaps } from './maps.ts';
import { type NewRegion, replaceRegions } from './repository.ts';

/** NUTS writes Greece and the United Kingdom EL and UK; the directory stores ISO 3166 codes. */
const ISO_OF_NUTS: Record<string, string> = { EL: 'GR', UK: 'GB' };
const MAX_PROBLEMS = 10;

export interface NutsImportResult {
  regions: number;
  levels: number[];
  countries: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function isPolygon(rings: unknown): boolean {
  return (
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
  );
}

/** Why a geometry cannot be used, or null when it is a longitude/latitude (Multi)Polygon. */
function geometryProblem(g: unknown): string | null {
  if (!isObject(g)) return 'geometry is missing';
  if (g.type === 'Polygon') return isPolygon(g.coordinates) ? null : 'geometry has invalid coordinates';
  if (g.type === 'MultiPolygon')
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon)
      ? null
      : 'geometry has invalid coordinates';
  return `geometry must be a Polygon or MultiPolygon, not ${String(g.type)}`;
}

/** One region of the file, or what is wrong with the feature. */
function readFeature(f: unknown, seen: Set<string>): NewRegion | string {
  if (!isObject(f) || f.type !== 'Feature') return 'not a GeoJSON Feature';
  const p = isObject(f.properties) ? f.properties : {};
  const code = typeof p.NUTS_ID === 'string' ? p.NUTS_ID.trim().toUpperCase() : '';
  if (!isNutsCode(code)) return 'NUTS_ID is missing or is not a NUTS code';
  if (seen.has(code)) return 'NUTS_ID appears twice';
  seen.add(code);
  const level = Number(p.LEVL_CODE ?? nutsLevel(code));
  if (level !== nutsLevel(code)) return `LEVL_CODE ${String(p.LEVL_CODE)} does not match the code`;
  const prefix = code.slice(0, 2);
  if (p.CNTR_CODE !== undefined && p.CNTR_CODE !== prefix)
    return `CNTR_CODE ${String(p.CNTR_CODE)} does not match the code`;
  const country = ISO_OF_NUTS[prefix] ?? prefix;
  if (!isCountryCode(country)) return `${prefix} is not a country`;
  const name = [p.NAME_LATN, p.NUTS_NAME].find((n): n is string => typeof n === 'string' && n.trim() !== '');
  if (!name) return 'NAME_LATN is missing';
  const problem = geometryProblem(f.geometry);
  if (problem) return problem;
  return { code, level, country, name: name.trim(), geometry: rewindForD3(f.geometry as Area) };
}

/**
 * The regions of a GISCO NUTS GeoJSON file (EPSG:4326, properties NUTS_ID, LEVL_CODE, CNTR_CODE,
 * NAME_LATN). Every problem found (up to ten) is reported at once, with the feature it concerns;
 * nothing is imported from a file with problems.
 */
export function parseNutsGeoJson(text: string): NewRegion[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new AppError('validation', `The file is not JSON: ${(err as Error).message}`);
  }
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features))
    throw new AppError('validation', 'The file is not a GeoJSON FeatureCollection.');
  const crs =
    isObject(data.crs) && isObject(data.crs.properties) ? String(data.crs.properties.name ?? '') : '';
  if (crs && !/(EPSG::?4326|CRS84)$/i.test(crs))
    throw new AppError(
      'validation',
      `The file uses the coordinate system ${crs}; NUTS regions are imported in longitude/latitude (EPSG:4326, files named …_4326_…).`,
    );
  if (data.features.length === 0) throw new AppError('validation', 'The file contains no regions.');

  const problems: FieldProblem[] = [];
  const regions: NewRegion[] = [];
  const seen = new Set<string>();
  data.features.forEach((f: unknown, i: number) => {
    const region = readFeature(f, seen);
    if (typeof region === 'string') {
      const code = isObject(f) && isObject(f.properties) ? f.properties.NUTS_ID : undefined;
      problems.push({
        field: typeof code === 'string' && code ? `features[${i}] ${code}` : `features[${i}]`,
        message: region,
      });
    } else regions.push(region);
  });
  if (problems.length) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    const more = problems.length - shown.length;
    throw new AppError(
      'validation',
      `The file is not valid NUTS GeoJSON: ${problems.length} feature(s) have problems${more ? ` (first ${MAX_PROBLEMS} shown)` : ''}.`,
      shown,
    );
  }
  return regions;
}

/** Stores parsed regions, replacing those of the same levels: importing a file twice changes nothing. */
export async function saveNutsRegions(s: Services, regions: NewRegion[]): Promise<NutsImportResult> {
  const levels = [...new Set(regions.map((r) => r.level))].sort();
  await replaceRegions(s.db, levels, regions);
  forgetRegionMaps();
  await announceChange(s);
  return { regions: regions.length, levels, countries: new Set(regions.map((r) => r.country)).size };
}

/** Imports the regions of a GISCO NUTS GeoJSON text (see `parseNutsGeoJson`). */
export async function importNutsRegions(s: Services, text: string): Promise<NutsImportResult> {
  return saveNutsRegions(s, parseNutsGeoJson(text));
}
