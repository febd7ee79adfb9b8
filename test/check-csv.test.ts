import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkCsv } from '../pipeline/data/check-csv.js';
import { formatProblem } from '../pipeline/problems/errors.js';

function check(text: string, fields: string[]): string[] {
  const file = new VFile({ path: 'data/countries.csv' });
  checkCsv(text, file, new Set(fields));
  return file.messages.map(formatProblem);
}

describe('checkCsv', () => {
  it('accepts numbers and empty cells in quantitative columns', () => {
    expect(check('country,users\nFrance,300000\nChine,\nInde,7e5\n', ['users'])).toEqual([]);
  });

  it('names the line and column of a value that is not a number', () => {
    expect(check('country,users\nFrance,300000\nChine,n/a\nInde,"700,000"\n', ['users'])).toEqual([
      'data/countries.csv:3: column "users": "n/a" is not a number',
      'data/countries.csv:4: column "users": "700,000" is not a number',
    ]);
  });

  it('counts lines inside quoted fields', () => {
    expect(check('name,value\n"two\nlines",1\nx,oops\n', ['value'])).toEqual(['data/countries.csv:4: column "value": "oops" is not a number']);
  });

  it('reports an empty file and a malformed row', () => {
    expect(check('country,users\n', ['users'])).toEqual(['data/countries.csv:1:1: the CSV file has no data rows']);
    expect(check('a,b\n1,2\n3,4,5\n', [])[0]).toMatch(/^data\/countries\.csv:3:1: invalid CSV/);
  });
});
