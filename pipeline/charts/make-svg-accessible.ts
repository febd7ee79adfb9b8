// A chart's SVG made accessible: role, title and description, and, for print, named by both.
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { isRecord, walkSpec } from '../data/load-chart-data.js';

/**
 * Makes vega's SVG an image with an accessible name and description, and gives its ids a
 * per-chart prefix so that several charts can live in one page.
 */
export function makeSvgAccessible(svgText: string, id: string, title: string, description: string | undefined, names: ValueNames = NO_NAMES): Element {
  const root: Root = fromHtml(svgText, { fragment: true, space: 'svg' });
  const svg = root.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
  if (!svg) throw new Error(`vega produced no <svg> for chart "${id}"`);
  prefixIds(svg, `${id}-`);
  hideParts(svg, names);
  dropEmptyLinks(svg);

  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const head: ElementContent[] = [{ type: 'element', tagName: 'title', properties: { id: titleId }, children: [{ type: 'text', value: title }] }];
  if (description) {
    head.push({ type: 'element', tagName: 'desc', properties: { id: descId }, children: [{ type: 'text', value: description }] });
  }
  svg.properties = {
    ...svg.properties,
    role: 'img',
    ariaLabelledBy: [titleId],
    ...(description ? { ariaDescribedBy: [descId] } : {}),
  };
  svg.children = [...head, ...svg.children];
  return svg;
}

/** A mark's link whose address the loader refused (a script's) is left out: the mark stays. */
function dropEmptyLinks(node: Element): void {
  node.children = node.children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    dropEmptyLinks(child);
    const empty = child.tagName === 'a' && !child.properties.xLinkHref && !child.properties.href;
    return empty ? child.children : [child];
  });
}

function prefixIds(svg: Element, prefix: string): void {
  const ids = new Map<string, string>();
  const elements: Element[] = [];
  const collect = (node: Element) => {
    elements.push(node);
    if (typeof node.properties.id === 'string') {
      ids.set(node.properties.id, prefix + node.properties.id);
      node.properties.id = prefix + node.properties.id;
    }
    for (const child of node.children) if (child.type === 'element') collect(child);
  };
  collect(svg);
  if (ids.size === 0) return;
  for (const element of elements) {
    for (const [key, value] of Object.entries(element.properties)) {
      if (typeof value !== 'string' || !value.includes('#')) continue;
      (element.properties as Record<string, unknown>)[key] = value.replace(/#([\w-]+)/g, (whole, name: string) => {
        const renamed = ids.get(name);
        return renamed ? `#${renamed}` : whole;
      });
    }
  }
}

/**
 * The chart is one image, named by its title and described by its description: the roles
 * vega gives its groups and marks ("graphics-symbol" with no name of its own) would make
 * screen readers announce unnamed parts, so they go. What vega-lite wrote of each mark's
 * values ("country: France; users: 300 000", formatted as the chart formats them) stays as
 * `data-value`, for the page's tooltips; a bar's label is not a mark of its own.
 */
function hideParts(svg: Element, { hidden, measures }: ValueNames): void {
  const marks: { node: Element; text: boolean }[] = [];
  const visit = (node: Element, inMark: boolean) => {
    const label = node.properties.ariaLabel;
    if (inMark && String(node.properties.role) === 'graphics-symbol' && typeof label === 'string' && label.trim()) {
      // A label, or a whole line, carries one row's values: the bars and points carry them all.
      // vega-lite 6 names a mark's kind "line mark", which hast reads as a list of words.
      const kind = String([node.properties.ariaRoleDescription ?? []].flat()[0]);
      marks.push({ node, text: node.tagName === 'text' || ['text', 'line', 'area', 'trail'].includes(kind) });
      // What a mark is first (its category, its date), then how much.
      const parts = label.split('; ').filter((part) => !hidden.has(nameOf(part)));
      node.properties.dataValue = [...parts.filter((part) => !measures.has(nameOf(part))), ...parts.filter((part) => measures.has(nameOf(part)))].join('; ');
    }
    for (const key of Object.keys(node.properties)) {
      if (key === 'role' || key.startsWith('aria')) delete node.properties[key];
    }
    // A mark's link (its href channel) wraps the mark's item.
    const mark = [node.properties.className ?? []].flat().includes('role-mark') || (inMark && node.tagName === 'a');
    for (const child of node.children) if (child.type === 'element') visit(child, mark);
  };
  for (const child of svg.children) if (child.type === 'element') visit(child, false);
  const textOnly = marks.every((mark) => mark.text);
  for (const { node, text } of marks) if ((text && !textOnly) || !node.properties.dataValue) delete node.properties.dataValue;
}

const nameOf = (part: string) => part.slice(0, part.indexOf(': '));

/** The names under which vega-lite lists a mark's values: those of channels the chart does not show, and the measures. */
export type ValueNames = Readonly<{ hidden: ReadonlySet<string>; measures: ReadonlySet<string> }>;
const NO_NAMES: ValueNames = { hidden: new Set(), measures: new Set() };

/**
 * The names of the values of channels the chart does not show (a position without an axis,
 * a colour without a legend: a waffle's row and column; a link's address), and of its
 * quantitative fields.
 */
export function valueNames(spec: unknown): ValueNames {
  const hidden = new Set<string>();
  const measures = new Set<string>();
  walkSpec(spec, (key, encoding) => {
    if (key !== 'encoding' || !isRecord(encoding)) return;
    for (const [channel, def] of Object.entries(encoding)) {
      if (!isRecord(def) || typeof def.field !== 'string') continue;
      const name = typeof def.title === 'string' ? def.title : def.field;
      // A link's address is where the mark leads, not what it shows.
      if (def.axis === null || def.legend === null || channel === 'href') hidden.add(name);
      if (def.type === 'quantitative') measures.add(name);
    }
  });
  return { hidden, measures };
}

/**
 * Chromium gives each figure of a tagged PDF its accessible name as alt text. For print,
 * a chart is named by its title and its description together, so that the PDF's alt text
 * says what the chart shows; the page keeps the two apart, as screen readers expect.
 */
function nameChartsWithDescriptions(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const { ariaLabelledBy, ariaDescribedBy } = node.properties;
    if (node.tagName !== 'svg' || !Array.isArray(ariaLabelledBy) || !Array.isArray(ariaDescribedBy)) return;
    node.properties.ariaLabelledBy = [...ariaLabelledBy, ...ariaDescribedBy];
  });
}

/** nameChartsWithDescriptions as a unified plugin. */
export function rehypeNameCharts() {
  return (tree: Root): void => nameChartsWithDescriptions(tree);
}
