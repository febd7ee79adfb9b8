// Dates, numbers, locales and the templates' words, in the article's language.
import { language, type Strings } from './languages.js';

export type { Strings };

/** The few words the templates write themselves, in the article's language; English when it has none. */
export function localStrings(lang: string): Strings {
  return language(lang).strings;
}

/** The front-matter date (YYYY-MM-DD) written out in the article's language. */
export function formatDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** `fr` → `fr_FR`, for og:locale. */
export function ogLocale(lang: string): string {
  const locale = new Intl.Locale(lang).maximize();
  return `${locale.language}_${locale.region ?? locale.language.toUpperCase()}`;
}

/**
 * A number in the article's language. ICU groups French thousands with narrow no-break
 * spaces; the text, the tables and the charts (vega's d3 locale) all use no-break spaces.
 * A negative number takes the true minus sign (−), as the charts' axes write it, and a scale
 * word is never parted from its number ("23,9 Tausend").
 */
export function formatNumber(value: number, lang: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(lang, options)
    .format(value)
    .replace(/\u202f/g, '\u00a0')
    .replace(/(\d) (?=\p{L})/gu, '$1\u00a0')
    .replace(/-/g, '\u2212');
}

/** One formatter per language and options: making one costs far more than using it. */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, options);
    formats.set(key, format);
  }
  return format;
}
