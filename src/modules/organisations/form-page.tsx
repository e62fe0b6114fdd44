import type { Organisation } from '../../platform/db/schema.ts';
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
import { isMessageKey } from '../../platform/i18n/index.ts';
import {
  countryOptions,
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  KETS,
  NACE_DIVISIONS,
  NACE_SECTIONS,
} from '../../platform/taxonomy/index.ts';
import { fieldList } from './revision-pages.tsx';
import { LABELS, ORGANISATION_TYPES, SOCIAL_NETWORK_NAMES, SOCIAL_NETWORKS } from './schemas.ts';

export type FormValues = Record<string, string | string[] | undefined>;

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
const arr = (v: string | string[] | undefined) =>
  Array.isArray(v)
    ? v
    : v
      ? v
          .split(/[,\n;]/)
          .map((x) => x.trim())
          .filter(Boolean)
      : [];

const SOCIAL_LABELS: Record<string, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  youtube: 'YouTube',
  facebook: 'Facebook',
};

/** The labels of the fields that have a problem, for the error summary. */
function problemLabels(t: RequestContext['t'], problems: Problems): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const { field } of problems) {
    const key = `org.${field}`;
    const social = SOCIAL_LABELS[field.replace(/^social[._]/, '')];
    if (isMessageKey(key)) labels[field] = t(key);
    else if (field.startsWith('social') && social) labels[field] = social;
  }
  return labels;
}

/** The form's view of a stored organisation. */
export function valuesOf(o: Organisation): FormValues {
  const social = (o.social ?? {}) as Record<string, string>;
  const n = (x: number | null) => (x === null ? '' : String(x));
  return {
    name: o.name,
    acronym: o.acronym ?? '',
    type: o.type,
    country: o.country,
    region: o.region ?? '',
    city: o.city ?? '',
    latitude: n(o.latitude),
    longitude: n(o.longitude),
    website: o.website ?? '',
    founded_year: n(o.founded_year),
    description: o.description,
    members_sme: String(o.members_sme),
    members_large: String(o.members_large),
    members_research: String(o.members_research),
    members_public: String(o.members_public),
    members_other: String(o.members_other),
    management_fte: n(o.management_fte),
    ecosystems: o.ecosystems,
    emerging_industries: o.emerging_industries,
    nace: o.nace,
    kets: o.kets,
    keywords: o.keywords.join(', '),
    value_chains: o.value_chains.join(', '),
    target_markets: o.target_markets,
    label: o.label,
    label_valid_from: o.label_valid_from ?? '',
    label_valid_until: o.label_valid_until ?? '',
    contact_name: o.contact_name ?? '',
    contact_email: o.contact_email ?? '',
    social_linkedin: social.linkedin ?? '',
    social_x: social.x ?? '',
    social_youtube: social.youtube ?? '',
    social_facebook: social.facebook ?? '',
  };
}

