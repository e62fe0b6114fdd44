import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartProps {
  id: string;
  title: string;
  /** A sentence saying what the chart shows, for those who cannot see it (the table has the figures). */
  description: string;
  bars: Bar[];
  format(value: number): string;
  width?: number;
  /** Width of the label column; by default as wide as the longest label, up to 45 % of the chart. */
  labelWidth?: number;
}

const ROW = 26;
const TOP = 26;
const BOTTOM = 8;
const VALUE_SPACE = 56;
/** Average advance of a character at the label size: long labels are shortened to fit their column. */
const CHAR_WIDTH = 7.8;

function fitLabel(label: string, width: number): string {
  const max = Math.floor(width / CHAR_WIDTH);
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/**
 * A horizontal bar chart as a server-rendered SVG image (role="img", named by its title and
 * described by its description), meant to sit next to a table with the same numbers.
 */
export function BarChart({ id, title, description, bars, format, width = 560, labelWidth }: BarChartProps) {
  const longest = Math.max(0, ...bars.map((b) => b.label.length));
  labelWidth ??= Math.min(Math.round(width * 0.45), Math.max(60, Math.ceil(longest * CHAR_WIDTH) + 6));
  const height = TOP + bars.length * ROW + BOTTOM;
  const x0 = labelWidth + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([x0, width - VALUE_SPACE]);
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([TOP, TOP + bars.length * ROW])
    .paddingInner(0.25)
    .paddingOuter(0.125);
  const ticks = x.ticks(4).filter((t) => Number.isInteger(t));
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g font-size="11" fill="#4a5361">
        {ticks.map((t) => (
          <>
            <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={height - BOTTOM} stroke="#d0d6de" stroke-width="1" />
            <text x={x(t)} y={TOP - 10} text-anchor="middle">
              {format(t)}
            </text>
          </>
        ))}
      </g>
      <g font-size="13" fill="#1b1f24">
        {bars.map((b, i) => {
          const top = y(i) ?? 0;
          const middle = top + y.bandwidth() / 2;
          return (
            <g>
              <text x={labelWidth} y={middle} dy="0.35em" text-anchor="end">
                {fitLabel(b.label, labelWidth)}
              </text>
              <rect
                x={x0}
                y={top}
                width={Math.max(0, x(b.value) - x0)}
                height={y.bandwidth()}
                fill="#0b4f8a"
              />
              <text x={x(b.value) + 6} y={middle} dy="0.35em">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
