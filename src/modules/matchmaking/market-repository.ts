import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ItemKind, ItemSide } from '../../platform/db/schema-matchmaking.ts';

/** The marketplace's SQL: an event's participants searched and filtered, their organisations, the filters' choices. */

export interface MarketFilters {
  q?: string | undefined;
  country?: string | undefined;
  ecosystem?: string | undefined;
  kind?: ItemKind | undefined;
  side?: ItemSide | undefined;
  organisation_kind?: string | undefined;
}

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The event's active participants matching the filters, by name, a page of them and the total. */
export async function searchParticipants(
  db: Kysely<DB>,
  eventId: string,
  f: MarketFilters,
  page: { limit: number; offset: number },
) {
  let q = db
    .selectFrom('matchmaking_participants as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .where('p.event_id', '=', eventId)
    .where('p.status', '=', 'active');
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', like),
        eb('p.organisation_name', 'ilike', like),
        eb('p.headline', 'ilike', like),
        eb.exists(
          eb
            .selectFrom('matchmaking_items as i')
            .select('i.id')
            .whereRef('i.participant_id', '=', 'p.id')
            .where((e2) => e2.or([e2('i.title', 'ilike', like), e2('i.description', 'ilike', like)])),
        ),
      ]),
    );
  }
  if (f.country) q = q.where('p.country', '=', f.country);
  if (f.organisation_kind) q = q.where('p.organisation_kind', '=', f.organisation_kind);
  if (f.ecosystem) q = q.where(sql<boolean>`${f.ecosystem} = any(o.ecosystems)`);
  if (f.kind || f.side) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('matchmaking_items as i')
          .select('i.id')
          .whereRef('i.participant_id', '=', 'p.id')
          .$if(!!f.kind, (w) => w.where('i.kind', '=', f.kind!))
          .$if(!!f.side, (w) => w.where('i.side', '=', f.side!)),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll('p')
      .select(['o.slug as organisation_slug', 'o.ecosystems as organisation_ecosystems'])
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The organisations' directory slugs and ecosystems of some participants. */
export function organisationsOf(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'ecosystems', 'status'])
    .where('id', 'in', ids)
    .execute();
}

/** The countries and kinds of organisation among the event's participants (the filters' choices). */
export async function facetsOf(db: Kysely<DB>, eventId: string) {
  const rows = await db
    .selectFrom('matchmaking_participants')
    .select(['country', 'organisation_kind'])
    .distinct()
    .where('event_id', '=', eventId)
    .where('status', '=', 'active')
    .execute();
  const countries = [...new Set(rows.map((r) => r.country).filter((c): c is string => !!c))].sort();
  const kinds = [...new Set(rows.map((r) => r.organisation_kind).filter((c): c is string => !!c))].sort();
  return { countries, kinds };
}
