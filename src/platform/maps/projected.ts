import { type GeoProjection, type GeoStream, geoPath } from 'd3-geo';
import type { Feature } from 'geojson';
import type { Area } from './geometry.ts';

/** One shape of a map, already projected to SVG coordinates. */
export interface MapShape {
  /** What the shape stands for (a country or region code); null for unnamed territories. */
  code: string | null;
  name: string;
  /** SVG path data. */
  d: string;
  /** Projected area of the whole shape, clipped or not: tiny shapes get a marker to be seen and clicked. */
  area: number;
  centroid: [number, number];
}

/** A rectangle drawn around an inset (e.g. an overseas region shown apart from the main map). */
export interface MapFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: MapShape[];
  frames: MapFrame[];
}

/**
 * A projected stream that drops points closer than `tolerance` to the last one kept: detail finer
 * than a pixel costs bytes and draws nothing. The last point of each line is always kept.
 */
function thinned(out: GeoStream, tolerance: number): GeoStream {
  const t2 = tolerance * tolerance;
  let last: [number, number] | null = null;
  let pending: [number, number] | null = null;
  return {
    point(x, y) {
      if (last && (x - last[0]) ** 2 + (y - last[1]) ** 2 < t2) {
        pending = [x, y];
        return;
      }
      out.point(x, y);
      last = [x, y];
      pending = null;
    },
    lineStart() {
      last = null;
      pending = null;
      out.lineStart();
    },
    lineEnd() {
      if (pending) out.point(pending[0], pending[1]);
      out.lineEnd();
    },
    polygonStart: () => out.polygonStart(),
    polygonEnd: () => out.polygonEnd(),
    sphere: () => out.sphere?.(),
  };
}

/**
 * Projects features to SVG path data (one decimal, points thinned to `tolerance` units); drops the
 * features that fall outside the projection's clip extent.
 */
export function projectShapes(
  projection: GeoProjection,
  features: Feature<Area, { code: string | null; name: string }>[],
  tolerance = 0.5,
): MapShape[] {
  const draw = geoPath({ stream: (out) => projection.stream(thinned(out, tolerance)) }).digits(1);
  const measure = geoPath(projection);
  const clip = projection.clipExtent();
  const unclipped = geoPath(projection.clipExtent(null));
  const areas = features.map((f) => unclipped.area(f));
  projection.clipExtent(clip);
  const shapes: MapShape[] = [];
  features.forEach((f, i) => {
    const d = draw(f);
    if (!d) return;
    const [x, y] = measure.centroid(f);
    shapes.push({
      code: f.properties.code,
      name: f.properties.name,
      d,
      area: areas[i] ?? 0,
      centroid: [Math.round(x * 10) / 10, Math.round(y * 10) / 10],
    });
  });
  return shapes;
}