export function OrganisationFormPage({
  ctx,
  action,
  values,
  problems,
  title,
  cancelHref,
  pendingFields = [],
}: {
  ctx: RequestContext;
  action: string;
  values: FormValues;
  problems: Problems;
  title: string;
  cancelHref: string;
  /** Fields whose values shown here are the team's proposal waiting for an editor. */
  pendingFields?: string[];
}) {
  const { t, lang } = ctx;
  const countries = countryOptions(lang).map((c) => ({ value: c.code, label: c.name }));
  const chosenNace = new Set(arr(values.nace));
  const chosenMarkets = new Set(arr(values.target_markets));
  const field = { ctx, problems };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {pendingFields.length ? (
        <p class="notice pending-revision" role="status">
          {t('revision.form_notice', { fields: fieldList(ctx, pendingFields) })}
        </p>
      ) : null}
      <form method="post" action={action} class="org-form" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} labels={problemLabels(t, problems)} />
        <fieldset>
          <legend>{t('org.section.identity')}</legend>
          <TextField
            {...field}
            name="name"
            label={t('org.name')}
            value={str(values.name)}
            required
            maxLength={200}
          />
          <TextField
            {...field}
            name="acronym"
            label={t('org.acronym')}
            value={str(values.acronym)}
            maxLength={30}
          />
          <SelectField
            {...field}
            name="type"
            label={t('org.type')}
            value={str(values.type) || 'cluster_organisation'}
            required
            options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`orgtype.${v}`) }))}
          />
          <TextField
            {...field}
            name="founded_year"
            type="number"
            label={t('org.founded_year')}
            value={str(values.founded_year)}
            min={1800}
          />
        </fieldset>
        <fieldset>
          <legend>{t('org.section.location')}</legend>
          <SelectField
            {...field}
            name="country"
            label={t('org.country')}
            value={str(values.country)}
            required
            emptyLabel={t('form.choose')}
            options={countries}
          />
          <TextField
            {...field}
            name="region"
            label={t('org.region')}
            hint={t('org.region_hint')}
            value={str(values.region)}
            maxLength={5}
          />
          <TextField {...field} name="city" label={t('org.city')} value={str(values.city)} maxLength={100} />
          <div class="row">
            <TextField
              {...field}
              name="latitude"
              type="number"
              step="any"
              label={t('org.latitude')}
              value={str(values.latitude)}
            />
            <TextField
              {...field}
              name="longitude"
              type="number"
              step="any"
              label={t('org.longitude')}
              value={str(values.longitude)}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('org.section.about')}</legend>
          <TextField
            {...field}
            name="website"
            type="url"
            label={t('org.website')}
            value={str(values.website)}
            autocomplete="url"
          />
          <TextField
            {...field}
            name="description"
            label={t('org.description')}
            hint={t('org.description_hint')}
            value={str(values.description)}
            multiline
            rows={10}
          />
          <TextField
            {...field}
            name="keywords"
            label={t('org.keywords')}
            hint={t('form.comma_hint')}
            value={str(values.keywords)}
          />
          <TextField
            {...field}
            name="value_chains"
            label={t('org.value_chains')}
            hint={t('form.comma_hint')}
            value={str(values.value_chains)}
          />
        </fieldset>
        <fieldset>
          <legend>{t('org.section.members')}</legend>
          <div class="row">
            {(
              ['members_sme', 'members_large', 'members_research', 'members_public', 'members_other'] as const
            ).map((k) => (
              <TextField
                {...field}
                name={k}
                type="number"
                min={0}
                label={t(`org.${k}`)}
                value={str(values[k])}
              />
            ))}
          </div>
          <TextField
            {...field}
            name="management_fte"
            type="number"
            step="0.1"
            min={0}
            label={t('org.management_fte')}
            value={str(values.management_fte)}
          />
        </fieldset>
        <fieldset>
          <legend>{t('org.section.sectors')}</legend>
          <CheckboxGroup
            {...field}
            name="ecosystems"
            label={t('org.ecosystems')}
            values={arr(values.ecosystems)}
            options={ECOSYSTEMS.map((x) => ({ value: x.code, label: x.label[lang] }))}
          />
          <CheckboxGroup
            {...field}
            name="emerging_industries"
            label={t('org.emerging_industries')}
            values={arr(values.emerging_industries)}
            options={EMERGING_INDUSTRIES.map((x) => ({ value: x.code, label: x.label[lang] }))}
          />
          <CheckboxGroup
            {...field}
            name="kets"
            label={t('org.kets')}
            values={arr(values.kets)}
            options={KETS.map((x) => ({ value: x.code, label: x.label[lang] }))}
          />
          <div class={problems.some((p) => p.field === 'nace') ? 'field has-error' : 'field'}>
            <label for="f-nace">{t('org.nace')}</label>
            <p class="hint">{t('form.multi_hint')}</p>
            <select id="f-nace" name="nace" multiple size={10}>
              {NACE_SECTIONS.map((sec) => (
                <optgroup label={`${sec.code} — ${sec.label[lang]}`}>
                  <option value={sec.code} selected={chosenNace.has(sec.code)}>
                    {`${sec.code} — ${sec.label[lang]}`}
                  </option>
                  {NACE_DIVISIONS.filter((d) => d.section === sec.code).map((d) => (
                    <option value={d.code} selected={chosenNace.has(d.code)}>
                      {`${d.code} — ${d.label[lang]}`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-target_markets">{t('org.target_markets')}</label>
            <p class="hint">{t('form.multi_hint')}</p>
            <select id="f-target_markets" name="target_markets" multiple size={8}>
              {countries.map((c) => (
                <option value={c.value} selected={chosenMarkets.has(c.value)}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('org.section.label')}</legend>
          <SelectField
            {...field}
            name="label"
            label={t('org.label')}
            value={str(values.label) || 'none'}
            options={LABELS.map((v) => ({ value: v, label: t(`label.${v}`) }))}
          />
          <div class="row">
            <TextField
              {...field}
              name="label_valid_from"
              type="date"
              label={t('org.label_valid_from')}
              value={str(values.label_valid_from)}
            />
            <TextField
              {...field}
              name="label_valid_until"
              type="date"
              label={t('org.label_valid_until')}
              value={str(values.label_valid_until)}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('org.section.contact')}</legend>
          <TextField
            {...field}
            name="contact_name"
            label={t('org.contact_name')}
            value={str(values.contact_name)}
            autocomplete="name"
          />
          <TextField
            {...field}
            name="contact_email"
            type="email"
            label={t('org.contact_email')}
            value={str(values.contact_email)}
            autocomplete="email"
          />
          {SOCIAL_NETWORKS.map((net) => (
            <TextField
              {...field}
              name={`social_${net}`}
              type="url"
              label={SOCIAL_NETWORK_NAMES[net]}
              value={str(values[`social_${net}`])}
            />
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">{t('form.save')}</button> <a href={cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
