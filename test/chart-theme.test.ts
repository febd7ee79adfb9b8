import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { chartLocale } from '../pipeline/charts/chart-theme.js';
import { CHART_COLORS, LIGHT } from '../pipeline/design/palette.js';

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

  it.each([
    ['de', '\u00a0%'],
    ['es', '\u00a0%'],
    ['fr', '\u00a0%'],
    ['en', undefined],
    ['it', undefined],
  ])('%s writes a percentage on an axis with %j', (lang, percent) => {
    expect((chartLocale(lang).number as { percent?: string }).percent).toBe(percent);
  });
});

describe('the charts’ palette', () => {
  // WCAG 2.2 (1.4.11) asks 3:1 of graphical objects. Charts are drawn on white, in dark mode too.
  it.each([...CHART_COLORS.category])('draws a series in %s, at 3:1 or more against the chart’s white', (color) => {
    expect(wcagContrast(color, LIGHT.paper)).toBeGreaterThanOrEqual(3);
  });
});
