import type { MapShape, ProjectedMap } from './projected.ts';
import { NO_DATA_FILL, type Shading } from './shading.ts';

/** Shapes smaller than this (square units) also get a dot, so microstates can be seen and clicked. */
const MARKER_BELOW = 40;

/** A frame's label shortened to its width (12px text): the full name is in the link and the table. */
function fitted(label: string, width: number): string {
  const max = Math.floor(width / 6.6);
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export interface ChoroplethProps {
  id: string;
  title: string;
  description: string;
  map: ProjectedMap;
  shading: Shading;
  countOf(code: string): number;
  /** Where a shape links to; shapes without a link are drawn as plain, hidden land. */
  hrefOf(code: string, count: number): string | undefined;
  /** The accessible name (and tooltip) of a linked shape, e.g. "Germany: 42 organisations". */
  labelOf(shape: MapShape, count: number): string;
}

/**
 * A choropleth as a server-rendered SVG: no script, no inline style (colours are presentation
 * attributes). Linked shapes are SVG links with a `<title>`, reachable from the keyboard; unnamed
 * shapes are not exposed to assistive technology, which gets the same figures from the table.
 */
export function ChoroplethMap({
  id,
  title,
  description,
  map,
  shading,
  countOf,
  hrefOf,
  labelOf,
}: ChoroplethProps) {
  const plain: { shape: MapShape; fill: string }[] = [];
  const linked: { shape: MapShape; fill: string; href: string; label: string }[] = [];
  for (const shape of map.shapes) {
    const count = shape.code ? countOf(shape.code) : 0;
    const fill = count > 0 ? shading.fillOf(count) : NO_DATA_FILL;
    const href = shape.code ? hrefOf(shape.code, count) : undefined;
    if (href) linked.push({ shape, fill, href, label: labelOf(shape, count) });
    else plain.push({ shape, fill });
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no fieldset; the map is a named group of links
    <svg
      id={id}
      class="choropleth"
      viewBox={`0 0 ${map.width} ${map.height}`}
      width={map.width}
      height={map.height}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <rect class="sea" x="0" y="0" width={map.width} height={map.height} fill="#f1f5f9" />
      <g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">
        {plain.map(({ shape, fill }) => (
          <path d={shape.d} fill={fill} />
        ))}
        {map.frames.map((f) => (
          <>
            <rect
              x={f.x}
              y={f.y}
              width={f.width}
              height={f.height}
              fill="none"
              stroke="#8a94a3"
              stroke-width="1"
            />
            <text x={f.x + 4} y={f.y + f.height + 13} class="frame-label" fill="#4a5361" stroke="none">
              {fitted(f.label, f.width)}
            </text>
          </>
        ))}
      </g>
      <g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">
        {linked.map(({ shape, fill, href, label }) => (
          <a href={href} class="map-link">
            <title>{label}</title>
            <path d={shape.d} fill={fill} />
            {shape.area < MARKER_BELOW ? (
              <circle
                cx={shape.centroid[0]}
                cy={shape.centroid[1]}
                r="4.5"
                fill={fill}
                stroke="#1b1f24"
                stroke-width="0.8"
              />
            ) : null}
          </a>
        ))}
      </g>
    </svg>
  );
}

/** The key to the shades, as HTML under the map; `rangeLabel` words a class ("10–49"). */
export function MapLegend({
  title,
  shading,
  noneLabel,
  rangeLabel,
}: {
  title: string;
  shading: Shading;
  noneLabel: string;
  rangeLabel(min: number, max: number): string;
}) {
  const swatch = (fill: string) => (
    <svg class="swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <rect x="0.5" y="0.5" width="17" height="17" fill={fill} stroke="#8a94a3" />
    </svg>
  );
  return (
    <div class="map-legend">
      <p class="map-legend-title">{title}</p>
      <ul>
        <li>
          {swatch(NO_DATA_FILL)} {noneLabel}
        </li>
        {shading.classes.map((c) => (
          <li>
            {swatch(c.fill)} {rangeLabel(c.min, c.max)}
          </li>
        ))}
      </ul>
    </div>
  );
}
