import { describe, expect, it } from 'vitest';
import { comparableWords, type DataTable, numberSources } from '../pipeline/data/number-sources.js';
import { type NumberMention, readNumbers } from '../pipeline/language/read-numbers.js';

/** A CSV file as read: each row with its line. */
function csv(url: string, columns: readonly string[], rows: readonly (readonly string[])[]): DataTable {
  return { url, columns, rows: rows.map((cells, index) => ({ line: index + 2, values: Object.fromEntries(columns.map((column, c) => [column, cells[c]])) })) };
}

// 2,000,000 users in all: India 35 %, France 15 %, the others 50 %; growth is a rate, written as fractions.
const users = csv(
  'data/users.csv',
  ['country', 'users', 'growth'],
  [
    ['Inde', '700000', '0.12'],
    ['France', '300000', '-0.05'],
    ['Autres pays (24)', '1000000', ''],
    ['Royaume-Uni', '', '0.2'],
  ],
);
// A JSON file: rows without lines.
const servers: DataTable = {
  url: 'data/servers.json',
  columns: ['site', 'servers', 'note'],
  rows: [
    { line: undefined, values: { site: 'Lyon', servers: 120, note: null } },
    { line: undefined, values: { site: 'A', servers: 5, note: '' } },
    { line: undefined, values: { site: '1/2', servers: 0 } },
  ],
};
// Made inside each test, as a build makes it: what it computes counts as that test's.
const sources = () => numberSources([users, servers]);

/** The one number of an English phrase, as the text's reader reads it. */
function mention(phrase: string): NumberMention {
  const [first, ...others] = readNumbers(phrase, 'en');
  if (!first || others.length > 0) throw new Error(`expected one number in "${phrase}"`);
  return first;
}

describe('comparableWords', () => {
  it('compares words without case, accents or a plural -s', () => {
    expect(comparableWords('Les États-Unis d’Amérique')).toEqual(['les', 'etat', 'uni', 'd', 'amerique']);
    expect(comparableWords('  ÉCOLES, bus; 2024s  ')).toEqual(['ecole', 'bus', '2024']);
    expect(comparableWords('—')).toEqual([]);
  });
});

describe('numberSources: the rows a sentence names', () => {
  const names = (text: string) =>
    sources()
      .named(text)
      .map(({ name, only }) => `${name}${only ? ' (only)' : ''}`);

  it('finds the rows named, whatever the case, accents and plural, and whether each is the only one of its file', () => {
    expect(names('In inde, users grew.')).toEqual(['Inde (only)']);
    expect(names('INDE and France')).toEqual(['Inde', 'France']);
    expect(names('the other countries: autre pays')).toEqual(['Autres pays (24) (only)']);
    expect(names('the Royaume Uni and Lyon')).toEqual(['Royaume-Uni (only)', 'Lyon (only)']);
  });

  it('wants every word of a name, in order, and names of letters, two at least', () => {
    expect(names('Royaume alone, Uni Royaume reversed')).toEqual([]);
    expect(names('A has five servers')).toEqual([]);
    expect(names('1 2 sites, 1/2 site')).toEqual([]);
    expect(names('700000 users')).toEqual([]);
  });

  it('names a row by its cell as written, without the spaces around it', () => {
    const padded = numberSources([csv('data/aligned.csv', ['country', 'users'], [['  Inde  ', '700000']])]);
    expect(padded.named('In India (Inde), users grew.').map((row) => row.name)).toEqual(['Inde']);
  });

  it('drops only a parenthesis that ends a name, with or without a space before it', () => {
    const regions = numberSources([
      csv(
        'data/regions.csv',
        ['region', 'users'],
        [
          ['Other (non-EU) countries', '120'],
          ['Autres pays(24)', '300'],
        ],
      ),
    ]);
    const names = (text: string) => regions.named(text).map((row) => row.name);
    expect(names('Other non-EU countries: 120 users.')).toEqual(['Other (non-EU) countries']);
    expect(names('Other countries: 120 users.')).toEqual([]);
    expect(names('Les autres pays : 300.')).toEqual(['Autres pays(24)']);
    expect(names('Les autres régions : 300.')).toEqual([]);
  });

  it('names a row whose name holds a number among its words', () => {
    const roads = numberSources([csv('data/roads.csv', ['road', 'cars'], [['Route 66', '12000']])]);
    expect(roads.named('Route 66 carries 12,000 cars a day.').map((row) => row.name)).toEqual(['Route 66']);
  });

  it("gives a named row's values, each with its file, line (or row) and column", () => {
    const [india] = sources().named('Inde');
    expect(india?.figures(false)).toEqual([
      { value: 700_000, source: 'data/users.csv:2 (users)', name: 'Inde' },
      { value: 0.12, source: 'data/users.csv:2 (growth)', name: 'Inde' },
    ]);
    const [lyon] = sources().named('Lyon');
    expect(lyon?.figures(false)).toEqual([{ value: 120, source: 'data/servers.json, row 1 (servers)', name: 'Lyon' }]);
    const [uk] = sources().named('Royaume-Uni');
    expect(uk?.figures(false)).toEqual([{ value: 0.2, source: 'data/users.csv:5 (growth)', name: 'Royaume-Uni' }]);
  });

  it("gives a named row's percentages: its rates, and its share of a column's total", () => {
    const [india] = sources().named('Inde');
    const figures = india?.figures(true);
    expect(figures?.map(({ source, percent, name }) => ({ source, percent, name }))).toEqual([
      { source: 'data/users.csv:2 (users, as a share of their total)', percent: true, name: 'Inde' },
      { source: 'data/users.csv:2 (growth)', percent: true, name: 'Inde' },
    ]);
    expect(figures?.[0]?.value).toBeCloseTo(35, 9);
    expect(figures?.[1]?.value).toBeCloseTo(12, 9);
    expect(
      sources()
        .named('Lyon')[0]
        ?.figures(true)
        .map((figure) => figure.source),
    ).toEqual(['data/servers.json, row 1 (servers, as a share of their total)']);
  });
});

