// Category labels too long for their axis or legend, broken into lines instead of cut with "…".
import { isRecord } from '../data/load-chart-data.js';
import { measureTextWidth } from './measure-text.js';

type Spec = Record<string, unknown>;

/** A label that vega cut at its limit: its full text, its font, the width it had and where it is. */
export type CutLabel = Readonly<{ text: string; fontSize: number; limit: number; where: 'axis' | 'legend' }>;

/** The channels that may have a legend. */
const LEGENDS = ['color', 'fill', 'stroke', 'shape', 'size', 'opacity', 'fillOpacity', 'strokeOpacity', 'strokeDash', 'strokeWidth'];

/** At most this many lines a label; the last line is cut with "…" only beyond them. */
const MAX_LINES = 3;
/** The height of a line of a label, per px of its font size. */
const LINE_HEIGHT = 1.15;

/**
 * The spec with each cut label of its vertical axes and legends written on lines that fit the
 * width it was given (an array of lines in `labelExpr`: vega draws one line under the other),
 * and the bands of its axis tall enough for the most lines.
 */
export function wrapLabels(spec: Spec, labels: readonly CutLabel[], room?: number): Spec {
  const axis = wrapped(
    labels.filter((label) => label.where === 'axis'),
    room,
  );
  const legend = wrapped(
    labels.filter((label) => label.where === 'legend'),
    room,
  );
  const withLabels = mapEncodings(spec, (encoding) => {
    const changed = { ...encoding };
    const y = encoding.y;
    if (axis && isRecord(y) && y.axis !== null && (y.type === 'nominal' || y.type === 'ordinal')) {
      changed.y = { ...y, axis: { ...(isRecord(y.axis) ? y.axis : {}), labelExpr: axis.labelExpr, labelLimit: axis.width } };
    }
    for (const channel of legend ? LEGENDS : []) {
      const value = encoding[channel];
      if (!isRecord(value) || value.legend === null) continue;
      changed[channel] = { ...value, legend: { ...(isRecord(value.legend) ? value.legend : {}), labelExpr: legend!.labelExpr, labelLimit: legend!.width } };
    }
    return changed;
  });
  if (!axis) return withLabels;
  // Each band as tall as its most lines: a height the spec set in pixels gives way to that step.
  const step = Math.ceil(axis.lines * axis.fontSize * LINE_HEIGHT + 6);
  const height = withLabels.height;
  const current = isRecord(height) && typeof height.step === 'number' ? height.step : 20;
  return typeof height === 'number' || (step > current && (height === undefined || isRecord(height)))
    ? { ...withLabels, height: { step: Math.max(step, current) } }
    : withLabels;
}

/** The labels on lines: the `labelExpr` that draws them, the width they need, their most lines and their font size. */
function wrapped(labels: readonly CutLabel[], room?: number) {
  if (labels.length === 0) return undefined;
  const table: Record<string, string[]> = {};
  let [lines, fontSize, width] = [1, 0, 0];
  for (const label of labels) {
    const broken = breakLines(label.text, label.fontSize, room ?? label.limit);
    table[label.text] = broken;
    lines = Math.max(lines, broken.length);
    fontSize = Math.max(fontSize, label.fontSize);
    // As wide as the labels had, or as their longest line: a label that was not cut stays whole.
    width = Math.max(width, room ?? label.limit, ...broken.map((line) => Math.ceil(measureTextWidth({ fontSize: label.fontSize }, line)) + 4));
  }
  return { labelExpr: `${JSON.stringify(table)}[datum.label] || datum.label`, width, lines, fontSize };
}

/** The text in lines of at most `room` px, broken at spaces and after hyphens, in `MAX_LINES` lines at most. */
function breakLines(text: string, fontSize: number, room: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +|(?<=-)(?=\p{L})/u)) {
    const joined = current.endsWith('-') ? `${current}${word}` : `${current} ${word}`;
    const candidate = current ? joined : word;
    if (current && measureTextWidth({ fontSize }, candidate) > room) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  if (lines.length <= MAX_LINES) return lines;
  const rest = lines.slice(MAX_LINES - 1).reduce((joined, line) => (joined.endsWith('-') ? `${joined}${line}` : `${joined} ${line}`));
  return [...lines.slice(0, MAX_LINES - 1), rest];
}

/** A copy of the spec in which every `encoding` (of the spec and its layers) went through `change`. */
function mapEncodings(spec: Spec, change: (encoding: Spec) => Spec): Spec {
  const copy: Spec = { ...spec };
  if (isRecord(spec.encoding)) copy.encoding = change(spec.encoding);
  if (Array.isArray(spec.layer)) copy.layer = spec.layer.map((layer) => (isRecord(layer) ? mapEncodings(layer, change) : layer));
  return copy;
}
