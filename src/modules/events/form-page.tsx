import { EVENT_FORMATS, EVENT_TYPES } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  type Problems,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { countryOptions, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { timeZoneOptions } from './time-zones.ts';

type Values = Record<string, string | string[] | undefined>;
const str = (v: Values[string]) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
const list = (v: Values[string]) => (Array.isArray(v) ? v : v ? [v] : []);

/** The event form, to submit or to edit one: one renderer for both and their errors. */
export function EventFormPage({
  ctx,
  title,
  action,
  values,
  problems,
  teams,
  campaigns,
  needsReview,
  published,
  cancelHref,
}: {
  ctx: RequestContext;
  title: string;
  action: string;
  values: Values;
  problems: Problems;
  /** The actor's organisations (checkboxes); other organisers go in the co-organisers field. */
  teams: { id: string; name: string }[];
  campaigns: { id: string; title: string }[];
  needsReview: boolean;
  published: boolean;
  cancelHref: string;
}) {
  const { t, lang } = ctx;
  const chosen = list(values.organisers);
  const mine = new Set(teams.map((o) => o.id));
  const co = values.co_organisers ?? chosen.filter((id) => !mine.has(id)).join(', ');
  // Without organisations of their own (editors), organisers are named in the co-organisers field.
  const shown = teams.length
    ? problems
    : problems.map((x) => (x.field === 'organisers' ? { ...x, field: 'co_organisers' } : x));
  const p = { ctx, problems: shown };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {published && needsReview ? <p class="notice">{t('event.published_edit_note')}</p> : null}
      <form method="post" action={action} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={shown} />
        <fieldset>
          <legend>{t('event.section_what')}</legend>
          <TextField
            {...p}
            name="title"
            label={t('field.title')}
            value={str(values.title)}
            required
            maxLength={200}
          />
          <SelectField
            {...p}
            name="type"
            label={t('field.type')}
            value={str(values.type)}
            required
            emptyLabel=""
            options={EVENT_TYPES.map((v) => ({ value: v, label: t(`eventtype.${v}`) }))}
          />
          <SelectField
            {...p}
            name="format"
            label={t('field.format')}
            value={str(values.format)}
            required
            emptyLabel=""
            options={EVENT_FORMATS.map((v) => ({ value: v, label: t(`eventformat.${v}`) }))}
          />
          <TextField
            {...p}
            name="description"
            label={t('field.description')}
            value={str(values.description)}
            multiline
            maxLength={20_000}
          />
          <TextField
            {...p}
            name="audience"
            label={t('field.audience')}
            value={str(values.audience)}
            maxLength={1000}
          />
          <CheckboxGroup
            {...p}
            name="ecosystems"
            label={t('field.ecosystems')}
            values={list(values.ecosystems)}
            options={ECOSYSTEMS.map((e) => ({ value: e.code, label: termLabel(ECOSYSTEMS, e.code, lang) }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_when')}</legend>
          <TextField
            {...p}
            name="starts_at"
            type="datetime-local"
            label={t('field.starts_at')}
            hint={t('event.starts_hint')}
            value={str(values.starts_at)}
            required
          />
          <TextField
            {...p}
            name="ends_at"
            type="datetime-local"
            label={t('field.ends_at')}
            value={str(values.ends_at)}
            required
          />
          <SelectField
            {...p}
            name="time_zone"
            label={t('field.time_zone')}
            value={str(values.time_zone) || 'Europe/Brussels'}
            required
            options={timeZoneOptions()}
          />
          <TextField {...p} name="venue" label={t('field.venue')} value={str(values.venue)} maxLength={200} />
          <TextField {...p} name="city" label={t('field.city')} value={str(values.city)} maxLength={100} />
          <SelectField
            {...p}
            name="country"
            label={t('field.country')}
            value={str(values.country)}
            emptyLabel=""
            options={countryOptions(lang).map((c) => ({ value: c.code, label: c.name }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_who')}</legend>
          {teams.length ? (
            <CheckboxGroup
              {...p}
              name="organisers"
              label={t('event.organisers_mine')}
              values={chosen}
              options={teams.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          <TextField
            {...p}
            name="co_organisers"
            label={teams.length ? t('event.co_organisers') : t('field.organisers')}
            hint={t('event.organisers_hint')}
            value={str(co)}
            maxLength={1000}
          />
          <SelectField
            {...p}
            name="campaign"
            label={t('field.campaign')}
            value={str(values.campaign)}
            emptyLabel={t('event.no_campaign')}
            options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_more')}</legend>
          <TextField
            {...p}
            name="website"
            type="url"
            label={t('field.website')}
            value={str(values.website)}
            maxLength={300}
          />
          <TextField
            {...p}
            name="links"
            label={t('field.links')}
            hint={t('event.links_hint')}
            value={str(values.links)}
            multiline
            rows={4}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_after')}</legend>
          <TextField
            {...p}
            name="recording_url"
            type="url"
            label={t('field.recording_url')}
            value={str(values.recording_url)}
            maxLength={300}
          />
          <TextField
            {...p}
            name="report_summary"
            label={t('field.report_summary')}
            value={str(values.report_summary)}
            multiline
            rows={4}
            maxLength={20_000}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">
            {needsReview && !published ? t('event.submit_for_review') : t('event.save')}
          </button>
          <a href={cancelHref}>{t('event.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
