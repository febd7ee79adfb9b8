import { describe, expect, it } from 'vitest';
import { isDate } from '../pipeline/language/dates-around.js';

describe('isDate', () => {
  // First, and each with a tag no other test uses: each reads its month names from scratch.
  it.each([
    ['le 3 ', ' novembre', 'fr-CH'],
    ['', ' déc. 2026', 'fr-LU'],
    ['am 3. ', ' März', 'de-AT'],
    ['on ', ' March', 'es-MX'],
    ['', ' Sept', 'en-IE'],
  ])('knows the month names of each language, long and short, and English ones (%j %j, %s)', (before, after, lang) => {
    expect(isDate(before, after, lang)).toBe(true);
  });

  it('knows only English month names in a language Intl does not know', () => {
    expect(isDate('', ' March', 'no tag at all!')).toBe(true);
    expect(isDate('', ' mars', 'no tag at all!')).toBe(false);
  });

  it.each([
    ['2026', '-11-24', 'en'],
    ['24', '/11/2026', 'en'],
    ['24', '.11.2026', 'de'],
    ['11', '/2026', 'fr'],
    ['on 2026-11-', '', 'en'],
    ['le 24/', ' suivant', 'fr'],
    ['', ' novembre 2026', 'fr'],
    ['', ' nov. 2026', 'fr'],
    ['', '. Mai 2026', 'de'],
    ['am ', '. März', 'de'],
    ['on ', ' October', 'en'],
    ['on ', '\u00a0Oct', 'en'],
    ['October ', ', 2026', 'en'],
    ['le 3 ', ' octobre', 'fr'],
    ['den ', ' October', 'de'],
    ['', ' marzo', 'es'],
    // Spanish, Portuguese and Italian join the day, the month and the year with a word.
    ['El ', ' de marzo de 2026', 'es'],
    ['3 de marzo de ', '', 'es'],
    ['Em ', ' de março', 'pt'],
    ['il ', ' di marzo', 'it'],
    ['', '  novembre', 'fr'],
    ['October  ', ', 2026', 'en'],
    // A month of one digit with no year: 24.3., 12/3.
    ['am ', '.3. beginnt', 'de'],
    ['on ', '/3 at noon', 'en'],
    // Two spaces typed after the "de".
    ['El ', ' de  marzo', 'es'],
    ['3 de marzo de  ', '', 'es'],
  ])('takes the number between %j and %j for part of a date in %s', (before, after, lang) => {
    expect(isDate(before, after, lang)).toBe(true);
  });

  it.each([
    ['', ',000 people', 'en'],
    ['', '.250 Euro', 'de'],
    ['', ' million people', 'en'],
    ['', ' habitants en mars', 'fr'],
    ['', ' (mars 2026)', 'fr'],
    ['up ', ' per cent', 'en'],
    ['', '', 'en'],
    ['', ' people', 'not a tag!'],
    ['', ' de los 12 embalses en marzo', 'es'],
    ['el total de ', ' hogares', 'es'],
  ])('takes the number between %j and %j for no date in %s', (before, after, lang) => {
    expect(isDate(before, after, lang)).toBe(false);
  });
});
