import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { countryName, ECOSYSTEMS, EUROPE, termLabel } from '../../platform/taxonomy/index.ts';
import { LABELS } from '../organisations/schemas.ts';
import { SIZE_BANDS, type SizeBandCode } from '../organisations/size-bands.ts';
import * as repo from './repository.ts';

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

/** Headline figures of the directory: published organisations, countries, share in Europe. */
export async function directoryFigures(db: Kysely<DB>) {
  return figuresOf(await repo.countByCountry(db));
}

function figuresOf(byCountry: repo.Count[]) {
  const organisations = byCountry.reduce((sum, c) => sum + c.count, 0);
  const inEurope = byCountry.filter((c) => EUROPE.has(c.code)).reduce((sum, c) => sum + c.count, 0);
  return {
    organisations,
    countries: byCountry.length,
    europeShare: organisations ? (100 * inEurope) / organisations : 0,
  };
}

/** The directory in figures: published organisations only. */
export async function directoryStatistics(db: Kysely<DB>): Promise<Statistics> {
  const [byCountry, ecosystems, labels, bySizeBand] = await Promise.all([
    repo.countByCountry(db),
    repo.countByEcosystem(db),
    repo.countByLabel(db),
    repo.countBySizeBand(db),
  ]);
  const ecosystemCount = new Map(ecosystems.map((e) => [e.code, e.count]));
  const labelCount = new Map(labels.map((l) => [l.code, l.count]));
  return {
    ...figuresOf(byCountry),
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
