import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, localStrings, ogLocale } from '../pipeline/language/localize.js';

describe('localize', () => {
  it('writes the date in the article’s language', () => {
    expect(formatDate('2026-11-24', 'fr')).toBe('24 novembre 2026');
    expect(formatDate('2026-11-24', 'en')).toBe('November 24, 2026');
    expect(formatDate('2026-11-24', 'de-CH')).toBe('24. November 2026');
  });

  it('labels the PDF pages in the article’s language, English when it has no words for it', () => {
    expect(localStrings('fr')).toMatchObject({ page: 'page', of: 'sur' });
    expect(localStrings('de-CH')).toMatchObject({ page: 'Seite', of: 'von' });
    expect(localStrings('fi')).toMatchObject({ page: 'page', of: 'of' });
  });

  it('gives og:locale', () => {
    expect(ogLocale('fr')).toBe('fr_FR');
    expect(ogLocale('en')).toBe('en_US');
    expect(ogLocale('de-CH')).toBe('de_CH');
  });

  it('groups French thousands with no-break spaces, as the charts do', () => {
    expect(formatNumber(2000000, 'fr')).toBe('2\u00a0000\u00a0000');
    expect(formatNumber(0.38, 'fr', { style: 'percent' })).toBe('38\u00a0%');
    expect(formatNumber(2000000, 'en')).toBe('2,000,000');
  });

  it('writes a negative number with the true minus sign', () => {
    expect(formatNumber(-1234.5, 'en')).toBe('\u22121,234.5');
    expect(formatNumber(-0.05, 'fr', { style: 'percent' })).toBe('\u22125\u00a0%');
  });

  it('never parts a scale word from its number', () => {
    expect(formatNumber(23900, 'de', { notation: 'compact', compactDisplay: 'long' })).toBe('24\u00a0Tausend');
    expect(formatNumber(2.5e6, 'fr', { notation: 'compact', compactDisplay: 'long' })).toBe('2,5\u00a0millions');
  });

  it('formats each language and each set of options in its own way, whatever came before', () => {
    expect([formatNumber(1234.5, 'de'), formatNumber(1234.5, 'en'), formatNumber(0.5, 'en', { style: 'percent' }), formatNumber(1234.5, 'de')]).toEqual([
      '1.234,5',
      '1,234.5',
      '50%',
      '1.234,5',
    ]);
  });

  it('gives og:locale of a language with the region it is most written in', () => {
    expect(ogLocale('pt-BR')).toBe('pt_BR');
    expect(ogLocale('es')).toBe('es_ES');
    expect(ogLocale('ar')).toBe('ar_EG');
  });

  it('gives og:locale of a language Intl places in no region, its code standing for the region', () => {
    expect(ogLocale('tlh')).toBe('tlh_TLH');
  });
});
