import { describe, expect, it } from 'vitest';
import { numberIn, parseCell, readTable } from '../pipeline/data/read-table.js';

describe('readTable', () => {
  it('reads the rows of a CSV file, as its language writes decimals', () => {
    expect(readTable('city;rent\nFreiburg;14,13\n', 'data/rents.csv', 'de')).toEqual([{ city: 'Freiburg', rent: '14.13' }]);
    expect(readTable('city;rent\nFreiburg;14,13\n', 'data/rents.csv')).toEqual([{ city: 'Freiburg', rent: '14,13' }]);
    // Any name but .json is read as CSV.
    expect(readTable('a,b\n1,2\n', 'data/table.txt')).toEqual([{ a: '1', b: '2' }]);
    expect(readTable('a,b\n1,2\n', 'data/export.json.csv')).toEqual([{ a: '1', b: '2' }]);
  });

  it('tells what is wrong with a CSV file at its line', () => {
    expect(readTable('a,b\n1,2\n3\n', 'data/t.csv')).toBe('data/t.csv:3: invalid CSV: expect 2, got 1 on line 3');
    expect(readTable('', 'data/t.csv')).toBe('data/t.csv:1: the CSV file is empty');
  });

  it('reads the rows of a JSON file, with or without a BOM, whatever the case of its extension', () => {
    expect(readTable('\uFEFF[{"country": "France", "users": 300000}, {"country": "Chine"}]', 'data/users.json')).toEqual([
      { country: 'France', users: 300000 },
      { country: 'Chine' },
    ]);
    expect(readTable('[{"a": 1}]', 'data/USERS.JSON')).toEqual([{ a: 1 }]);
  });

  it('tells what is wrong with a JSON file', () => {
    expect(readTable('{"rows": []}', 'data/users.json')).toBe('data/users.json must hold a list of rows');
    expect(readTable('[{"a": 1},]', 'data/users.json')).toMatch(/^cannot read data\/users\.json: \S.*$/);
    expect(readTable('[1, 2', 'data/users.json')).toMatch(/^cannot read data\/users\.json: [^\n]+$/);
  });
});

describe('parseCell', () => {
  it.each([
    [1250, { kind: 'number', number: 1250 }],
    [-0.5, { kind: 'number', number: -0.5 }],
    ['1250', { kind: 'number', number: 1250 }],
    [' -0.5 ', { kind: 'number', number: -0.5 }],
    ['1e6', { kind: 'number', number: 1e6 }],
    ['0', { kind: 'number', number: 0 }],
    [0, { kind: 'number', number: 0 }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [null, { kind: 'empty' }],
    [undefined, { kind: 'empty' }],
    ['n/a', { kind: 'text', text: 'n/a' }],
    [' 1,5 ', { kind: 'text', text: ' 1,5 ' }],
    ['Infinity', { kind: 'text', text: 'Infinity' }],
    ['1e999', { kind: 'text', text: '1e999' }],
    [Number.NaN, { kind: 'text', text: 'NaN' }],
    [Number.POSITIVE_INFINITY, { kind: 'text', text: 'Infinity' }],
    [true, { kind: 'text', text: 'true' }],
  ])('reads %j as %j', (value, cell) => {
    expect(parseCell(value)).toEqual(cell);
  });
});

describe('numberIn', () => {
  it.each([
    ['42', 42],
    [3.5, 3.5],
    ['0', 0],
    ['', undefined],
    [null, undefined],
    ['forty', undefined],
    [Number.NaN, undefined],
  ])('reads %j as %j', (value, number) => {
    expect(numberIn(value)).toBe(number);
  });
});
