// The article: its Markdown tree (remark, GFM), its front matter, and its chart fences with their
// places.
import type { Code, Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { addError } from '../problems/problems.js';
import { checkComments, checkSource } from './check-source.js';
import { type FrontMatter, type FrontMatterLines, readFrontMatter } from './read-front-matter.js';

/** A ```vega-lite fence of the article, before rendering. */
export type ChartSource = Readonly<{
  /** The fence's `id=`, else `chart-N`. */
  id: string;
  /** 1-based position among all charts of the article. */
  index: number;
  /** The fence body: a JSON Vega-Lite spec. */
  body: string;
  /** The line of the opening fence in article.md. */
  line: number;
  /** The node in the tree, replaced later by the rendered figure. */
  node: Code;
}>;

export type ParsedArticle = Readonly<{
  frontMatter: FrontMatter | undefined;
  /** Where a front-matter key is written, for problems found later (a key figure's data). */
  frontMatterLine: FrontMatterLines;
  tree: Root;
  charts: readonly ChartSource[];
}>;

const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Parses article.md into a tree, its front matter and its charts. Does no I/O. */
export function parseArticle(file: VFile): ParsedArticle {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  // Nesting too deep for the parser is reported, and the text after it is not parsed.
  const parsable = checkSource(file);
  const lines = String(file.value).split('\n');
  const source = parsable < lines.length ? new VFile({ path: file.path, value: lines.slice(0, parsable).join('\n') }) : file;
  const tree = processor.runSync(processor.parse(source), file) as Root;
  const html: { value: string; line: number }[] = [];
  visit(tree, 'html', (node) => void html.push({ value: node.value, line: node.position?.start.line ?? 1 }));
  checkComments(file, html);

  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const { frontMatter, lineOf: frontMatterLine } = readFrontMatter(yaml?.value, yaml?.position?.start.line ?? 1, file);

  const charts: ChartSource[] = [];
  const seen = new Map<string, number>();
  visit(tree, 'code', (node) => {
    if (node.lang !== 'vega-lite') return;
    const line = node.position?.start.line ?? 1;
    const index = charts.length + 1;
    const id = readChartId(node, line, file) ?? `chart-${index}`;
    const previous = seen.get(id);
    if (previous !== undefined) {
      addError(file, `chart id "${id}" is already used by the chart at line ${previous}`, { line, column: 1 }, 'chart-id');
    }
    seen.set(id, line);
    charts.push({ id, index, body: node.value, line, node });
  });

  return { frontMatter, frontMatterLine, tree, charts };
}

function readChartId(node: Code, line: number, file: VFile): string | undefined {
  if (!node.meta) return undefined;
  const match = /(?:^|\s)id=(\S*)/.exec(node.meta);
  if (!match) {
    addError(file, `unknown chart option "${node.meta}": write id=<slug> or nothing`, { line, column: 1 }, 'chart-id');
    return undefined;
  }
  const id = match[1] ?? '';
  if (!ID_PATTERN.test(id)) {
    addError(file, `chart id "${id}" must be a slug: lowercase letters, digits and dashes`, { line, column: 1 }, 'chart-id');
    return undefined;
  }
  return id;
}
