import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 1.4.11: the focus indicator needs 3:1 against the colours next to it. The ring sits on the
 * page's light backgrounds (white, the header's grey, notices…); a band of the gap colour separates
 * it from the element itself, so on a dark button the band is what must stand out.
 */
const css = readFileSync(new URL('../src/web/static/app.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

const vars = Object.fromEntries(
  [...(css.match(/:root\s*\{([^}]*)\}/)?.[1] ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [
    m[1],
    m[2]!.trim(),
  ]),
);

/** A colour value as #rrggbb, following var(); null when it is not a plain colour. */
function resolve(value: string): string | null {
  const v = value.trim().toLowerCase();
  const ref = v.match(/^var\((--[\w-]+)\)$/);
  if (ref) return vars[ref[1]!] ? resolve(vars[ref[1]!]!) : null;
  if (v === 'white') return '#ffffff';
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return null;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function rule(selector: string): string {
  const at = css.search(new RegExp(`(^|\\})\\s*${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{`));
  expect(at, `no rule for ${selector} in app.css`).toBeGreaterThanOrEqual(0);
  return css.slice(css.indexOf('{', at + 1) + 1, css.indexOf('}', at + 1));
}

/** Every background colour the stylesheet paints, resolved. */
const backgrounds = [
  ...new Set(
    [...css.matchAll(/background(?:-color)?\s*:\s*([^;]+);/g)]
      .map((m) => resolve(m[1]!))
      .filter((c): c is string => c !== null),
  ),
];

describe('the focus ring', () => {
  const focus = rule(':focus-visible');
  const outline = focus.match(/outline\s*:\s*(\d+)px\s+solid\s+([^;]+);/);
  const ring = resolve(outline?.[2] ?? '');
  const offset = Number(focus.match(/outline-offset\s*:\s*(\d+)px/)?.[1] ?? 0);
  const gap = resolve(focus.match(/box-shadow\s*:\s*0\s+0\s+0\s+\d+px\s+([^;]+);/)?.[1] ?? '');

  it('is a solid outline of at least 2 px in a plain colour', () => {
    expect(ring).not.toBeNull();
    expect(Number(outline?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('has at least 3:1 against every light background of the site', () => {
    const light = backgrounds.filter((b) => luminance(b) > 0.4);
    expect(light).toEqual(expect.arrayContaining(['#ffffff', resolve('var(--soft)')]));
    for (const bg of light) {
      expect(contrast(ring!, bg), `ring ${ring} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('is kept apart from the element by a band that stands out on dark buttons', () => {
    expect(offset).toBeGreaterThanOrEqual(2);
    expect(gap, 'a box-shadow band between the element and the ring').not.toBeNull();
    expect(contrast(ring!, gap!)).toBeGreaterThanOrEqual(3);
    const dark = backgrounds.filter((b) => luminance(b) <= 0.4);
    expect(dark).toContain(resolve('var(--brand)'));
    for (const bg of dark) {
      expect(contrast(gap!, bg), `band ${gap} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });
});
