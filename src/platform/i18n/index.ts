import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export type Lang = 'en' | 'fr' | 'de';
export const LANGS: readonly Lang[] = ['en', 'fr', 'de'];
export type MessageKey = keyof typeof en;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, fr, de };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/**
 * The text of a key made at run time (an audit action code, an API operation), or `fallback` when
 * the catalogue has no such key: a code added without its translation still shows something.
 */
export function translateOr(t: Translate, key: string, fallback: string, vars?: Vars): string {
  return isMessageKey(key) ? t(key, vars) : fallback;
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = catalogs[lang][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? formatVar(lang, vars[name]) : whole,
  );
}

function formatVar(lang: Lang, v: string | number): string {
  return typeof v === 'number' ? numberFormat(lang, 3).format(v) : v;
}

// Intl formatters are costly to build and immutable: one per language and precision, built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

/** Picks the best of our languages from an Accept-Language header, honouring q-values. */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.base && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.base).find(isLang) ?? 'en';
}

export function formatDate(lang: Lang, d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  return f.format(date);
}

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A date and time of day, UTC, in the reader's language. */
export function formatDateTime(lang: Lang, d: Date): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    dateTimeFormats.set(lang, f);
  }
  return f.format(d);
}

export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return numberFormat(lang, digits).format(n);
}
