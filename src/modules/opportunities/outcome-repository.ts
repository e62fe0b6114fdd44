import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { OutcomeKind } from '../../platform/db/schema-opportunities.ts';

/** Outcomes of opportunities: their SQL (the graph follows them by a trigger of migration 0020). */

type Db = Kysely<DB>;

export async function insertOutcome(
  db: Db,
  values: {
    opportunity_id: string;
    partner_organisation_id: string;
    kind: OutcomeKind;
    happened_on: string;
    note: string;
    recorded_by: string | null;
  },
) {
  return db.insertInto('opportunity_outcomes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** An outcome as lists show it, with the partner's name. */
export interface OutcomeView {
  id: string;
  kind: OutcomeKind;
  happened_on: string;
  note: string;
  partner: { id: string; slug: string; name: string };
}

export async function outcomesOf(db: Db, opportunityId: string): Promise<OutcomeView[]> {
  const { rows } = await sql<OutcomeView>`
    select x.id, x.kind, x.happened_on, x.note,
      json_build_object('id', p.id, 'slug', p.slug, 'name', p.name) as partner
    from opportunity_outcomes x join organisations p on p.id = x.partner_organisation_id
    where x.opportunity_id = ${opportunityId}
    order by x.happened_on desc, x.id`.execute(db);
  return rows;
}

/**
 * An organisation's outcomes, as poster or as partner: the other side, and the opportunity only
 * when it is published and not anonymous (an anonymous one is never tied to its poster).
 */
export interface ProfileOutcome {
  kind: OutcomeKind;
  happened_on: string;
  other: { slug: string; name: string };
  opportunity: { reference: string; title: string } | null;
}

export async function outcomesOfOrganisation(db: Db, organisationId: string): Promise<ProfileOutcome[]> {
  const { rows } = await sql<ProfileOutcome>`
    select x.kind, x.happened_on,
      case when o.organisation_id = ${organisationId}
        then json_build_object('slug', partner.slug, 'name', partner.name)
        else json_build_object('slug', poster.slug, 'name', poster.name) end as other,
      case when o.anonymous or o.status not in ('published', 'withdrawn') then null
        else json_build_object('reference', o.reference, 'title', o.title) end as opportunity
    from opportunity_outcomes x
    join opportunities o on o.id = x.opportunity_id
    join organisations partner on partner.id = x.partner_organisation_id
    join organisations poster on poster.id = o.organisation_id
    where (o.organisation_id = ${organisationId} or x.partner_organisation_id = ${organisationId})
      and partner.status = 'published' and poster.status = 'published'
    order by x.happened_on desc, x.id limit 200`.execute(db);
  return rows;
}

/** Outcomes by kind, for the directory's statistics. */
export async function countOutcomesByKind(db: Db): Promise<{ kind: OutcomeKind; count: number }[]> {
  const { rows } = await sql<{ kind: OutcomeKind; count: number }>`
    select kind, count(*)::int as count from opportunity_outcomes group by kind`.execute(db);
  return rows;
}
