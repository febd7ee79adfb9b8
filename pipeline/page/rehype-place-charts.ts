// A unified plugin: each chart in place of its fence, a figure with its sentence and its data.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { RenderedChart } from '../charts/types.js';
import type { Strings } from '../language/localize.js';
import { chartFigure } from './chart-figure.js';

/** Pipeline-added placeholder that marks where a chart goes; the only attribute added to GitHub's schema. */
export const CHART_ATTRIBUTE = 'dataChart';

export type PlaceChartsOptions = Readonly<{ charts: Iterable<RenderedChart>; strings: Strings; lang: string; url: string | undefined }>;

/** Puts each chart in place of its placeholder: a figure with the SVG, its sentence, its data and its embedding code. */
export function rehypePlaceCharts(options: PlaceChartsOptions) {
  return (tree: Root): void => placeCharts(tree, options);
}

function placeCharts(tree: Root, { charts, strings, lang, url }: PlaceChartsOptions): void {
  const byId = new Map([...charts].map((chart) => [chart.id, chart]));
  visit(tree, 'element', (node: Element, index, parent) => {
    const id = node.properties[CHART_ATTRIBUTE];
    const chart = typeof id === 'string' ? byId.get(id) : undefined;
    if (!chart || !parent || index === undefined) return;
    parent.children[index] = chartFigure(chart, { strings, lang, base: '', embed: { url } });
  });
}
