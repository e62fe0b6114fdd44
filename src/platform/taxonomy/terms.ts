/** Interface languages of the taxonomy labels. */
export type Lang = 'en' | 'fr' | 'de';
export const LANGS: readonly Lang[] = ['en', 'fr', 'de'];

/** One entry of a classification: a stable code and its label in each interface language. */
export interface Term {
  code: string;
  label: Record<Lang, string>;
}

/** Builds a term from its code and its English, French and German labels. */
export function term(code: string, en: string, fr: string, de: string): Term {
  return { code, label: { en, fr, de } };
}

/** The label of `code` in `lang`; the code itself when the code is unknown. */
export function termLabel(terms: readonly Term[], code: string, lang: Lang): string {
  const found = terms.find((t) => t.code === code);
  return found ? found.label[lang] || found.label.en : code;
}

/** Whether `code` is one of the codes of `terms`. */
export function isTermCode(terms: readonly Term[], code: string): boolean {
  return terms.some((t) => t.code === code);
}
