import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatZoned } from '../../platform/time/zoned.ts';
import { label, MatchmakingNav, mmPath, slotText } from './page-parts.tsx';
import type { RefusalReason } from './request-usecases.ts';
import type { RequestRow, requestsView } from './views.ts';

type View = Awaited<ReturnType<typeof requestsView>>;

function Actions({ ctx, view, row }: { ctx: RequestContext; view: View; row: RequestRow }) {
  const { t, lang } = ctx;
  const { event } = view;
  const r = row.request;
  const base = mmPath(event, `requests/${r.id}`);
  const pick = view.settings?.scheduling_mode === 'pick';
  if (row.incoming && r.status === 'pending') {
    return (
      <div class="actions">
        <form method="post" action={`${base}/accept`}>
          <Csrf ctx={ctx} />
          {pick ? (
            row.freeSlots.length ? (
              <>
                <label for={`slot-${r.id}`}>{t('mm.core.field.slot')}</label>
                <select id={`slot-${r.id}`} name="slot" required>
                  {row.freeSlots.map((sl) => (
                    <option value={sl.id}>{slotText(lang, sl, event.time_zone)}</option>
                  ))}
                </select>
              </>
            ) : (
              <p class="hint">{t('mm.core.requests.no_free_slot')}</p>
            )
          ) : null}
          <button type="submit" disabled={pick && row.freeSlots.length === 0}>
            {t('mm.core.requests.accept')}
          </button>
        </form>
        <form method="post" action={`${base}/decline`}>
          <Csrf ctx={ctx} />
          <label for={`reason-${r.id}`}>{t('mm.core.field.reason')}</label>
          <input id={`reason-${r.id}`} name="reason" maxLength={1000} />
          <button type="submit" class="secondary">
            {t('mm.core.requests.decline')}
          </button>
        </form>
      </div>
    );
  }
  if (!row.incoming && (r.status === 'pending' || r.status === 'accepted')) {
    return (
      <form method="post" action={`${base}/cancel`}>
        <Csrf ctx={ctx} />
        <button type="submit" class="secondary">
          {t('mm.core.requests.cancel', { name: row.other.name })}
        </button>
      </form>
    );
  }
  return null;
}

function Row({ ctx, view, row }: { ctx: RequestContext; view: View; row: RequestRow }) {
  const { t, lang } = ctx;
  const r = row.request;
  return (
    <li class="mm-request-row">
      <p>
        <strong>
          <a href={mmPath(view.event, `participants/${row.other.id}`)}>{row.other.name}</a>
        </strong>{' '}
        · {row.other.organisation_name} ·{' '}
        <span class={`status status-${r.status}`}>{label(ctx, `mm.status.${r.status}`)}</span>
      </p>
      <p class="hint">{formatZoned(lang, r.created_at, view.event.time_zone)}</p>
      {r.message ? <blockquote>{r.message}</blockquote> : null}
      {r.decline_reason ? <p>{t('mm.core.requests.reason', { reason: r.decline_reason })}</p> : null}
      {r.status === 'accepted' ? (
        <p>
          {row.slot && row.meeting?.published_table
            ? t('mm.core.requests.meeting_at', {
                slot: slotText(lang, row.slot, view.event.time_zone),
                table: row.meeting.published_table,
              })
            : t('mm.core.requests.meeting_unplaced')}
        </p>
      ) : null}
      <Actions ctx={ctx} view={view} row={row} />
    </li>
  );
}

/** One's requests in and out, with their state and what one may do with each. */
export function RequestsPage({
  ctx,
  view,
  notice,
  refusal,
  problems = [],
}: {
  ctx: RequestContext;
  view: View;
  notice?: string | undefined;
  refusal?: RefusalReason | undefined;
  problems?: Problems;
}) {
  const { t } = ctx;
  const { event } = view;
  const incoming = view.rows.filter((r) => r.incoming);
  const outgoing = view.rows.filter((r) => !r.incoming);
  return (
    <Layout ctx={ctx} title={t('mm.core.requests.title')} notice={notice}>
      <h1>{t('mm.core.requests.title')}</h1>
      <p>{event.title}</p>
      <MatchmakingNav ctx={ctx} event={event} manage={view.manage} />
      <ErrorSummary
        ctx={ctx}
        problems={refusal ? [] : problems}
        labels={{
          to: t('mm.core.field.to'),
          message: t('mm.core.field.message'),
          slot: t('mm.core.field.slot'),
          reason: t('mm.core.field.reason'),
        }}
      />
      {refusal ? (
        <div class="error-summary" role="alert">
          <p>{t(`mm.core.refused.${refusal}` as MessageKey)}</p>
        </div>
      ) : null}
      {!view.participant ? (
        <p>
          <a href={mmPath(event, 'profile')}>{t('mm.core.requests.join_first')}</a>
        </p>
      ) : (
        <>
          <p>
            {t('mm.core.requests.quota', { used: view.quotaUsed, quota: view.settings?.request_quota ?? 0 })}{' '}
            <a href={mmPath(event, 'participants')}>{t('mm.core.requests.find')}</a>
          </p>
          <section aria-labelledby="mm-in">
            <h2 id="mm-in">{t('mm.core.requests.incoming')}</h2>
            {incoming.length ? (
              <ul class="plain">
                {incoming.map((row) => (
                  <Row ctx={ctx} view={view} row={row} />
                ))}
              </ul>
            ) : (
              <p>{t('mm.core.requests.none')}</p>
            )}
          </section>
          <section aria-labelledby="mm-out">
            <h2 id="mm-out">{t('mm.core.requests.outgoing')}</h2>
            {outgoing.length ? (
              <ul class="plain">
                {outgoing.map((row) => (
                  <Row ctx={ctx} view={view} row={row} />
                ))}
              </ul>
            ) : (
              <p>{t('mm.core.requests.none')}</p>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}
