import { describe, expect, it } from 'vitest';
import { chartLocale } from '../pipeline/charts/chart-theme.js';

describe('chartLocale', () => {
  it.each([
    ['fr', '\u00a0', ','],
    ['fr-CA', '\u00a0', ','],
    ['en', ',', '.'],
    ['de', '.', ','],
    ['de-CH', "'", ','],
    ['xx', ',', '.'],
  ])('%s groups thousands with %j and writes decimals with %j', (lang, thousands, decimal) => {
    expect(chartLocale(lang).number).toMatchObject({ thousands, decimal });
  });
});
