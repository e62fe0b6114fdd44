import type { RequestContext } from '../../../platform/http/context.ts';
import { ListTable, Pagination } from '../../../platform/http/forms.tsx';
import { gapTotals, type ScheduleView } from './draft.ts';
import { reasonText } from './reason-texts.ts';
import { parseReason } from './reasons.ts';
import type { MeetingRow } from './repository.ts';
import { PAGE_SIZE, type Paged, type ReviewQuery, review, reviewHref } from './review.ts';
import { slotTimeText } from './shared.ts';

/**
 * The draft on the review page: a filter form (participant, session, slot), the placed meetings,
 * the unscheduled ones with their reasons and each participant's waiting, each a page of 100 with
 * links that keep the filters. The counts are the totals of the filtered lists.
 */

export function meetingLabel(v: Pick<ScheduleView, 'personById'>, m: MeetingRow): string {
  const name = (id: string) => v.personById.get(id)?.name ?? '?';
  return `${name(m.participant_a)} – ${name(m.participant_b)}`;
}

function Showing({ ctx, list }: { ctx: RequestContext; list: Paged<unknown> }) {
  if (list.total === 0) return null;
  const from = (list.page - 1) * PAGE_SIZE + 1;
  return (
    <p class="meta">
      {ctx.t('mm.review.showing', { from, to: from + list.items.length - 1, total: list.total })}
    </p>
  );
}

