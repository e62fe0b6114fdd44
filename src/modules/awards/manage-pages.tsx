import type { Event } from '../../platform/db/schema-events.ts';
import type { AwardCategory } from '../../platform/db/schema-ideas-awards.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, ListTable, type Problems, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { formatZoned, localInput } from '../../platform/time/zoned.ts';

import { base } from './pages.tsx';

/** The organisers' and editors' pages of an event's awards: categories and jurors. */

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
