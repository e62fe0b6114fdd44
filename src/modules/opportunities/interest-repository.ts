import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Interest, InterestStatus } from '../../platform/db/schema-opportunities.ts';

/** Expressions of interest and the meetings accepted pairs propose: their SQL. */

type Db = Kysely<DB>;

export async function insertInterest(
  db: Db,
  values: {
    opportunity_id: string;
    organisation_id: string;
    user_id: string | null;
    offer: string;
    seek: string;
    next_step: string;
  },
): Promise<Interest> {
  return db.insertInto('opportunity_interests').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findInterest(db: Db, id: string): Promise<Interest | undefined> {
  return db.selectFrom('opportunity_interests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An answer, only to a pending interest: of two concurrent answers one finds no row. */
export async function answerInterest(
  db: Db,
  id: string,
  patch: { status: InterestStatus; decline_reason: string | null; answered_by: string | null },
  at: Date = new Date(),
): Promise<Interest | undefined> {
  return db
    .updateTable('opportunity_interests')
    .set({ ...patch, answered_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** An interest with the interested organisation and the person who wrote it, as the poster sees it. */
export interface InterestView extends Interest {
  organisation: {
    id: string;
    slug: string;
    name: string;
    country: string;
    contact_name: string | null;
    contact_email: string | null;
  };
  author: { name: string; email: string } | null;
  meetings: {
    id: string;
    starts_at: Date;
    online: boolean;
    place: string | null;
    note: string;
    proposed_by_organisation: string;
  }[];
}

const VIEW = sql`
  (select json_build_object('id', org.id, 'slug', org.slug, 'name', org.name, 'country', org.country,
    'contact_name', org.contact_name, 'contact_email', org.contact_email)
    from organisations org where org.id = i.organisation_id) as organisation,
  (select json_build_object('name', u.name, 'email', u.email) from users u where u.id = i.user_id) as author,
  coalesce((select json_agg(json_build_object('id', m.id, 'starts_at', m.starts_at, 'online', m.online,
    'place', m.place, 'note', m.note, 'proposed_by_organisation', m.proposed_by_organisation) order by m.starts_at)
    from opportunity_meetings m where m.interest_id = i.id), '[]'::json) as meetings`;

function withDates(rows: InterestView[]): InterestView[] {
  for (const r of rows) for (const m of r.meetings) m.starts_at = new Date(m.starts_at);
  return rows;
}

/** An opportunity's interests (the poster's view), or only those of the given organisations. */
export async function interestsOf(db: Db, opportunityId: string, onlyOrganisations?: readonly string[]) {
  if (onlyOrganisations && onlyOrganisations.length === 0) return [];
  const { rows } = await sql<InterestView>`
    select i.*, ${VIEW} from opportunity_interests i
    where i.opportunity_id = ${opportunityId}
      ${onlyOrganisations ? sql`and i.organisation_id in (${sql.join(onlyOrganisations)})` : sql``}
    order by i.created_at, i.id`.execute(db);
  return withDates(rows);
}

export async function insertMeeting(
  db: Db,
  values: {
    interest_id: string;
    proposed_by_organisation: string;
    proposed_by_user: string;
    starts_at: Date;
    online: boolean;
    place: string | null;
    note: string;
  },
) {
  return db.insertInto('opportunity_meetings').values(values).returningAll().executeTakeFirstOrThrow();
}