export function Draft({
  ctx,
  view,
  base,
  query,
}: {
  ctx: RequestContext;
  view: ScheduleView;
  base: string;
  query: ReviewQuery;
}) {
  const { t, lang } = ctx;
  const zone = view.mm.event.time_zone;
  const r = review(view, query);
  const filtered = !!(query.q || query.session || query.slot);
  const slotText = (id: string | null) => {
    const sl = id ? view.slotById.get(id) : undefined;
    return sl ? slotTimeText(lang, new Date(sl.starts_at), zone) : '';
  };
  const sessions = [...new Map(view.slots.map((s) => [s.session_id, s])).values()];
  const meetingLink = (m: MeetingRow) => (
    <a href={`${base}/meetings/${m.id}`}>
      {meetingLabel(view, m)}
      {m.locked ? ` (${t('mm.schedule.locked')})` : ''}
    </a>
  );
  const href = (change: Partial<ReviewQuery>) => reviewHref(base, query, change);
  const totals = gapTotals(view.gaps);
  return (
    <>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('mm.schedule.draft')}</h2>
        <p class="meta">{t('mm.schedule.zone', { zone })}</p>
        <form method="get" action={base} class="filters">
          <label for="f-q">{t('mm.review.filter_person')}</label>
          <input id="f-q" name="q" type="search" value={query.q} maxLength={200} />
          <label for="f-session">{t('mm.review.filter_session')}</label>
          <select id="f-session" name="session">
            <option value="">{t('mm.review.any')}</option>
            {sessions.map((s) => (
              <option value={s.session_id} selected={s.session_id === query.session}>
                {s.label} ({slotText(s.id)})
              </option>
            ))}
          </select>
          <label for="f-slot">{t('mm.review.filter_slot')}</label>
          <select id="f-slot" name="slot">
            <option value="">{t('mm.review.any')}</option>
            {view.slots.map((s) => (
              <option value={s.id} selected={s.id === query.slot}>
                {s.label}: {slotText(s.id)}
              </option>
            ))}
          </select>
          <button type="submit">{t('mm.review.filter')}</button>
          {filtered ? <a href={base}>{t('mm.review.clear')}</a> : null}
        </form>
        <p>
          {filtered
            ? t('mm.review.placed_filtered', { n: r.meetings.total, total: r.placedTotal })
            : t('mm.review.placed_total', { n: r.placedTotal })}
        </p>
        <Showing ctx={ctx} list={r.meetings} />
        {r.meetings.total ? (
          <ListTable
            caption={t('mm.schedule.draft')}
            columns={[t('mm.schedule.slot'), t('mm.schedule.table'), t('mm.schedule.meeting')]}
          >
            {r.meetings.items.map((m) => (
              <tr>
                <td>
                  {view.slotById.get(m.slot_id!)?.label}: {slotText(m.slot_id)}
                </td>
                <td>{m.table_name}</td>
                <td>{meetingLink(m)}</td>
              </tr>
            ))}
          </ListTable>
        ) : null}
        <Pagination
          ctx={ctx}
          page={r.meetings.page}
          total={r.meetings.total}
          pageSize={PAGE_SIZE}
          href={(page) => href({ page })}
        />
      </section>

      <section aria-labelledby="unscheduled-title">
        <h2 id="unscheduled-title">{t('mm.schedule.unscheduled', { n: String(view.unscheduled.length) })}</h2>
        {view.unscheduled.length === 0 ? (
          <p>{t('mm.schedule.none_unscheduled')}</p>
        ) : (
          <>
            {query.q ? <p>{t('mm.review.matching', { n: r.unscheduled.total })}</p> : null}
            <Showing ctx={ctx} list={r.unscheduled} />
            <ListTable
              caption={t('mm.schedule.unscheduled', { n: String(view.unscheduled.length) })}
              columns={[t('mm.schedule.meeting'), t('mm.schedule.reason')]}
            >
              {r.unscheduled.items.map((m) => (
                <tr>
                  <td>{meetingLink(m)}</td>
                  <td>
                    {m.unscheduled_reason
                      ? reasonText(lang, view, parseReason(m.unscheduled_reason))
                      : t('mm.schedule.not_run_yet')}
                  </td>
                </tr>
              ))}
            </ListTable>
            <Pagination
              ctx={ctx}
              page={r.unscheduled.page}
              total={r.unscheduled.total}
              pageSize={PAGE_SIZE}
              href={(upage) => href({ upage })}
            />
          </>
        )}
      </section>

      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">{t('mm.schedule.gaps')}</h2>
        <p>{t('mm.review.gaps_help')}</p>
        <dl class="figures">
          <dt>{t('mm.review.wait_total')}</dt>
          <dd>
            {t('mm.review.wait_total_value', {
              minutes: totals.waitMinutes,
              n: totals.waiting,
              max: totals.maxWaitMinutes,
              longest: totals.longestWait,
            })}
          </dd>
          <dt>{t('mm.review.engine_breaks')}</dt>
          <dd>{t('mm.review.engine_breaks_value', { n: totals.breaks, max: totals.maxBreaks })}</dd>
        </dl>
        {query.q ? <p>{t('mm.review.matching_people', { n: r.gaps.total })}</p> : null}
        <Showing ctx={ctx} list={r.gaps} />
        {r.gaps.total ? (
          <ListTable
            caption={t('mm.schedule.gaps')}
            columns={[
              t('mm.schedule.participant'),
              t('mm.schedule.meetings'),
              t('mm.review.wait_minutes'),
              t('mm.review.longest_wait'),
              t('mm.review.engine_breaks_column'),
              t('mm.schedule.idle_slots'),
            ]}
          >
            {r.gaps.items.map((g) => (
              <tr>
                <td>
                  {g.name} <span class="meta">({g.organisation})</span>
                </td>
                <td class="num">{g.meetings}</td>
                <td class="num">{g.waitMinutes}</td>
                <td class="num">{g.longestWait}</td>
                <td class="num">{g.breaks}</td>
                <td class="num">{g.idleSlots}</td>
              </tr>
            ))}
          </ListTable>
        ) : null}
        <Pagination
          ctx={ctx}
          page={r.gaps.page}
          total={r.gaps.total}
          pageSize={PAGE_SIZE}
          href={(gpage) => href({ gpage })}
        />
      </section>
    </>
  );
}
