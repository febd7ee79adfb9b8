import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkJson, type JsonFormat } from '../pipeline/data/check-json.js';
import { formatProblem } from '../pipeline/problems/errors.js';

/** Each problem as the build tells it, with the rule that found it. */
function check(text: string, fields: readonly string[] = ['users'], format?: JsonFormat): string[] {
  const file = new VFile({ path: 'data/users.json' });
  checkJson(text, file, new Set(fields), format);
  return file.messages.map((message) => `${formatProblem(message)} [${message.ruleId}]`);
}

/** A list of `count` empty rows, one a line. */
const rows = (count: number) => `[\n${'{},\n'.repeat(count - 1)}{}\n]\n`;

describe('checkJson', () => {
  it('accepts rows of numbers and nulls, with a BOM or without', () => {
    expect(check('[{"country": "France", "users": 300000}, {"country": "Chine", "users": null}, {"country": "Inde"}]')).toEqual([]);
    expect(check('\uFEFF[\n{"users": -1.5e3}]')).toEqual([]);
  });

  it.each([
    ['', 'data/users.json:1:1: invalid JSON: ValueExpected [json]'],
    ['   ', 'data/users.json:1:1: invalid JSON: ValueExpected [json]'],
    ['[\n// a comment\n{}]', 'data/users.json:2:1: invalid JSON: InvalidCommentToken [json]'],
    ['[\n{"users": 1},\n]', 'data/users.json:3:1: invalid JSON: ValueExpected [json]'],
    ['[{"users": 1}', 'data/users.json:1:1: invalid JSON: CloseBracketExpected [json]'],
    ['\uFEFF[\n}', 'data/users.json:2:1: invalid JSON: ValueExpected [json]'],
  ])('tells the first JSON error of %j at its line', (text, problem) => {
    expect(check(text)).toEqual([problem]);
  });

  it('takes a byte-order mark at the start of the file only, as JSON.parse does', () => {
    // Two exports pasted together: the second one's BOM is a stray character in the middle.
    expect(check('[{"users": 1},\n\uFEFF{"users": 2}]')).toEqual(['data/users.json:2:1: invalid JSON: InvalidSymbol [json]']);
  });

  it('takes a TopoJSON map as an object, and nothing else', () => {
    expect(check('{"type": "Topology", "objects": {}}', ['users'], { type: 'topojson' })).toEqual([]);
    expect(check('\n\n[{"users": "x"}]', ['users'], { type: 'topojson' })).toEqual([
      'data/users.json:3:1: a TopoJSON map must be an object, not a list [json]',
    ]);
    expect(check('"x"', ['users'], { type: 'topojson' })).toEqual(['data/users.json:1:1: a TopoJSON map must be an object, not a string [json]']);
  });

  it('reads the rows under the property the spec names', () => {
    expect(check('{"features": [{"users": 1}], "users": "x"}', ['users'], { property: 'features' })).toEqual([]);
    expect(check('{"a": {"b": [\n{"users": "x"}]}}', ['users'], { property: 'a.b' })).toEqual([
      'data/users.json:2:1: field "users": "x" is not a number [json-number]',
    ]);
    expect(check('{"a": {}}', ['users'], { property: 'a.b' })).toEqual([
      'data/users.json:1:1: the JSON file has no "a.b", where the chart reads its rows [json]',
    ]);
    expect(check('{\n"features": 5}', ['users'], { property: 'features' })).toEqual([
      'data/users.json:2:1: "features" must hold a list of rows ([{…}, {…}]), not a number [json]',
    ]);
    expect(check('\ntrue', ['users'], { property: '' })).toEqual([
      'data/users.json:2:1: the JSON file must hold a list of rows ([{…}, {…}]), not a boolean [json]',
    ]);
  });

  it('wants each row an object, and each quantitative value a number, as written in the file', () => {
    const text = '[1,\n[2],\n"x",\nnull,\n{"users": true, "other": "x", "n": {"a":1}},\n{"users": 1e999, "n": [1]}]';
    expect(check(text, ['users', 'n'])).toEqual([
      'data/users.json:1:1: each row of the list must be an object ({"name": value, …}) [json]',
      'data/users.json:2:1: each row of the list must be an object ({"name": value, …}) [json]',
      'data/users.json:3:1: each row of the list must be an object ({"name": value, …}) [json]',
      'data/users.json:4:1: each row of the list must be an object ({"name": value, …}) [json]',
      'data/users.json:5:1: field "users": true is not a number [json-number]',
      'data/users.json:5:1: field "n": {"a":1} is not a number [json-number]',
      'data/users.json:6:1: field "users": 1e999 is not a number [json-number]',
      'data/users.json:6:1: field "n": [1] is not a number [json-number]',
    ]);
  });

  it('takes numerals in quotes where the spec parses the field as numbers, and says how otherwise', () => {
    const text = '[\n{"users": "1565", "year": "2020"},\n{"users": "-1.5e3", "year": "twenty"},\n{"users": "12 000", "year": "1e5"}]';
    expect(check(text, ['users', 'year'], { numbers: new Set(['users']) })).toEqual([
      'data/users.json:2:1: field "year": "2020" is not a number (write it without quotes, or parse it: "format": {"parse": {"year": "number"}}) [json-number]',
      'data/users.json:3:1: field "year": "twenty" is not a number [json-number]',
      'data/users.json:4:1: field "users": "12 000" is not a number [json-number]',
      'data/users.json:4:1: field "year": "1e5" is not a number (write it without quotes, or parse it: "format": {"parse": {"year": "number"}}) [json-number]',
    ]);
    expect(check('[{"users": "1.5"}, {"users": "1."}, {"users": "+1"}, {"users": "1e"}]', ['users'], { numbers: new Set(['users']) })).toEqual([
      'data/users.json:1:1: field "users": "1." is not a number [json-number]',
      'data/users.json:1:1: field "users": "+1" is not a number [json-number]',
      'data/users.json:1:1: field "users": "1e" is not a number [json-number]',
    ]);
  });

  it('reads as many rows as a chart may, and no more', () => {
    expect(check(rows(200_000))).toEqual([]);
    expect(check(rows(200_001))).toEqual(['data/users.json:200002:1: the JSON file has 200,001 rows: a chart reads at most 200,000 [json]']);
  });
});
