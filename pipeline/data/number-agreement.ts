// When a number as written agrees with a value of the data: within the precision it is written
// with, as its qualifier says; and when a value is of its size, so that a disagreement is a
// wrong number rather than another quantity.
import type { NumberMention } from '../language/read-numbers.js';

/** A value of the data, and where it comes from. */
export type Figure = Readonly<{ value: number; source: string; percent?: boolean; name?: string }>;

/** The true values that agree with a number as written: within its precision, and as its qualifier says. */
export function agreeingRange(mention: NumberMention): readonly [number, number] {
  const size = Math.abs(mention.value);
  const [low, high] = [mention.low, mention.high];
  switch (mention.qualifier) {
    case 'more':
      return [low, mention.value + size * 0.5];
    case 'less':
      return [mention.value - size / 3, high];
    case 'about':
      return [Math.min(low, mention.value - size * 0.1), Math.max(high, mention.value + size * 0.1)];
    default:
      return [low, high];
  }
}

/** Whether the true value `actual` agrees with a number as written. */
export function agrees(mention: NumberMention, actual: number): boolean {
  const [low, high] = agreeingRange(mention);
  return actual >= low && actual <= high;
}

/** Whether two values are of the same size, within `factor` (two by default): a wrong number, not another quantity. */
export function sameMagnitude(a: number, b: number, factor = 2): boolean {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  const ratio = Math.abs(a / b);
  return ratio >= 1 / factor && ratio <= factor;
}

export function formatFigure(figure: Figure): string {
  return figure.percent ? `${Math.round(figure.value * 10) / 10} %` : String(Math.round(figure.value * 1e6) / 1e6);
}
