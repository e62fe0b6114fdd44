import { recordAudit } from '../../platform/audit/audit.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseWithZoned } from '../../platform/time/zoned.ts';
import { parseInput } from '../../platform/validation.ts';
import { catalogueMail } from '../ideas/mail.ts';
import { eventFor, isUuid, zonedStamp } from '../ideas/usecases.ts';
import {
  canApply,
  canAssignJurors,
  canManageCategories,
  canPublishWinners,
  canScore,
  canSeeRanking,
} from './policy.ts';
import * as repo from './repository.ts';
import { ApplicationInput, CategoryInput, JurorInput, ScoreInput, WinnersInput } from './schemas.ts';

const isOpen = (c: { deadline: Date }, now = new Date()) => c.deadline.getTime() > now.getTime();

/** What the awards page shows this reader: categories, winners once published, their teams' applications. */
export async function awardsPage(s: Services, actor: Actor | null, slug: string) {
  const { event, organiserTeam } = await eventFor(s, actor, slug);
  const [categories, applications, teams, juror] = await Promise.all([
    repo.categoriesOf(s.db, event.id),
    repo.applicationsOfEvent(s.db, event.id),
    actor ? repo.teamsOf(s.db, actor.id) : Promise.resolve([]),
    actor ? repo.isJuror(s.db, event.id, actor.id) : Promise.resolve(false),
  ]);
  const myOrgs = new Set(teams.map((t) => t.id));
  return {
    event,
    teams,
    categories: categories.map((c) => ({
      ...c,
      open: isOpen(c),
      winners: c.winners_published_at ? applications.filter((a) => a.category_id === c.id && a.winner) : [],
      mine: applications.filter((a) => a.category_id === c.id && myOrgs.has(a.organisation_id)),
    })),
    canManage: canManageCategories(actor, organiserTeam),
    canAssign: canAssignJurors(actor),
    canPublish: canPublishWinners(actor),
    juror,
    canRank: canSeeRanking(actor, juror),
  };
}

/** The organisers' (and editors') page: categories, and for editors the jury. */
export async function manageView(s: Services, actor: Actor | null, slug: string) {
  const { event, organiserTeam } = await eventFor(s, actor, slug);
  if (!canManageCategories(actor, organiserTeam) && !canAssignJurors(actor)) throw forbidden();
  const [categories, jurors] = await Promise.all([
    repo.categoriesOf(s.db, event.id),
    repo.jurorsOf(s.db, event.id),
  ]);
  return {
    event,
    categories,
    jurors,
    canManage: canManageCategories(actor, organiserTeam),
    canAssign: canAssignJurors(actor),
  };
}

/** Adds an award category with its deadline, read in the event's time zone. */
export async function createCategory(s: Services, actor: Actor | null, slug: string, raw: unknown) {
  const { event, organiserTeam } = await eventFor(s, actor, slug);
  if (!canManageCategories(actor, organiserTeam)) throw forbidden();
  const { input, instant: deadline } = parseWithZoned(CategoryInput, raw, 'deadline', event.time_zone);
  return s.db.transaction().execute(async (trx) => {
    const category = await repo.insertCategory(trx, {
      event_id: event.id,
      title: input.title,
      description: input.description ?? '',
      deadline,
      position: input.position ?? 0,
      created_by: actor!.id,
    });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'award.category_create',
      subjectType: 'award_category',
      subjectId: category.id,
      details: { event: event.id, title: category.title, deadline: deadline.toISOString() },
    });
    return category;
  });
}

async function categoryOf(s: Services, actor: Actor | null, slug: string, categoryId: string) {
  const ctx = await eventFor(s, actor, slug);
  const category = isUuid(categoryId) ? await repo.findCategory(s.db, categoryId) : undefined;
  if (!category || category.event_id !== ctx.event.id) throw notFound('No such category.');
  return { ...ctx, category };
}

/** The apply form of a category: the reader's organisations (teams) to apply for. */
export async function applyView(s: Services, actor: Actor | null, slug: string, categoryId: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, category } = await categoryOf(s, actor, slug, categoryId);
  const teams = await repo.teamsOf(s.db, actor.id);
  if (teams.length === 0) throw forbidden('Only an organisation’s team may apply on its behalf.');
  return { event, category, teams };
}

/** The edit form of a category, for its event's managers. */
export async function categoryForEdit(s: Services, actor: Actor | null, slug: string, categoryId: string) {
  const { event, category, organiserTeam } = await categoryOf(s, actor, slug, categoryId);
  if (!canManageCategories(actor, organiserTeam)) throw forbidden();
  return { event, category };
}

/**
 * Changes a category: its title, description, order, or deadline (extended or brought forward;
 * applications already made stay).
 */
