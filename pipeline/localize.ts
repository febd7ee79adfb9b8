/** The few words the templates write themselves, by language; English when a language is missing. */
type Strings = Readonly<{ downloadPdf: string; page: string; of: string }>;

const STRINGS: Readonly<Record<string, Strings>> = {
  en: { downloadPdf: 'Download the PDF briefing', page: 'page', of: 'of' },
  fr: { downloadPdf: 'Télécharger la synthèse en PDF', page: 'page', of: 'sur' },
  de: { downloadPdf: 'Das Briefing als PDF herunterladen', page: 'Seite', of: 'von' },
  es: { downloadPdf: 'Descargar el informe en PDF', page: 'página', of: 'de' },
  it: { downloadPdf: 'Scarica il documento in PDF', page: 'pagina', of: 'di' },
  pt: { downloadPdf: 'Descarregar o relatório em PDF', page: 'página', of: 'de' },
  nl: { downloadPdf: 'Download het rapport als pdf', page: 'pagina', of: 'van' },
};

export function localStrings(lang: string): Strings {
  const language = new Intl.Locale(lang).language;
  return STRINGS[language] ?? STRINGS.en!;
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
