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

describe('describeChart, what it reads of a spec and its data', () => {
  const budget = [
    { service: 'Schools', spend: '420.5' },
    { service: 'Roads', spend: '95.25' },
    { service: 'Parks', spend: '12' },
  ];
  const spendBars = (x: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    mark: 'bar',
    encoding: { y: { field: 'service', type: 'nominal' }, x: { field: 'spend', type: 'quantitative', ...x }, ...extra },
  });

  it('names the measure by its title, else its axis title, else its field, skipping blank ones', () => {
    expect(describeChart(spendBars({ title: 'Spend (£m)' }), budget, 'en')).toBe('Spend (£m): Schools first, with 420.5, 80% of the total.');
    expect(describeChart(spendBars({ title: ' ', axis: { title: 'Spend' } }), budget, 'en')).toBe('Spend: Schools first, with 420.5, 80% of the total.');
    expect(describeChart(spendBars({ axis: null }), budget, 'en')).toBe('spend: Schools first, with 420.5, 80% of the total.');
  });

  it('rounds the leading value to two decimals and its share to a whole percent', () => {
    const rows = [
      { service: 'Schools', spend: '2.345' },
      { service: 'Roads', spend: '1' },
    ];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Schools first, with 2.35, 70% of the total.');
  });

  it('sums the rows of each category, as a bar chart stacks them', () => {
    const rows = [
      { service: 'Roads', spend: '60' },
      { service: 'Schools', spend: '70' },
      { service: 'Roads', spend: '50' },
    ];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Roads first, with 110, 61% of the total.');
  });

  it('accepts a measure summed by vega-lite, not one averaged', () => {
    expect(describeChart(spendBars({ aggregate: 'sum' }), budget, 'en')).toBe('spend: Schools first, with 420.5, 80% of the total.');
    expect(describeChart(spendBars({ aggregate: 'mean' }), budget, 'en')).toBeUndefined();
  });

  it('reads the categories on the x axis and the measure on the y axis as well', () => {
    const columns = { mark: 'bar', encoding: { x: { field: 'service', type: 'ordinal' }, y: { field: 'spend', type: 'quantitative' } } };
    expect(describeChart(columns, budget, 'de')).toBe('spend: Schools an der Spitze mit 420,5, 80\u00a0% der Gesamtsumme.');
  });

  it('gives the first of two categories that tie for the lead', () => {
    const rows = [
      { service: 'Roads', spend: '50' },
      { service: 'Schools', spend: '50' },
    ];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Roads first, with 50, 50% of the total.');
  });

  it('gives no share of a total of zero', () => {
    const rows = [
      { service: 'Roads', spend: '0' },
      { service: 'Schools', spend: '0' },
    ];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Roads first, with 0.');
  });

  it.each([
    ['its title', { title: 'Pass rate' }],
    ['its title', { title: 'Share in percent' }],
    ['its field', { field: 'spend_pct' }],
    ['its axis format', { axis: { format: '.1f%' } }],
  ])('gives no share of the total for a measure that %s calls a rate', (_where, x) => {
    const rows = budget.map(({ service, spend }) => ({ service, spend, spend_pct: spend }));
    expect(describeChart(spendBars(x), rows, 'en')).toMatch(/first, with [\d.,%]+\.$/);
  });

  it('skips cells that hold no number', () => {
    const rows = [...budget, { service: 'Libraries', spend: 'n/a' }, { service: 'Museums', spend: '' }];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Schools first, with 420.5, 80% of the total.');
  });

  it.each([
    ['no rows', []],
    ['a single row', [{ service: 'Schools', spend: '420' }]],
    [
      'a single category with a number',
      [
        { service: 'Schools', spend: '420' },
        { service: 'Roads', spend: 'n/a' },
      ],
    ],
    [
      'rows without the category field',
      [
        { name: 'Schools', spend: '420' },
        { name: 'Roads', spend: '95' },
      ],
    ],
    [
      'rows without the measure field',
      [
        { service: 'Schools', cost: '420' },
        { service: 'Roads', cost: '95' },
      ],
    ],
    [
      'months for categories',
      [
        { service: '2024-01', spend: '420' },
        { service: ' 2024-02 ', spend: '95' },
      ],
    ],
    [
      'days for categories',
      [
        { service: '2024-01-31', spend: '420' },
        { service: '2024-02-29', spend: '95' },
      ],
    ],
  ])('says nothing of %s', (_case, rows) => {
    expect(describeChart(spendBars(), rows, 'en')).toBeUndefined();
  });

  it('tells categories that only start like years from years', () => {
    const rows = [
      { service: '2024 plan', spend: '420' },
      { service: '2025 plan', spend: '95' },
    ];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: 2024 plan first, with 420, 82% of the total.');
  });

  it('tells categories that end like years from years, and a mix of years and names from years', () => {
    const plans = [
      { service: 'Plan 2024', spend: '420' },
      { service: 'Plan 2025', spend: '95' },
    ];
    expect(describeChart(spendBars(), plans, 'en')).toBe('spend: Plan 2024 first, with 420, 82% of the total.');
    const mixed = [
      { service: '2024', spend: '95' },
      { service: 'Average', spend: '420' },
    ];
    expect(describeChart(spendBars(), mixed, 'en')).toBe('spend: Average first, with 420, 82% of the total.');
  });

  it('names a leader that comes last in the data', () => {
    const rows = [
      { service: 'Parks', spend: '12' },
      { service: 'Roads', spend: '95' },
      { service: 'Schools', spend: '420' },
    ];
    expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Schools first, with 420, 80% of the total.');
  });

  it('names a leader of one letter, the article having written nothing of it', () => {
    const groups = [
      { service: 'A', spend: '70' },
      { service: 'B', spend: '30' },
    ];
    expect(describeChart(spendBars(), groups, 'en')).toBe('spend: A first, with 70, 70% of the total.');
  });

  it('says nothing of data whose first row lacks a field of the chart', () => {
    expect(describeChart(spendBars(), [{ service: 'Libraries' }, ...budget], 'en')).toBeUndefined();
    expect(describeChart(spendBars(), [{ spend: '3' }, ...budget], 'en')).toBeUndefined();
  });

  it('says nothing of a measure a field-less channel or a derived value stands for', () => {
    const derived = { mark: 'bar', encoding: { y: { field: 'service', type: 'nominal' }, x: { aggregate: 'count', type: 'quantitative' } } };
    expect(describeChart(derived, budget, 'en')).toBeUndefined();
  });

  it.each(['color', 'fill', 'stroke', 'detail', 'shape', 'opacity', 'xOffset', 'yOffset'])(
    'says nothing of series split by %s, whose categories repeat',
    (channel) => {
      const rows = [
        { service: 'Schools', year: '2024', spend: '98' },
        { service: 'Schools', year: '2025', spend: '20' },
        { service: 'Roads', year: '2024', spend: '22' },
        { service: 'Roads', year: '2025', spend: '30' },
      ];
      expect(describeChart(spendBars({}, { [channel]: { field: 'year', type: 'nominal' } }), rows, 'en')).toBeUndefined();
      expect(describeChart(spendBars(), rows, 'en')).toBe('spend: Schools first, with 118, 69% of the total.');
    },
  );

  it('describes bars coloured by their own category, or by a field where each category comes once', () => {
    expect(describeChart(spendBars({}, { color: { field: 'service', type: 'nominal' } }), budget, 'en')).toBe(
      'spend: Schools first, with 420.5, 80% of the total.',
    );
    const repeated = [...budget, { service: 'Roads', spend: '5' }];
    expect(describeChart(spendBars({}, { color: { field: 'service', type: 'nominal' } }), repeated, 'en')).toBe(
      'spend: Schools first, with 420.5, 79% of the total.',
    );
    const rows = budget.map((row, index) => ({ ...row, kind: index === 0 ? 'statutory' : 'discretionary' }));
    expect(describeChart(spendBars({}, { color: { field: 'kind', type: 'nominal' } }), rows, 'en')).toBe('spend: Schools first, with 420.5, 80% of the total.');
  });

  it('takes the encoding of the first layer over the chart’s own', () => {
    const layered = { encoding: { y: { field: 'kind', type: 'nominal' } }, layer: [spendBars(), { mark: 'text' }] };
    expect(describeChart(layered, budget, 'en')).toBe('spend: Schools first, with 420.5, 80% of the total.');
  });

  it('finds the leader in the spec’s own description whatever its case', () => {
    expect(describeChart(spendBars(), budget, 'en', 'SCHOOLS take most of the budget.')).toBeUndefined();
    expect(describeChart(spendBars(), budget, 'en', 'Roads cost less.')).toBe('spend: Schools first, with 420.5, 80% of the total.');
  });
});
