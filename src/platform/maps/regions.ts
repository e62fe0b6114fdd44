import { type GeoProjection, geoAzimuthalEqualArea, geoCentroid, geoDistance, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { type Area, rewindForD3 } from './geometry.ts';
import { type MapFrame, type MapShape, type ProjectedMap, projectShapes } from './projected.ts';

export interface RegionGeometry {
  code: string;
  name: string;
  geometry: Area;
}

const WIDTH = 720;
const MARGIN = 12;
const MAX_HEIGHT = 640;
const INSET = 116;
const INSET_GAP = 20;
/** Regions farther than this from the middle of their country are drawn as insets (overseas regions). */
const FAR_KM = 1000;
const EARTH_KM = 6371;

type RegionFeature = Feature<Area, { code: string; name: string }>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** An equal-area projection centred on `object`, so that it is drawn without skew. */
function centredOn(object: Feature | FeatureCollection): GeoProjection {
  const [lon, lat] = geoCentroid(object);
  return geoAzimuthalEqualArea().rotate([-lon, -lat]);
}

/**
 * The regions of one country on a map of their own: an equal-area projection centred on the
 * country; regions far from the rest (the French overseas regions, the Canaries, the Azores,
 * Svalbard) in small framed insets under the main map, so they neither vanish nor shrink the rest.
 */
export function projectRegions(regions: RegionGeometry[]): ProjectedMap {
  const features: RegionFeature[] = regions.map((r) => ({
    type: 'Feature',
    properties: { code: r.code, name: r.name },
    geometry: rewindForD3(r.geometry),
  }));
  if (features.length === 0) return { width: WIDTH, height: 0, shapes: [], frames: [] };
  const centroids = features.map((f) => geoCentroid(f));
  const middle: [number, number] = [median(centroids.map((c) => c[0])), median(centroids.map((c) => c[1]))];
  const isFar = (i: number) => geoDistance(centroids[i]!, middle) * EARTH_KM > FAR_KM;
  let near = features.filter((_, i) => !isFar(i));
  let far = features.filter((_, i) => isFar(i));
  // Regions scattered so that none is near their middle: one map of them all, without insets.
  if (near.length === 0) [near, far] = [features, []];

  const main: FeatureCollection = { type: 'FeatureCollection', features: near };
  const projection = centredOn(main).fitWidth(WIDTH - 2 * MARGIN, main);
  const [[, top], [, bottom]] = geoPath(projection).bounds(main);
  // Tall countries (Norway, Sweden) are fitted to a maximum height rather than to the width.
  const mainHeight = Math.min(MAX_HEIGHT, Math.ceil(bottom - top + 2 * MARGIN));
  projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [WIDTH - MARGIN, mainHeight - MARGIN],
    ],
    main,
  );
  // A country fitted to the height leaves the sides empty: the map is narrowed to what it draws,
  // but stays wide enough for a row of insets.
  const [[left], [right]] = geoPath(projection).bounds(main);
  const minWidth = far.length ? 2 * MARGIN + Math.min(far.length, 3) * (INSET + INSET_GAP) : 0;
  const width = Math.min(WIDTH, Math.max(minWidth, Math.ceil(right - left + 2 * MARGIN)));
  const [tx, ty] = projection.translate();
  projection.translate([tx + (width - (right + left)) / 2, ty]);
  const shapes: MapShape[] = projectShapes(projection, near, 0.6);

  const perRow = Math.max(1, Math.floor((width - MARGIN) / (INSET + INSET_GAP)));
  const frames: MapFrame[] = [];
  far.forEach((f, i) => {
    const x = MARGIN + (i % perRow) * (INSET + INSET_GAP);
    const y = mainHeight + INSET_GAP / 2 + Math.floor(i / perRow) * (INSET + INSET_GAP + 14);
    const inset = centredOn(f).fitExtent(
      [
        [x + 6, y + 6],
        [x + INSET - 6, y + INSET - 6],
      ],
      f,
    );
    shapes.push(...projectShapes(inset, [f], 0.4));
    frames.push({ x, y, width: INSET, height: INSET, label: f.properties.name });
  });
  const rows = Math.ceil(far.length / perRow);
  const height = mainHeight + (rows ? rows * (INSET + INSET_GAP + 14) : 0);
  return { width, height, shapes, frames };
}
