/**
 * The measures of `bench/recommend.ts`, over the organisations evaluated (each with at least one new
 * partner after the split):
 * - Recall@k: the share of its new partners found in its first k recommendations, averaged;
 * - MRR: 1 / the rank of the first new partner among its recommendations (0 when none), averaged.
 */

export interface Metrics {
  recall_at_10: number;
  recall_at_50: number;
  mrr: number;
  organisations_evaluated: number;
}

export function recallAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (!relevant.size) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits++;
  return hits / relevant.size;
}

export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Sums per organisation, averaged by `result`. */
export class Accumulator {
  private r10 = 0;
  private r50 = 0;
  private rr = 0;
  private n = 0;

  add(ranked: readonly string[], relevant: ReadonlySet<string>) {
    this.r10 += recallAt(10, ranked, relevant);
    this.r50 += recallAt(50, ranked, relevant);
    this.rr += reciprocalRank(ranked, relevant);
    this.n++;
  }

  result(): Metrics {
    const avg = (x: number) => (this.n ? Math.round((x / this.n) * 10_000) / 10_000 : 0);
    return {
      recall_at_10: avg(this.r10),
      recall_at_50: avg(this.r50),
      mrr: avg(this.rr),
      organisations_evaluated: this.n,
    };
  }
}
