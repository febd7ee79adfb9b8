import { describe, expect, it } from 'vitest';
import { checkSpec, MAX_SIZE } from '../pipeline/charts/check-spec.js';
import { validateSpec } from '../pipeline/charts/validate-spec.js';

const bars = (extra: Record<string, unknown> = {}) => ({
  data: { url: 'data/users.csv' },
  mark: 'bar',
  encoding: { x: { field: 'users', type: 'quantitative' }, y: { field: 'country', type: 'nominal' } },
  ...extra,
});

/** The problem, with the text at its offset, for a spec written as an editor would. */
function check(spec: unknown) {
  const body = JSON.stringify(spec, null, 2);
  const problem = validateSpec(body, spec);
  return problem && { reason: problem.reason, at: body.slice(problem.offset).split('\n')[0] };
}

describe('validateSpec', () => {
  it('accepts a valid spec, a layered one and a map', () => {
    expect(check(bars())).toBeUndefined();
    expect(
      check({ data: { values: [] }, layer: [{ mark: 'bar' }, { mark: { type: 'text', dx: 4 }, encoding: { text: { field: 'users' } } }] }),
    ).toBeUndefined();
    expect(check({ data: { sphere: true }, projection: { type: 'equalEarth' }, mark: 'geoshape' })).toBeUndefined();
  });

  it('names a misspelt property with its path and the property meant', () => {
    const spec = bars();
    (spec.encoding.x as Record<string, unknown>).sclae = { type: 'log' };
    expect(check(spec)).toEqual({ reason: 'unknown property "sclae" in encoding.x: did you mean "scale"?', at: '"sclae": {' });
    expect(check({ ...bars(), encodings: {} })).toEqual({
      reason: 'unknown property "encodings" in the spec: did you mean "encoding"?',
      at: '"encodings": {}',
    });
  });

  it('follows the path into layers', () => {
    const spec = { data: { values: [] }, layer: [{ mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative', axis: { titel: 'Users' } } } }] };
    expect(check(spec)).toEqual({ reason: 'unknown property "titel" in layer[0].encoding.x.axis: did you mean "title"?', at: '"titel": "Users"' });
  });

  it('gives the values allowed for a bad value, or the one meant', () => {
    expect(check(bars({ encoding: { x: { field: 'users', type: 'quantitativ' } } }))).toEqual({
      reason: 'encoding.x.type: "quantitativ" is not allowed here: did you mean "quantitative"?',
      at: '"quantitativ"',
    });
    expect(check(bars({ width: 'wide' }))).toEqual({ reason: 'width: "wide" is not allowed here: use a number, "container" or an object', at: '"wide"' });
    expect(check(bars({ mark: { type: 'bar', opacity: 'half' } }))?.reason).toBe('mark.opacity: "half" is not allowed here: use a number or an object');
    expect(check(bars({ encoding: { x: { field: 'users', type: 'quantitative', aggregate: 'summ' } } }))?.reason).toBe(
      'encoding.x.aggregate: "summ" is not allowed here: did you mean "sum"?',
    );
  });

  it('says what is missing, and which properties do not go together', () => {
    const { mark: _mark, ...markless } = bars();
    expect(check(markless)).toEqual({ reason: 'the spec: missing the property "mark"', at: '{' });
    const datum = bars({ encoding: { color: { datum: 'Other', type: 'nominal', legend: { orient: 'bottom' } } } });
    expect(check(datum)).toEqual({ reason: 'encoding.color: vega-lite has no form of it that takes "datum", "type" and "legend" together', at: '{' });
    // A property of a view, beside what makes the spec a concatenation or a repeat: named, not "mark" missing.
    const { mark: _bar, encoding, data, ...rest } = bars();
    const side = {
      ...rest,
      data,
      height: 320,
      hconcat: [
        { mark: 'bar', encoding },
        { mark: 'tick', encoding },
      ],
    };
    expect(check(side)).toEqual({ reason: 'the spec: "height" cannot be set beside "hconcat"', at: '"height": 320,' });
    const repeated = { data, width: 'container', repeat: ['users'], spec: { mark: 'bar', encoding } };
    expect(check(repeated)).toEqual({ reason: 'the spec: "width" cannot be set beside "repeat" and "spec"', at: '"width": "container",' });
  });
});

/** Every mistake found, with the text at its offset, for a spec written as an editor would (or as `body` spells it). */
function mistakes(spec: unknown, body = JSON.stringify(spec, null, 2)) {
  return checkSpec(body, spec).map((problem) => ({ reason: problem.reason, at: body.slice(problem.offset).split('\n')[0] }));
}

describe('checkSpec', () => {
  it('finds nothing wrong with a valid spec, a layered one, a map, or the marks of config', () => {
    expect(mistakes(bars({ width: MAX_SIZE, height: 1, transform: [{ filter: 'datum.users > 0' }, { calculate: 'datum.users / 1000', as: 'k' }] }))).toEqual(
      [],
    );
    expect(
      mistakes({
        data: { values: [] },
        layer: [
          { mark: 'bar' },
          { mark: { type: 'text', dx: 4 }, encoding: { text: { field: 'users' }, color: { condition: { test: 'datum.users > 1', value: 'red' } } } },
        ],
      }),
    ).toEqual([]);
    expect(mistakes({ data: { sphere: true }, projection: { type: 'equalEarth' }, mark: 'geoshape' })).toEqual([]);
    expect(mistakes(bars({ config: { mark: 'nonsense', encoding: { colour: {} }, width: -1, filter: '(' } }))).toEqual([]);
  });

  it('names an unknown mark at its place, and the mark meant or the marks there are', () => {
    expect(mistakes(bars({ mark: 'barr' }))).toEqual([{ reason: 'unknown mark "barr": did you mean "bar"?', at: '"barr",' }]);
    expect(mistakes(bars({ mark: { type: 'pointt', size: 4 } }))).toEqual([{ reason: 'unknown mark "pointt": did you mean "point"?', at: '"pointt",' }]);
    const [far] = mistakes(bars({ mark: 'histogram' }));
    expect(far?.at).toBe('"histogram",');
    expect(far?.reason).toMatch(/^unknown mark "histogram": use (\w+, )+\w+$/);
    expect(far?.reason).toContain(' bar, ');
    // A mark that is not a word at all is left to the schema.
    expect(mistakes(bars({ mark: null }))).toEqual([]);
    expect(mistakes(bars({ mark: { type: 3 } }))).toEqual([]);
    expect(mistakes(bars({ mark: ['bar'] }))).toEqual([]);
  });

  it('names an unknown encoding channel at its key', () => {
    expect(mistakes(bars({ encoding: { x: { field: 'users' }, colour: { field: 'country' } } }))).toEqual([
      { reason: 'unknown encoding channel "colour": did you mean "color"?', at: '"colour": {' },
    ]);
    const [far] = mistakes(bars({ encoding: { loudness: { field: 'users' } } }));
    expect(far).toMatchObject({ at: '"loudness": {' });
    expect(far?.reason).toMatch(/^unknown encoding channel "loudness": use (\w+, )+\w+$/);
    // An encoding that is not an object is left to the schema.
    expect(mistakes(bars({ encoding: ['x'] }))).toEqual([]);
    expect(mistakes(bars({ encoding: null }))).toEqual([]);
    expect(mistakes(bars({ encoding: 'x' }))).toEqual([]);
  });

  it.each([
    ['width', 0, 'wide'],
    ['width', -20, 'wide'],
    ['width', MAX_SIZE + 1, 'wide'],
    ['height', 100_000, 'tall'],
  ])('refuses a %s of %d', (key, size, way) => {
    expect(mistakes(bars({ [key]: size }))).toEqual([{ reason: `${key} ${size} is out of bounds: a chart is at most 6400 px ${way}`, at: `${size}` }]);
  });

  it('leaves sizes that are not numbers to the schema', () => {
    expect(mistakes(bars({ width: 'container', height: { step: 20 } }))).toEqual([]);
  });

  it.each([
    [{ stop: 200_001 }, 'a sequence of 200,001 values is too long'],
    [{ start: -100_000, stop: 100_001 }, 'a sequence of 200,001 values is too long'],
    [{ start: 0, stop: 100_001, step: 0.5 }, 'a sequence of 200,002 values is too long'],
    [{ start: 0, stop: 1, step: 0.000_001 }, 'a sequence of 1,000,000 values is too long'],
  ])('refuses the sequence %j', (sequence, reason) => {
    const spec = { data: { sequence }, mark: 'line' };
    const body = JSON.stringify(spec);
    expect(mistakes(spec, body)).toEqual([
      { reason: `${reason}: a chart reads at most 200,000 rows`, at: body.slice(body.indexOf('"sequence":') + '"sequence":'.length) },
    ]);
  });

  it('takes only data.sequence for a sequence, not rows or a null', () => {
    expect(mistakes({ data: { values: [{ start: 0, stop: 300_000, step: 1 }] }, mark: 'rule' })).toEqual([]);
    expect(mistakes({ data: { values: [{ name: 'genome', span: { start: 0, stop: 3_000_000 } }] }, mark: 'rule' })).toEqual([]);
    expect(mistakes({ data: { sequence: null }, mark: 'line' })).toEqual([]);
  });

  it('refuses an endless sequence', () => {
    const body = '{ "data": { "sequence": { "start": 0, "stop": 1e999 } }, "mark": "line" }';
    expect(mistakes(JSON.parse(body), body)).toEqual([
      { reason: 'a sequence of endless values is too long: a chart reads at most 200,000 rows', at: '{ "start": 0, "stop": 1e999 } }, "mark": "line" }' },
    ]);
  });

  it.each([
    [{ stop: 200_000 }],
    [{ start: 10, stop: 200_010 }],
    [{ start: 0, stop: 300_000, step: 2 }],
    [{ start: 0, stop: 300_000, step: -1 }],
    [{ start: 300_000, stop: 0, step: -2 }],
    [{ start: 0, stop: 300_000, step: 0 }],
    [{ start: 'a', stop: 300_000 }],
    [{ stop: '300000' }],
    [{ stop: 300_000, step: '1' }],
    [{ start: 0 }],
  ])('accepts the sequence %j, or leaves it to the schema', (sequence) => {
    expect(mistakes({ data: { sequence }, mark: 'line' })).toEqual([]);
  });

  it('names an expression that does not parse, wherever it is', () => {
    const spec = {
      ...bars(),
      params: [{ name: 'cut', expr: 'min(' }],
      transform: [{ filter: 'datum.users >' }, { calculate: 'datum.users +* 2', as: 'twice' }, { filter: { field: 'users', gt: 0 } }],
      encoding: { x: { field: 'users', type: 'quantitative' }, color: { condition: { test: 'datum.users = = 1', value: 'red' }, value: 'grey' } },
    };
    const found = mistakes(spec);
    expect(found.map(({ at }) => at)).toEqual(['"datum.users = = 1",', '"min("', '"datum.users >"', '"datum.users +* 2",']);
    expect(found.map(({ reason }) => reason)).toEqual([
      expect.stringMatching(/^invalid expression "datum.users = = 1": \S/),
      expect.stringMatching(/^invalid expression "min\(": \S/),
      expect.stringMatching(/^invalid expression "datum.users >": \S/),
      expect.stringMatching(/^invalid expression "datum.users \+\* 2": \S/),
    ]);
  });

  it('reports every mistake of every layer together, each at its place', () => {
    const spec = {
      data: { values: [] },
      layer: [
        { mark: 'bar', encoding: { colour: { field: 'a' } } },
        { mark: 'txet', width: 0 },
      ],
    };
    expect(mistakes(spec)).toEqual([
      { reason: 'unknown encoding channel "colour": did you mean "color"?', at: '"colour": {' },
      { reason: 'unknown mark "txet": did you mean "text"?', at: '"txet",' },
      { reason: 'width 0 is out of bounds: a chart is at most 6400 px wide', at: '0' },
    ]);
  });

  it('finds nothing in a body that is not JSON, and points at the start for a spec the body does not hold', () => {
    expect(checkSpec('', bars({ mark: 'barr' }))).toEqual([]);
    expect(checkSpec('{}', bars({ mark: 'barr' }))).toEqual([{ reason: 'unknown mark "barr": did you mean "bar"?', offset: 0 }]);
    expect(checkSpec('{}', bars({ encoding: { colour: {} } }))).toEqual([{ reason: 'unknown encoding channel "colour": did you mean "color"?', offset: 0 }]);
  });
});
