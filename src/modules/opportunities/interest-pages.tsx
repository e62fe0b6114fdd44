import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { formatDate, formatDateTime } from '../../platform/i18n/index.ts';
import type { InterestView } from './interest-repository.ts';
import { OutcomesSection } from './outcome-pages.tsx';
import type { OutcomeView } from './outcome-repository.ts';
import { expiredAt } from './presenter.ts';
import type { OpportunityRow } from './repository.ts';
import type { CommentView } from './social-repository.ts';

/**
 * The parts of the opportunity page below it: follow, interest (the form, or the team's own
 * interest and its meetings; all interests with their answers for the poster's team), comments.
 * `failed` names the form a post failed in, so only that one shows its problems.
 */

export interface Extras {
  following: boolean;
  interests: InterestView[];
  teams: { id: string; name: string }[];
  comments: CommentView[];
  outcomes: OutcomeView[];
  signedIn: boolean;
}
export interface Failed {
  form: string;
  problems: Problems;
  values: Record<string, string>;
}

type Can = { answer: boolean; comment: boolean; hide: boolean; follow: boolean; outcome: boolean };

export function OpportunityExtras({
  ctx,
  o,
  can,
  extras,
  failed,
}: {
  ctx: RequestContext;
  o: OpportunityRow;
  can: Can;
  extras: Extras;
  failed?: Failed | undefined;
}) {
  const base = `/opportunities/${o.reference}`;
  const open = o.status === 'published' && !expiredAt(o);
  return (
    <>
      {can.follow && o.status === 'published' ? (
        <form
          method="post"
          action={`${base}/${extras.following ? 'unfollow' : 'follow'}`}
          class="inline-actions"
        >
          <Csrf ctx={ctx} />
          <button type="submit" class="secondary">
            {extras.following ? ctx.t('opp.unfollow') : ctx.t('opp.follow')}
          </button>
        </form>
      ) : null}
      <InterestSection ctx={ctx} o={o} can={can} extras={extras} open={open} failed={failed} />
      <OutcomesSection
        ctx={ctx}
        reference={o.reference}
        outcomes={extras.outcomes}
        canRecord={can.outcome && (o.status === 'published' || o.status === 'withdrawn')}
        problems={problemsOf(failed, 'outcome')}
        values={valuesOf(failed, 'outcome')}
      />
      {o.status === 'published' ? (
        <CommentsSection ctx={ctx} o={o} can={can} extras={extras} failed={failed} />
      ) : null}
    </>
  );
}

const problemsOf = (failed: Failed | undefined, form: string) =>
  failed?.form === form ? failed.problems : [];
const valuesOf = (failed: Failed | undefined, form: string) => (failed?.form === form ? failed.values : {});

