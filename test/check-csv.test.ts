import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkCsv } from '../pipeline/data/check-csv.js';
import { checkJson, type JsonFormat } from '../pipeline/data/check-json.js';
import { readCsv } from '../pipeline/data/read-csv.js';
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

  it('refuses more rows than a chart reads, at the first row over the limit, and takes the limit itself', () => {
    const rows = (count: number) => `n\n${'1\n'.repeat(count)}`;
    const file = new VFile({ path: 'data/countries.csv' });
    checkCsv(rows(200_001), file, new Set(['n']));
    expect(file.messages.map((message) => `${formatProblem(message)} [${message.ruleId}]`)).toEqual([
      'data/countries.csv:200002:1: the CSV file has 200,001 rows: a chart reads at most 200,000 [csv]',
    ]);
    expect(check(rows(200_000), ['n'])).toEqual([]);
  });

  it('reports an empty file and a malformed row', () => {
    expect(check('country,users\n', ['users'])).toEqual(['data/countries.csv:1:1: the CSV file has no data rows']);
    expect(check('a,b\n1,2\n3,4,5\n', [])[0]).toMatch(/^data\/countries\.csv:3:1: invalid CSV/);
  });
});

describe('checkCsv, in more cases', () => {
  /** Each problem as the build tells it, with the rule that found it. */
  function checkWithRules(text: string, fields: string[], lang?: string): string[] {
    const file = new VFile({ path: 'data/rents.csv' });
    checkCsv(text, file, new Set(fields), lang);
    return file.messages.map((message) => `${formatProblem(message)} [${message.ruleId}]`);
  }

  it('checks every quantitative column of every row, and leaves the other columns alone', () => {
    expect(checkWithRules('city,rent,size,note\nA,x,1,n/a\nB,2,y,\n', ['rent', 'size', 'absent'])).toEqual([
      'data/rents.csv:2: column "rent": "x" is not a number [csv-number]',
      'data/rents.csv:3: column "size": "y" is not a number [csv-number]',
    ]);
  });

  it('reads decimal commas in the language of the article', () => {
    expect(checkWithRules('Stadt;Miete\nFreiburg;14,13\nRastatt;1.749,5\n', ['Miete'], 'de')).toEqual([]);
    expect(checkWithRules('Stadt;Miete\nFreiburg;14,13\n', ['Miete'])).toEqual(['data/rents.csv:2: column "Miete": "14,13" is not a number [csv-number]']);
  });

  it('tells what is wrong with the file at its line, column 1', () => {
    expect(checkWithRules('a,b\n1,2\n"3,4\n', ['a'])).toEqual([
      'data/rents.csv:3:1: invalid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 3 [csv]',
    ]);
    expect(checkWithRules('', ['a'])).toEqual(['data/rents.csv:1:1: the CSV file is empty [csv]']);
    expect(checkWithRules('a,b\n', ['a'])).toEqual(['data/rents.csv:1:1: the CSV file has no data rows [csv]']);
  });
});

describe('readCsv', () => {
  it('reads a semicolon file with a BOM and decimal commas as the language writes them', () => {
    const text = '\uFEFFStadt;Miete;Wohnungen\nFreiburg;14,13;"4.395"\nRastatt;9,8;1.749\n';
    const table = readCsv(text, 'de');
    expect(table).toMatchObject({ delimiter: ';', columns: ['Stadt', 'Miete', 'Wohnungen'] });
    expect('records' in table && table.records).toEqual([
      { line: 2, values: { Stadt: 'Freiburg', Miete: '14.13', Wohnungen: '4395' } },
      { line: 3, values: { Stadt: 'Rastatt', Miete: '9.8', Wohnungen: '1749' } },
    ]);
    // In English a comma is not a decimal mark: "14,13" stays text, and the check says so.
    expect(check('city;rent\nFreiburg;14,13\n', ['rent'])).toEqual(['data/countries.csv:2: column "rent": "14,13" is not a number']);
  });

  it('refuses a header that names a column twice, or not at all', () => {
    expect(check('country,users,users\nFrance,1,2\n', ['users'])).toEqual([
      'data/countries.csv:1:1: column "users" appears twice in the header line: give each column its own name',
    ]);
    expect(check('country,,users\nFrance,1,2\n', ['users'])).toEqual(['data/countries.csv:1:1: column 2 has no name in the header line']);
  });
});

describe('checkJson', () => {
  function checkJsonText(text: string, fields: string[]): string[] {
    const file = new VFile({ path: 'data/users.json' });
    checkJson(text, file, new Set(fields));
    return file.messages.map(formatProblem);
  }

  it('holds JSON to the rules of a CSV: numbers where the chart needs them, at their lines', () => {
    const text =
      '[\n  {"country": "A", "users": 10},\n  {"country": "B", "users": "12"},\n  {"country": "C", "users": "NaN"},\n  {"country": "D", "users": 1e999},\n  {"country": "E", "users": null}\n]\n';
    expect(checkJsonText(text, ['users'])).toEqual([
      'data/users.json:3:1: field "users": "12" is not a number (write it without quotes, or parse it: "format": {"parse": {"users": "number"}})',
      'data/users.json:4:1: field "users": "NaN" is not a number',
      'data/users.json:5:1: field "users": 1e999 is not a number',
    ]);
  });

  it('reads the file as the chart does: a TopoJSON map whole, rows under a property, numerals the spec parses', () => {
    const check = (text: string, fields: string[], format: JsonFormat) => {
      const file = new VFile({ path: 'data/map.json' });
      checkJson(text, file, new Set(fields), format);
      return file.messages.map(formatProblem);
    };
    const topology = '{"type": "Topology", "objects": {"states": {"type": "GeometryCollection", "geometries": []}}, "arcs": []}';
    expect(check(topology, ['id'], { type: 'topojson' })).toEqual([]);
    expect(check('[1, 2]', [], { type: 'topojson' })).toEqual(['data/map.json:1:1: a TopoJSON map must be an object, not a list']);
    const features = '{"type": "FeatureCollection",\n "features": [\n  {"id": 1, "rate": 0.5},\n  {"id": 2, "rate": "high"}\n]}';
    expect(check(features, ['rate'], { property: 'features' })).toEqual(['data/map.json:4:1: field "rate": "high" is not a number']);
    expect(check(features, ['rate'], { property: 'rows' })).toEqual(['data/map.json:1:1: the JSON file has no "rows", where the chart reads its rows']);
    expect(check(features, ['rate'], { property: 'type' })).toEqual(['data/map.json:1:1: "type" must hold a list of rows ([{…}, {…}]), not a string']);
    const years = '[\n  {"year": "1565", "wheat": 41},\n  {"year": "15 65", "wheat": 45}\n]';
    expect(check(years, ['year'], { numbers: new Set(['year']) })).toEqual(['data/map.json:3:1: field "year": "15 65" is not a number']);
  });

  it('wants a list of rows, and valid JSON', () => {
    expect(checkJsonText('{"users": [1, 2]}', ['users'])).toEqual(['data/users.json:1:1: the JSON file must hold a list of rows ([{…}, {…}]), not an object']);
    expect(checkJsonText('[\n  {"users": 1},\n  {"users": 2,}\n]', ['users'])[0]).toMatch(/^data\/users\.json:3:1: invalid JSON/);
  });
});
