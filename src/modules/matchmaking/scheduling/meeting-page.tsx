import type { RequestContext } from '../../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../../platform/http/forms.tsx';
import { Layout } from '../../../platform/http/layout.tsx';
import type { ScheduleView } from './draft.ts';
import type { Refusal } from './pages.tsx';
import { reasonText } from './reason-texts.ts';
import { parseReason } from './reasons.ts';
import type { MeetingRow } from './repository.ts';
import { meetingLabel } from './review-parts.tsx';
import { schedulePath, slotTimeText } from './shared.ts';

/** One meeting of the draft: where it is, lock or unlock it, move it to a slot and table. */
export function MeetingPage({
  ctx,
  view,
  meeting,
  problems = [],
  values = {},
  refusal,
  notice,
}: {
  ctx: RequestContext;
  view: ScheduleView;
  meeting: MeetingRow;
  problems?: Problems;
  values?: Record<string, string>;
  refusal?: Refusal | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const event = view.mm.event;
  const base = `${schedulePath(event)}/meetings/${meeting.id}`;
  const zone = event.time_zone;
  const slot = meeting.slot_id ? view.slotById.get(meeting.slot_id) : undefined;
  const label = meetingLabel(view, meeting);
  return (
    <Layout ctx={ctx} title={label} notice={notice}>
      <p>
        <a href={schedulePath(event)}>← {t('mm.schedule.title', { title: event.title })}</a>
      </p>
      <h1>{label}</h1>
      {refusal ? (
        <p class="error-summary" role="alert">
          {t(refusal.key, refusal.params)}
        </p>
      ) : null}
      <p>
        {slot
          ? t('mm.schedule.placed_at', {
              time: slotTimeText(ctx.lang, new Date(slot.starts_at), zone),
              table: meeting.table_name ?? '',
            })
          : t('mm.schedule.not_placed', {
              reason: meeting.unscheduled_reason
                ? reasonText(ctx.lang, view, parseReason(meeting.unscheduled_reason))
                : t('mm.schedule.not_run_yet'),
            })}
      </p>
      {slot ? (
        <form method="post" action={`${base}/lock`}>
          <Csrf ctx={ctx} />
          <p>{t(meeting.locked ? 'mm.schedule.is_locked' : 'mm.schedule.is_unlocked')}</p>
          <input type="hidden" name="locked" value={meeting.locked ? '' : 'on'} />
          <button type="submit" class="secondary">
            {t(meeting.locked ? 'mm.schedule.unlock' : 'mm.schedule.lock')}
          </button>
        </form>
      ) : null}
      <h2 id="move-title">{t('mm.schedule.move')}</h2>
      <p>{t('mm.schedule.move_help')}</p>
      <form method="post" action={`${base}/move`} aria-labelledby="move-title">
        <Csrf ctx={ctx} />
        <ErrorSummary
          ctx={ctx}
          problems={problems}
          labels={{ slot: t('mm.schedule.slot'), table: t('mm.schedule.table') }}
        />
        <SelectField
          ctx={ctx}
          name="slot"
          label={t('mm.schedule.slot')}
          required
          problems={problems}
          value={values.slot ?? meeting.slot_id}
          options={view.slots.map((s) => ({
            value: s.id,
            label: `${slotTimeText(ctx.lang, new Date(s.starts_at), zone)} · ${s.label}`,
          }))}
        />
        <TextField
          ctx={ctx}
          name="table"
          label={t('mm.schedule.table')}
          required
          maxLength={100}
          problems={problems}
          value={values.table ?? meeting.table_name ?? ''}
        />
        <button type="submit">{t('mm.schedule.move')}</button>
      </form>
    </Layout>
  );
}