describe('numberSources: what a whole file says', () => {
  const aggregate = (phrase: string, anyRow = true, counts = true) => sources().aggregates(mention(phrase), anyRow, counts)?.source;

  it('finds its number of rows, unless told not to', () => {
    expect(aggregate('4 countries')).toBe('the number of rows of data/users.csv');
    expect(aggregate('3 sites')).toBe('the number of rows of data/servers.json');
    expect(aggregate('4 countries', true, false)).toBeUndefined();
  });

  it("finds a column's sum, and for a sentence that names no row its mean, smallest and largest", () => {
    expect(aggregate('2 million users', false)).toBe('the sum of users in data/users.csv');
    expect(aggregate('125 servers', false)).toBe('the sum of servers in data/servers.json');
    expect(aggregate('666,667 users')).toBe('the mean of users in data/users.csv');
    expect(aggregate('666,667 users', false)).toBeUndefined();
    expect(aggregate('300,000 users')).toBe('the smallest of users in data/users.csv');
    expect(aggregate('1,000,000 users')).toBe('the largest of users in data/users.csv');
    expect(aggregate('1,000,000 users', false)).toBeUndefined();
  });

  it('reads a percentage in a column of rates only, its fractions as percentages', () => {
    const found = (phrase: string, anyRow = true) => sources().aggregates(mention(phrase), anyRow, true);
    expect(found('20 %')).toMatchObject({ source: 'the largest of growth in data/users.csv', percent: true, value: 20 });
    expect(found('-5 %')).toMatchObject({ source: 'the smallest of growth in data/users.csv', percent: true, value: -5 });
    expect(found('9 %')?.source).toBe('the mean of growth in data/users.csv');
    expect(found('20 %', false)).toBeUndefined();
    // Not the sum of a rate, not the number of rows.
    expect(found('27 %')).toBeUndefined();
    expect(found('3 %')).toBeUndefined();
  });

  it('counts the rows for a whole number only', () => {
    expect(aggregate('about 4.2 tonnes')).toBeUndefined();
    expect(aggregate('about 4 tonnes')).toBe('the number of rows of data/users.csv');
  });

  it('sums a column whose values are missing in places: null, left out, or a blank cell', () => {
    const sites: DataTable = {
      url: 'data/sites.json',
      columns: ['site', 'servers'],
      rows: [
        { line: undefined, values: { site: 'Lyon', servers: 120 } },
        { line: undefined, values: { site: 'Nice', servers: null } },
        { line: undefined, values: { site: 'Brest' } },
      ],
    };
    const blank = csv(
      'data/blank.csv',
      ['site', 'servers'],
      [
        ['Lyon', '120'],
        ['Nice', '  '],
        ['Brest', '30'],
      ],
    );
    expect(numberSources([sites, blank]).sums()).toEqual([
      { value: 120, source: 'the sum of servers in data/sites.json' },
      { value: 150, source: 'the sum of servers in data/blank.csv' },
    ]);
  });

  it("finds a row's share of a column's total, for a percentage that names no row", () => {
    const found = (phrase: string, anyRow = true) => sources().aggregates(mention(phrase), anyRow, true);
    expect(found('35 %')).toEqual({ value: 35, source: 'data/users.csv:2 (users, as a share of their total)', percent: true });
    expect(found('15 %')).toEqual({ value: 15, source: 'data/users.csv:3 (users, as a share of their total)', percent: true });
    expect(found('50 %')).toEqual({ value: 50, source: 'data/users.csv:4 (users, as a share of their total)', percent: true });
    expect(found('96 %')?.source).toBe('data/servers.json, row 1 (servers, as a share of their total)');
    expect(found('4 %')?.source).toBe('data/servers.json, row 2 (servers, as a share of their total)');
    expect(found('about 14 %')?.source).toBe('data/users.csv:3 (users, as a share of their total)');
    expect(found('36 %')).toBeUndefined();
    expect(found('14 %')).toBeUndefined();
    expect(found('51 %')).toBeUndefined();
    expect(found('35 %', false)).toBeUndefined();
  });

  it('gives the sum of every numeric column', () => {
    expect(sources().sums()).toEqual([
      { value: 2_000_000, source: 'the sum of users in data/users.csv' },
      { value: expect.closeTo(0.27, 9), source: 'the sum of growth in data/users.csv' },
      { value: 125, source: 'the sum of servers in data/servers.json' },
    ]);
  });
});

