import { describe, expect, it } from 'vitest';
import { readNumbers } from '../pipeline/language/read-numbers.js';

/** Each number of a text as "written=value[low,high]", with its percent sign, qualifier or why it is not a quantity. */
const read = (text: string, lang: string) =>
  readNumbers(text, lang).map(
    (number) =>
      `${number.text}=${number.value}${number.percent ? '%' : ''}${number.qualifier ? ` ${number.qualifier}` : ''}${number.not ? ` (${number.not})` : ''}`,
  );
const range = (text: string, lang: string) =>
  readNumbers(text, lang).map((number) => [number.low, number.high].map((bound) => Math.round(bound * 1000) / 1000));

describe('readNumbers', () => {
  it('reads French grouping, decimal commas, scale words, percentages and qualifiers', () => {
    expect(read('plus de 5 millions d’utilisateurs dans 33 pays, dont 2 millions aux États-Unis', 'fr')).toEqual([
      '5 millions=5000000 more',
      '33=33',
      '2 millions=2000000',
    ]);
    expect(read('2,000,000 et 2 000 000 et 2\u202f000\u202f000, environ 300,000, 1,5 million, 38 %, 12 pour cent, 3 milliards', 'fr')).toEqual([
      '2,000,000=2000000',
      '2 000 000=2000000',
      '2\u202f000\u202f000=2000000',
      '300,000=300000 about',
      '1,5 million=1500000',
      '38 %=38%',
      '12 pour cent=12%',
      '3 milliards=3000000000',
    ]);
    expect(read('près de 40 %, moins de 1 000, au moins 12', 'fr')).toEqual(['40 %=40% about', '1 000=1000 less', '12=12 more']);
  });

  it('keeps the range that the written precision covers', () => {
    expect(range('5 millions, 5,3 millions, 2,000,000, 38 %', 'fr')).toEqual([
      [4_500_000, 5_500_000],
      [5_250_000, 5_350_000],
      [1_999_999.5, 2_000_000.5],
      [37.5, 38.5],
    ]);
  });

  it('reads English grouping and decimals, and refuses to guess a decimal comma', () => {
    expect(read('In total, 3,685 households; 3.6 metres; 4.1 per cent; more than 6 million; about 5 million; £224.4m; 1,234.5', 'en')).toEqual([
      '3,685=3685',
      '3.6=3.6',
      '4.1 per cent=4.1%',
      '6 million=6000000 more',
      '5 million=5000000 about',
      '224.4m=224400000',
      '1,234.5=1234.5',
    ]);
    expect(read('a score of 1,5', 'en')).toEqual(['1,5=0 (unreadable)']);
    expect(read('fewer than 200 and under 3 billion and nearly 40%', 'en')).toEqual(['200=200 less', '3 billion=3000000000 less', '40%=40% about']);
  });

  it('reads German grouping dots, decimal commas, Millionen and Prozent', () => {
    expect(read('Mieten stiegen um 14,13 Prozent auf 1.250 Euro, rund 2,5 Millionen, mehr als 3 Mio., 1.250.000 Haushalte', 'de')).toEqual([
      '14,13 Prozent=14.13%',
      '1.250=1250',
      '2,5 Millionen=2500000 about',
      '3 Mio=3000000 more',
      '1.250.000=1250000',
    ]);
  });

  it('never takes a year, a date, a time, an ordinal or a difference in points for a quantity', () => {
    const kinds = (text: string, lang: string) => readNumbers(text, lang).map((number) => number.not ?? 'quantity');
    expect(kinds('en 2026, le 24 novembre, à 10 h 30, le 1er et la 2e, le 2026-11-24, 2,3 points', 'fr')).toEqual([
      'year',
      'date',
      'time',
      'time',
      'ordinal',
      'ordinal',
      'date',
      'points',
    ]);
    expect(kinds('on 14 October, October 22, the 3rd, in 2024-25, 24/11/2026', 'en')).toEqual(['date', 'date', 'ordinal', 'date', 'date']);
    expect(kinds('am 3. Mai 2026', 'de')).toEqual(['date', 'date']);
    // A number inside a name or a word: COVID-19, H2O, ChatGPT-4.
    expect(read('COVID-19, H2O, ChatGPT-4', 'en')).toEqual([]);
  });
});

