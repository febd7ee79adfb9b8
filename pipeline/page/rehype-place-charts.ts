// A unified plugin: each chart in place of its fence, a figure with its sentence and its data.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { ChartData, RenderedChart } from '../charts/types.js';
import { numberIn } from '../data/read-table.js';
import { formatNumber, type Strings } from '../language/localize.js';
import { scrollBox } from './scroll-box.js';

/** Pipeline-added placeholder that marks where a chart goes; the only attribute added to GitHub's schema. */
export const CHART_ATTRIBUTE = 'dataChart';

export type PlaceChartsOptions = Readonly<{ charts: Iterable<RenderedChart>; strings: Strings; lang: string }>;

/** Puts each chart in place of its placeholder: a figure with the SVG, its sentence and, folded, its data. */
export function rehypePlaceCharts(options: PlaceChartsOptions) {
  return (tree: Root): void => placeCharts(tree, options);
}

function placeCharts(tree: Root, { charts, strings, lang }: PlaceChartsOptions): void {
  const byId = new Map([...charts].map((chart) => [chart.id, chart]));
  visit(tree, 'element', (node: Element, index, parent) => {
    const id = node.properties[CHART_ATTRIBUTE];
    const chart = typeof id === 'string' ? byId.get(id) : undefined;
    if (!chart || !parent || index === undefined) return;
    // The caption holds the description and, folded, the data: a figure has one caption.
    const caption: ElementContent[] = [];
    if (chart.description) caption.push(h('p.chart-description', chart.description));
    if (chart.data) caption.push(dataTable(chart.data, `${strings.chartData} : ${chart.title}`, strings, lang));
    const children: ElementContent[] = [structuredClone(chart.svg)];
    if (caption.length > 0) children.push(h('figcaption', caption));
    parent.children[index] = h('figure.chart', { id: `chart-${chart.id}` }, children);
  });
}

/** The rows behind a chart, for readers who want the numbers, and a link to the file. */
const MAX_ROWS = 100;

function dataTable(data: ChartData, label: string, strings: Strings, lang: string): Element {
  const numeric = data.columns.filter((column) => data.rows.every((row) => row[column] === '' || numberIn(row[column]) !== undefined));
  const cell = (column: string, value: unknown) => {
    const number = numeric.includes(column) ? numberIn(value) : undefined;
    return h(
      'td',
      numeric.includes(column) ? { className: ['number'] } : {},
      number === undefined ? String(value ?? '') : formatNumber(number, lang, { maximumFractionDigits: 6 }),
    );
  };
  const shown = data.rows.slice(0, MAX_ROWS);
  const name = data.url.split('/').at(-1)!;
  return h('details.chart-data', [
    h('summary', strings.chartData),
    scrollBox(
      h('table', [
        h(
          'thead',
          h(
            'tr',
            data.columns.map((column) => h('th', { scope: 'col', className: numeric.includes(column) ? ['number'] : [] }, column)),
          ),
        ),
        h(
          'tbody',
          shown.map((row) =>
            h(
              'tr',
              data.columns.map((column) => cell(column, row[column])),
            ),
          ),
        ),
      ]),
      label,
    ),
    h('p.chart-data-link', [
      h('a', { href: data.url, download: '' }, `${strings.downloadData} (${name})`),
      data.rows.length > shown.length ? ` · ${shown.length}/${data.rows.length} ${strings.rowsShown}` : '',
    ]),
  ]);
}
