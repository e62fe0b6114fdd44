import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { Lang } from './terms.ts';

// i18n-iso-countries 7 is CommonJS: its default export is the library object. Its Node entry already
// registers every locale; registering ours again is harmless and keeps this module independent of that.
for (const locale of [en, fr, de]) countries.registerLocale(locale);

const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** Whether `code` is an ISO 3166-1 alpha-2 code, in upper case. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && ALPHA2.has(code);
}

/** The country's name in `lang`; the code itself when it is unknown. */
export function countryName(code: string, lang: Lang): string {
  return countries.getName(code, lang) ?? code;
}

const optionsCache = new Map<Lang, { code: string; name: string }[]>();

/** Every ISO 3166-1 alpha-2 country, sorted by its name in `lang`. */
export function countryOptions(lang: Lang): { code: string; name: string }[] {
  let options = optionsCache.get(lang);
  if (!options) {
    options = [...ALPHA2]
      .map((code) => ({ code, name: countryName(code, lang) }))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
    optionsCache.set(lang, options);
  }
  return options.map((o) => ({ ...o }));
}

/**
 * European countries, ISO alpha-2: Europe as a geographic continent, counted the way the cluster field
 * counts it ("X % of organisations in Europe"):
 * - the 27 EU member states, the EFTA states (IS, LI, NO, CH) and the United Kingdom;
 * - candidate and potential candidate countries: AL, BA, ME, MK, RS, XK (Kosovo, user-assigned code),
 *   Moldova, Ukraine, Georgia and Türkiye (transcontinental, counted as European as in EU programmes);
 * - the other states of the continent: Andorra, Belarus, Monaco, Russia, San Marino, Vatican City;
 * - European dependencies with their own code: Åland, Faroe Islands, Gibraltar, Guernsey, Isle of Man,
 *   Jersey, Svalbard and Jan Mayen.
 * Armenia and Azerbaijan (Council of Europe members, geographically in western Asia), Cyprus apart,
 * are left out; Cyprus is in as an EU member state.
 */
export const EUROPE: ReadonlySet<string> = new Set([
  // EU 27
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  // EFTA and the United Kingdom
  'IS',
  'LI',
  'NO',
  'CH',
  'GB',
  // candidates and potential candidates
  'AL',
  'BA',
  'ME',
  'MK',
  'RS',
  'XK',
  'MD',
  'UA',
  'GE',
  'TR',
  // other European states
  'AD',
  'BY',
  'MC',
  'RU',
  'SM',
  'VA',
  // European dependencies
  'AX',
  'FO',
  'GI',
  'GG',
  'IM',
  'JE',
  'SJ',
]);
