/**
 * What `bench/recommend.ts` compares the product with, computed from the visible collaborations
 * alone, with the same exclusions (oneself, partners known before the split), by file ids:
 * - `random`: any 50 organisations;
 * - `popular`: those with the most collaborations;
 * - `same-country`: the most collaborating ones of the organisation's country (the file's own
 *   country; unknown matches nobody), then the most collaborating ones anywhere;
 * - `partners-of-partners`: the most partners in common, ties by collaborations.
 * And the product's ablations (`--ablations`): its ranking with some signals turned off.
 */
import type { Random } from '../src/modules/demo/random.ts';
import type { Weights } from '../src/modules/recommendations/rank.ts';

export interface Truth {
  ids: string[];
  partners: Map<string, Set<string>>;
  degree: Map<string, number>;
  /** Organisations with a new partner after the split → those partners. */
  newPartners: Map<string, Set<string>>;
  countries: Map<string, string>;
}

export function truthOf(
  ids: string[],
  visible: string[][],
  hidden: string[][],
  countries: Map<string, string>,
): Truth {
  const partners = new Map<string, Set<string>>();
  const degree = new Map<string, number>();
  for (const members of visible)
    for (const a of members) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      const p = partners.get(a) ?? new Set<string>();
      partners.set(a, p);
      for (const b of members) if (b !== a) p.add(b);
    }
  const newPartners = new Map<string, Set<string>>();
  for (const members of hidden)
    for (const a of members)
      for (const b of members) {
        if (a === b || partners.get(a)?.has(b)) continue;
        const p = newPartners.get(a) ?? new Set<string>();
        newPartners.set(a, p);
        p.add(b);
      }
  return { ids: [...ids].sort(), partners, degree, newPartners, countries };
}

type Method = (id: string, n: number) => string[];

export function baselines(t: Truth, rnd: Random): Record<string, Method> {
  const deg = (x: string) => t.degree.get(x) ?? 0;
  const byDegree = [...t.ids].sort((a, b) => deg(b) - deg(a) || (a < b ? -1 : 1));
  const allowed = (me: string) => {
    const p = t.partners.get(me);
    return (x: string) => x !== me && !p?.has(x);
  };
  const firstN = (xs: Iterable<string>, ok: (x: string) => boolean, n: number, out: string[] = []) => {
    const seen = new Set(out);
    for (const x of xs) {
      if (out.length >= n) break;
      if (ok(x) && !seen.has(x)) {
        out.push(x);
        seen.add(x);
      }
    }
    return out;
  };
  const byCountry = new Map<string, string[]>();
  for (const id of byDegree) {
    const c = t.countries.get(id) ?? '';
    if (!c) continue;
    const list = byCountry.get(c);
    if (list) list.push(id);
    else byCountry.set(c, [id]);
  }
  return {
    random: (me, n) => {
      const ok = allowed(me);
      const out = new Set<string>();
      let guard = 0;
      while (out.size < n && guard++ < n * 50) {
        const x = t.ids[Math.floor(rnd.next() * t.ids.length)]!;
        if (ok(x)) out.add(x);
      }
      return [...out];
    },
    popular: (me, n) => firstN(byDegree, allowed(me), n),
    'same-country': (me, n) => {
      const ok = allowed(me);
      const out = firstN(byCountry.get(t.countries.get(me) ?? '') ?? [], ok, n);
      return firstN(byDegree, ok, n, out);
    },
    'partners-of-partners': (me, n) => {
      const ok = allowed(me);
      const common = new Map<string, number>();
      for (const p of t.partners.get(me) ?? [])
        for (const q of t.partners.get(p) ?? []) if (ok(q)) common.set(q, (common.get(q) ?? 0) + 1);
      return [...common]
        .sort((a, b) => b[1] - a[1] || deg(b[0]) - deg(a[0]) || (a[0] < b[0] ? -1 : 1))
        .slice(0, n)
        .map(([x]) => x);
    },
  };
}

export const ABLATIONS: Record<string, Weights> = {
  'graph-only': { graph: 1, content: 0, profile: 0, popularity: 0 },
  'content-only': { graph: 0, content: 1, profile: 0, popularity: 0 },
  'graph+content': { graph: 1, content: 1, profile: 0, popularity: 0 },
  'graph+popularity': { graph: 1, content: 0, profile: 0, popularity: 0.25 },
  'content*attachment': { graph: 0, content: 1, profile: 0, popularity: 0, attachment: 0.5 },
  'graph+content*attachment': { graph: 1, content: 1, profile: 0, popularity: 0, attachment: 0.5 },
};
