import type { Event } from '../../platform/db/schema-events.ts';
import type { IdeaCall, IdeaFormat, IdeaStatus } from '../../platform/db/schema-ideas-awards.ts';
import { IDEA_FORMATS } from '../../platform/db/schema-ideas-awards.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { formatZoned, localInput } from '../../platform/time/zoned.ts';
import type { CallState } from './usecases.ts';

export const FORMAT_KEY: Record<IdeaFormat, MessageKey> = {
  talk: 'ideas.format_talk',
  panel: 'ideas.format_panel',
  workshop: 'ideas.format_workshop',
  demo: 'ideas.format_demo',
};
export const STATUS_KEY: Record<IdeaStatus, MessageKey> = {
  proposed: 'ideas.status_proposed',
  shortlisted: 'ideas.status_shortlisted',
  accepted: 'ideas.status_accepted',
  declined: 'ideas.status_declined',
};

/** Plain text with blank lines between paragraphs, as paragraphs (escaped like any text). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

/** "Open until …", "Closed on …": where a call stands, in the event's zone. */
export function CallStatus({
  ctx,
  event,
  call,
  state,
}: {
  ctx: RequestContext;
  event: Pick<Event, 'time_zone'>;
  call: Pick<IdeaCall, 'opens_at' | 'closes_at'> | null;
  state: CallState;
}) {
  const { t, lang } = ctx;
  if (!call || state === 'none') return <p>{t('ideas.no_call')}</p>;
  const at = (d: Date) => formatZoned(lang, d, event.time_zone);
  if (state === 'upcoming') return <p>{t('ideas.call_upcoming', { date: at(call.opens_at) })}</p>;
  if (state === 'open') return <p>{t('ideas.call_open', { date: at(call.closes_at) })}</p>;
  return <p>{t('ideas.call_closed', { date: at(call.closes_at) })}</p>;
}

type IdeaRow = {
  id: string;
  title: string;
  abstract: string;
  format: IdeaFormat;
  status: IdeaStatus;
  author_id: string | null;
  author_name: string | null;
  votes: number;
  voted: boolean;
};