function InterestSection({
  ctx,
  o,
  can,
  extras,
  open,
  failed,
}: {
  ctx: RequestContext;
  o: OpportunityRow;
  can: Can;
  extras: Extras;
  open: boolean;
  failed?: Failed | undefined;
}) {
  const { t } = ctx;
  const base = `/opportunities/${o.reference}`;
  const mineDone = new Set(extras.interests.map((i) => i.organisation.id));
  const free = extras.teams.filter((team) => !mineDone.has(team.id));
  const problems = problemsOf(failed, 'interest');
  const values = valuesOf(failed, 'interest');
  const p = { ctx, problems };
  return (
    <section id="interest" aria-labelledby="interest-title">
      <h2 id="interest-title">{can.answer ? t('interest.received') : t('interest.title')}</h2>
      <ErrorSummary ctx={ctx} problems={problems} />
      {extras.interests.length ? (
        <ul class="interests">
          {extras.interests.map((i) => (
            <InterestItem ctx={ctx} o={o} i={i} poster={can.answer} failed={failed} />
          ))}
        </ul>
      ) : can.answer ? (
        <p>{t('interest.none')}</p>
      ) : null}
      {can.answer ? null : !extras.signedIn ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(base)}`}>{t('interest.sign_in')}</a>
        </p>
      ) : !open ? (
        <p>{t('interest.closed')}</p>
      ) : free.length ? (
        <form method="post" action={`${base}/interest`} class="narrow" noValidate>
          <Csrf ctx={ctx} />
          <SelectField
            {...p}
            name="organisation"
            label={t('field.organisation')}
            value={values.organisation ?? free[0]!.id}
            options={free.map((team) => ({ value: team.id, label: team.name }))}
          />
          <TextField
            {...p}
            name="offer"
            label={t('field.offer')}
            value={values.offer}
            multiline
            rows={4}
            required
            maxLength={2000}
          />
          <TextField
            {...p}
            name="seek"
            label={t('field.seek')}
            value={values.seek}
            multiline
            rows={4}
            required
            maxLength={2000}
          />
          <TextField
            {...p}
            name="next_step"
            label={t('field.next_step')}
            value={values.next_step}
            multiline
            rows={2}
            required
            maxLength={1000}
          />
          <button type="submit">{t('interest.send')}</button>
        </form>
      ) : extras.interests.length === 0 ? (
        <p>{t('interest.team_first')}</p>
      ) : null}
    </section>
  );
}

function InterestItem({
  ctx,
  o,
  i,
  poster,
  failed,
}: {
  ctx: RequestContext;
  o: OpportunityRow;
  i: InterestView;
  poster: boolean;
  failed?: Failed | undefined;
}) {
  const { t, lang } = ctx;
  const base = `/opportunities/${o.reference}/interests/${i.id}`;
  // The other side's contact, once accepted: the interested organisation's for the poster, the poster's for it.
  const contact = poster
    ? [i.organisation.contact_name, i.organisation.contact_email, i.author?.email].filter(Boolean).join(', ')
    : [o.organisation.contact_name, o.organisation.contact_email].filter(Boolean).join(', ');
  const meetingForm = `meeting:${i.id}`;
  const mp = { ctx, problems: problemsOf(failed, meetingForm) };
  const mv = valuesOf(failed, meetingForm);
  return (
    <li class="interest">
      <p>
        <strong>{poster ? i.organisation.name : t('interest.yours', { name: i.organisation.name })}</strong> ·{' '}
        <span class={`badge status-${i.status}`}>{t(`intstatus.${i.status}`)}</span> ·{' '}
        {formatDate(lang, i.created_at)}
      </p>
      <dl class="facts">
        <dt>{t('field.offer')}</dt>
        <dd>{i.offer}</dd>
        <dt>{t('field.seek')}</dt>
        <dd>{i.seek}</dd>
        <dt>{t('field.next_step')}</dt>
        <dd>{i.next_step}</dd>
        {i.status === 'declined' && i.decline_reason ? (
          <>
            <dt>{t('field.reason')}</dt>
            <dd>{i.decline_reason}</dd>
          </>
        ) : null}
        {i.status === 'accepted' ? (
          <>
            <dt>
              {poster
                ? t('interest.their_contact')
                : t('interest.poster_contact', { name: o.organisation.name })}
            </dt>
            <dd>{contact || '—'}</dd>
          </>
        ) : null}
      </dl>
      {poster && i.status === 'pending' ? (
        <form method="post" action={`${base}/answer`} class="inline-actions">
          <Csrf ctx={ctx} />
          <label for={`f-reason-${i.id}`}>{t('interest.decline_reason')}</label>{' '}
          <input id={`f-reason-${i.id}`} name="reason" maxLength={1000} />{' '}
          <button type="submit" name="decision" value="accept">
            {t('interest.accept')}
          </button>{' '}
          <button type="submit" name="decision" value="decline" class="secondary">
            {t('interest.decline')}
          </button>
        </form>
      ) : null}
      {i.status === 'accepted' ? (
        <>
          {i.meetings.length ? (
            <ul class="meetings">
              {i.meetings.map((m) => (
                <li>
                  {formatDateTime(lang, m.starts_at)} UTC · {m.online ? t('field.online') : ''}{' '}
                  {m.place ?? ''}
                  {m.note ? ` · ${m.note}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <form method="post" action={`${base}/meetings`} class="narrow" noValidate>
            <Csrf ctx={ctx} />
            <ErrorSummary ctx={ctx} problems={mp.problems} />
            <TextField
              {...mp}
              name="starts_at"
              type="datetime-local"
              label={t('field.starts_at_utc')}
              value={mv.starts_at}
              required
            />
            <div class="field">
              <label for={`f-online-${i.id}`}>
                <input
                  type="checkbox"
                  id={`f-online-${i.id}`}
                  name="online"
                  value="on"
                  checked={mv.online === 'on'}
                />{' '}
                {t('field.online')}
              </label>
            </div>
            <TextField
              {...mp}
              name="place"
              label={t('field.place')}
              hint={t('interest.place_hint')}
              value={mv.place}
              maxLength={300}
            />
            <TextField {...mp} name="note" label={t('field.note')} value={mv.note} maxLength={1000} />
            <button type="submit">{t('interest.propose_meeting')}</button>
          </form>
        </>
      ) : null}
    </li>
  );
}

function CommentsSection({
  ctx,
  o,
  can,
  extras,
  failed,
}: {
  ctx: RequestContext;
  o: OpportunityRow;
  can: Can;
  extras: Extras;
  failed?: Failed | undefined;
}) {
  const { t, lang } = ctx;
  const base = `/opportunities/${o.reference}/comments`;
  const problems = problemsOf(failed, 'comment');
  return (
    <section id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {extras.comments.length === 0 ? <p>{t('comments.none')}</p> : null}
      <ul class="comments">
        {extras.comments.map((c) => (
          <li class={c.hidden ? 'comment hidden-comment' : 'comment'}>
            <p class="meta">
              {c.by_poster ? t('comments.by_poster') : c.author} · {formatDateTime(lang, c.created_at)}
              {c.hidden ? <span class="badge">{t('comments.hidden')}</span> : null}
              {can.hide && c.report_count ? (
                <span class="badge">{t('comments.reported', { n: c.report_count })}</span>
              ) : null}
            </p>
            <p>{c.body}</p>
            {extras.signedIn ? (
              <div class="inline-actions">
                <form method="post" action={`${base}/${c.id}/report`}>
                  <Csrf ctx={ctx} />
                  <button type="submit" class="secondary">
                    {t('comments.report')}
                  </button>
                </form>
                {can.hide ? (
                  <form method="post" action={`${base}/${c.id}/${c.hidden ? 'show' : 'hide'}`}>
                    <Csrf ctx={ctx} />
                    <button type="submit" class="secondary">
                      {c.hidden ? t('comments.show') : t('comments.hide')}
                    </button>
                  </form>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {can.comment ? (
        <form method="post" action={base} class="narrow" noValidate>
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} problems={problems} />
          <TextField
            ctx={ctx}
            problems={problems}
            name="body"
            label={t('field.body')}
            value={valuesOf(failed, 'comment').body}
            multiline
            rows={3}
            required
            maxLength={4000}
          />
          <button type="submit">{t('comments.send')}</button>
        </form>
      ) : null}
    </section>
  );
}
