// The dates a number may be part of, as the words around it say: written with dashes, slashes
// or dots, or beside a month's name in the article's language (or in English).

/** Whether the text around a number makes it part of a date: 2026-11-24, 24/11/2026, 14 October, am 3. Mai. */
export function isDate(before: string, after: string, lang: string): boolean {
  const months = monthNames(lang);
  // 2026-11-24, 24/11/2026, 24.11.2026
  if (/^[-/.]\d{1,2}[-/.]?\d{0,4}/.test(after) && !/^[.,]\d{3}/.test(after)) return true;
  if (/\d[-/.]$/.test(before)) return true;
  // The month may follow a "de" (3 de marzo, 3 de março, 3 di marzo), and a year a "de" after it (marzo de 2026).
  const next = /^\.?[ \u00a0\u202f]*(?:(?:de|del|do|da|di)[ \u00a0\u202f]+)?(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  const previous = /(\p{L}+)\.?[ \u00a0\u202f]*(?:(?:de|del|do|da|di)[ \u00a0\u202f]+)?$/u.exec(before)?.[1]?.toLowerCase();
  return months.some((month) => month === next || month === previous);
}

const monthCache = new Map<string, readonly string[]>();

/** The month names of a language, long and short, lower case; English's too. */
function monthNames(lang: string): readonly string[] {
  let names = monthCache.get(lang);
  if (!names) {
    const found = new Set<string>();
    for (const locale of [lang, 'en']) {
      for (const month of ['long', 'short'] as const) {
        let format: Intl.DateTimeFormat;
        try {
          format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
        } catch {
          continue;
        }
        for (let index = 0; index < 12; index++)
          found.add(
            format
              .format(new Date(Date.UTC(2026, index, 15)))
              .toLowerCase()
              .replace(/\.$/, ''),
          );
      }
    }
    names = [...found];
    monthCache.set(lang, names);
  }
  return names;
}
