import { OPPORTUNITY_KINDS, type OpportunityStatus } from '../../platform/db/schema-opportunities.ts';
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
import { ECOSYSTEMS, KETS, termLabel } from '../../platform/taxonomy/index.ts';
import { MONTHS } from './pages.tsx';

/** The form to post or edit an opportunity. */

type Values = Record<string, string | string[] | undefined>;
const str = (v: Values[string]) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
const list = (v: Values[string]) => (Array.isArray(v) ? v : v ? [v] : []);

/** The form to post or edit an opportunity: one renderer for both and their errors. */
export function OpportunityFormPage({
  ctx,
  title,
  action,
  values,
  problems,
  teams,
  editing,
  status,
  cancelHref,
}: {
  ctx: RequestContext;
  title: string;
  action: string;
  values: Values;
  problems: Problems;
  teams: { id: string; name: string }[];
  /** Kind and organisation are in the reference: fixed once posted. */
  editing: boolean;
  status?: OpportunityStatus;
  cancelHref: string;
}) {
  const { t, lang } = ctx;
  const p = { ctx, problems };
  const submittable = !editing || status === 'draft' || status === 'returned';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <form method="post" action={action} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} />
        <fieldset>
          <legend>{t('opp.section_what')}</legend>
          {editing ? (
            <input type="hidden" name="kind" value={str(values.kind)} />
          ) : (
            <SelectField
              {...p}
              name="kind"
              label={t('field.kind')}
              hint={t('opp.kind_hint')}
              value={str(values.kind)}
              required
              emptyLabel=""
              options={OPPORTUNITY_KINDS.map((v) => ({ value: v, label: t(`oppkind.${v}`) }))}
            />
          )}
          {editing ? null : (
            <SelectField
              {...p}
              name="organisation"
              label={t('field.organisation')}
              value={str(values.organisation)}
              required
              options={teams.map((o) => ({ value: o.id, label: o.name }))}
            />
          )}
          <TextField
            {...p}
            name="title"
            label={t('field.title')}
            value={str(values.title)}
            required
            maxLength={200}
          />
          <TextField
            {...p}
            name="summary"
            label={t('field.summary')}
            hint={t('opp.summary_hint')}
            value={str(values.summary)}
            required
            multiline
            rows={3}
            maxLength={500}
          />
          <TextField
            {...p}
            name="description"
            label={t('field.description')}
            hint={t('opp.description_hint')}
            value={str(values.description)}
            multiline
            rows={10}
            maxLength={20_000}
          />
        </fieldset>
        <fieldset>
          <legend>{t('opp.section_topics')}</legend>
          <CheckboxGroup
            {...p}
            name="ecosystems"
            label={t('field.ecosystems')}
            values={list(values.ecosystems)}
            options={ECOSYSTEMS.map((e) => ({ value: e.code, label: termLabel(ECOSYSTEMS, e.code, lang) }))}
          />
          <TextField
            {...p}
            name="nace"
            label={t('field.nace')}
            hint={t('opp.nace_hint')}
            value={str(values.nace)}
          />
          <CheckboxGroup
            {...p}
            name="kets"
            label={t('field.kets')}
            values={list(values.kets)}
            options={KETS.map((e) => ({ value: e.code, label: termLabel(KETS, e.code, lang) }))}
          />
          <TextField
            {...p}
            name="keywords"
            label={t('field.keywords')}
            hint={t('opp.list_hint')}
            value={str(values.keywords)}
          />
          <TextField
            {...p}
            name="target_countries"
            label={t('field.target_countries')}
            hint={t('opp.countries_hint')}
            value={str(values.target_countries)}
          />
        </fieldset>
        <fieldset>
          <legend>{t('opp.section_terms')}</legend>
          <TextField
            {...p}
            name="deadline"
            type="date"
            label={t('field.deadline')}
            value={str(values.deadline)}
          />
          <SelectField
            {...p}
            name="expiry_months"
            label={t('field.expiry_months')}
            hint={t('opp.expiry_hint')}
            value={str(values.expiry_months) || '6'}
            options={MONTHS.map((m) => ({ value: String(m), label: t('opp.months', { n: m }) }))}
          />
          <div class="field">
            <label for="f-anonymous">
              <input
                type="checkbox"
                id="f-anonymous"
                name="anonymous"
                value="on"
                checked={['on', 'true', '1'].includes(str(values.anonymous))}
              />{' '}
              {t('field.anonymous')}
            </label>
            <p class="hint">{t('opp.anonymous_hint')}</p>
          </div>
        </fieldset>
        <div class="actions">
          {submittable ? (
            <button type="submit" name="submit" value="on">
              {t('opp.submit_for_review')}
            </button>
          ) : null}
          <button type="submit" class={submittable ? 'secondary' : undefined}>
            {submittable ? t('opp.save_draft') : t('opp.save')}
          </button>
          <a href={cancelHref}>{t('opp.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
