// Image marks drawn from files of the content folder: the drawing points at their copies in
// assets/, which are published with the page.
import type { Element, ElementContent } from 'hast';
import { resolveContentUrl } from '../data/load-chart-data.js';

/** An image a chart draws: its path in the content folder, and in the output folder. */
export type ChartImage = Readonly<{ source: string; target: string }>;

/** vega's scenegraph, as far as image marks go. */
type SceneNode = { marktype?: string; items?: SceneNode[]; url?: unknown };

/** The URLs the image marks of a drawing show, each once. */
export function imageUrls(root: SceneNode): string[] {
  const urls = new Set<string>();
  const visit = (node: SceneNode, images: boolean) => {
    if (images && typeof node.url === 'string' && node.url) urls.add(node.url);
    for (const child of node.items ?? []) visit(child, node.marktype === undefined ? images : node.marktype === 'image');
  };
  visit(root, false);
  return [...urls];
}

/**
 * The images a chart's marks show, as files of the content folder to publish in assets/;
 * a URL that is remote, leaves the folder or is missing is a problem naming it.
 */
export function resolveImages(urls: readonly string[], contentDir: string): { images: ChartImage[]; paths: Map<string, string>; problems: string[] } {
  const images: ChartImage[] = [];
  const paths = new Map<string, string>();
  const problems: string[] = [];
  for (const url of urls) {
    const resolved = resolveContentUrl(url, contentDir, 'image');
    if (!resolved.ok) {
      problems.push(resolved.reason);
      continue;
    }
    const target = `assets/${resolved.relative}`;
    images.push({ source: resolved.relative, target });
    paths.set(resolved.path, target);
  }
  return { images, paths, problems };
}

/**
 * A drawing's references pointed where they lead: each <image> at its copy (`files`: the path
 * vega drew → its path in the output folder); from a page `base` deeper than the report's,
 * images and relative mark links one folder up; with `target`, mark links open there (a frame's
 * "_top").
 */
export function repoint(svg: Element, options: Readonly<{ files?: ReadonlyMap<string, string>; base?: string; target?: string }>): Element {
  const { files, base = '', target } = options;
  const relative = (href: string) => href !== '' && !/^([a-z][a-z0-9+.-]*:|[#/])/i.test(href);
  const visit = (node: Element): Element => {
    let properties = node.properties;
    const href = properties.xLinkHref ?? properties.href;
    if (typeof href === 'string' && (node.tagName === 'image' || (node.tagName === 'a' && (base || target)))) {
      const to = node.tagName === 'image' ? (files?.get(href) ?? href) : href;
      properties = { ...properties, xLinkHref: undefined, href: relative(to) ? `${base}${to}` : to, ...(node.tagName === 'a' && target ? { target } : {}) };
    }
    const children = node.children.map((child): ElementContent => (child.type === 'element' ? visit(child) : child));
    return { ...node, properties, children };
  };
  return visit(svg);
}
