import type { Event } from '../../platform/db/schema-events.ts';
import type { Registration } from '../../platform/db/schema-registrations.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { eventPath } from './pages.tsx';

/** Cancelling a registration: from the reader's own page, or from the link in the confirmation mail. */

/** Asks before a registration is cancelled (its seat goes to the waiting list at once). */
export function ConfirmCancelPage({
  ctx,
  event,
  registration,
  action,
  back,
}: {
  ctx: RequestContext;
  event: Event;
  registration: Pick<Registration, 'name' | 'email'>;
  action: string;
  back: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reg.cancel_title')}>
      <h1>{t('reg.cancel_title')}</h1>
      <form method="post" action={action} class="narrow">
        <Csrf ctx={ctx} />
        <p>
          {t('reg.cancel_confirm', {
            name: registration.name,
            email: registration.email,
            title: event.title,
          })}
        </p>
        <p class="hint">{t('reg.cancel_seat_hint')}</p>
        <button type="submit">{t('reg.cancel_button')}</button> <a href={back}>{t('reg.keep')}</a>
      </form>
    </Layout>
  );
}

export type CancelLinkState = 'open' | 'gone' | 'invalid' | 'done';

/** The cancel link's page: shows whose registration it is; only the button (a POST) cancels. */
export function CancelLinkPage({
  ctx,
  state,
  token,
  registration,
  event,
}: {
  ctx: RequestContext;
  state: CancelLinkState;
  token: string;
  registration?: Pick<Registration, 'name' | 'email'> | undefined;
  event?: Event | undefined;
}) {
  const { t } = ctx;
  const vars = {
    name: registration?.name ?? '',
    email: registration?.email ?? '',
    title: event?.title ?? '',
  };
  return (
    <Layout ctx={ctx} title={t('reg.cancel_title')}>
      <h1>{t('reg.cancel_title')}</h1>
      {state === 'open' ? (
        <form method="post" action="/registrations/cancel" class="narrow">
          <Csrf ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <p>{t('reg.cancel_confirm', vars)}</p>
          <button type="submit">{t('reg.cancel_button')}</button>
        </form>
      ) : state === 'done' ? (
        <p role="status">{t('reg.cancel_done', vars)}</p>
      ) : (
        <p>{t(state === 'gone' ? 'reg.cancel_gone' : 'reg.cancel_invalid')}</p>
      )}
      {event ? (
        <p>
          <a href={eventPath(event)}>{t('reg.back_to_event')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
