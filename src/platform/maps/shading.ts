import { scaleQuantile, scaleThreshold } from 'd3-scale';

/** Fill of land with nothing to count, and the classes from few to many (ColorBrewer "Blues"). */
export const NO_DATA_FILL = '#e2e5ea';
const PALETTE = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export interface ShadeClass {
  min: number;
  max: number;
  fill: string;
}

export interface Shading {
  classes: ShadeClass[];
  fillOf(count: number): string;
}

/**
 * Up to five classes of counts, split at quantiles of the non-zero counts (a few large countries
 * should not leave everybody else in the palest class), rounded to whole numbers.
 */
export function shadingFor(counts: number[]): Shading {
  const values = counts.filter((n) => n > 0);
  if (values.length === 0) return { classes: [], fillOf: () => NO_DATA_FILL };
  const max = Math.max(...values);
  const cuts = scaleQuantile<number>()
    .domain(values)
    .range(PALETTE.map((_, i) => i))
    .quantiles()
    .map((q) => Math.ceil(q));
  const lowers = [...new Set([1, ...cuts])].filter((n) => n >= 1 && n <= max).sort((a, b) => a - b);
  // A class no count falls in (ties at the quantiles) is merged into its neighbour.
  for (let i = 0; i < lowers.length && lowers.length > 1; ) {
    const upper = (lowers[i + 1] ?? max + 1) - 1;
    if (values.some((v) => v >= lowers[i]! && v <= upper)) i++;
    else lowers.splice(i === 0 ? 1 : i, 1);
  }
  // Fewer classes than colours: spread them over the palette, keeping its darkest for the top.
  const fills = lowers.map(
    (_, i) =>
      PALETTE[
        Math.round(
          lowers.length === 1 ? PALETTE.length - 1 : (i * (PALETTE.length - 1)) / (lowers.length - 1),
        )
      ]!,
  );
  const classes = lowers.map((min, i) => ({ min, max: (lowers[i + 1] ?? max + 1) - 1, fill: fills[i]! }));
  const scale = scaleThreshold<number, string>().domain(lowers.slice(1)).range(fills);
  return { classes, fillOf: (n) => (n > 0 ? scale(n) : NO_DATA_FILL) };
}
