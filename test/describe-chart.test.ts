import { describe, expect, it } from 'vitest';
import { describeChart } from '../pipeline/charts/describe-chart.js';

const rows = [
  { country: 'États-Unis', users: '2000000' },
  { country: 'Japon', users: '100000' },
  { country: 'Autres pays (24)', users: '300000' },
];
const bars = {
  mark: 'bar',
  encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'users', type: 'quantitative', title: 'Utilisateurs bloqués' } },
};

describe('describeChart', () => {
  it('names the leading category, its value and its share, in the article’s language', () => {
    expect(describeChart(bars, rows, 'fr')).toBe('Utilisateurs bloqués : États-Unis en tête avec 2\u00a0000\u00a0000, soit 83\u00a0% du total.');
    expect(describeChart(bars, rows, 'en')).toBe('Utilisateurs bloqués: États-Unis leads with 2,000,000, 83% of the total.');
    expect(describeChart(bars, rows, 'de-CH')).toBe("Utilisateurs bloqués: États-Unis liegt vorn mit 2'000'000, 83% der Gesamtsumme.");
  });

  it('reads the encoding of a layered chart, and the axis title', () => {
    const layered = {
      layer: [{ mark: 'bar', encoding: { x: { field: 'country', type: 'ordinal' }, y: { field: 'users', type: 'quantitative', axis: { title: 'Users' } } } }],
    };
    expect(describeChart(layered, rows, 'en')).toBe('Users: États-Unis leads with 2,000,000, 83% of the total.');
  });

  it('gives no share of the total for rates', () => {
    const rates = { encoding: { y: { field: 'line', type: 'nominal' }, x: { field: 'on_time_pct', type: 'quantitative', title: 'Trips on time (%)' } } };
    expect(
      describeChart(
        rates,
        [
          { line: 'Ferry', on_time_pct: '96.8' },
          { line: 'Tram 2', on_time_pct: '78.4' },
        ],
        'en',
      ),
    ).toBe('Trips on time (%): Ferry leads with 96.8.');
  });

  it('says nothing of charts it cannot read that way, or in a language it does not write', () => {
    expect(describeChart({ mark: 'geoshape', encoding: { color: { field: 'users', type: 'quantitative' } } }, rows, 'fr')).toBeUndefined();
    expect(describeChart({ encoding: { x: { field: 'column', type: 'ordinal' }, y: { field: 'row', type: 'ordinal' } } }, rows, 'fr')).toBeUndefined();
    expect(describeChart(bars, rows, 'fi')).toBeUndefined();
  });
});
