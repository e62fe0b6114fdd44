import type { Event } from '../../../platform/db/schema-events.ts';
import type { RequestContext } from '../../../platform/http/context.ts';
import { Csrf } from '../../../platform/http/forms.tsx';
import { Layout } from '../../../platform/http/layout.tsx';
import { countryName } from '../../../platform/taxonomy/countries.ts';
import { phraseReason } from './reasons.ts';
import type { Suggestion } from './usecases.ts';

const base = (e: Pick<Event, 'slug'>) => `/events/${encodeURIComponent(e.slug)}/matchmaking`;
export const suggestionsPath = (e: Pick<Event, 'slug'>) => `${base(e)}/suggestions`;

/** One suggestion: who, why, their profile, and the form that requests a meeting. */
function SuggestionCard({
  ctx,
  event,
  me,
  s,
  open,
}: {
  ctx: RequestContext;
  event: Event;
  me: string;
  s: Suggestion;
  open: boolean;
}) {
  const { t, lang } = ctx;
  const p = s.participant;
  const id = `s-${p.id}`;
  const mutual = s.score >= 0.5;
  return (
    <li class="card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>
        <a href={`${base(event)}/participants/${p.id}`}>{p.name}</a>
      </h2>
      <p>
        {p.organisation_name}
        {p.country ? ` · ${countryName(p.country, lang)}` : ''}
      </p>
      {p.headline ? <p class="hint">{p.headline}</p> : null}
      <p>
        <strong>{t('mm.suggest.match', { percent: Math.round(s.score * 100) })}</strong>
        {mutual ? ` · ${t('mm.suggest.both_gain')}` : ''}
      </p>
      <h3 class="visually-hidden">{t('mm.suggest.why')}</h3>
      <ul class="reasons">
        {s.reasons.map((r) => (
          <li>{phraseReason(t, lang, me, r)}</li>
        ))}
      </ul>
      <p>
        <a href={`${base(event)}/participants/${p.id}`}>{t('mm.suggest.profile')}</a>
      </p>
      {open ? (
        <form method="post" action={`${base(event)}/requests`}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="to" value={p.id} />
          <div class="field">
            <label for={`${id}-message`}>{t('mm.suggest.message')}</label>
            <p class="hint" id={`${id}-hint`}>
              {t('mm.suggest.message_hint')}
            </p>
            <textarea
              id={`${id}-message`}
              name="message"
              rows={3}
              maxLength={2000}
              aria-describedby={`${id}-hint`}
            />
          </div>
          <button type="submit" aria-describedby={`${id}-name`}>
            {t('mm.suggest.request')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** The participant's "who to meet" page; a reader who has not joined is told how to. */
export function SuggestionsPage({
  ctx,
  event,
  participantId,
  suggestions,
  open = true,
}: {
  ctx: RequestContext;
  event: Event;
  participantId: string | null;
  suggestions: Suggestion[];
  /** Requests may be sent now (the booking window is open): each suggestion has its form. */
  open?: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('mm.suggest.title')} · ${event.title}`}>
      <p>
        <a href={`/events/${encodeURIComponent(event.slug)}`}>{event.title}</a>
      </p>
      <h1>{t('mm.suggest.title')}</h1>
      {participantId === null ? (
        <>
          <p>{t('mm.suggest.not_participant')}</p>
          <p>
            <a class="button" href={base(event)}>
              {t('mm.suggest.join')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{t('mm.suggest.intro')}</p>
          {open ? null : <p class="notice">{t('mm.suggest.closed')}</p>}
          <nav aria-label={t('mm.suggest.title')}>
            <a href={`${base(event)}/requests`}>{t('mm.suggest.your_requests')}</a> ·{' '}
            <a href={`${base(event)}/participants`}>{t('mm.suggest.marketplace')}</a> ·{' '}
            <a href={`${base(event)}/profile`}>{t('mm.suggest.edit_profile')}</a>
          </nav>
          {suggestions.length ? (
            <ol class="cards suggestions">
              {suggestions.map((s) => (
                <SuggestionCard ctx={ctx} event={event} me={participantId} s={s} open={open} />
              ))}
            </ol>
          ) : (
            <p>{t('mm.suggest.none')}</p>
          )}
        </>
      )}
    </Layout>
  );
}
