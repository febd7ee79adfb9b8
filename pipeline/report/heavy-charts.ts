// A PDF over its size budget told at the charts that make it heavy: each at its fence, with its
// own weight and what to do about it.
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { RenderedChart } from '../charts/types.js';
import { CHART_BYTES, kib } from '../pdf/check-pdf.js';
import { addError } from '../problems/problems.js';

/**
 * Names the charts that weigh most in a PDF over its budget: those whose drawing is heavier
 * than a chart's share of the budget, else the heaviest. A chart's weight is its vector
 * drawing (the SVG the page prints), which the PDF holds as paths. Returns whether one was named.
 */
export function reportHeavyCharts(
  article: VFile,
  charts: readonly RenderedChart[],
  fenceLine: (index: number) => number,
  overweight: Readonly<{ bytes: number; maxBytes: number }>,
): boolean {
  const weighed = charts
    .map((chart) => ({ chart, drawing: toHtml(chart.svg, { space: 'svg' }) }))
    .map(({ chart, drawing }) => ({ chart, drawing, bytes: Buffer.byteLength(drawing) }))
    .sort((a, b) => b.bytes - a.bytes);
  const heavy = weighed.filter(({ bytes }) => bytes > CHART_BYTES);
  const named = heavy.length > 0 ? heavy : weighed.slice(0, 1);
  for (const { chart, drawing, bytes } of named) {
    const map = /\bmark-shape\b/.test(drawing);
    const remedy = map
      ? 'draw a coarser map (world-atlas:countries-110m.json, or a simplified TopoJSON) or fewer shapes'
      : 'draw fewer marks: a "sample" transform, or an "aggregate" or "bin" of the rows';
    addError(
      article,
      `chart "${chart.id}" makes report.pdf too heavy: its drawing weighs ${kib(bytes)}, and the PDF ${kib(overweight.bytes)} against a budget of ${kib(overweight.maxBytes)}: ${remedy}`,
      { line: fenceLine(chart.index), column: 1 },
      'pdf-size',
    );
  }
  return named.length > 0;
}