export async function updateCategory(
  s: Services,
  actor: Actor | null,
  slug: string,
  categoryId: string,
  raw: unknown,
) {
  const { event, category, organiserTeam } = await categoryOf(s, actor, slug, categoryId);
  if (!canManageCategories(actor, organiserTeam)) throw forbidden();
  const { input, instant: deadline } = parseWithZoned(CategoryInput, raw, 'deadline', event.time_zone);
  return s.db.transaction().execute(async (trx) => {
    const after = await repo.updateCategory(trx, category.id, {
      title: input.title,
      description: input.description ?? '',
      deadline,
      position: input.position ?? 0,
    });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'award.category_update',
      subjectType: 'award_category',
      subjectId: category.id,
      details: {
        event: event.id,
        before: {
          title: category.title,
          deadline: category.deadline.toISOString(),
          position: category.position,
        },
        after: { title: after.title, deadline: after.deadline.toISOString(), position: after.position },
      },
    });
    return after;
  });
}

/**
 * A member of an organisation's team applies on its behalf before the category's deadline; after
 * it, and for a second application of the same organisation, a form error says why.
 */
export async function apply(
  s: Services,
  actor: Actor | null,
  slug: string,
  categoryId: string,
  raw: unknown,
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, category } = await categoryOf(s, actor, slug, categoryId);
  const input = parseInput(ApplicationInput, raw);
  const teams = await repo.teamsOf(s.db, actor.id);
  const team = teams.find((t) => t.id === input.organisation_id);
  if (!canApply(actor, team?.role ?? null))
    throw forbidden('Only a member of the organisation’s team may apply on its behalf.');
  const closed = () =>
    validation([
      {
        field: 'category',
        message: 'v.award_closed',
        params: { date: zonedStamp(category.deadline, event.time_zone) },
      },
    ]);
  if (!isOpen(category)) throw closed();
  return s.db.transaction().execute(async (trx) => {
    const id = await repo.insertApplicationBeforeDeadline(trx, {
      categoryId: category.id,
      organisationId: team!.id,
      by: actor.id,
      text: input.text,
      attachmentUrl: input.attachment_url ?? null,
    });
    if (id === null) throw closed();
    if (id === 'duplicate')
      throw validation([
        { field: 'organisation_id', message: 'v.already_applied', params: { name: team!.name } },
      ]);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'award.apply',
      subjectType: 'award_application',
      subjectId: id,
      details: { event: event.id, category: category.id, organisation: team!.id },
    });
    return { id, event, category };
  });
}

/** An editor makes a user (by e-mail address) a juror of the event's awards. */
export async function assignJuror(s: Services, actor: Actor | null, slug: string, raw: unknown) {
  const { event } = await eventFor(s, actor, slug);
  if (!canAssignJurors(actor)) throw forbidden();
  const input = parseInput(JurorInput, raw);
  const user = await repo.findUserByEmail(s.db, input.email);
  if (!user) throw validation([{ field: 'email', message: 'v.juror_account' }]);
  return s.db.transaction().execute(async (trx) => {
    const added = await repo.addJuror(trx, event.id, user.id, actor!.id);
    if (added)
      await recordAudit(trx, {
        actorId: actor!.id,
        action: 'award.juror_assign',
        subjectType: 'event',
        subjectId: event.id,
        details: { user: user.id, email: user.email },
      });
    return { event, user, added };
  });
}

export async function removeJuror(s: Services, actor: Actor | null, slug: string, userId: string) {
  const { event } = await eventFor(s, actor, slug);
  if (!canAssignJurors(actor)) throw forbidden();
  if (!isUuid(userId)) throw notFound('Not a juror.');
  return s.db.transaction().execute(async (trx) => {
    if (!(await repo.removeJuror(trx, event.id, userId))) throw notFound('Not a juror.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'award.juror_remove',
      subjectType: 'event',
      subjectId: event.id,
      details: { user: userId },
    });
    return { event };
  });
}

/**
 * The jury page: per category, the ranking (average, number of scores, the reader's own score),
 * and which applications the reader may score (not those of their own organisations).
 */
export async function juryView(s: Services, actor: Actor | null, slug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event } = await eventFor(s, actor, slug);
  const juror = await repo.isJuror(s.db, event.id, actor.id);
  if (!canSeeRanking(actor, juror)) throw forbidden();
  const [categories, teams] = await Promise.all([
    repo.categoriesOf(s.db, event.id),
    repo.teamsOf(s.db, actor.id),
  ]);
  const own = new Set(teams.map((t) => t.id));
  const ranked = await Promise.all(
    categories.map(async (c) => ({
      ...c,
      rows: (await repo.ranking(s.db, c.id, actor.id)).map((r) => ({
        ...r,
        canScore: canScore(actor, juror, own.has(r.organisation_id)) && c.winners_published_at === null,
        conflict: own.has(r.organisation_id),
      })),
    })),
  );
  return { event, juror, categories: ranked, canPublish: canPublishWinners(actor) };
}

