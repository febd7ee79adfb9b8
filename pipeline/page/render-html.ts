// The article's body as HTML: Markdown to hast, raw HTML sanitized, charts, tables and images in
// place.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Code, Root as MdastRoot } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { RenderedChart } from '../charts/types.js';
import { localStrings } from '../language/localize.js';
import { rehypeCheckGlyphs } from './check-glyphs.js';
import { rehypeCheckStructure } from './rehype-check-structure.js';
import { type BodyImage, rehypeCollectImages } from './rehype-collect-images.js';
import { rehypeFixAnchors } from './rehype-fix-anchors.js';
import { rehypeImageFigures } from './rehype-image-figures.js';
import { type MarkedNumber, rehypeMarkNumbers } from './rehype-mark-numbers.js';
import { CHART_ATTRIBUTE, rehypePlaceCharts } from './rehype-place-charts.js';
import { rehypeReportUnsafeHtml } from './rehype-report-unsafe-html.js';
import { rehypeWrapTables } from './rehype-wrap-tables.js';

export type RenderedBody = Readonly<{
  /** The article body as a hast tree, charts inline. */
  tree: HastRoot;
  /** Images the body shows: their path in the content folder, and in the output's assets/. */
  images: readonly BodyImage[];
}>;

export type { BodyImage };

const schema: SanitizeSchema = {
  ...defaultSchema,
  // A removed <style> or <script> goes with its text: CSS is not prose.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), CHART_ATTRIBUTE],
  },
};

/**
 * Turns the article tree into the hast of its body: raw HTML sanitized (GitHub's schema),
 * each chart fence replaced by a `<figure>` holding the chart's accessible SVG.
 */
export function renderBody(
  tree: MdastRoot,
  charts: ReadonlyMap<Code, RenderedChart>,
  file: VFile,
  contentDir: string,
  lang = 'en',
  url?: string,
  numbers: readonly MarkedNumber[] = [],
): RenderedBody {
  const strings = localStrings(lang);
  const images: BodyImage[] = [];
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      // Footnotes in the article's language, their way back in a glyph of the report's fonts.
      footnoteLabel: strings.footnotes,
      footnoteBackLabel: (index: number) => `${strings.backToReference} ${index + 1}`,
      footnoteBackContent: '↑',
      // The sanitizer prefixes the ids once (user-content-fn-1); rehypeFixAnchors points the links at them.
      clobberPrefix: '',
      handlers: {
        code(state: State, node: Code): Element | ElementContent[] {
          const chart = node.lang === 'vega-lite' ? charts.get(node) : undefined;
          if (!chart) return defaultHandlers.code(state, node);
          return { type: 'element', tagName: 'div', properties: { [CHART_ATTRIBUTE]: chart.id }, children: [] };
        },
      },
    })
    .use(rehypeRaw)
    .use(rehypeReportUnsafeHtml)
    .use(rehypeSanitize, schema)
    .use(rehypeFixAnchors)
    .use(rehypeCheckStructure)
    .use(rehypeCheckGlyphs)
    .use(rehypeMarkNumbers, { numbers })
    .use(rehypeWrapTables, { strings })
    .use(rehypeImageFigures)
    .use(rehypePlaceCharts, { charts: [...charts.values()], strings, lang, url })
    .use(rehypeCollectImages, { contentDir, images });
  return { tree: processor.runSync(tree as never, file) as HastRoot, images };
}
