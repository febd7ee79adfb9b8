import { describe, expect, it } from 'vitest';
import { agreeingRange, agrees, formatFigure, sameMagnitude } from '../pipeline/data/number-agreement.js';
import { type NumberMention, readNumbers } from '../pipeline/language/read-numbers.js';

/** The one number of an English phrase, as the text's reader reads it. */
function mention(phrase: string): NumberMention {
  const [first, ...others] = readNumbers(phrase, 'en');
  if (!first || others.length > 0) throw new Error(`expected one number in "${phrase}"`);
  return first;
}

describe('agreeingRange', () => {
  it.each([
    ['5 million users', [4_500_000, 5_500_000]],
    ['2,000,000 users', [1_999_999.5, 2_000_000.5]],
    ['more than 5 million users', [4_500_000, 7_500_000]],
    ['over 300 servers', [299.5, 450]],
    ['less than 6 million users', [4_000_000, 6_500_000]],
    ['less than 12 %', [8, 12.5]],
    ['about 5 million users', [4_500_000, 5_500_000]],
    ['about 2,000,000 users', [1_800_000, 2_200_000]],
    ['nearly 40 countries', [36, 44]],
    ['about -20 degrees', [-22, -18]],
  ])('takes "%s" as %j', (phrase, range) => {
    const [low, high] = agreeingRange(mention(phrase));
    expect(low).toBeCloseTo(range[0]!, 6);
    expect(high).toBeCloseTo(range[1]!, 6);
  });
});

describe('agrees', () => {
  it.each([
    ['5 million users', 4_500_000, true],
    ['5 million users', 5_500_000, true],
    ['5 million users', 4_499_999, false],
    ['5 million users', 5_500_001, false],
    ['more than 5 million users', 7_500_000, true],
    ['more than 5 million users', 7_500_001, false],
    ['less than 6 million users', 4_000_000, true],
    ['less than 6 million users', 3_999_999, false],
    ['about 2,000,000 users', 2_200_000, true],
    ['about 2,000,000 users', 1_799_999, false],
  ])('"%s" and %d: %s', (phrase, actual, agreeing) => {
    expect(agrees(mention(phrase), actual)).toBe(agreeing);
  });
});

describe('sameMagnitude', () => {
  it.each([
    [800_000, 850_000, true],
    [100, 200, true],
    [200, 100, true],
    [100, 201, false],
    [201, 100, false],
    [-5, -9, true],
    [-5, 5, false],
    [5, -5, false],
    [0, 0, false],
    [0, 5, false],
    [5, 0, false],
  ])('%d and %d: %s', (a, b, same) => {
    expect(sameMagnitude(a, b)).toBe(same);
  });

  it('takes another factor', () => {
    expect(sameMagnitude(100, 300, 3)).toBe(true);
    expect(sameMagnitude(300, 100, 3)).toBe(true);
    expect(sameMagnitude(100, 301, 3)).toBe(false);
  });
});

describe('formatFigure', () => {
  it.each([
    [{ value: 13.2075, source: 'x', percent: true }, '13.2 %'],
    [{ value: 13.25, source: 'x', percent: true }, '13.3 %'],
    [{ value: 5_300_000, source: 'x' }, '5300000'],
    [{ value: 2 / 3, source: 'x' }, '0.666667'],
    [{ value: 2 / 3, source: 'x', percent: false }, '0.666667'],
    [{ value: -1.5, source: 'x' }, '-1.5'],
  ])('writes %j as %s', (figure, text) => {
    expect(formatFigure(figure)).toBe(text);
  });
});
