// What the page, the PDF and the share images call an article's updates and corrections, in each
// language the pipeline writes in. `{date}` stands for the date written out.

export type UpdateWords = Readonly<{
  /** The line under the date, for an update: "Mis à jour le {date}". */
  updated: string;
  /** The same line, when the latest entry corrects an error. */
  corrected: string;
  /** The heading of the list at the end of the article. */
  heading: string;
  /** Each entry's kind, before its date. */
  update: string;
  correction: string;
}>;

const WORDS: Readonly<Record<string, UpdateWords>> = {
  en: { updated: 'Updated {date}', corrected: 'Corrected {date}', heading: 'Updates and corrections', update: 'Update', correction: 'Correction' },
  fr: {
    updated: 'Mis à jour le {date}',
    corrected: 'Corrigé le {date}',
    heading: 'Mises à jour et corrections',
    update: 'Mise à jour',
    correction: 'Correction',
  },
  de: {
    updated: 'Aktualisiert am {date}',
    corrected: 'Korrigiert am {date}',
    heading: 'Aktualisierungen und Korrekturen',
    update: 'Aktualisierung',
    correction: 'Korrektur',
  },
  es: {
    updated: 'Actualizado el {date}',
    corrected: 'Corregido el {date}',
    heading: 'Actualizaciones y correcciones',
    update: 'Actualización',
    correction: 'Corrección',
  },
  it: {
    updated: 'Aggiornato il {date}',
    corrected: 'Corretto il {date}',
    heading: 'Aggiornamenti e correzioni',
    update: 'Aggiornamento',
    correction: 'Correzione',
  },
  pt: { updated: 'Atualizado em {date}', corrected: 'Corrigido em {date}', heading: 'Atualizações e correções', update: 'Atualização', correction: 'Correção' },
  nl: { updated: 'Bijgewerkt op {date}', corrected: 'Gecorrigeerd op {date}', heading: 'Updates en correcties', update: 'Update', correction: 'Correctie' },
};

/** The words of a language (its primary subtag), English for one the table lacks. */
export function updateWords(lang: string): UpdateWords {
  return WORDS[lang.toLowerCase().split('-')[0]!] ?? WORDS.en!;
}
