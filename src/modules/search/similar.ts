import type { Kysely } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { taxonomyMasks } from '../../platform/taxonomy/codes.ts';
import { scoreSimilar } from '../organisations/search-repository.ts';
import { organisationKind } from '../organisations/searchable.ts';
import { currentIndex } from './index-store.ts';

/**
 * How many organisations the exact scoring looks at, at most. Only directories where thousands
 * tie within reach of the top five (generated ones) ever reach it.
 */
const MAX_CANDIDATES = 2000;

/** A published organisation like another one, with what they have in common. */
export interface SimilarOrganisation {
  slug: string;
  name: string;
  country: string;
  city: string | null;
  ecosystems: string[];
  sectors: string[];
  kets: string[];
  emerging: string[];
  keywords: string[];
  /** The other one is based in a country this one targets. */
  in_target_market: boolean;
  /** The other one targets this one's country. */
  targets_us: boolean;
  score: number;
}

/**
 * Organisations most like `org`: shared ecosystems weigh most, then sectors and technologies, then
 * emerging industries and keywords, and complementary target markets (either one looks for partners where
 * the other is). Never `org` itself; only published ones; ties by name.
 */
export async function similarOrganisations(
  db: Kysely<DB>,
  org: Pick<
    Organisation,
    | 'id'
    | 'seq'
    | 'country'
    | 'ecosystems'
    | 'nace_sections'
    | 'kets'
    | 'emerging_industries'
    | 'target_markets'
    | 'keywords'
  >,
  limit = 5,
): Promise<SimilarOrganisation[]> {
  const lowered = [...new Set(org.keywords.map((k) => k.toLowerCase()))];
  const m = taxonomyMasks({ ...org, nace: org.nace_sections });
  // The directory index narrows 100,000 organisations to the few that can still make the top
  // from what it knows; their keywords and target markets (worth at most 2 + one per keyword)
  // are then scored in SQL (`scoreSimilar`). Scoring counts overlaps with bit sets; the shared lists (the reasons)
  // are built only for the few that are shown.
  const index = await currentIndex(db, organisationKind);
  const candidates = index.candidatesLike(
    {
      seq: org.seq,
      bits: { ecosystem: m.ecosystem_mask, emerging: m.emerging_mask, ket: m.ket_mask, nace: m.nace_mask },
      places: org.target_markets,
    },
    limit,
    2 + lowered.length,
    MAX_CANDIDATES,
  );
  if (candidates.length === 0) return [];
  const rows = await scoreSimilar(db, org, m, lowered, candidates, limit);
  return rows.filter((r) => r.score > 0);
}
