import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GeoProjection, geoAzimuthalEqualArea, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { type Area, keepWithin, type Window } from './geometry.ts';
import { type ProjectedMap, projectShapes } from './projected.ts';

export const WORLD_VIEWS = ['europe', 'world'] as const;
export type WorldView = (typeof WORLD_VIEWS)[number];

/**
 * Natural Earth (through world-atlas) gives most countries their ISO 3166-1 numeric code. A few
 * disputed or unrecognised territories have none: Kosovo is matched by name to its user-assigned
 * code XK (used throughout the directory); the others are drawn as land that links nowhere.
 */
const CODE_BY_NAME: Record<string, string> = { Kosovo: 'XK' };

export type CountryFeature = Feature<Area, { code: string | null; name: string }>;

let loaded: CountryFeature[] | undefined;

/** Every country of world-atlas (1:50 million), one feature per alpha-2 code. Read once, lazily. */
type Named = { name: string };
type TopoCountry = (Polygon<Named> | MultiPolygon<Named>) & { properties: Named };

function areaOf(topology: Topology, g: TopoCountry): Area {
  return (feature(topology, g) as Feature<Area>).geometry;
}

export function worldCountries(): CountryFeature[] {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
    countries: GeometryCollection<Named>;
  }>;
  const byCode = new Map<string, TopoCountry[]>();
  const unnamed: CountryFeature[] = [];
  for (const g of topology.objects.countries.geometries as TopoCountry[]) {
    const name = g.properties.name;
    const code = (g.id !== undefined && countries.numericToAlpha2(String(g.id))) || CODE_BY_NAME[name];
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), g]);
    else unnamed.push({ type: 'Feature', properties: { code: null, name }, geometry: areaOf(topology, g) });
  }
  // Countries in several pieces (Australia and its Ashmore and Cartier Islands) become one shape.
  loaded = [
    ...[...byCode].map(([code, parts]): CountryFeature => {
      const geometry = parts.length === 1 ? areaOf(topology, parts[0]!) : merge(topology, parts);
      return { type: 'Feature', properties: { code, name: parts[0]!.properties.name }, geometry };
    }),
    ...unnamed,
  ];
  return loaded;
}

const WIDTH = 960;

/** Where the Europe view may take polygons from; overseas parts of European countries fall outside. */
export const EUROPE_WINDOW: Window = [
  [-35, 25],
  [75, 84],
];

/** Points the Europe view must show: Iceland, Portugal, Malta, Crete, Cyprus, the Caucasus, the North Cape. */
const EUROPE_FRAME: Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPoint',
    coordinates: [
      [-24.5, 66.6],
      [-9.6, 36.9],
      [14.5, 35.6],
      [25, 34.7],
      [34.6, 34.4],
      [46.5, 41.5],
      [26, 71.2],
      [44, 66],
    ],
  },
};

/**
 * Fits `projection` to `object` across the map's width with a margin, and returns the height the
 * map needs at that scale.
 */
function fitToWidth(projection: GeoProjection, object: Feature | FeatureCollection, margin: number): number {
  projection.fitWidth(WIDTH - 2 * margin, object);
  const [[, y0], [, y1]] = geoPath(projection).bounds(object);
  const height = Math.ceil(y1 - y0 + 2 * margin);
  projection.fitExtent(
    [
      [margin, margin],
      [WIDTH - margin, height - margin],
    ],
    object,
  );
  projection.clipExtent([
    [0, 0],
    [WIDTH, height],
  ]);
  return height;
}

function europe(): ProjectedMap {
  const features = worldCountries().flatMap((f): CountryFeature[] => {
    const geometry = keepWithin(f.geometry, EUROPE_WINDOW);
    return geometry ? [{ ...f, geometry }] : [];
  });
  // Lambert azimuthal equal-area centred on 10° E 52° N: the projection of EU statistics (EPSG:3035).
  const projection = geoAzimuthalEqualArea().rotate([-10, -52]);
  const height = fitToWidth(projection, EUROPE_FRAME, 16);
  return { width: WIDTH, height, shapes: projectShapes(projection, features, 1), frames: [] };
}

function world(): ProjectedMap {
  // Antarctica has no organisations and would take a fifth of the height.
  const features = worldCountries().filter((f) => f.properties.code !== 'AQ');
  const projection = geoNaturalEarth1();
  const height = fitToWidth(projection, { type: 'FeatureCollection', features }, 8);
  return { width: WIDTH, height, shapes: projectShapes(projection, features, 1.2), frames: [] };
}

const cache = new Map<WorldView, ProjectedMap>();

/** The projected countries of a view; computed on first use and kept (the borders do not change). */
export function worldMap(view: WorldView): ProjectedMap {
  let map = cache.get(view);
  if (!map) {
    map = view === 'europe' ? europe() : world();
    cache.set(view, map);
  }
  return map;
}
