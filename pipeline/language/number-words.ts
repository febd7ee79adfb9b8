// The words around a number, in each language the pipeline writes in: the scales that multiply
// it ("millions"), the words that make it a percentage, and the qualifiers that bound it
// ("plus de", "about"). Matched without regard to case; the longest first.

/** How a qualifier bounds the true value against the number written. */
export type Qualifier = 'more' | 'less' | 'about';

export type NumberWords = Readonly<{
  /** Scale words and their factors, as written after the number. */
  scales: Readonly<Record<string, number>>;
  /** Scale abbreviations written against the digits ("5m", "20k"). */
  attached: Readonly<Record<string, number>>;
  /** Words that make the number a percentage, besides "%". */
  percent: readonly string[];
  /** Words that make it a difference of percentages: never checked. */
  points: readonly string[];
  qualifiers: Readonly<Record<Qualifier, readonly string[]>>;
  /** Words that make a sentence speak of a total. */
  totals: readonly string[];
}>;

const THOUSAND = 1e3;
const MILLION = 1e6;
const BILLION = 1e9;

const WORDS: Readonly<Record<string, NumberWords>> = {
  en: {
    scales: { thousand: THOUSAND, million: MILLION, millions: MILLION, mn: MILLION, billion: BILLION, billions: BILLION, bn: BILLION, trillion: 1e12 },
    attached: { k: THOUSAND, m: MILLION, mn: MILLION, bn: BILLION },
    percent: ['per cent', 'percent'],
    points: ['percentage points', 'percentage point', 'points', 'pp', 'pts'],
    qualifiers: {
      more: ['more than', 'over', 'above', 'at least', 'upwards of', 'in excess of', 'just over', 'well over', 'exceeding'],
      less: ['less than', 'fewer than', 'under', 'below', 'at most', 'up to', 'just under', 'no more than'],
      about: ['about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'circa', 'close to', 'nearly', 'almost'],
    },
    totals: ['total', 'totals', 'totalling', 'totaling', 'in all', 'altogether'],
  },
  fr: {
    scales: { mille: THOUSAND, million: MILLION, millions: MILLION, milliard: BILLION, milliards: BILLION, mds: BILLION },
    attached: { k: THOUSAND, m: MILLION, md: BILLION, mds: BILLION },
    percent: ['pour cent', 'pourcent'],
    points: ['points de pourcentage', 'point de pourcentage', 'points', 'point', 'pts'],
    qualifiers: {
      more: ['plus de', 'plus d’', "plus d'", 'au moins', 'au-delà de', 'dépassant', 'bien plus de'],
      less: ['moins de', 'moins d’', "moins d'", 'au plus', 'jusqu’à', "jusqu'à", 'pas plus de'],
      about: [
        'environ',
        'près de',
        'près d’',
        "près d'",
        'quelque',
        'quelques',
        'approximativement',
        'autour de',
        'de l’ordre de',
        "de l'ordre de",
        'presque',
        'quasiment',
        'pas loin de',
      ],
    },
    totals: ['total', 'au total', 'en tout', 'totalisant', 'totalise', 'cumulé', 'cumulés'],
  },
  de: {
    scales: { tausend: THOUSAND, million: MILLION, millionen: MILLION, mio: MILLION, milliarde: BILLION, milliarden: BILLION, mrd: BILLION },
    attached: { k: THOUSAND },
    percent: ['prozent'],
    points: ['prozentpunkte', 'prozentpunkten', 'punkte', 'punkten'],
    qualifiers: {
      more: ['mehr als', 'über', 'mindestens', 'gut', 'knapp über'],
      less: ['weniger als', 'unter', 'höchstens', 'bis zu', 'knapp unter'],
      about: ['rund', 'etwa', 'ungefähr', 'circa', 'ca.', 'fast', 'knapp', 'beinahe', 'annähernd', 'nahezu'],
    },
    totals: ['insgesamt', 'gesamt', 'summe', 'zusammengerechnet'],
  },
  es: {
    scales: { mil: THOUSAND, millón: MILLION, millon: MILLION, millones: MILLION, 'mil millones': BILLION },
    attached: { k: THOUSAND },
    percent: ['por ciento'],
    points: ['puntos porcentuales', 'punto porcentual', 'puntos'],
    qualifiers: {
      more: ['más de', 'al menos', 'por encima de'],
      less: ['menos de', 'hasta', 'por debajo de'],
      about: ['unos', 'unas', 'cerca de', 'alrededor de', 'aproximadamente', 'casi', 'en torno a'],
    },
    totals: ['total', 'en total', 'suman'],
  },
  it: {
    scales: { mila: THOUSAND, mille: THOUSAND, milione: MILLION, milioni: MILLION, miliardo: BILLION, miliardi: BILLION },
    attached: { k: THOUSAND },
    percent: ['per cento'],
    points: ['punti percentuali', 'punto percentuale', 'punti'],
    qualifiers: {
      more: ['più di', 'oltre', 'almeno'],
      less: ['meno di', 'fino a'],
      about: ['circa', 'quasi', 'intorno a', 'all’incirca', 'poco meno di', 'poco più di'],
    },
    totals: ['totale', 'in tutto', 'complessivamente'],
  },
  pt: {
    scales: { mil: THOUSAND, milhão: MILLION, milhões: MILLION, bilhão: BILLION, bilhões: BILLION, 'mil milhões': BILLION },
    attached: { k: THOUSAND },
    percent: ['por cento'],
    points: ['pontos percentuais', 'ponto percentual', 'pontos'],
    qualifiers: {
      more: ['mais de', 'pelo menos', 'acima de'],
      less: ['menos de', 'até', 'abaixo de'],
      about: ['cerca de', 'quase', 'aproximadamente', 'em torno de', 'perto de'],
    },
    totals: ['total', 'no total', 'ao todo'],
  },
  nl: {
    scales: { duizend: THOUSAND, miljoen: MILLION, mln: MILLION, miljard: BILLION, mld: BILLION },
    attached: { k: THOUSAND },
    percent: ['procent'],
    points: ['procentpunt', 'procentpunten', 'punten'],
    qualifiers: {
      more: ['meer dan', 'ruim', 'minstens', 'boven'],
      less: ['minder dan', 'hooguit', 'tot', 'onder'],
      about: ['ongeveer', 'circa', 'rond', 'bijna', 'zo’n', "zo'n", 'nagenoeg'],
    },
    totals: ['totaal', 'in totaal', 'opgeteld'],
  },
};

/** The number words of a language (its primary subtag), English for one the table lacks. */
export function numberWords(lang: string): NumberWords {
  return WORDS[lang.toLowerCase().split('-')[0]!] ?? WORDS.en!;
}
