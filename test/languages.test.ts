import { describe, expect, it } from 'vitest';
import { knownLanguage, language } from '../pipeline/language/languages.js';
import { typesetString } from '../pipeline/language/typeset-text.js';

const NBSP = '\u00a0';
const WRITTEN = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];

describe('the languages the pipeline writes', () => {
  it.each(WRITTEN)('%s has a word for everything the templates write', (lang) => {
    const { strings, chart } = language(lang);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(language('en').strings).sort());
    for (const [key, text] of Object.entries(strings)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    expect(chart.trim()).not.toBe('');
  });

  it.each(WRITTEN.filter((lang) => lang !== 'en'))('%s writes its own words, not English ones', (lang) => {
    const own = language(lang).strings;
    const english = language('en').strings;
    expect(own.downloadPdf).not.toBe(english.downloadPdf);
    expect(own.chartData).not.toBe(english.chartData);
    expect(own.embedHelp).not.toBe(english.embedHelp);
  });

  it('knows a language by its primary subtag, and no language the table lacks', () => {
    expect(knownLanguage('de-CH')).toBe(language('de'));
    expect(knownLanguage('pt-BR')).toBe(language('pt'));
    expect(knownLanguage('fi')).toBeUndefined();
    expect(language('fi')).toBe(language('en'));
  });

  it.each([
    ['en', 'Users: Ferry first, with 96, 40% of the total.', 'Users: Ferry first, with 96.'],
    ['fr', 'Users : Ferry en tête avec 96, soit 40% du total.', 'Users : Ferry en tête avec 96.'],
    ['de', 'Users: Ferry an der Spitze mit 96, 40% der Gesamtsumme.', 'Users: Ferry an der Spitze mit 96.'],
    ['es', 'Users: Ferry, a la cabeza con 96, el 40% del total.', 'Users: Ferry, a la cabeza con 96.'],
    ['it', 'Users: Ferry in testa con 96, il 40% del totale.', 'Users: Ferry in testa con 96.'],
    ['pt', 'Users: Ferry à frente, com 96, 40% do total.', 'Users: Ferry à frente, com 96.'],
    ['nl', 'Users: Ferry bovenaan met 96, 40% van het totaal.', 'Users: Ferry bovenaan met 96.'],
  ])('%s says which category leads, with or without its share', (lang, withShare, without) => {
    expect(language(lang).leads('Users', 'Ferry', '96', '40%')).toBe(withShare);
    expect(language(lang).leads('Users', 'Ferry', '96', undefined)).toBe(without);
  });

  it.each([
    ['en', 'He said "it is over" - 10%.', `He said “it is over”${NBSP}— 10%.`],
    ['fr', 'Il a dit "fini" - 10%.', `Il a dit «${NBSP}fini${NBSP}»${NBSP}– 10${NBSP}%.`],
    ['de', 'Er sagte "vorbei" - 10%.', `Er sagte „vorbei“${NBSP}– 10${NBSP}%.`],
    ['es', 'Dijo "se acabó" - 10%.', `Dijo «se acabó»${NBSP}– 10${NBSP}%.`],
    ['it', 'Ha detto "finito" - 10%.', `Ha detto «finito»${NBSP}– 10%.`],
    ['pt', 'Disse "acabou" - 10%.', `Disse «acabou»${NBSP}– 10%.`],
    ['nl', 'Hij zei "voorbij" - 10%.', `Hij zei ‘voorbij’${NBSP}– 10%.`],
  ])('%s sets its own quotes, dash and percent sign', (lang, text, expected) => {
    expect(typesetString(text, lang)).toBe(expected);
  });

  it('hyphenates capitalized words only in German', () => {
    expect(WRITTEN.filter((lang) => language(lang).hyphenatesCapitals)).toEqual(['de']);
  });
});
