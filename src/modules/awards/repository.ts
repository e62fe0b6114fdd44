import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { NewAwardCategory } from '../../platform/db/schema-ideas-awards.ts';

/** Award categories, applications, jurors and scores: the SQL. */

export function insertCategory(db: Kysely<DB>, v: NewAwardCategory) {
  return db.insertInto('award_categories').values(v).returningAll().executeTakeFirstOrThrow();
}

export function updateCategory(
  db: Kysely<DB>,
  id: string,
  v: { title: string; description: string; deadline: Date; position: number },
) {
  return db
    .updateTable('award_categories')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function categoriesOf(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('award_categories')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

export function findCategory(db: Kysely<DB>, id: string) {
  return db.selectFrom('award_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The category's row, locked: publication and late scores wait for each other. */
export function lockCategory(db: Kysely<DB>, id: string) {
  return db.selectFrom('award_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Writes an application before the category's deadline (checked by the statement itself, against
 * the database's clock); `null` when the deadline has passed, `'duplicate'` when the organisation
 * has applied in this category already.
 */
export async function insertApplicationBeforeDeadline(
  db: Kysely<DB>,
  v: { categoryId: string; organisationId: string; by: string; text: string; attachmentUrl: string | null },
): Promise<string | 'duplicate' | null> {
  const { rows } = await sql<{ id: string | null; open: boolean }>`
    with category as (
      select id from award_categories where id = ${v.categoryId} and deadline > now()
    ), added as (
      insert into award_applications (category_id, organisation_id, submitted_by, text, attachment_url)
      select id, ${v.organisationId}, ${v.by}, ${v.text}, ${v.attachmentUrl} from category
      on conflict (category_id, organisation_id) do nothing
      returning id
    )
    select (select id from added) as id, exists (select 1 from category) as open`.execute(db);
  const row = rows[0];
  if (!row?.open) return null;
  return row.id ?? 'duplicate';
}

export function insertApplication(
  db: Kysely<DB>,
  v: {
    category_id: string;
    organisation_id: string;
    submitted_by: string | null;
    text: string;
    attachment_url: string | null;
    created_at?: Date;
  },
) {
  return db.insertInto('award_applications').values(v).returning('id').executeTakeFirstOrThrow();
}

/** The applications of an event's categories, with the organisation's name. */
export function applicationsOfEvent(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('award_applications as a')
    .innerJoin('award_categories as c', 'c.id', 'a.category_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.category_id',
      'a.organisation_id',
      'a.text',
      'a.attachment_url',
      'a.winner',
      'a.created_at',
      'o.name as organisation_name',
      'o.slug as organisation_slug',
    ])
    .where('c.event_id', '=', eventId)
    .orderBy('o.name')
    .orderBy('a.id')
    .execute();
}

export function findApplication(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('award_applications as a')
    .innerJoin('award_categories as c', 'c.id', 'a.category_id')
    .selectAll('a')
    .select(['c.event_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** The organisations whose team this user is on (admin or member), by name. */
export function teamsOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.slug', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

export async function isJuror(db: Kysely<DB>, eventId: string, userId: string) {
  const row = await db
    .selectFrom('award_jurors')
    .select('user_id')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function jurorsOf(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('award_jurors as j')
    .innerJoin('users as u', 'u.id', 'j.user_id')
    .select(['u.id', 'u.name', 'u.email', 'j.created_at'])
    .where('j.event_id', '=', eventId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** Answers whether the juror is new. */
export async function addJuror(db: Kysely<DB>, eventId: string, userId: string, by: string | null) {
  const r = await db
    .insertInto('award_jurors')
    .values({ event_id: eventId, user_id: userId, assigned_by: by })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function removeJuror(db: Kysely<DB>, eventId: string, userId: string) {
  const r = await db
    .deleteFrom('award_jurors')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Whether the user is on the team of the organisation. */
export async function onTeam(db: Kysely<DB>, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('organisation_members')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes or replaces the juror's score of an application. */
export async function upsertScore(
  db: Kysely<DB>,
  v: { applicationId: string; jurorId: string; score: number; comment: string },
) {
  const r = await db
    .insertInto('award_scores')
    .values({ application_id: v.applicationId, juror_id: v.jurorId, score: v.score, comment: v.comment })
    .onConflict((oc) =>
      oc
        .columns(['application_id', 'juror_id'])
        .doUpdateSet({ score: v.score, comment: v.comment, updated_at: new Date() }),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return r.inserted;
}

export async function insertScores(
  db: Kysely<DB>,
  rows: { application_id: string; juror_id: string; score: number; comment: string }[],
) {
  if (rows.length) await db.insertInto('award_scores').values(rows).execute();
}

/**
 * The ranking of a category: each application with its average score and number of scores (and
 * `jurorId`'s own score and comment), best average first, then the most scores, then by name.
 * Unscored applications come last.
 */
export function ranking(db: Kysely<DB>, categoryId: string, jurorId: string | null) {
  return db
    .selectFrom('award_applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('award_scores as s', 's.application_id', 'a.id')
    .select([
      'a.id',
      'a.organisation_id',
      'a.text',
      'a.attachment_url',
      'a.winner',
      'o.name as organisation_name',
      'o.slug as organisation_slug',
      sql<number | null>`round(avg(s.score)::numeric, 2)`.as('average'),
      sql<number>`count(s.score)::int`.as('scores'),
      sql<number | null>`max(s.score) filter (where s.juror_id = ${jurorId})`.as('own_score'),
      sql<string | null>`max(s.comment) filter (where s.juror_id = ${jurorId})`.as('own_comment'),
    ])
    .where('a.category_id', '=', categoryId)
    .groupBy(['a.id', 'o.name', 'o.slug'])
    .orderBy(sql`avg(s.score) desc nulls last`)
    .orderBy(sql`count(s.score) desc`)
    .orderBy('o.name')
    .orderBy('a.id')
    .execute();
}

/** Marks these applications of the category as its winners and publishes them. */
export async function publishWinners(
  db: Kysely<DB>,
  categoryId: string,
  applicationIds: string[],
  by: string | null,
  at = new Date(),
) {
  await db
    .updateTable('award_applications')
    .set({ winner: sql<boolean>`id = any(${applicationIds}::uuid[])`, updated_at: at })
    .where('category_id', '=', categoryId)
    .execute();
  await db
    .updateTable('award_categories')
    .set({ winners_published_at: at, winners_published_by: by, updated_at: at })
    .where('id', '=', categoryId)
    .execute();
}

/** Published winners of an event's categories, for its page. */
export function publishedWinners(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('award_applications as a')
    .innerJoin('award_categories as c', 'c.id', 'a.category_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.category_id', 'o.name as organisation_name', 'o.slug as organisation_slug'])
    .where('c.event_id', '=', eventId)
    .where('c.winners_published_at', 'is not', null)
    .where('a.winner', '=', true)
    .orderBy('o.name')
    .execute();
}

/** The team members (with their language) of the organisations that applied in a category. */
export function applicantTeams(db: Kysely<DB>, categoryId: string) {
  return db
    .selectFrom('award_applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('organisation_members as m', 'm.organisation_id', 'a.organisation_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['a.id as application_id', 'a.winner', 'o.name as organisation_name', 'u.email', 'u.locale'])
    .where('a.category_id', '=', categoryId)
    .orderBy('o.name')
    .orderBy('u.email')
    .execute();
}

export async function countCategories(db: Kysely<DB>) {
  const r = await db
    .selectFrom('award_categories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Published cluster organisations without a team, by name (demo applicants: no juror is on their team). */
export async function organisationsWithoutTeam(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where('o.status', '=', 'published')
    .where('o.type', '=', 'cluster_organisation')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('organisation_members as m')
            .select('m.user_id')
            .whereRef('m.organisation_id', '=', 'o.id'),
        ),
      ),
    )
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(limit)
    .execute();
}
