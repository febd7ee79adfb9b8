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
    expect(describeChart(bars, rows, 'en')).toBe('Utilisateurs bloqués: États-Unis first, with 2,000,000, 83% of the total.');
    expect(describeChart(bars, rows, 'de-CH')).toBe("Utilisateurs bloqués: États-Unis an der Spitze mit 2'000'000, 83% der Gesamtsumme.");
  });

  it('reads the encoding of a layered chart, and the axis title', () => {
    const layered = {
      layer: [{ mark: 'bar', encoding: { x: { field: 'country', type: 'ordinal' }, y: { field: 'users', type: 'quantitative', axis: { title: 'Users' } } } }],
    };
    expect(describeChart(layered, rows, 'en')).toBe('Users: États-Unis first, with 2,000,000, 83% of the total.');
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
    ).toBe('Trips on time (%): Ferry first, with 96.8.');
  });

  it('says nothing of charts it cannot read that way, or in a language it does not write', () => {
    expect(describeChart({ mark: 'geoshape', encoding: { color: { field: 'users', type: 'quantitative' } } }, rows, 'fr')).toBeUndefined();
    expect(describeChart({ encoding: { x: { field: 'column', type: 'ordinal' }, y: { field: 'row', type: 'ordinal' } } }, rows, 'fr')).toBeUndefined();
    expect(describeChart(bars, rows, 'fi')).toBeUndefined();
  });

  it('says a percentage as the chart shows it, without a share of the total', () => {
    const shares = { encoding: { y: { field: 'party', type: 'nominal' }, x: { field: 'vote', type: 'quantitative', title: 'Vote', axis: { format: '.0%' } } } };
    const votes = [
      { party: 'Greens', vote: '0.413' },
      { party: 'Labour', vote: '0.35' },
    ];
    expect(describeChart(shares, votes, 'en')).toBe('Vote: Greens first, with 41.3%.');
  });

  it('says nothing it could not say truly: stacked or 100 % stacked series, negatives, years, or what the description says', () => {
    const stackedRows = [
      { year: 'Staff', item: 'a', cost: '98' },
      { year: 'Staff', item: 'b', cost: '20' },
      { year: 'Energy', item: 'a', cost: '22' },
      { year: 'Energy', item: 'b', cost: '3' },
    ];
    const stacked = {
      encoding: { x: { field: 'year', type: 'nominal' }, y: { field: 'cost', type: 'quantitative' }, color: { field: 'item', type: 'nominal' } },
    };
    expect(describeChart(stacked, stackedRows, 'en')).toBeUndefined();
    const normalized = { encoding: { x: { field: 'year', type: 'nominal' }, y: { field: 'cost', type: 'quantitative', stack: 'normalize' } } };
    expect(describeChart(normalized, stackedRows, 'en')).toBeUndefined();
    const changes = [
      { country: 'Ceuta', users: '1.2' },
      { country: 'Canarias', users: '-2.6' },
    ];
    expect(describeChart(bars, changes, 'fr')).toBeUndefined();
    const years = [
      { country: '2025', users: '224.4' },
      { country: '2026', users: '230.1' },
    ];
    expect(describeChart(bars, years, 'en')).toBeUndefined();
    expect(describeChart(bars, rows, 'en', 'The United States, États-Unis in French, had 2 million.')).toBeUndefined();
  });
});
