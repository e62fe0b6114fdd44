import { type Lang, type MessageKey, translateOr, translator } from '../../../platform/i18n/index.ts';
import type { ScheduleView } from './draft.ts';
import type { Reason } from './reasons.ts';
import { slotTimeText } from './shared.ts';

/**
 * Reasons (reasons.ts) and run failures in the reader's language: participant ids become
 * "name (organisation)", slot ids the slot's start in the event's zone. Texts: `mm.why.<code>`,
 * `mm.why.failure.<code>`.
 */

const PEOPLE = new Set(['participant', 'other', 'participants']);
const SLOTS = new Set(['first', 'slots']);

export type Names = Pick<ScheduleView, 'personById' | 'slotById'> & { mm: { event: { time_zone: string } } };

export function reasonText(lang: Lang, names: Names, r: Reason, prefix = 'mm.why'): string {
  const t = translator(lang);
  const person = (id: string) => {
    const p = names.personById.get(id);
    return p ? `${p.name} (${p.organisation_name})` : '?';
  };
  const slot = (id: string) => {
    const sl = names.slotById.get(id);
    return sl ? slotTimeText(lang, new Date(sl.starts_at), names.mm.event.time_zone) : '?';
  };
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.params)) {
    if (Array.isArray(v)) {
      const list = v.map((x) => (PEOPLE.has(k) ? person(x) : SLOTS.has(k) ? slot(x) : x));
      vars[k] = list.join(', ');
    } else if (typeof v === 'string') vars[k] = PEOPLE.has(k) ? person(v) : SLOTS.has(k) ? slot(v) : v;
    else vars[k] = v;
  }
  if (typeof r.params.more === 'number')
    vars.more = r.params.more > 0 ? t('mm.why.and_more', { n: r.params.more }) : '';
  const key = `${prefix}.${r.code}`;
  return translateOr(t, key, t(`${prefix}.unknown` as MessageKey), vars);
}

export const failureText = (lang: Lang, names: Names, r: Reason) =>
  reasonText(lang, names, r, 'mm.why.failure');

/** The API's form of a reason: the code, its parameters, and the English sentence. */
export function presentReason(names: Names, r: Reason, prefix = 'mm.why') {
  return { code: r.code, params: r.params, message: reasonText('en', names, r, prefix) };
}