describe('readNumbers, the digits themselves', () => {
  it.each([
    ['en', '−5 and -3.5 degrees', ['−5=-5', '-3.5=-3.5']],
    ['en', 'a crowd of 2\u2009000', ['2\u2009000=2000']],
    ['de', '1.234,5 Euro', ['1.234,5=1234.5']],
    ['fr', '2 000,5 euros et 3.25 mètres', ['2 000,5=2000.5', '3.25=3.25']],
    ['en', 'a ratio of 3.685', ['3.685=3.685']],
  ])('reads signs, thin spaces, and decimals after grouped digits (%s: %s)', (lang, text, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });

  it.each([
    ['en', '1.250.000 people', 'dots where English groups with commas'],
    ['en', '3.685,5 people', 'a decimal after digits grouped by the decimal mark'],
    ['en', '2,000,5 people', 'a decimal mark that is the group mark'],
    ['de', '1,234.567.8 Leute', 'two kinds of group marks'],
    ['fr', '3.250 habitants', 'three decimals after a dot where the comma is the decimal mark'],
  ])('refuses to guess %s %s: %s', (lang, text) => {
    expect(readNumbers(text, lang).map((number) => number.not)).toEqual(['unreadable']);
  });

  it('keeps the range of the last digit written, through a scale', () => {
    expect(range('2.5 and 5m and 2.5bn', 'en')).toEqual([
      [2.45, 2.55],
      [4_500_000, 5_500_000],
      [2_450_000_000, 2_550_000_000],
    ]);
    expect(range('1,5 million', 'fr')).toEqual([[1_450_000, 1_550_000]]);
  });

  it('gives where each number starts and ends, scale word and percent sign included, and its qualifier as written', () => {
    const [first, second] = readNumbers('Près de 5 millions, soit 38 % du total', 'fr');
    expect(first).toMatchObject({ start: 8, end: 18, text: '5 millions', said: 'Près de 5 millions', qualifier: 'about' });
    expect(second).toMatchObject({ start: 25, end: 29, text: '38 %', said: '38 %', qualifier: undefined });
    expect(second).not.toHaveProperty('not');
  });

  it('takes four digits from 1000 to 2100 for a year, unless a percent sign or a decimal says otherwise', () => {
    const kinds = (text: string) => readNumbers(text, 'en').map((number) => number.not ?? 'quantity');
    expect(kinds('1000, 2100, 2101, 0999, 2026%, 2026.5, 12345')).toEqual(['year', 'year', 'quantity', 'quantity', 'quantity', 'quantity', 'quantity']);
  });

  it('takes an ordinal mark or a letter after the digits for an ordinal, a colon or an h between digits for a time', () => {
    const kinds = (text: string, lang: string) => readNumbers(text, lang).map((number) => number.not ?? 'quantity');
    expect(kinds('el 1º y la 2ª', 'es')).toEqual(['ordinal', 'ordinal']);
    expect(kinds('at 10:30 and at 9 : 15', 'en')).toEqual(['time', 'time', 'time']);
    expect(kinds('5 km', 'en')).toEqual(['quantity']);
  });

  it('reads a tag Intl does not know with English separators', () => {
    expect(read('1,234.5 and 1,5', 'not a tag!')).toEqual(['1,234.5=1234.5', '1,5=0 (unreadable)']);
  });
});

describe('readNumbers, words and marks that look alike', () => {
  // Tags no other test uses: each reads its language from scratch.
  it('reads a qualifier whatever its case, and one that holds a dot', () => {
    expect(read('Près de 5 millions, Plus de 3', 'fr-BE')).toEqual(['5 millions=5000000 about', '3=3 more']);
    expect(read('Ca. 12 Fälle', 'de-LU')).toEqual(['12=12 about']);
  });

  it('takes an ordinal mark only right after the digits', () => {
    expect(readNumbers('5 casas y el 1º', 'es').map((number) => number.not ?? 'quantity')).toEqual(['quantity', 'ordinal']);
    expect(readNumbers('le 1er novembre', 'fr').map((number) => number.not)).toEqual(['ordinal']);
  });

  it('takes the minutes after an h for a time, and a colon or an h after a word for nothing', () => {
    expect(readNumbers('à 10h 30', 'fr').map((number) => number.not)).toEqual(['ordinal', 'time']);
    expect(readNumbers('Ratio: 5, each 6 days', 'en').map((number) => number.not ?? 'quantity')).toEqual(['quantity', 'quantity']);
  });

  it('takes a number with a leading zero for no year', () => {
    expect(readNumbers('code 01999', 'en').map((number) => number.not ?? 'quantity')).toEqual(['quantity']);
  });

  it('refuses a dot followed by three digits where the comma is the decimal mark', () => {
    expect(readNumbers('1234.567 habitants', 'fr').map((number) => number.not)).toEqual(['unreadable']);
  });

  it('takes a scale letter only against the digits, not a unit after a space', () => {
    expect(read('a 5 m wall and a 5m budget', 'en')).toEqual(['5=5', '5m=5000000']);
  });
});
