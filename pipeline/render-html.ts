import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Code, Root as MdastRoot } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveContentUrl } from './load-chart-data.js';
import { addError, addWarning } from './problems.js';
import type { RenderedChart } from './render-charts.js';

export type RenderedBody = Readonly<{
  /** The article body as a hast tree, charts inline. */
  tree: HastRoot;
  /** Images the body shows, as paths relative to the content folder (copied as they are). */
  images: readonly string[];
}>;

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
const EMBEDS: Record<string, string> = { img: 'src', source: 'src', video: 'src', audio: 'src', iframe: 'src', embed: 'src', object: 'data', script: 'src', link: 'href', input: 'src' };

/**
 * Turns the article tree into the hast of its body: raw HTML sanitized (GitHub's schema),
 * each chart fence replaced by a `<figure>` holding the chart's accessible SVG.
 */
export function renderBody(tree: MdastRoot, charts: ReadonlyMap<Code, RenderedChart>, file: VFile, contentDir: string): RenderedBody {
  const images: string[] = [];
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
      placeCharts(hast, charts);
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

function placeCharts(tree: HastRoot, charts: ReadonlyMap<Code, RenderedChart>): void {
  const byId = new Map([...charts.values()].map((chart) => [chart.id, chart]));
  visit(tree, 'element', (node: Element, index, parent) => {
    const id = node.properties[CHART_ATTRIBUTE];
    const chart = typeof id === 'string' ? byId.get(id) : undefined;
    if (!chart || !parent || index === undefined) return;
    const children: ElementContent[] = [structuredClone(chart.svg)];
    if (chart.description) {
      children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: chart.description }] });
    }
    parent.children[index] = { type: 'element', tagName: 'figure', properties: { className: ['chart'], id: `chart-${chart.id}` }, children };
  });
}

function collectImages(tree: HastRoot, file: VFile, contentDir: string, images: string[]): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
    const src = node.properties.src;
    if (isRemote(src)) return; // reported before sanitizing
    const resolved = resolveContentUrl(src, contentDir, 'image');
    if (!resolved.ok) addError(file, resolved.reason, node.position?.start, 'image');
    else images.push(resolved.relative);
  });
}
