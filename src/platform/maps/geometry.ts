import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Area = Polygon | MultiPolygon;

/** A longitude/latitude window: [[west, south], [east, north]]. */
export type Window = [[number, number], [number, number]];

function polygonsOf(geometry: Area): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function fromPolygons(polygons: Position[][][]): Area {
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * d3-geo reads rings on the sphere: an exterior ring must run clockwise, otherwise the polygon is
 * the whole globe minus the shape. GeoJSON (RFC 7946) prefers the opposite order and files differ,
 * so any polygon larger than a hemisphere is taken as reversed and turned round.
 */
export function rewindForD3(geometry: Area): Area {
  return fromPolygons(
    polygonsOf(geometry).map((rings) =>
      geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
        ? rings.map((ring) => [...ring].reverse())
        : rings,
    ),
  );
}

function ringBox(ring: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x = 0, y = 0] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/**
 * The parts of a shape that touch the window; undefined when none does. World maps draw overseas
 * territories as part of their country (French Guiana inside France): a map of Europe keeps only
 * the polygons near Europe, so a country's shape, centroid and bounds stay in Europe.
 */
export function keepWithin(geometry: Area, [[west, south], [east, north]]: Window): Area | undefined {
  const kept = polygonsOf(geometry).filter((rings) => {
    const [w, s, e, n] = ringBox(rings[0] ?? []);
    return e >= west && w <= east && n >= south && s <= north;
  });
  return kept.length ? fromPolygons(kept) : undefined;
}
