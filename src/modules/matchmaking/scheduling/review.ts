import { z } from 'zod';
import { UUID } from '../../../platform/validation.ts';
import { tableNamesOf } from '../placement-repository.ts';
import type { PersonGaps, ScheduleView } from './draft.ts';
import type { MeetingRow } from './repository.ts';

/**
 * The review page's filters and pages (pure): the placed meetings filtered by participant (name or
 * organisation), session and slot, in slot and table order; the unscheduled meetings and the waiting
 * figures filtered by participant, worst first; each list a page of `PAGE_SIZE`.
 */

export const PAGE_SIZE = 100;

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const idOrEmpty = z
  .string()
  .trim()
  .regex(new RegExp(`^(${UUID.source.slice(1, -1)})?$`, 'i'), 'v.format')
  .default('');

export const reviewQuerySchema = z.object({
  q: z.string().trim().max(200).default(''),
  session: idOrEmpty,
  slot: idOrEmpty,
  page,
  upage: page,
  gpage: page,
});
export type ReviewQuery = z.output<typeof reviewQuerySchema>;

export interface Paged<T> {
  items: T[];
  /** after the filters */
  total: number;
  page: number;
  pages: number;
}

export function paged<T>(all: T[], requested: number, size = PAGE_SIZE): Paged<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(requested, pages);
  return { items: all.slice((p - 1) * size, p * size), total: all.length, page: p, pages };
}

export interface Review {
  meetings: Paged<MeetingRow>;
  unscheduled: Paged<MeetingRow>;
  gaps: Paged<PersonGaps>;
  /** before the filters */
  placedTotal: number;
}

export function review(view: ScheduleView, q: ReviewQuery): Review {
  const text = q.q.toLowerCase();
  const matchesPerson = (id: string) => {
    if (!text) return true;
    const p = view.personById.get(id);
    return !!p && (p.name.toLowerCase().includes(text) || p.organisation_name.toLowerCase().includes(text));
  };
  const matches = (m: MeetingRow) => matchesPerson(m.participant_a) || matchesPerson(m.participant_b);
  const slotIndex = new Map(view.slots.map((sl, i) => [sl.id, i]));
  // table names in their order, once per session (a session may have a thousand tables)
  const orders = new Map<string, Map<string, number>>();
  const tableIndex = (m: MeetingRow) => {
    const sl = view.slotById.get(m.slot_id!);
    if (!sl) return 0;
    let order = orders.get(sl.session_id);
    if (!order) {
      order = new Map(tableNamesOf(sl).map((name, i) => [name, i]));
      orders.set(sl.session_id, order);
    }
    return order.get(m.table_name ?? '') ?? 0;
  };
  const placed = view.meetings.filter((m) => m.slot_id && slotIndex.has(m.slot_id));
  const shown = placed
    .filter((m) => {
      const sl = view.slotById.get(m.slot_id!)!;
      return (!q.session || sl.session_id === q.session) && (!q.slot || sl.id === q.slot) && matches(m);
    })
    .map((m) => ({ m, at: slotIndex.get(m.slot_id!)!, table: tableIndex(m) }))
    .sort((a, b) => a.at - b.at || a.table - b.table)
    .map((x) => x.m);
  const gaps = view.gaps
    .filter((g) => g.meetings > 0 && matchesPerson(g.id))
    .sort(
      (a, b) =>
        b.waitMinutes - a.waitMinutes ||
        b.breaks - a.breaks ||
        b.idleSlots - a.idleSlots ||
        a.name.localeCompare(b.name),
    );
  return {
    meetings: paged(shown, q.page),
    unscheduled: paged(view.unscheduled.filter(matches), q.upage),
    gaps: paged(gaps, q.gpage),
    placedTotal: placed.length,
  };
}

/** The page's URL with the filters kept and one list's page changed. */
export function reviewHref(base: string, q: ReviewQuery, change: Partial<ReviewQuery> = {}): string {
  const all = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) {
    if (v === '' || v === 1) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
