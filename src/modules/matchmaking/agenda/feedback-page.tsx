import { OUTCOMES } from '../../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../../platform/http/context.ts';
import { Csrf, type Problems, problemText } from '../../../platform/http/forms.tsx';
import { Layout } from '../../../platform/http/layout.tsx';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { feedbackView } from './feedback.ts';
import { agendaPath, matchmakingPath } from './pages.tsx';
import type { AgendaMeeting } from './repository.ts';
import { dayOf, timeRange } from './timeline.ts';

/** After the event: one form per ended meeting (rating, outcome, comment), each changeable. */

export type FeedbackView = Awaited<ReturnType<typeof feedbackView>>;

/** A form that failed: its meeting, the problems and what was posted. */
export interface FeedbackAttempt {
  meetingId: string;
  problems: Problems;
  values: Record<string, string>;
}

function MeetingForm({
  ctx,
  view,
  m,
  attempt,
}: {
  ctx: RequestContext;
  view: FeedbackView;
  m: AgendaMeeting;
  attempt: FeedbackAttempt | undefined;
}) {
  const { t, lang } = ctx;
  const given = view.feedback.get(m.meeting_id);
  const problems = attempt?.problems ?? [];
  const value = (k: 'rating' | 'outcome' | 'comment') =>
    attempt ? (attempt.values[k] ?? '') : given ? String(given[k]) : '';
  const error = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p ? problemText(t, p) : null;
  };
  const id = (field: string) => `fb-${m.meeting_id}-${field}`;
  const zone = view.event.time_zone;
  const headingId = `fb-${m.meeting_id}`;
  return (
    <section class="feedback-meeting" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('mm.feedback.meeting', {
          when: `${dayOf(lang, m.starts_at, zone)}, ${timeRange(lang, m.starts_at, m.ends_at, zone)}`,
          who: `${m.counterpart_name} (${m.counterpart_organisation})`,
        })}
      </h2>
      {given && !attempt ? <p class="hint">{t('mm.feedback.given')}</p> : null}
      <form method="post" action={`${matchmakingPath(view.event)}/feedback`}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="meeting" value={m.meeting_id} />
        <fieldset
          id={id('rating')}
          class={error('rating') ? 'field checkboxes has-error' : 'field checkboxes'}
        >
          <legend>
            {t('mm.feedback.rating')}
            <span aria-hidden="true"> *</span>
          </legend>
          {error('rating') ? <p class="error">{error('rating')}</p> : null}
          <div class="options">
            {[1, 2, 3, 4, 5].map((r) => (
              <label>
                <input
                  type="radio"
                  name="rating"
                  value={String(r)}
                  checked={value('rating') === String(r)}
                  required
                />{' '}
                {t(`mm.feedback.rating_${r}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class={error('outcome') ? 'field has-error' : 'field'}>
          <label for={id('outcome')}>
            {t('mm.feedback.outcome')}
            <span aria-hidden="true"> *</span>
          </label>
          {error('outcome') ? (
            <p class="error" id={`${id('outcome')}-error`}>
              {error('outcome')}
            </p>
          ) : null}
          <select
            id={id('outcome')}
            name="outcome"
            required
            aria-invalid={error('outcome') ? 'true' : undefined}
            aria-describedby={error('outcome') ? `${id('outcome')}-error` : undefined}
          >
            <option value="">{t('mm.feedback.choose')}</option>
            {OUTCOMES.map((o) => (
              <option value={o} selected={value('outcome') === o}>
                {t(`mm.feedback.outcome.${o}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class={error('comment') ? 'field has-error' : 'field'}>
          <label for={id('comment')}>{t('mm.feedback.comment')}</label>
          {error('comment') ? <p class="error">{error('comment')}</p> : null}
          <textarea id={id('comment')} name="comment" rows={3} maxLength={2000}>
            {value('comment')}
          </textarea>
        </div>
        <button type="submit">{t(given ? 'mm.feedback.change' : 'mm.feedback.save')}</button>
      </form>
    </section>
  );
}

export function FeedbackPage({
  ctx,
  view,
  attempt,
  saved,
}: {
  ctx: RequestContext;
  view: FeedbackView;
  attempt?: FeedbackAttempt;
  saved?: boolean;
}) {
  const { t } = ctx;
  const { event } = view;
  return (
    <Layout ctx={ctx} title={`${t('mm.feedback.title')} · ${event.title}`}>
      <p class="breadcrumb">
        <a href={`/events/${encodeURIComponent(event.slug)}`}>{event.title}</a> ›{' '}
        <a href={agendaPath(event)}>{t('mm.agenda.title')}</a>
      </p>
      <h1>{t('mm.feedback.title')}</h1>
      {saved ? (
        <p class="notice" role="status">
          {t('mm.feedback.saved')}
        </p>
      ) : null}
      {attempt ? (
        <p class="error" role="alert">
          {t('mm.feedback.fix')}
        </p>
      ) : null}
      {!view.participant ? (
        <p>{t('mm.agenda.not_joined')}</p>
      ) : view.ended.length ? (
        <>
          <p>{t('mm.feedback.intro')}</p>
          {view.ended.map((m) => (
            <MeetingForm
              ctx={ctx}
              view={view}
              m={m}
              attempt={attempt?.meetingId === m.meeting_id ? attempt : undefined}
            />
          ))}
        </>
      ) : (
        <p>{t('mm.feedback.none_yet')}</p>
      )}
      {view.upcoming ? <p class="hint">{t('mm.feedback.upcoming', { count: view.upcoming })}</p> : null}
    </Layout>
  );
}
