import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { countryName, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { directoryFigures } from '../organisations/figures.ts';
import { LABELS } from '../organisations/schemas.ts';
import * as repo from './repository.ts';
import { SIZE_BANDS, type SizeBandCode } from './size-bands.ts';

export type Label = (typeof LABELS)[number];

export interface Statistics {
  organisations: number;
  countries: number;
  /** Percentage of published organisations in Europe (0–100). */
  europeShare: number;
  byCountry: repo.Count[];
  /** Every ecosystem, most organisations first; an organisation counts in each of its ecosystems. */
  byEcosystem: repo.Count[];
  byLabel: repo.Count<Label>[];
  bySizeBand: repo.Count<SizeBandCode>[];
}

/** The directory in figures: published organisations only. */
export async function directoryStatistics(db: Kysely<DB>): Promise<Statistics> {
  const [figures, byCountry, ecosystems, labels, bySizeBand] = await Promise.all([
    directoryFigures(db),
    repo.countByCountry(db),
    repo.countByEcosystem(db),
    repo.countByLabel(db),
    repo.countBySizeBand(db),
  ]);
  const ecosystemCount = new Map(ecosystems.map((e) => [e.code, e.count]));
  const labelCount = new Map(labels.map((l) => [l.code, l.count]));
  return {
    ...figures,
    byCountry,
    byEcosystem: ECOSYSTEMS.map((e) => ({ code: e.code, count: ecosystemCount.get(e.code) ?? 0 })).sort(
      (a, b) => b.count - a.count,
    ),
    byLabel: LABELS.map((code) => ({ code, count: labelCount.get(code) ?? 0 })),
    bySizeBand,
  };
}

/** The statistics as the API shows them: snake_case, English names next to the codes. */
export function presentStatistics(s: Statistics) {
  return {
    organisations: s.organisations,
    countries: s.countries,
    europe_share: Math.round(s.europeShare * 10) / 10,
    by_country: s.byCountry.map((c) => ({ code: c.code, name: countryName(c.code, 'en'), count: c.count })),
    by_ecosystem: s.byEcosystem.map((e) => ({
      code: e.code,
      name: termLabel(ECOSYSTEMS, e.code, 'en'),
      count: e.count,
    })),
    by_label: s.byLabel.map((l) => ({ code: l.code, count: l.count })),
    by_size_band: s.bySizeBand.map((b) => {
      const band = SIZE_BANDS.find((x) => x.code === b.code)!;
      return { code: b.code, min_members: band.min, max_members: band.max, count: b.count };
    }),
  };
}