/**
 * An application of the event that this actor may score: a juror of the event who is not on the
 * applying organisation's team.
 */
async function applicationToScore(s: Services, actor: Actor | null, slug: string, applicationId: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event } = await eventFor(s, actor, slug);
  const application = isUuid(applicationId) ? await repo.findApplication(s.db, applicationId) : undefined;
  if (!application || application.event_id !== event.id) throw notFound('No such application.');
  const juror = await repo.isJuror(s.db, event.id, actor.id);
  const conflict = await repo.onTeam(s.db, application.organisation_id, actor.id);
  if (!canScore(actor, juror, conflict))
    throw forbidden(
      juror ? 'You may not score an application of your own organisation.' : 'Only jurors score.',
    );
  return { actor, event, application };
}

/**
 * A juror scores an application from 1 to 10 with a comment, and may change it until the winners
 * of its category are published.
 */
export async function scoreApplication(
  s: Services,
  actor: Actor | null,
  slug: string,
  applicationId: string,
  raw: unknown,
) {
  const { actor: juror, event, application } = await applicationToScore(s, actor, slug, applicationId);
  const input = parseInput(ScoreInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const category = await repo.lockCategory(trx, application.category_id);
    if (category?.winners_published_at) throw validation([{ field: 'score', message: 'v.scores_final' }]);
    const inserted = await repo.upsertScore(trx, {
      applicationId: application.id,
      jurorId: juror.id,
      score: input.score,
      comment: input.comment ?? '',
    });
    await recordAudit(trx, {
      actorId: juror.id,
      action: 'award.score',
      subjectType: 'award_application',
      subjectId: application.id,
      details: { event: event.id, score: input.score, changed: !inserted },
    });
    return { event, application, inserted };
  });
}

/** One application as a juror scores it: its text, attachment, and the juror's own score. */
export async function scoreView(s: Services, actor: Actor | null, slug: string, applicationId: string) {
  const { actor: juror, event, application } = await applicationToScore(s, actor, slug, applicationId);
  const category = (await repo.findCategory(s.db, application.category_id))!;
  const row = (await repo.ranking(s.db, category.id, juror.id)).find((r) => r.id === application.id)!;
  return { event, category, application: row, final: category.winners_published_at !== null };
}

/** The winners form of a category: its ranking, for an editor. */
export async function winnersView(s: Services, actor: Actor | null, slug: string, categoryId: string) {
  const { event, category } = await categoryOf(s, actor, slug, categoryId);
  if (!canPublishWinners(actor)) throw forbidden();
  return { event, category, rows: await repo.ranking(s.db, category.id, actor!.id) };
}

/**
 * An editor publishes a category's winners (one or more of its applications): they appear on the
 * event page, scores become final, and every applying team is told the result by mail.
 */
export async function publishWinners(
  s: Services,
  actor: Actor | null,
  slug: string,
  categoryId: string,
  raw: unknown,
) {
  const { event, category } = await categoryOf(s, actor, slug, categoryId);
  if (!canPublishWinners(actor)) throw forbidden();
  const input = parseInput(WinnersInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCategory(trx, category.id);
    if (locked?.winners_published_at) throw new AppError('conflict', 'The winners are published already.');
    const rows = await repo.ranking(trx, category.id, null);
    const ids = new Set(rows.map((r) => r.id));
    if (input.winners.some((w) => !ids.has(w))) throw validation([{ field: 'winners', message: 'v.choice' }]);
    await repo.publishWinners(trx, category.id, input.winners, actor!.id);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'award.publish_winners',
      subjectType: 'award_category',
      subjectId: category.id,
      details: { event: event.id, winners: input.winners },
    });
    await mailApplicants(s, trx, event, category, new Set(input.winners));
    return { event, category };
  });
}

async function mailApplicants(
  s: Services,
  trx: Services['db'],
  event: Event,
  category: { id: string; title: string },
  winners: ReadonlySet<string>,
) {
  const link = `${s.config.baseUrl}/events/${event.slug}/awards`;
  for (const m of await repo.applicantTeams(trx, category.id)) {
    await s.mailer.queue(
      trx,
      catalogueMail(
        m.email,
        m.locale,
        winners.has(m.application_id) ? 'mail.award_won' : 'mail.award_result',
        {
          organisation: m.organisation_name,
          category: category.title,
          event: event.title,
          link,
        },
      ),
    );
  }
}

/** What the event page shows of the awards: categories with deadlines, and published winners. */
export async function awardsSection(s: Services, event: Event) {
  const [categories, winners] = await Promise.all([
    repo.categoriesOf(s.db, event.id),
    repo.publishedWinners(s.db, event.id),
  ]);
  return categories.map((c) => ({
    ...c,
    open: isOpen(c),
    winners: winners.filter((w) => w.category_id === c.id),
  }));
}
