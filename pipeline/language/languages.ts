/**
 * Every language the pipeline writes in, in one table: the words of the templates, what a
 * chart without a title is called, the sentence that says what a chart of categories shows,
 * and typographic conventions. Dates and numbers come from Intl, for any language.
 */
import { typesetFrench } from './french-typography.js';
import type { PunctuationStyle } from './punctuation.js';

/** The few words the templates write themselves. */
export type Strings = Readonly<{
  downloadPdf: string;
  page: string;
  of: string;
  chartData: string;
  downloadData: string;
  rowsShown: string;
  table: string;
  embedChart: string;
  embedHelp: string;
  source: string;
  footnotes: string;
  backToReference: string;
}>;

/** "{measure}: {leader} first, with {value}{, share of the total}.": no verb, so that a plural leader ("Greens") reads as well as a singular one. */
export type LeadSentence = (measure: string, leader: string, value: string, share: string | undefined) => string;

export type Language = Readonly<{
  strings: Strings;
  /** A chart with no title of its own is called "<chart> N". */
  chart: string;
  leads: LeadSentence;
  /** Whether a capitalized word may be hyphenated: in German, where every noun is; elsewhere a capital marks a name, kept whole. */
  hyphenatesCapitals?: boolean;
  /** Its quotes, dashes and percent signs: applied to the text of the page and the charts' sentences. */
  punctuation: PunctuationStyle;
  /** The language's other typographic conventions, applied after its punctuation. */
  typeset?: (text: string) => string;
}>;

