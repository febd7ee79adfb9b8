import { describe, expect, it } from 'vitest';
import { language } from '../pipeline/language/languages.js';
import { punctuate } from '../pipeline/language/punctuation.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const english = language('en').punctuation;
const german = language('de').punctuation;
const french = language('fr').punctuation;

describe('punctuate', () => {
  it('sets quotes nested in quotes in the second style of the language', () => {
    expect(punctuate('He said "they called it "home" then"', english)).toBe('He said “they called it ‘home’ then”');
    expect(punctuate('Il a dit "nous "voulons" ça"', french)).toBe(`Il a dit «${NNBSP}nous ‹${NNBSP}voulons${NNBSP}› ça${NNBSP}»`);
  });

  it('makes a spaced hyphen a dash, however many spaces surround it', () => {
    expect(punctuate('rents rose  - sharply', english)).toBe(`rents rose${NBSP}— sharply`);
    expect(punctuate('rents rose -  sharply', german)).toBe(`rents rose${NBSP}– sharply`);
  });

  it.each([
    ['1914-1918', '1914–1918'],
    ['from 1990-1995', 'from 1990–1995'],
    ['in 2024-25', 'in 2024–25'],
    ['the 1600-1699 records', 'the 1600–1699 records'],
  ])('joins the years of %s with an en dash', (text, expected) => {
    expect(punctuate(text, english)).toBe(expected);
  });

  it('keeps dates, ISO codes and numbers that only look like ranges', () => {
    expect(punctuate('on 2024-05-12', english)).toBe('on 2024-05-12');
    expect(punctuate('call 1990-2000-3000', english)).toBe('call 1990-2000-3000');
  });

  it('makes a hyphen before a number a minus sign, at the start of a text too', () => {
    expect(punctuate('-5 degrees at dawn', english)).toBe('−5 degrees at dawn');
    expect(punctuate('a loss (-£3m)', english)).toBe('a loss (−£3m)');
    expect(punctuate('well-2 is dry', english)).toBe('well-2 is dry');
  });

  it('spaces the percent sign only in the languages that do', () => {
    expect(punctuate('up 10%', english)).toBe('up 10%');
    expect(punctuate('um 10%', german)).toBe(`um 10${NBSP}%`);
    expect(punctuate('de 10\u202f%', french)).toBe(`de 10${NBSP}%`);
    // Written with a space where the language writes none: kept, and never parted from its number.
    expect(punctuate('up 41.3 % on 2025', english)).toBe(`up 41.3${NBSP}% on 2025`);
  });

  it('leaves text without quotes exactly as written, even what looks like an HTML entity', () => {
    expect(punctuate('AT&amp;T and &laquo;', english)).toBe('AT&amp;T and &laquo;');
    expect(punctuate('line\r\nbreak', english)).toBe('line\r\nbreak');
  });

  it('tells a German apostrophe from a closing single quote', () => {
    expect(punctuate("'So gibt's das'", german)).toBe('‚So gibt’s das‘');
    expect(punctuate('"Hans\' Auto', german)).toBe('„Hans’ Auto');
    expect(punctuate("'ja' und die Nachbarn' Hof", german)).toBe('‚ja‘ und die Nachbarn’ Hof');
  });

  it('sets an apostrophe between letters of any alphabet', () => {
    expect(punctuate("'Zoë's Café'", german)).toBe('‚Zoë’s Café‘');
    expect(punctuate("'l'État'", french)).toBe('‹l’État›');
    expect(punctuate("the 1990's", english)).toBe('the 1990’s');
  });

  it('keeps a double quote between a number and a letter, an inch mark, double', () => {
    expect(punctuate('a 12"x18" print', english)).toBe('a 12”x18” print');
  });

  it('closes an open single quote with a single quote, even after a double one', () => {
    expect(punctuate("'Heimat\", sagte sie'", german)).toBe('‚Heimat“, sagte sie‘');
    expect(punctuate('\'Das "Heimat"-Gefühl\', sagte sie', german)).toBe('‚Das „Heimat“-Gefühl‘, sagte sie');
  });

  it('opens a double quote before a number, and counts it as no single quote', () => {
    expect(punctuate('"2024 war', german)).toBe('„2024 war');
    expect(punctuate('pre-"2024" levels', english)).toBe('pre-“2024” levels');
    expect(punctuate('Vor-"2024" und Hans\' Auto', german)).toBe('Vor-„2024“ und Hans’ Auto');
  });

  it('curls a lone quote, the rest of a quotation split by an emphasis', () => {
    expect(punctuate('"', german)).toBe('“');
    expect(punctuate("'", german)).toBe('’');
    expect(punctuate("Hans'", german)).toBe('Hans’');
  });
});
