import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { square } from '../../../test/helpers/geojson.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { keepWithin, rewindForD3 } from './geometry.ts';
import { projectRegions } from './regions.ts';
import { NO_DATA_FILL, shadingFor } from './shading.ts';
import { EUROPE_WINDOW, worldCountries, worldMap } from './world.ts';

describe('shading', () => {
  it('has no classes without counts, and never shades zero', () => {
    expect(shadingFor([0, 0]).classes).toEqual([]);
    expect(shadingFor([5]).fillOf(0)).toBe(NO_DATA_FILL);
  });

  it('splits counts into contiguous whole-number classes, darker for more', () => {
    const counts = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89];
    const { classes, fillOf } = shadingFor(counts);
    expect(classes.length).toBeGreaterThan(2);
    expect(classes.length).toBeLessThanOrEqual(5);
    expect(classes[0]!.min).toBe(1);
    expect(classes.at(-1)!.max).toBe(89);
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.min).toBe(classes[i - 1]!.max + 1);
    for (const c of classes) expect([fillOf(c.min), fillOf(c.max)]).toEqual([c.fill, c.fill]);
    expect(new Set(classes.map((c) => c.fill)).size).toBe(classes.length);
  });

  it('gives a single count the darkest shade', () => {
    const { classes } = shadingFor([7, 7]);
    expect(classes).toEqual([{ min: 1, max: 7, fill: '#08519c' }]);
  });
});

describe('geometry', () => {
  it('turns a ring wound the RFC 7946 way round for d3', () => {
    const ccw: Polygon = { type: 'Polygon', coordinates: [[...square(10, 50).coordinates[0]!].reverse()] };
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(rewindForD3(ccw))).toBeLessThan(0.001);
    expect(rewindForD3(square(10, 50))).toEqual(square(10, 50));
  });

  it('keeps the parts of a shape that touch a window', () => {
    const shape: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(2, 46).coordinates, square(-53, 4).coordinates],
    };
    expect(keepWithin(shape, EUROPE_WINDOW)).toEqual(square(2, 46));
    expect(keepWithin(square(-53, 4), EUROPE_WINDOW)).toBeUndefined();
  });
});

describe('world map', () => {
  const france = worldCountries().find((f) => f.properties.code === 'FR')!;

  it('knows countries by ISO alpha-2 code, Kosovo included', () => {
    const codes = new Set(worldCountries().map((f) => f.properties.code));
    for (const code of ['FR', 'DE', 'GR', 'GB', 'XK', 'MT', 'US']) expect(codes.has(code), code).toBe(true);
  });

  it('draws France in Europe without French Guiana or the other overseas parts', () => {
    // world-atlas draws France's overseas departments as parts of France...
    const polygons = (france.geometry as MultiPolygon).coordinates;
    expect(polygons.some((p) => p[0]!.some(([lon, lat]) => lon! < -50 && lat! < 6))).toBe(true);
    // ...which the Europe view leaves out.
    const european = keepWithin(france.geometry, EUROPE_WINDOW) as MultiPolygon;
    for (const p of european.coordinates) for (const [lon] of p[0]!) expect(lon).toBeGreaterThan(-10);

    const map = worldMap('europe');
    const fr = map.shapes.find((s) => s.code === 'FR')!;
    const de = map.shapes.find((s) => s.code === 'DE')!;
    // France lies west of Germany and at about its latitude, not pulled towards South America.
    expect(fr.centroid[0]).toBeLessThan(de.centroid[0]);
    expect(Math.abs(fr.centroid[1] - de.centroid[1])).toBeLessThan(map.height / 8);
    for (const s of map.shapes) {
      const numbers = s.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(map.width, map.height));
    }
  });

  it('projects once and keeps the result', () => {
    expect(worldMap('world')).toBe(worldMap('world'));
    expect(worldMap('world').shapes.some((s) => s.code === 'AQ')).toBe(false);
  });
});

describe('region map', () => {
  it('draws far regions in framed insets under the main map', () => {
    const map = projectRegions([
      { code: 'PT11', name: 'Norte', geometry: square(-8.5, 41) },
      { code: 'PT16', name: 'Centro', geometry: square(-8.5, 40) },
      { code: 'PT20', name: 'Açores', geometry: square(-28, 38, 0.5) },
    ]);
    expect(map.shapes.map((s) => s.code)).toEqual(['PT11', 'PT16', 'PT20']);
    expect(map.frames).toHaveLength(1);
    const [frame] = map.frames;
    expect(frame!.label).toBe('Açores');
    const azores = map.shapes[2]!;
    expect(azores.centroid[0]).toBeGreaterThan(frame!.x);
    expect(azores.centroid[0]).toBeLessThan(frame!.x + frame!.width);
    expect(frame!.y).toBeGreaterThan(Math.max(map.shapes[0]!.centroid[1], map.shapes[1]!.centroid[1]));
  });
});

describe('bar chart', () => {
  it('is an image named by its title, with one bar per value', () => {
    const html = render(
      BarChart({
        id: 'c',
        title: 'Organisations by label',
        description: 'Largest: none',
        bars: [
          { label: 'None', value: 10 },
          { label: 'Gold', value: 0 },
        ],
        format: String,
      }),
    );
    expect(html).toContain('role="img" aria-labelledby="c-title" aria-describedby="c-desc"');
    expect(html).toContain('<title id="c-title">Organisations by label</title>');
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).not.toContain('style=');
  });
});
