// Category labels too long for their axis, broken into lines instead of cut with "…".
import { isRecord } from '../data/load-chart-data.js';
import { measureTextWidth } from './measure-text.js';

type Spec = Record<string, unknown>;

/** A label that vega cut at its limit: its full text, its font and the width it had. */
export type CutLabel = Readonly<{ text: string; fontSize: number; limit: number }>;

/** At most this many lines a label; the last line is cut with "…" only beyond them. */
const MAX_LINES = 3;
/** The height of a line of a label, per px of its font size. */
const LINE_HEIGHT = 1.15;

/**
 * The spec with each cut label of its vertical axes written on lines that fit the width the
 * axis gave it (an array of lines in `labelExpr`: vega draws one line under the other), and
 * its bands tall enough for the most lines.
 */
export function wrapLabels(spec: Spec, labels: readonly CutLabel[], room?: number): Spec {
  const lines = new Map<string, string[]>();
  let most = 1;
  let size = 0;
  let widest = 0;
  for (const label of labels) {
    widest = Math.max(widest, room ?? label.limit);
    const wrapped = breakLines(label.text, label.fontSize, room ?? label.limit);
    lines.set(label.text, wrapped);
    most = Math.max(most, wrapped.length);
    size = Math.max(size, label.fontSize);
  }
  if (lines.size === 0) return spec;
  const table = JSON.stringify(Object.fromEntries(lines));
  const labelExpr = `${table}[datum.label] || datum.label`;
  const withAxis = mapEncodings(spec, (encoding) => {
    const y = encoding.y;
    if (!isRecord(y) || y.axis === null || (y.type !== 'nominal' && y.type !== 'ordinal')) return encoding;
    return { ...encoding, y: { ...y, axis: { ...(isRecord(y.axis) ? y.axis : {}), labelExpr, labelLimit: widest + 20 } } };
  });
  const step = Math.ceil(most * size * LINE_HEIGHT + 6);
  const height = withAxis.height;
  const current = isRecord(height) && typeof height.step === 'number' ? height.step : 20;
  return step > current && (height === undefined || isRecord(height)) ? { ...withAxis, height: { step } } : withAxis;
}

function breakLines(text: string, fontSize: number, room: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measureTextWidth({ fontSize }, candidate) > room) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), `${lines.slice(MAX_LINES - 1).join(' ')}`];
}

/** A copy of the spec in which every `encoding` (of the spec and its layers) went through `change`. */
function mapEncodings(spec: Spec, change: (encoding: Spec) => Spec): Spec {
  const copy: Spec = { ...spec };
  if (isRecord(spec.encoding)) copy.encoding = change(spec.encoding);
  if (Array.isArray(spec.layer)) copy.layer = spec.layer.map((layer) => (isRecord(layer) ? mapEncodings(layer, change) : layer));
  return copy;
}