export function IdeasPage({
  ctx,
  event,
  call,
  state,
  ideas,
  mine,
  canDecide,
  canManage,
  canPropose,
  canVote,
  problems = [],
  values = {},
  form,
  notice,
}: {
  ctx: RequestContext;
  event: Event;
  call: IdeaCall | null;
  state: CallState;
  ideas: IdeaRow[];
  mine: IdeaRow[];
  canDecide: boolean;
  canManage: boolean;
  canPropose: boolean;
  canVote: boolean;
  problems?: Problems;
  values?: Record<string, string>;
  /** Which form the problems are about. */
  form?: 'propose' | 'call';
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/events/${event.slug}/ideas`;
  const title = t('ideas.title', { event: event.title });
  const open = state === 'open';
  const proposeLabels = {
    call: t('ideas.call'),
    title: t('ideas.f_title'),
    abstract: t('ideas.f_abstract'),
    format: t('ideas.f_format'),
  };
  const formatOptions = IDEA_FORMATS.map((f) => ({ value: f, label: t(FORMAT_KEY[f]) }));
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <p>
        <a href={`/events/${event.slug}`}>← {event.title}</a>
      </p>
      <h1>{title}</h1>
      {form === 'propose' && !open ? (
        <ErrorSummary ctx={ctx} problems={problems} labels={proposeLabels} />
      ) : null}
      <div id="f-call">
        <CallStatus ctx={ctx} event={event} call={call} state={state} />
      </div>
      {canManage ? (
        <section aria-labelledby="call-settings">
          <h2 id="call-settings">{t('ideas.call_settings')}</h2>
          <form method="post" action={`${base}/call`} class="narrow" noValidate>
            <Csrf ctx={ctx} />
            {form === 'call' ? (
              <ErrorSummary ctx={ctx} problems={problems} labels={{ closes_at: t('ideas.f_closes_at') }} />
            ) : null}
            <TextField
              ctx={ctx}
              problems={form === 'call' ? problems : []}
              name="closes_at"
              type="datetime-local"
              required
              label={t('ideas.f_closes_at')}
              hint={t('ideas.zone_hint', { zone: event.time_zone })}
              value={
                form === 'call'
                  ? values.closes_at
                  : call && open
                    ? localInput(call.closes_at, event.time_zone)
                    : ''
              }
            />
            <button type="submit">{open ? t('ideas.change_closing') : t('ideas.open_call')}</button>
          </form>
          {open ? (
            <form method="post" action={`${base}/call/close`} class="actions">
              <Csrf ctx={ctx} />
              <button type="submit" class="secondary">
                {t('ideas.close_now')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {mine.length ? (
        <section aria-labelledby="my-ideas">
          <h2 id="my-ideas">{t('ideas.mine')}</h2>
          <ul>
            {mine.map((i) => (
              <li>
                <a href={`#idea-${i.id}`}>{i.title}</a> — {t(STATUS_KEY[i.status])}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="ideas-list">
        <h2 id="ideas-list">{t('ideas.list', { count: ideas.length })}</h2>
        {ideas.length === 0 ? <p>{t('ideas.none')}</p> : null}
        <ol class="ideas">
          {ideas.map((i) => (
            <li id={`idea-${i.id}`}>
              <article aria-labelledby={`idea-${i.id}-title`}>
                <h3 id={`idea-${i.id}-title`}>{i.title}</h3>
                <p class="meta">
                  {t(FORMAT_KEY[i.format])} · {t(STATUS_KEY[i.status])}
                  {i.author_name ? ` · ${t('ideas.by', { name: i.author_name })}` : ''}
                </p>
                <Paragraphs text={i.abstract} />
                <p>{i.votes === 1 ? t('ideas.votes_one') : t('ideas.votes', { count: i.votes })}</p>
                {open && canVote && (i.status === 'proposed' || i.status === 'shortlisted' || i.voted) ? (
                  <form
                    method="post"
                    action={`${base}/${i.id}/${i.voted ? 'unvote' : 'vote'}`}
                    class="inline"
                  >
                    <Csrf ctx={ctx} />
                    <button
                      type="submit"
                      class={i.voted ? 'secondary small' : 'small'}
                      aria-label={t(i.voted ? 'ideas.unvote_named' : 'ideas.vote_named', { title: i.title })}
                    >
                      {t(i.voted ? 'ideas.unvote' : 'ideas.vote')}
                    </button>
                  </form>
                ) : null}
                {canDecide ? (
                  <form method="post" action={`${base}/${i.id}/decide`} class="actions">
                    <Csrf ctx={ctx} />
                    {(['shortlisted', 'accepted', 'declined', 'proposed'] as const)
                      .filter((st) => st !== i.status)
                      .map((st) => (
                        <button
                          type="submit"
                          name="status"
                          value={st}
                          class="secondary small"
                          aria-label={t('ideas.decide_named', { action: t(DECIDE_KEY[st]), title: i.title })}
                        >
                          {t(DECIDE_KEY[st])}
                        </button>
                      ))}
                  </form>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      </section>
      {open ? (
        <section aria-labelledby="propose">
          <h2 id="propose">{t('ideas.propose')}</h2>
          {!ctx.actor ? (
            <p>
              <a href={`/sign-in?next=${encodeURIComponent(base)}`}>{t('ideas.sign_in_to_propose')}</a>
            </p>
          ) : !canPropose ? (
            <p>{t('ideas.confirm_to_propose')}</p>
          ) : (
            <form method="post" action={base} class="narrow" noValidate>
              <Csrf ctx={ctx} />
              {form === 'propose' ? (
                <ErrorSummary ctx={ctx} problems={problems} labels={proposeLabels} />
              ) : null}
              <TextField
                ctx={ctx}
                problems={form === 'propose' ? problems : []}
                name="title"
                label={t('ideas.f_title')}
                required
                maxLength={200}
                value={form === 'propose' ? values.title : ''}
              />
              <TextField
                ctx={ctx}
                problems={form === 'propose' ? problems : []}
                name="abstract"
                label={t('ideas.f_abstract')}
                hint={t('ideas.abstract_hint')}
                required
                multiline
                rows={6}
                value={form === 'propose' ? values.abstract : ''}
              />
              <SelectField
                ctx={ctx}
                problems={form === 'propose' ? problems : []}
                name="format"
                label={t('ideas.f_format')}
                required
                value={form === 'propose' ? values.format : 'talk'}
                options={formatOptions}
              />
              <button type="submit">{t('ideas.submit')}</button>
            </form>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

const DECIDE_KEY: Record<IdeaStatus, MessageKey> = {
  proposed: 'ideas.do_reopen',
  shortlisted: 'ideas.do_shortlist',
  accepted: 'ideas.do_accept',
  declined: 'ideas.do_decline',
};
