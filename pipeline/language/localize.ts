/** The few words the templates write themselves, by language; English when a language is missing. */
export type Strings = Readonly<{ downloadPdf: string; page: string; of: string; chartData: string; downloadData: string; rowsShown: string; table: string }>;

const STRINGS: Readonly<Record<string, Strings>> = {
  en: {
    downloadPdf: 'Download the PDF briefing',
    page: 'page',
    of: 'of',
    chartData: 'The data behind this chart',
    downloadData: 'Download the data',
    rowsShown: 'rows shown',
    table: 'Table',
  },
  fr: {
    downloadPdf: 'Télécharger la synthèse en PDF',
    page: 'page',
    of: 'sur',
    chartData: 'Les données de ce graphique',
    downloadData: 'Télécharger les données',
    rowsShown: 'lignes affichées',
    table: 'Tableau',
  },
  de: {
    downloadPdf: 'Das Briefing als PDF herunterladen',
    page: 'Seite',
    of: 'von',
    chartData: 'Die Daten dieser Grafik',
    downloadData: 'Daten herunterladen',
    rowsShown: 'Zeilen angezeigt',
    table: 'Tabelle',
  },
  es: {
    downloadPdf: 'Descargar el informe en PDF',
    page: 'página',
    of: 'de',
    chartData: 'Los datos de este gráfico',
    downloadData: 'Descargar los datos',
    rowsShown: 'filas mostradas',
    table: 'Tabla',
  },
  it: {
    downloadPdf: 'Scarica il documento in PDF',
    page: 'pagina',
    of: 'di',
    chartData: 'I dati di questo grafico',
    downloadData: 'Scarica i dati',
    rowsShown: 'righe mostrate',
    table: 'Tabella',
  },
  pt: {
    downloadPdf: 'Descarregar o relatório em PDF',
    page: 'página',
    of: 'de',
    chartData: 'Os dados deste gráfico',
    downloadData: 'Descarregar os dados',
    rowsShown: 'linhas mostradas',
    table: 'Tabela',
  },
  nl: {
    downloadPdf: 'Download het rapport als pdf',
    page: 'pagina',
    of: 'van',
    chartData: 'De gegevens achter deze grafiek',
    downloadData: 'Download de gegevens',
    rowsShown: 'rijen getoond',
    table: 'Tabel',
  },
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

/**
 * A number in the article's language. ICU groups French thousands with narrow no-break
 * spaces; the text, the tables and the charts (vega's d3 locale) all use no-break spaces.
 */
export function formatNumber(value: number, lang: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(lang, options).format(value).replace(/\u202f/g, '\u00a0');
}
