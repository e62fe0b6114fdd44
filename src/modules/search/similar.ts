import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { currentIndex } from './index-store.ts';
import type { SearchableKind } from './kind.ts';

/**
 * How many rows the exact scoring looks at, at most. Only directories where thousands tie within
 * reach of the top five (generated ones) ever reach it.
 */
const MAX_CANDIDATES = 2000;

/**
 * The rows of `kind` most like `of`. The index narrows 100,000 rows to the few that can still
 * make the top from what it knows (the weighted terms facets, the place facet); the kind then
 * scores those exactly in SQL (`similar.exact`: what the index does not hold, such as keywords,
 * and the shared lists shown as reasons, built only for the few that are shown).
 */
export async function similarTo<K extends string, Of, Like>(
  db: Kysely<DB>,
  kind: SearchableKind<K, unknown, unknown, Of, Like>,
  of: Of,
  limit = 5,
): Promise<Like[]> {
  const similar = kind.similar;
  if (!similar) return [];
  const target = similar.target(of);
  const index = await currentIndex(db, kind);
  const candidates = index.candidatesLike(
    { seq: target.key, bits: target.bits, places: target.places },
    limit,
    target.unknownMax,
    MAX_CANDIDATES,
  );
  if (candidates.length === 0) return [];
  return similar.exact(db, of, candidates, limit);
}
