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
});
