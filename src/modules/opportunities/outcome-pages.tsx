import type { JSX } from 'preact';
import { OUTCOME_KINDS } from '../../platform/db/schema-opportunities.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import type { OutcomeView, ProfileOutcome } from './outcome-repository.ts';

/** Outcomes: on the opportunity page (with the team's form), on profiles, in the statistics. */

export function OutcomesSection({
  ctx,
  reference,
  outcomes,
  canRecord,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  reference: string;
  outcomes: OutcomeView[];
  canRecord: boolean;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t, lang } = ctx;
  if (!outcomes.length && !canRecord) return null;
  const p = { ctx, problems };
  return (
    <section id="outcomes" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t('outcome.title')}</h2>
      {outcomes.length ? (
        <ul>
          {outcomes.map((x) => (
            <li>
              {t(`outcomekind.${x.kind}`)} · <a href={`/organisations/${x.partner.slug}`}>{x.partner.name}</a>{' '}
              · {formatDate(lang, x.happened_on)}
              {x.note ? ` · ${x.note}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {canRecord ? (
        <form method="post" action={`/opportunities/${reference}/outcomes`} class="narrow" noValidate>
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} problems={problems} />
          <SelectField
            {...p}
            name="kind"
            label={t('field.outcome_kind')}
            value={values.kind}
            required
            emptyLabel=""
            options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomekind.${k}`) }))}
          />
          <TextField
            {...p}
            name="partner"
            label={t('field.partner')}
            hint={t('outcome.partner_hint')}
            value={values.partner}
            required
          />
          <TextField
            {...p}
            name="happened_on"
            type="date"
            label={t('field.happened_on')}
            value={values.happened_on}
            required
          />
          <TextField {...p} name="note" label={t('field.note')} value={values.note} maxLength={1000} />
          <button type="submit">{t('outcome.record')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** An organisation's outcomes on its profile; nothing when it has none. */
export function ProfileOutcomes({
  ctx,
  outcomes,
}: {
  ctx: RequestContext;
  outcomes: ProfileOutcome[];
}): JSX.Element | null {
  const { t, lang } = ctx;
  if (!outcomes.length) return null;
  return (
    <>
      <h2 id="outcomes-heading">{t('outcome.profile_title')}</h2>
      <ListTable
        labelledBy="outcomes-heading"
        columns={[
          t('field.outcome_kind'),
          t('field.partner'),
          t('field.happened_on'),
          t('field.opportunity'),
        ]}
      >
        {outcomes.map((x) => (
          <tr>
            <td>{t(`outcomekind.${x.kind}`)}</td>
            <td>
              <a href={`/organisations/${x.other.slug}`}>{x.other.name}</a>
            </td>
            <td>{formatDate(lang, x.happened_on)}</td>
            <td>
              {x.opportunity ? (
                <a href={`/opportunities/${x.opportunity.reference}`}>{x.opportunity.title}</a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
