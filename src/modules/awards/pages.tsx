import type { Event } from '../../platform/db/schema-events.ts';
import type { AwardCategory } from '../../platform/db/schema-ideas-awards.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatNumber } from '../../platform/i18n/index.ts';
import { Paragraphs } from '../ideas/pages.tsx';
import { formatZoned, localInput } from '../ideas/zoned-time.ts';

type Winner = { organisation_name: string; organisation_slug: string };

const base = (event: Pick<Event, 'slug'>) => `/events/${event.slug}/awards`;

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

export function ManagePage({
  ctx,
  event,
  categories,
  jurors,
  canManage,
  canAssign,
  problems = [],
  values = {},
  form,
  notice,
}: {
  ctx: RequestContext;
  event: Event;
  categories: AwardCategory[];
  jurors: { id: string; name: string; email: string }[];
  canManage: boolean;
  canAssign: boolean;
  problems?: Problems;
  values?: Record<string, string>;
  form?: 'category' | 'juror';
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const title = t('awards.manage_title', { event: event.title });
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <p>
        <a href={base(event)}>← {t('awards.title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <h2 id="categories">{t('awards.categories')}</h2>
      {categories.length ? (
        <ListTable
          labelledBy="categories"
          columns={[t('awards.f_title'), t('awards.f_deadline'), t('awards.winners_col')]}
          actions={canAssign || canManage ? t('tokens.actions') : undefined}
        >
          {categories.map((c) => (
            <tr>
              <td>{c.title}</td>
              <td>{formatZoned(lang, c.deadline, event.time_zone)}</td>
              <td>
                {c.winners_published_at
                  ? t('awards.published_on', { date: formatDate(lang, c.winners_published_at) })
                  : t('awards.not_published')}
              </td>
              {canAssign || canManage ? (
                <td>
                  {canManage ? (
                    <a
                      href={`${base(event)}/categories/${c.id}/edit`}
                      aria-label={t('awards.edit_named', { category: c.title })}
                    >
                      {t('awards.edit')}
                    </a>
                  ) : null}{' '}
                  {canAssign ? (
                    <a
                      href={`${base(event)}/categories/${c.id}/winners`}
                      aria-label={t('awards.winners_of', { category: c.title })}
                    >
                      {t('awards.winners_col')}
                    </a>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </ListTable>
      ) : (
        <p>{t('awards.none')}</p>
      )}
      {canManage ? (
        <>
          <h2>{t('awards.new_category')}</h2>
          <form method="post" action={`${base(event)}/categories`} class="narrow" noValidate>
            <Csrf ctx={ctx} />
            <CategoryFields
              ctx={ctx}
              event={event}
              problems={form === 'category' ? problems : []}
              values={form === 'category' ? values : {}}
            />
            <button type="submit">{t('awards.add_category')}</button>
          </form>
        </>
      ) : null}
      {canAssign ? (
        <>
          <h2 id="jurors">{t('awards.jurors')}</h2>
          {jurors.length ? (
            <ListTable
              labelledBy="jurors"
              columns={[t('field.name'), t('field.email')]}
              actions={t('tokens.actions')}
            >
              {jurors.map((j) => (
                <tr>
                  <td>{j.name}</td>
                  <td>{j.email}</td>
                  <td>
                    <form method="post" action={`${base(event)}/jurors/${j.id}/remove`}>
                      <Csrf ctx={ctx} />
                      <button
                        type="submit"
                        class="secondary small"
                        aria-label={t('awards.remove_juror_named', { name: j.name })}
                      >
                        {t('awards.remove_juror')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </ListTable>
          ) : (
            <p>{t('awards.no_jurors')}</p>
          )}
          <form method="post" action={`${base(event)}/jurors`} class="narrow" noValidate>
            <Csrf ctx={ctx} />
            {form === 'juror' ? <ErrorSummary ctx={ctx} problems={problems} /> : null}
            <TextField
              ctx={ctx}
              problems={form === 'juror' ? problems : []}
              name="email"
              type="email"
              label={t('field.email')}
              hint={t('awards.juror_hint')}
              required
              value={form === 'juror' ? values.email : ''}
            />
            <button type="submit">{t('awards.add_juror')}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

type RankRow = {
  id: string;
  organisation_name: string;
  organisation_slug: string;
  average: number | null;
  scores: number;
  own_score: number | null;
  winner: boolean;
  canScore?: boolean;
  conflict?: boolean;
};

function RankingTable({
  ctx,
  event,
  category,
  rows,
  withActions,
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  rows: RankRow[];
  withActions: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <ListTable
      caption={t('awards.ranking_of', { category: category.title })}
      columns={[
        t('awards.rank'),
        t('awards.f_organisation'),
        t('awards.average'),
        t('awards.scores'),
        t('awards.own_score'),
      ]}
      actions={withActions ? t('tokens.actions') : undefined}
    >
      {rows.map((r, i) => (
        <tr>
          <td>{i + 1}</td>
          <td>
            {r.organisation_name}
            {category.winners_published_at && r.winner ? ` (${t('awards.winner')})` : ''}
          </td>
          <td>{r.average === null ? '—' : formatNumber(lang, r.average, 2)}</td>
          <td>{r.scores}</td>
          <td>{r.own_score ?? '—'}</td>
          {withActions ? (
            <td>
              {r.canScore ? (
                <a
                  href={`${base(event)}/jury/applications/${r.id}`}
                  aria-label={t('awards.score_named', { name: r.organisation_name })}
                >
                  {r.own_score === null ? t('awards.score') : t('awards.change_score')}
                </a>
              ) : r.conflict ? (
                <span class="meta">{t('awards.conflict')}</span>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}

export function JuryPage({
  ctx,
  event,
  juror,
  categories,
  canPublish,
  notice,
}: {
  ctx: RequestContext;
  event: Event;
  juror: boolean;
  categories: (AwardCategory & { rows: RankRow[] })[];
  canPublish: boolean;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('awards.jury_title', { event: event.title });
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <p>
        <a href={base(event)}>← {t('awards.title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <p>{t(juror ? 'awards.jury_intro' : 'awards.jury_intro_staff')}</p>
      {categories.map((c) => (
        <section aria-labelledby={`jury-${c.id}`}>
          <h2 id={`jury-${c.id}`}>{c.title}</h2>
          {c.winners_published_at ? <p class="meta">{t('awards.scores_final')}</p> : null}
          {c.rows.length ? (
            <RankingTable ctx={ctx} event={event} category={c} rows={c.rows} withActions={juror} />
          ) : (
            <p>{t('awards.no_applications')}</p>
          )}
          {canPublish ? (
            <p>
              <a href={`${base(event)}/categories/${c.id}/winners`}>
                {t('awards.winners_of', { category: c.title })}
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}

export function ScorePage({
  ctx,
  event,
  category,
  application,
  final,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  application: RankRow & { text: string; attachment_url: string | null; own_comment: string | null };
  final: boolean;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const title = t('awards.score_title', { name: application.organisation_name, category: category.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`${base(event)}/jury`}>← {t('awards.jury_title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <h2>{t('awards.f_text')}</h2>
      <Paragraphs text={application.text} />
      {application.attachment_url ? (
        <p>
          <a href={application.attachment_url} rel="noopener noreferrer nofollow">
            {t('awards.f_attachment_url')}
          </a>
        </p>
      ) : null}
      {final ? (
        <p>{t('awards.scores_final')}</p>
      ) : (
        <form
          method="post"
          action={`${base(event)}/jury/applications/${application.id}`}
          class="narrow"
          noValidate
        >
          <Csrf ctx={ctx} />
          <ErrorSummary
            ctx={ctx}
            problems={problems}
            labels={{ score: t('awards.f_score'), comment: t('awards.f_comment') }}
          />
          <TextField
            ctx={ctx}
            problems={problems}
            name="score"
            type="number"
            min={1}
            max={10}
            step="1"
            label={t('awards.f_score')}
            hint={t('awards.score_hint')}
            required
            value={values.score ?? application.own_score ?? ''}
          />
          <TextField
            ctx={ctx}
            problems={problems}
            name="comment"
            label={t('awards.f_comment')}
            multiline
            rows={5}
            value={values.comment ?? application.own_comment ?? ''}
          />
          <button type="submit">{t('awards.save_score')}</button>
        </form>
      )}
    </Layout>
  );
}

export function WinnersPage({
  ctx,
  event,
  category,
  rows,
  problems = [],
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  rows: RankRow[];
  problems?: Problems;
}) {
  const { t, lang } = ctx;
  const title = t('awards.winners_of', { category: category.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`${base(event)}/manage`}>← {t('awards.manage_title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <RankingTable ctx={ctx} event={event} category={category} rows={rows} withActions={false} />
      {category.winners_published_at ? (
        <p>{t('awards.published_on', { date: formatDate(lang, category.winners_published_at) })}</p>
      ) : rows.length ? (
        <form
          method="post"
          action={`${base(event)}/categories/${category.id}/winners`}
          class="narrow"
          noValidate
        >
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} problems={problems} labels={{ winners: t('awards.f_winners') }} />
          <CheckboxGroup
            ctx={ctx}
            problems={problems}
            name="winners"
            label={t('awards.f_winners')}
            hint={t('awards.winners_hint')}
            values={[]}
            options={rows.map((r) => ({
              value: r.id,
              label:
                r.average === null
                  ? r.organisation_name
                  : `${r.organisation_name} (${formatNumber(lang, r.average, 2)})`,
            }))}
          />
          <button type="submit">{t('awards.publish')}</button>
        </form>
      ) : (
        <p>{t('awards.no_applications')}</p>
      )}
    </Layout>
  );
}

/** The fields of a category, in the new-category form and the edit form. */
function CategoryFields({
  ctx,
  event,
  problems,
  values,
}: {
  ctx: RequestContext;
  event: Event;
  problems: Problems;
  values: Record<string, string | undefined>;
}) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary
        ctx={ctx}
        problems={problems}
        labels={{
          title: t('awards.f_title'),
          description: t('awards.description'),
          deadline: t('awards.f_deadline'),
          position: t('awards.f_position'),
        }}
      />
      <TextField
        ctx={ctx}
        problems={problems}
        name="title"
        label={t('awards.f_title')}
        required
        maxLength={200}
        value={values.title}
      />
      <TextField
        ctx={ctx}
        problems={problems}
        name="description"
        label={t('awards.description')}
        multiline
        rows={4}
        value={values.description}
      />
      <TextField
        ctx={ctx}
        problems={problems}
        name="deadline"
        type="datetime-local"
        label={t('awards.f_deadline')}
        hint={t('ideas.zone_hint', { zone: event.time_zone })}
        required
        value={values.deadline}
      />
      <TextField
        ctx={ctx}
        problems={problems}
        name="position"
        type="number"
        min={0}
        max={1000}
        label={t('awards.f_position')}
        hint={t('awards.position_hint')}
        value={values.position}
      />
    </>
  );
}

export function EditCategoryPage({
  ctx,
  event,
  category,
  problems = [],
  values,
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const title = t('awards.edit_named', { category: category.title });
  const current = values ?? {
    title: category.title,
    description: category.description,
    deadline: localInput(category.deadline, event.time_zone),
    position: String(category.position),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`${base(event)}/manage`}>← {t('awards.manage_title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`${base(event)}/categories/${category.id}/edit`} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <CategoryFields ctx={ctx} event={event} problems={problems} values={current} />
        <button type="submit">{t('awards.save_category')}</button>
      </form>
    </Layout>
  );
}