describe('numberSources: which columns are rates, and which have shares', () => {
  const table = csv(
    'data/budget.csv',
    ['item', 'amount', 'balance', 'taux', 'zero', 'mixed'],
    [
      ['Écoles', '400', '-10', '12', '0', '1'],
      ['Routes', '600', '30', '8', '0', 'n/a'],
    ],
  );
  const budget = () => numberSources([table]);
  const found = (phrase: string) => budget().aggregates(mention(phrase), true, true);

  it('takes a column named as a rate as percentages already, and gives no shares of it', () => {
    expect(found('12 %')?.source).toBe('the largest of taux in data/budget.csv');
    expect(found('10 %')?.source).toBe('the mean of taux in data/budget.csv');
    expect(found('60 %')?.source).toBe('data/budget.csv:3 (amount, as a share of their total)');
    expect(found('60 %')?.value).toBeCloseTo(60, 9);
    // 12 of 20 is 60 %, 8 of 20 is 40 %: not a share of a rate's total.
    expect(found('40 %')?.source).toBe('data/budget.csv:2 (amount, as a share of their total)');
    expect(
      budget()
        .named('Routes')[0]
        ?.figures(true)
        .map((figure) => figure.source),
    ).toEqual([
      'data/budget.csv:3 (amount, as a share of their total)',
      'data/budget.csv:3 (taux)',
      'data/budget.csv:3 (zero)', // all its values are fractions: a rate too, but no share of a total of 0
    ]);
  });

  it.each(['porcentaje', 'pourcentage', 'percentuale', 'percentual', 'porcentagem', 'procent', 'Prozent'])(
    'takes a column named "%s" as percentages already',
    (name) => {
      const shares = numberSources([
        csv(
          'data/embalses.csv',
          ['pais', name],
          [
            ['España', '61'],
            ['Portugal', '48'],
          ],
        ),
      ]);
      expect(
        shares
          .named('España')[0]
          ?.figures(true)
          .map((figure) => `${figure.value} ${figure.source}`),
      ).toEqual([`61 data/embalses.csv:2 (${name})`]);
    },
  );

  it('gives no sum of a column of rates: 12 % and 8 % do not make 20 %', () => {
    expect(found('20 %')).toBeUndefined();
  });

  it("finds a row's share whatever the columns before it: rates, zeros, and rows with no value", () => {
    const spending = numberSources([
      csv(
        'data/spending.csv',
        ['city', 'growth', 'refunds', 'amount'],
        [
          ['Paris', '0.01', '0', ''],
          ['Lyon', '0.02', '0', '300'],
          ['Nice', '0.05', '0', '700'],
        ],
      ),
    ]);
    expect(spending.aggregates(mention('30 %'), true, true)?.source).toBe('data/spending.csv:3 (amount, as a share of their total)');
  });

  it("finds a row's share at either end of the precision of a percentage", () => {
    // 100 of 800 is 12.5 %: written 12 % or 13 %, as one rounds.
    const fleet = numberSources([
      csv(
        'data/fleet.csv',
        ['depot', 'buses'],
        [
          ['Nord', '100'],
          ['Sud', '700'],
        ],
      ),
    ]);
    expect(fleet.aggregates(mention('13 %'), true, true)).toEqual({
      value: 12.5,
      source: 'data/fleet.csv:2 (buses, as a share of their total)',
      percent: true,
    });
    expect(fleet.aggregates(mention('12 %'), true, true)).toEqual({
      value: 12.5,
      source: 'data/fleet.csv:2 (buses, as a share of their total)',
      percent: true,
    });
  });

  it('takes a column of fractions as rates, up to 1 for a whole', () => {
    const coverage = numberSources([
      csv(
        'data/coverage.csv',
        ['region', 'covered'],
        [
          ['Nord', '0.85'],
          ['Sud', '1'],
        ],
      ),
    ]);
    expect(
      coverage
        .named('Nord')[0]
        ?.figures(true)
        .map((figure) => figure.source),
    ).toContain('data/coverage.csv:2 (covered)');
    expect(coverage.aggregates(mention('85 %'), true, true)?.source).toBe('the smallest of covered in data/coverage.csv');
  });

  it('gives no shares of a column with a negative value, and sums no column that holds text', () => {
    // The balance's 30 of 20 would be 150 %.
    expect(found('150 %')).toBeUndefined();
    expect(
      budget()
        .sums()
        .map((figure) => figure.source),
    ).toEqual([
      'the sum of amount in data/budget.csv',
      'the sum of balance in data/budget.csv',
      'the sum of taux in data/budget.csv',
      'the sum of zero in data/budget.csv',
    ]);
    expect(
      budget()
        .named('n/a')
        .map((row) => row.name),
    ).toEqual(['n/a']);
    expect(budget().named('1 and 400')).toEqual([]);
  });
});
