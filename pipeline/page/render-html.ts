import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import type { Code, Root as MdastRoot } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Point } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ChartData, RenderedChart } from '../charts/types.js';
import { resolveContentUrl } from '../data/load-chart-data.js';
import { numberIn } from '../data/read-table.js';
import { formatNumber, localStrings, type Strings } from '../language/localize.js';
import { addError, addWarning } from '../problems/problems.js';

export type RenderedBody = Readonly<{
  /** The article body as a hast tree, charts inline. */
  tree: HastRoot;
  /** Images the body shows: their path in the content folder, and in the output's assets/. */
  images: readonly BodyImage[];
}>;

export type BodyImage = Readonly<{ source: string; target: string; place: Point | undefined }>;

/** Pipeline-added placeholder that marks where a chart goes; the only attribute added to GitHub's schema. */
const CHART_ATTRIBUTE = 'dataChart';

const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), CHART_ATTRIBUTE],
  },
};

const ALLOWED_TAGS = new Set(defaultSchema.tagNames ?? []);
/** Elements whose URL attribute the page would load by itself. */
const EMBEDS: Record<string, string> = {
  img: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
  iframe: 'src',
  embed: 'src',
  object: 'data',
  script: 'src',
  link: 'href',
  input: 'src',
};

/**
 * Turns the article tree into the hast of its body: raw HTML sanitized (GitHub's schema),
 * each chart fence replaced by a `<figure>` holding the chart's accessible SVG.
 */
export function renderBody(tree: MdastRoot, charts: ReadonlyMap<Code, RenderedChart>, file: VFile, contentDir: string, lang = 'en'): RenderedBody {
  const strings = localStrings(lang);
  const images: BodyImage[] = [];
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      handlers: {
        code(state: State, node: Code): Element | ElementContent[] {
          const chart = node.lang === 'vega-lite' ? charts.get(node) : undefined;
          if (!chart) return defaultHandlers.code(state, node);
          return { type: 'element', tagName: 'div', properties: { [CHART_ATTRIBUTE]: chart.id }, children: [] };
        },
      },
    })
    .use(rehypeRaw)
    .use(() => (hast: HastRoot) => reportUnsafeHtml(hast, file))
    .use(rehypeSanitize, schema)
    .use(() => (hast: HastRoot) => {
      wrapTables(hast, strings);
      placeCharts(hast, charts, strings, lang);
      collectImages(hast, file, contentDir, images);
    });
  return { tree: processor.runSync(tree as never, file) as HastRoot, images };
}

/** Reports what the sanitizer is about to remove, with its line; remote embeds are errors. */
function reportUnsafeHtml(tree: HastRoot, file: VFile): void {
  visit(tree, 'element', (node: Element) => {
    const place = node.position?.start;
    if (!place) return; // made by the pipeline, not written by the author
    const urlAttribute = EMBEDS[node.tagName];
    const url = urlAttribute ? node.properties[urlAttribute === 'src' ? 'src' : urlAttribute] : undefined;
    if (typeof url === 'string' && isRemote(url)) {
      addError(file, `remote resource is not allowed: ${url} (<${node.tagName}>): put the file in the content folder`, place, 'remote-resource');
    }
    if (!ALLOWED_TAGS.has(node.tagName)) {
      addWarning(file, `removed <${node.tagName}> from raw HTML`, place, 'sanitize');
      return;
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(key)) addWarning(file, `removed event handler ${key.toLowerCase()} from <${node.tagName}>`, place, 'sanitize');
      else if (typeof value === 'string' && /^\s*javascript:/i.test(value)) {
        addWarning(file, `removed javascript: URL from <${node.tagName}>`, place, 'sanitize');
      }
    }
  });
}

function isRemote(url: string): boolean {
  return url.startsWith('//') || (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^data:/i.test(url));
}

function placeCharts(tree: HastRoot, charts: ReadonlyMap<Code, RenderedChart>, strings: Strings, lang: string): void {
  const byId = new Map([...charts.values()].map((chart) => [chart.id, chart]));
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

/**
 * A wide table scrolls inside its own box, so that a phone never scrolls the whole page
 * sideways; the box takes the keyboard focus, so that it can be scrolled without a mouse.
 */
function scrollBox(table: Element, label: string): Element {
  return h('section.table-scroll', { tabIndex: 0, ariaLabel: label }, [table]);
}

function wrapTables(tree: HastRoot, strings: Strings): void {
  let count = 0;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
    // GFM column alignment comes as the obsolete align attribute; a class says the same.
    visit(node, 'element', (cell: Element) => {
      const align = cell.properties.align;
      if ((cell.tagName === 'th' || cell.tagName === 'td') && typeof align === 'string') {
        delete cell.properties.align;
        cell.properties.className = [`align-${align}`];
      }
    });
    parent.children[index] = scrollBox(node, `${strings.table} ${++count}`);
    return SKIP;
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

function collectImages(tree: HastRoot, file: VFile, contentDir: string, images: BodyImage[]): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
    const src = node.properties.src;
    if (isRemote(src)) return; // reported before sanitizing
    const resolved = resolveContentUrl(src, contentDir, 'image');
    if (!resolved.ok) {
      addError(file, resolved.reason, node.position?.start, 'image');
      return;
    }
    const target = `assets/${resolved.relative}`;
    images.push({ source: resolved.relative, target, place: node.position?.start });
    node.properties.src = target;
  });
}
