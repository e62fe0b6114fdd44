import type { Event } from '../../platform/db/schema-events.ts';
import type { MatchmakingItem, MatchmakingSlot } from '../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { isMessageKey, type Lang, type MessageKey } from '../../platform/i18n/index.ts';

/** What the matchmaking's pages share: their paths, times in the event's zone, labels, the sub-navigation. */

export const mmPath = (e: Pick<Event, 'slug'>, sub = '') =>
  `/events/${encodeURIComponent(e.slug)}/matchmaking${sub ? `/${sub}` : ''}`;

/** A notice of the matchmaking's pages (`?notice=mm.core.notice.…`). */
export function mmNotice(query: unknown): string | undefined {
  const n = (query as Record<string, unknown> | undefined)?.notice;
  return typeof n === 'string' && n.startsWith('mm.core.notice.') && isMessageKey(n) ? n : undefined;
}

/** "Tue 12 Mar, 10:00–10:30": a slot as the event's zone reads it. */
export function slotText(lang: Lang, slot: Pick<MatchmakingSlot, 'starts_at' | 'ends_at'>, zone: string) {
  const day = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).format(new Date(slot.starts_at));
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  return `${day}, ${time.format(new Date(slot.starts_at))}–${time.format(new Date(slot.ends_at))}`;
}

/** A label of the shared catalogue (`mm.kind.business`), or the code itself. */
export const label = (ctx: RequestContext, key: string) =>
  isMessageKey(key) ? ctx.t(key) : key.split('.').pop()!;

/** "cluster_member" as a kind of organisation: the directory's types and the registration's kinds. */
export const orgKindLabel = (ctx: RequestContext, kind: string) => {
  for (const key of [`orgtype.${kind}`, `reg.kind.${kind}`]) if (isMessageKey(key)) return ctx.t(key);
  return kind;
};

/** The matchmaking's pages, linked from each of them. */
export function MatchmakingNav({
  ctx,
  event,
  manage,
}: {
  ctx: RequestContext;
  event: Event;
  manage: boolean;
}) {
  const { t } = ctx;
  const links: [string, MessageKey][] = [
    ['', 'mm.core.nav.home'],
    ['profile', 'mm.core.nav.profile'],
    ['participants', 'mm.core.nav.participants'],
    ['requests', 'mm.core.nav.requests'],
    ['agenda', 'mm.core.nav.agenda'],
  ];
  if (manage) links.push(['setup', 'mm.core.nav.setup'], ['schedule', 'mm.core.nav.schedule']);
  return (
    <nav aria-label={t('mm.core.nav.label')} class="subnav">
      <ul>
        {links.map(([sub, key]) => (
          <li>
            <a href={mmPath(event, sub)} aria-current={ctx.path === mmPath(event, sub) ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A participant's offers and needs as a list: "Offer · Technology: title", its text below. */
export function ItemList({ ctx, items }: { ctx: RequestContext; items: MatchmakingItem[] }) {
  if (items.length === 0) return <p class="hint">{ctx.t('mm.core.no_items')}</p>;
  return (
    <ul class="mm-items">
      {items.map((i) => (
        <li>
          <strong>
            {label(ctx, `mm.side.${i.side}`)} · {label(ctx, `mm.kind.${i.kind}`)}:
          </strong>{' '}
          {i.title}
          {i.description ? <p>{i.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
