import type { Polygon } from 'geojson';

/** Made-up shapes for map and NUTS tests, written as GISCO writes them. */

/** A square of `size` degrees with its south-west corner at lon/lat, clockwise. */
export function square(lon: number, lat: number, size = 1): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon, lat + size],
        [lon + size, lat + size],
        [lon + size, lat],
        [lon, lat],
      ],
    ],
  };
}

/** A NUTS region as a GeoJSON feature (its level and country follow from the code). */
export function nutsFeature(
  code: string,
  name: string,
  geometry: unknown,
  extra: Record<string, unknown> = {},
) {
  return {
    type: 'Feature',
    properties: {
      NUTS_ID: code,
      LEVL_CODE: code.length - 2,
      CNTR_CODE: code.slice(0, 2),
      NAME_LATN: name,
      ...extra,
    },
    geometry,
  };
}

/** A GISCO file's text: a feature collection in WGS 84. */
export function nutsFile(features: unknown[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
    features,
  });
}
