import type { Event } from '../../platform/db/schema-events.ts';
import { ITEM_KINDS, ITEM_SIDES, type MatchmakingSlot } from '../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, Pagination } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { countryName, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { ItemList, label, MatchmakingNav, mmPath, orgKindLabel, slotText } from './page-parts.tsx';
import type { marketplace, ParticipantCard, participantPage } from './views.ts';
import { PER_PAGE } from './views.ts';

type Market = Awaited<ReturnType<typeof marketplace>>;
type Pairing = Market['pairing'];

/** The "Request a meeting" form of a card (or why there is none). */
export function RequestForm({
  ctx,
  event,
  card,
  pairing,
  ownId,
}: {
  ctx: RequestContext;
  event: Event;
  card: ParticipantCard;
  pairing: Pairing;
  ownId: string | null;
}) {
  const { t, lang } = ctx;
  const p = card.participant;
  if (!ownId || ownId === p.id) return null;
  if (pairing.live.has(p.id)) return <p class="hint">{t('mm.core.market.already')}</p>;
  const slots: MatchmakingSlot[] | undefined = pairing.slots.get(p.id);
  const id = `msg-${p.id.slice(0, 8)}`;
  return (
    <form method="post" action={mmPath(event, 'requests')} class="mm-request">
      <Csrf ctx={ctx} />
      <input type="hidden" name="to" value={p.id} />
      <label for={id}>{t('mm.core.market.message', { name: p.name })}</label>
      <textarea id={id} name="message" rows={2} maxLength={2000} />
      {slots ? (
        <>
          <label for={`${id}-slot`}>{t('mm.core.field.slot')}</label>
          <select id={`${id}-slot`} name="slot" required>
            {slots.map((sl) => (
              <option value={sl.id}>{slotText(lang, sl, event.time_zone)}</option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit">{t('mm.core.market.request')}</button>
    </form>
  );
}

/** A participant as a card: who, for which organisation (linked to its directory profile), offers and needs. */
export function Card({
  ctx,
  event,
  card,
  pairing,
  ownId,
}: {
  ctx: RequestContext;
  event: Event;
  card: ParticipantCard;
  pairing: Pairing;
  ownId: string | null;
}) {
  const p = card.participant;
  return (
    <article class="card mm-card" aria-labelledby={`p-${p.id}`}>
      <h2 id={`p-${p.id}`}>
        <a href={mmPath(event, `participants/${p.id}`)}>{p.name}</a>
      </h2>
      <p>
        {card.organisationSlug ? (
          <a href={`/organisations/${encodeURIComponent(card.organisationSlug)}`}>{p.organisation_name}</a>
        ) : (
          p.organisation_name
        )}
        {p.country ? ` · ${countryName(p.country, ctx.lang)}` : ''}
        {p.organisation_kind ? ` · ${orgKindLabel(ctx, p.organisation_kind)}` : ''}
      </p>
      {p.headline ? <p>{p.headline}</p> : null}
      {event.format === 'hybrid' ? <p class="hint">{label(ctx, `mm.format.${p.meeting_format}`)}</p> : null}
      <ItemList ctx={ctx} items={card.items} />
      <RequestForm ctx={ctx} event={event} card={card} pairing={pairing} ownId={ownId} />
    </article>
  );
}

/** The marketplace: search, filters (GET, no script), a page of cards. */
export function MarketplacePage({ ctx, view }: { ctx: RequestContext; view: Market }) {
  const { t, lang } = ctx;
  const { event, query: q } = view;
  const options = (list: { value: string; label: string }[], current: string | undefined) =>
    list.map((o) => (
      <option value={o.value} selected={o.value === current}>
        {o.label}
      </option>
    ));
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && k !== 'page') params.set(k, String(v));
    params.set('page', String(page));
    return `${mmPath(event, 'participants')}?${params}`;
  };
  return (
    <Layout ctx={ctx} title={t('mm.core.market.title')}>
      <h1>{t('mm.core.market.title')}</h1>
      <p>{event.title}</p>
      <MatchmakingNav ctx={ctx} event={event} manage={view.manage} />
      <form method="get" action={mmPath(event, 'participants')} class="filters">
        <label for="f-q">{t('mm.core.market.search')}</label>
        <input id="f-q" name="q" type="search" value={q.q ?? ''} maxLength={200} />
        <label for="f-country">{t('mm.core.market.country')}</label>
        <select id="f-country" name="country">
          <option value="">{t('mm.core.market.any')}</option>
          {options(
            view.facets.countries.map((c) => ({ value: c, label: countryName(c, lang) })),
            q.country,
          )}
        </select>
        <label for="f-ecosystem">{t('mm.core.market.ecosystem')}</label>
        <select id="f-ecosystem" name="ecosystem">
          <option value="">{t('mm.core.market.any')}</option>
          {options(
            ECOSYSTEMS.map((e) => ({ value: e.code, label: termLabel(ECOSYSTEMS, e.code, lang) })),
            q.ecosystem,
          )}
        </select>
        <label for="f-kind">{t('mm.core.market.kind')}</label>
        <select id="f-kind" name="kind">
          <option value="">{t('mm.core.market.any')}</option>
          {options(
            ITEM_KINDS.map((k) => ({ value: k, label: label(ctx, `mm.kind.${k}`) })),
            q.kind,
          )}
        </select>
        <label for="f-side">{t('mm.core.market.side')}</label>
        <select id="f-side" name="side">
          <option value="">{t('mm.core.market.any')}</option>
          {options(
            ITEM_SIDES.map((k) => ({ value: k, label: label(ctx, `mm.side.${k}`) })),
            q.side,
          )}
        </select>
        <label for="f-organisation_kind">{t('mm.core.market.organisation_kind')}</label>
        <select id="f-organisation_kind" name="organisation_kind">
          <option value="">{t('mm.core.market.any')}</option>
          {options(
            view.facets.kinds.map((k) => ({ value: k, label: orgKindLabel(ctx, k) })),
            q.organisation_kind,
          )}
        </select>
        <button type="submit">{t('mm.core.market.apply')}</button>
      </form>
      <p role="status">{t('mm.core.market.count', { count: view.total })}</p>
      {view.cards.map((card) => (
        <Card
          ctx={ctx}
          event={event}
          card={card}
          pairing={view.pairing}
          ownId={view.participant?.id ?? null}
        />
      ))}
      <Pagination ctx={ctx} page={view.page} total={view.total} pageSize={PER_PAGE} href={href} />
    </Layout>
  );
}

/** One participant's page, with the request form. */
export function ParticipantPage({
  ctx,
  view,
}: {
  ctx: RequestContext;
  view: Awaited<ReturnType<typeof participantPage>>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={view.card.participant.name}>
      <h1>{t('mm.core.market.participant', { title: view.event.title })}</h1>
      <p>
        <a href={mmPath(view.event, 'participants')}>{t('mm.core.market.back')}</a>
      </p>
      <Card
        ctx={ctx}
        event={view.event}
        card={view.card}
        pairing={view.pairing}
        ownId={view.participant?.id ?? null}
      />
    </Layout>
  );
}
