import type { Event } from '../../platform/db/schema-events.ts';
import type { AwardCategory } from '../../platform/db/schema-ideas-awards.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { formatZoned } from '../../platform/time/zoned.ts';
import { Paragraphs } from '../ideas/pages.tsx';

type Winner = { organisation_name: string; organisation_slug: string };

export const base = (event: Pick<Event, 'slug'>) => `/events/${event.slug}/awards`;

/** "Deadline: 30 Apr 2019, 23:59 (Europe/Bucharest)", or that it has passed. */
export function Deadline({
  ctx,
  event,
  category,
}: {
  ctx: RequestContext;
  event: Pick<Event, 'time_zone'>;
  category: Pick<AwardCategory, 'deadline'>;
}) {
  const date = formatZoned(ctx.lang, category.deadline, event.time_zone);
  const open = category.deadline.getTime() > Date.now();
  return <p class="meta">{ctx.t(open ? 'awards.deadline' : 'awards.deadline_passed', { date })}</p>;
}

export function Winners({ ctx, winners }: { ctx: RequestContext; winners: Winner[] }) {
  if (!winners.length) return null;
  return (
    <>
      <h3>{ctx.t(winners.length === 1 ? 'awards.winner' : 'awards.winners')}</h3>
      <ul>
        {winners.map((w) => (
          <li>
            <a href={`/organisations/${w.organisation_slug}`}>{w.organisation_name}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

type PageCategory = AwardCategory & {
  open: boolean;
  winners: Winner[];
  mine: { organisation_name: string; created_at: Date }[];
};

export function AwardsPage({
  ctx,
  event,
  categories,
  teams,
  canManage,
  canAssign,
  canRank,
  notice,
}: {
  ctx: RequestContext;
  event: Event;
  categories: PageCategory[];
  teams: { id: string }[];
  canManage: boolean;
  canAssign: boolean;
  canRank: boolean;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const title = t('awards.title', { event: event.title });
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <p>
        <a href={`/events/${event.slug}`}>← {event.title}</a>
      </p>
      <h1>{title}</h1>
      {canManage || canAssign || canRank ? (
        <ul class="actions">
          {canManage || canAssign ? (
            <li>
              <a href={`${base(event)}/manage`}>{t('awards.manage')}</a>
            </li>
          ) : null}
          {canRank ? (
            <li>
              <a href={`${base(event)}/jury`}>{t('awards.jury')}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {categories.length === 0 ? <p>{t('awards.none')}</p> : null}
      {categories.map((c) => (
        <section aria-labelledby={`category-${c.id}`}>
          <h2 id={`category-${c.id}`}>{c.title}</h2>
          <Paragraphs text={c.description} />
          <Deadline ctx={ctx} event={event} category={c} />
          {c.winners_published_at ? <Winners ctx={ctx} winners={c.winners} /> : null}
          {c.mine.map((m) => (
            <p>{t('awards.applied', { name: m.organisation_name, date: formatDate(lang, m.created_at) })}</p>
          ))}
          {c.open ? (
            !ctx.actor ? (
              <p>
                <a href={`/sign-in?next=${encodeURIComponent(base(event))}`}>
                  {t('awards.sign_in_to_apply')}
                </a>
              </p>
            ) : teams.length ? (
              <p>
                <a class="button" href={`${base(event)}/categories/${c.id}/apply`}>
                  {t('awards.apply_in', { category: c.title })}
                </a>
              </p>
            ) : (
              <p>{t('awards.teams_only')}</p>
            )
          ) : null}
        </section>
      ))}
    </Layout>
  );
}

export function ApplyPage({
  ctx,
  event,
  category,
  teams,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  teams: { id: string; name: string }[];
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const title = t('awards.apply_title', { category: category.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={base(event)}>← {t('awards.title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary
        ctx={ctx}
        problems={problems}
        labels={{
          category: t('awards.category'),
          organisation_id: t('awards.f_organisation'),
          text: t('awards.f_text'),
          attachment_url: t('awards.f_attachment_url'),
        }}
      />
      <div id="f-category">
        <Deadline ctx={ctx} event={event} category={category} />
      </div>
      {category.deadline.getTime() <= Date.now() ? null : (
        <form
          method="post"
          action={`${base(event)}/categories/${category.id}/apply`}
          class="narrow"
          noValidate
        >
          <Csrf ctx={ctx} />
          <SelectField
            ctx={ctx}
            problems={problems}
            name="organisation_id"
            label={t('awards.f_organisation')}
            hint={t('awards.applicant_hint')}
            required
            value={values.organisation_id ?? teams[0]?.id}
            options={teams.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextField
            ctx={ctx}
            problems={problems}
            name="text"
            label={t('awards.f_text')}
            hint={t('awards.text_hint')}
            required
            multiline
            rows={10}
            value={values.text}
          />
          <TextField
            ctx={ctx}
            problems={problems}
            name="attachment_url"
            type="url"
            label={t('awards.f_attachment_url')}
            hint={t('awards.attachment_hint')}
            value={values.attachment_url}
          />
          <button type="submit">{t('awards.submit_application')}</button>
        </form>
      )}
    </Layout>
  );
}
