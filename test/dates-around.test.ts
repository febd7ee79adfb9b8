import { describe, expect, it } from 'vitest';
import { isDate } from '../pipeline/language/dates-around.js';

describe('isDate', () => {
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
  ])('takes the number between %j and %j for part of a date in %s', (before, after, lang) => {
    expect(isDate(before, after, lang)).toBe(true);
  });

  it.each([
    ['', ',000 people', 'en'],
    ['', '.250 Euro', 'de'],
    ['', ' million people', 'en'],
    ['', ' habitants en mars', 'fr'],
    ['up ', ' per cent', 'en'],
    ['', '', 'en'],
    ['', ' people', 'not a tag!'],
  ])('takes the number between %j and %j for no date in %s', (before, after, lang) => {
    expect(isDate(before, after, lang)).toBe(false);
  });

  it('knows English months in a language Intl does not know', () => {
    expect(isDate('', ' March', 'not a tag!')).toBe(true);
  });
});
