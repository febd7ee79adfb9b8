import { describe, expect, it } from 'vitest';
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
  });
});
