import type { Event } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { localInput as zonedInput } from '../../platform/time/zoned.ts';
import type { registrationView } from './usecases.ts';

export type View = Awaited<ReturnType<typeof registrationView>>;

/** A date and time as the event's own zone reads it. */
export function inZone(lang: Lang, d: Date, zone: string): string {
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(d);
}

/** A `datetime-local` value in the event's zone. */
export const localInput = (d: Date | null | undefined, zone: string) => (d ? zonedInput(d, zone) : '');

export const eventPath = (e: Pick<Event, 'slug'>) => `/events/${encodeURIComponent(e.slug)}`;
export const registerPath = (e: Pick<Event, 'slug'>) => `${eventPath(e)}/register`;
export const managePath = (e: Pick<Event, 'slug'>) => `${eventPath(e)}/registrations`;

/** Capacity, seats left, the waiting list and whether registration is open, as sentences. */
export function RegistrationStatus({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t, lang } = ctx;
  const { settings, counts, seatsLeft, state, event } = view;
  const zone = event.time_zone;
  return (
    <ul class="registration-status">
      <li>
        {state === 'open'
          ? settings?.closes_at
            ? t('reg.state.open_until', { date: inZone(lang, settings.closes_at, zone) })
            : t('reg.state.open')
          : state === 'not_open'
            ? settings?.opens_at
              ? t('reg.state.not_open', { date: inZone(lang, settings.opens_at, zone) })
              : t('reg.state.not_open_plain')
            : t('reg.state.closed')}
      </li>
      <li>
        {settings?.capacity
          ? seatsLeft
            ? t('reg.seats_left', { count: seatsLeft, capacity: settings.capacity })
            : t('reg.full')
          : t('reg.no_limit')}
      </li>
      <li>{t('reg.registered_count', { count: counts.confirmed })}</li>
      {counts.waitlisted ? <li>{t('reg.waiting_count', { count: counts.waitlisted })}</li> : null}
    </ul>
  );
}

/** The reader's own registration, with the button that cancels it. */
export function OwnRegistration({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t } = ctx;
  const own = view.own;
  if (!own) return null;
  return (
    <div class="own-registration">
      <p>{t(own.status === 'confirmed' ? 'reg.your_confirmed' : 'reg.your_waitlisted')}</p>
      {view.waitingPosition ? <p>{t('reg.your_position', { position: view.waitingPosition })}</p> : null}
      <p>
        <a class="button secondary" href={`${registerPath(view.event)}/${own.id}/cancel`}>
          {t('reg.cancel_mine')}
        </a>
      </p>
    </div>
  );
}

/** What a reader can do next: register, sign in, or nothing (closed). */
export function NextStep({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t } = ctx;
  if (view.own || view.state !== 'open') return null;
  if (view.mayRegisterSelf) {
    return (
      <p>
        <a class="button" href={registerPath(view.event)}>
          {t('reg.go_register')}
        </a>
      </p>
    );
  }
  if (ctx.actor) return <p>{t('reg.confirm_address_first')}</p>;
  return (
    <p>
      <a class="button" href={`/sign-in?next=${encodeURIComponent(registerPath(view.event))}`}>
        {t('reg.sign_in_to_register')}
      </a>
    </p>
  );
}

/** The registration block of the event page (before the event). */
export function RegistrationBlock({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t } = ctx;
  return (
    <section id="registration" aria-labelledby="registration-heading">
      <h2 id="registration-heading">{t('reg.title')}</h2>
      <RegistrationStatus ctx={ctx} view={view} />
      <OwnRegistration ctx={ctx} view={view} />
      <NextStep ctx={ctx} view={view} />
      {view.manage ? (
        <p>
          <a href={managePath(view.event)}>{t('reg.manage')}</a>
        </p>
      ) : null}
    </section>
  );
}