const LANGUAGES: Readonly<Record<string, Language>> = {
  en: {
    strings: {
      downloadPdf: 'Download the PDF briefing',
      page: 'page',
      of: 'of',
      chartData: 'The data behind this chart',
      downloadData: 'Download the data',
      rowsShown: 'rows shown',
      table: 'Table',
      embedChart: 'Embed this chart',
      footnotes: 'Footnotes',
      backToReference: 'Back to reference',
      embedHelp: 'Copy this code into your page: the frame takes the chart’s height by itself.',
      source: 'Source:',
    },
    chart: 'Chart',
    punctuation: { quotes: 'en-US', dash: '—', spacedPercent: false },
    leads: (measure, leader, value, share) => `${measure}: ${leader} first, with ${value}${share ? `, ${share} of the total` : ''}.`,
  },
  fr: {
    strings: {
      downloadPdf: 'Télécharger la synthèse en PDF',
      page: 'page',
      of: 'sur',
      chartData: 'Les données de ce graphique',
      downloadData: 'Télécharger les données',
      rowsShown: 'lignes affichées',
      table: 'Tableau',
      embedChart: 'Intégrer ce graphique',
      footnotes: 'Notes',
      backToReference: 'Retour à l’appel de note',
      embedHelp: 'Copiez ce code dans votre page : le cadre prend de lui-même la hauteur du graphique.',
      source: 'Source\u00a0:',
    },
    chart: 'Graphique',
    punctuation: { quotes: 'fr', dash: '–', spacedPercent: true },
    leads: (measure, leader, value, share) => `${measure} : ${leader} en tête avec ${value}${share ? `, soit ${share} du total` : ''}.`,
    typeset: typesetFrench,
  },
  de: {
    strings: {
      downloadPdf: 'Das Briefing als PDF herunterladen',
      page: 'Seite',
      of: 'von',
      chartData: 'Die Daten dieser Grafik',
      downloadData: 'Daten herunterladen',
      rowsShown: 'Zeilen angezeigt',
      table: 'Tabelle',
      embedChart: 'Diese Grafik einbinden',
      footnotes: 'Fußnoten',
      backToReference: 'Zurück zum Verweis',
      embedHelp: 'Kopieren Sie diesen Code in Ihre Seite: Der Rahmen passt seine Höhe selbst an die Grafik an.',
      source: 'Quelle:',
    },
    chart: 'Grafik',
    punctuation: { quotes: 'de', dash: '–', spacedPercent: true },
    hyphenatesCapitals: true,
    leads: (measure, leader, value, share) => `${measure}: ${leader} an der Spitze mit ${value}${share ? `, ${share} der Gesamtsumme` : ''}.`,
  },
  es: {
    strings: {
      downloadPdf: 'Descargar el informe en PDF',
      page: 'página',
      of: 'de',
      chartData: 'Los datos de este gráfico',
      downloadData: 'Descargar los datos',
      rowsShown: 'filas mostradas',
      table: 'Tabla',
      embedChart: 'Insertar este gráfico',
      footnotes: 'Notas',
      backToReference: 'Volver a la referencia',
      embedHelp: 'Copie este código en su página: el marco adopta por sí solo la altura del gráfico.',
      source: 'Fuente:',
    },
    chart: 'Gráfico',
    punctuation: { quotes: 'es', dash: '–', spacedPercent: true },
    leads: (measure, leader, value, share) => `${measure}: ${leader}, a la cabeza con ${value}${share ? `, el ${share} del total` : ''}.`,
  },
  it: {
    strings: {
      downloadPdf: 'Scarica il documento in PDF',
      page: 'pagina',
      of: 'di',
      chartData: 'I dati di questo grafico',
      downloadData: 'Scarica i dati',
      rowsShown: 'righe mostrate',
      table: 'Tabella',
      embedChart: 'Incorpora questo grafico',
      footnotes: 'Note',
      backToReference: 'Torna al riferimento',
      embedHelp: 'Copia questo codice nella tua pagina: la cornice prende da sé l’altezza del grafico.',
      source: 'Fonte:',
    },
    chart: 'Grafico',
    punctuation: { quotes: 'it', dash: '–', spacedPercent: false },
    leads: (measure, leader, value, share) => `${measure}: ${leader} in testa con ${value}${share ? `, il ${share} del totale` : ''}.`,
  },
  pt: {
    strings: {
      downloadPdf: 'Descarregar o relatório em PDF',
      page: 'página',
      of: 'de',
      chartData: 'Os dados deste gráfico',
      downloadData: 'Descarregar os dados',
      rowsShown: 'linhas mostradas',
      table: 'Tabela',
      embedChart: 'Incorporar este gráfico',
      footnotes: 'Notas',
      backToReference: 'Voltar à referência',
      embedHelp: 'Copie este código para a sua página: a moldura ajusta-se sozinha à altura do gráfico.',
      source: 'Fonte:',
    },
    chart: 'Gráfico',
    punctuation: { quotes: 'es', dash: '–', spacedPercent: false },
    leads: (measure, leader, value, share) => `${measure}: ${leader} à frente, com ${value}${share ? `, ${share} do total` : ''}.`,
  },
  nl: {
    strings: {
      downloadPdf: 'Download het rapport als pdf',
      page: 'pagina',
      of: 'van',
      chartData: 'De gegevens achter deze grafiek',
      downloadData: 'Download de gegevens',
      rowsShown: 'rijen getoond',
      table: 'Tabel',
      embedChart: 'Deze grafiek insluiten',
      footnotes: 'Voetnoten',
      backToReference: 'Terug naar verwijzing',
      embedHelp: 'Kopieer deze code in uw pagina: het kader neemt zelf de hoogte van de grafiek aan.',
      source: 'Bron:',
    },
    chart: 'Grafiek',
    punctuation: { quotes: 'nl', dash: '–', spacedPercent: false },
    leads: (measure, leader, value, share) => `${measure}: ${leader} bovenaan met ${value}${share ? `, ${share} van het totaal` : ''}.`,
  },
};

/** The table's entry for a BCP 47 tag (`de-CH` → `de`), or undefined for a language it does not write. */
export function knownLanguage(lang: string): Language | undefined {
  return LANGUAGES[new Intl.Locale(lang).language];
}

/** The table's entry for a BCP 47 tag, English for a language it does not write. */
export function language(lang: string): Language {
  return knownLanguage(lang) ?? LANGUAGES.en!;
}
