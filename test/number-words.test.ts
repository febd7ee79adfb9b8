import { describe, expect, it } from 'vitest';
import { readNumbers } from '../pipeline/language/read-numbers.js';

/** The one number of `text`, as read in `lang`. */
const only = (text: string, lang: string) => {
  const numbers = readNumbers(text, lang);
  expect(numbers).toHaveLength(1);
  return numbers[0]!;
};

describe('the words around a number, in each language', () => {
  it.each([
    [
      'en',
      ['3 thousand', 3e3],
      ['2 million', 2e6],
      ['2 millions', 2e6],
      ['2 mn', 2e6],
      ['3 billion', 3e9],
      ['3 billions', 3e9],
      ['3 bn', 3e9],
      ['1 trillion', 1e12],
    ],
    ['en', ['€5k', 5e3], ['£5m', 5e6], ['£5mn', 5e6], ['$5bn', 5e9]],
    ['fr', ['3 mille', 3e3], ['2 million', 2e6], ['2 millions', 2e6], ['1 milliard', 1e9], ['3 milliards', 3e9], ['3 Mds', 3e9]],
    ['fr', ['5k', 5e3], ['5M', 5e6], ['5Md', 5e9], ['5Mds', 5e9]],
    [
      'de',
      ['3 Tausend', 3e3],
      ['1 Million', 1e6],
      ['2 Millionen', 2e6],
      ['2 Mio', 2e6],
      ['1 Milliarde', 1e9],
      ['3 Milliarden', 3e9],
      ['3 Mrd', 3e9],
      ['5k', 5e3],
    ],
    ['es', ['3 mil', 3e3], ['1 millón', 1e6], ['1 millon', 1e6], ['2 millones', 2e6], ['3 mil millones', 3e9], ['5k', 5e3]],
    ['it', ['3 mila', 3e3], ['3 mille', 3e3], ['1 milione', 1e6], ['2 milioni', 2e6], ['1 miliardo', 1e9], ['3 miliardi', 3e9], ['5k', 5e3]],
    ['pt', ['3 mil', 3e3], ['1 milhão', 1e6], ['2 milhões', 2e6], ['1 bilhão', 1e9], ['3 bilhões', 3e9], ['3 mil milhões', 3e9], ['5k', 5e3]],
    ['nl', ['3 duizend', 3e3], ['1 miljoen', 1e6], ['2 mln', 2e6], ['1 miljard', 1e9], ['3 mld', 3e9], ['5k', 5e3]],
  ] as [string, ...[string, number][]][])('%s multiplies a number by the scale after it', (lang, ...cases) => {
    for (const [text, value] of cases) expect(`${text} = ${only(`${text} habitants`, lang).value}`).toBe(`${text} = ${value}`);
  });

  it.each([
    ['en', '4 per cent', '4 percent'],
    ['fr', '4 pour cent', '4 pourcent'],
    ['de', '4 Prozent'],
    ['es', '4 por ciento'],
    ['it', '4 per cento'],
    ['pt', '4 por cento'],
    ['nl', '4 procent'],
  ])('%s reads a percentage written in words', (lang, ...texts) => {
    for (const text of texts) expect(only(`${text} de plus`, lang)).toMatchObject({ text, value: 4, percent: true });
  });

  it.each([
    ['en', '2 percentage points', '1 percentage point', '2 points', '2 pp', '2 pts'],
    ['fr', '2 points de pourcentage', '1 point de pourcentage', '2 points', '1 point', '2 pts'],
    ['de', '2 Prozentpunkte', '2 Prozentpunkten', '2 Punkte', '2 Punkten'],
    ['es', '2 puntos porcentuales', '1 punto porcentual', '2 puntos'],
    ['it', '2 punti percentuali', '1 punto percentuale', '2 punti'],
    ['pt', '2 pontos percentuais', '1 ponto percentual', '2 pontos'],
    ['nl', '1 procentpunt', '2 procentpunten', '2 punten'],
  ])('%s takes a difference in points for no quantity', (lang, ...texts) => {
    for (const text of texts) expect(only(`${text} de plus`, lang)).toMatchObject({ text, not: 'points' });
  });

  it.each([
    ['en', 'more', 'more than', 'over', 'above', 'at least', 'upwards of', 'in excess of', 'just over', 'well over', 'exceeding'],
    ['en', 'less', 'less than', 'fewer than', 'under', 'below', 'at most', 'up to', 'just under', 'no more than'],
    ['en', 'about', 'about', 'around', 'roughly', 'approximately', 'some', 'an estimated', 'circa', 'close to', 'nearly', 'almost'],
    ['fr', 'more', 'plus de', 'au moins', 'au-delà de', 'dépassant', 'bien plus de'],
    ['fr', 'less', 'moins de', 'au plus', 'jusqu’à', "jusqu'à", 'pas plus de'],
    [
      'fr',
      'about',
      'environ',
      'près de',
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
    ['de', 'more', 'mehr als', 'über', 'mindestens', 'gut', 'knapp über'],
    ['de', 'less', 'weniger als', 'unter', 'höchstens', 'bis zu', 'knapp unter'],
    ['de', 'about', 'rund', 'etwa', 'ungefähr', 'circa', 'ca.', 'fast', 'knapp', 'beinahe', 'annähernd', 'nahezu'],
    ['es', 'more', 'más de', 'al menos', 'por encima de'],
    ['es', 'less', 'menos de', 'hasta', 'por debajo de'],
    ['es', 'about', 'unos', 'unas', 'cerca de', 'alrededor de', 'aproximadamente', 'casi', 'en torno a'],
    ['it', 'more', 'più di', 'oltre', 'almeno'],
    ['it', 'less', 'meno di', 'fino a'],
    ['it', 'about', 'circa', 'quasi', 'intorno a', 'all’incirca', 'poco meno di', 'poco più di'],
    ['pt', 'more', 'mais de', 'pelo menos', 'acima de'],
    ['pt', 'less', 'menos de', 'até', 'abaixo de'],
    ['pt', 'about', 'cerca de', 'quase', 'aproximadamente', 'em torno de', 'perto de'],
    ['nl', 'more', 'meer dan', 'ruim', 'minstens', 'boven'],
    ['nl', 'less', 'minder dan', 'hooguit', 'tot', 'onder'],
    ['nl', 'about', 'ongeveer', 'circa', 'rond', 'bijna', 'zo’n', "zo'n", 'nagenoeg'],
  ])('%s reads the qualifiers that make a number %s', (lang, qualifier, ...words) => {
    for (const word of words) expect(only(`soit ${word} 12 cas`, lang)).toMatchObject({ qualifier, said: `${word} 12` });
  });

  it('reads the number words of a regional tag, and English ones for a language without', () => {
    expect(only('rund 3 Millionen', 'de-AT')).toMatchObject({ value: 3e6, qualifier: 'about' });
    expect(only('about 3 million', 'fi')).toMatchObject({ value: 3e6, qualifier: 'about' });
  });
});
