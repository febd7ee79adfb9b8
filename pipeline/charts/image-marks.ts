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

/** Points a drawing's <image> elements at the images' copies (`paths`: file → path in the output folder, from `base`). */
export function pointImages(svg: Element, paths: ReadonlyMap<string, string>, base = ''): Element {
  const visit = (node: Element): Element => {
    const href = node.properties.xLinkHref ?? node.properties.href;
    const target = node.tagName === 'image' && typeof href === 'string' ? paths.get(href) : undefined;
    const properties = target === undefined ? node.properties : { ...node.properties, xLinkHref: undefined, href: `${base}${target}` };
    const children = node.children.map((child): ElementContent => (child.type === 'element' ? visit(child) : child));
    return { ...node, properties, children };
  };
  return visit(svg);
}

/** Where each image already points, to point it again from another folder (with `pointImages`' `base`). */
export function rebase(images: readonly ChartImage[]): Map<string, string> {
  return new Map(images.map(({ target }) => [target, target]));
}

/**
 * A drawing's relative mark links (an href channel's "sources/a.html") made to lead from a page
 * `base` deeper than the report's; with `target`, every mark link opens there (a frame's "_top").
 */
export function rebaseLinks(svg: Element, base: string, target?: string): Element {
  const visit = (node: Element): Element => {
    const href = node.properties.xLinkHref ?? node.properties.href;
    const link = node.tagName === 'a' && typeof href === 'string' && href !== '';
    const relative = link && !/^([a-z][a-z0-9+.-]*:|[#/])/i.test(href);
    const properties = link
      ? { ...node.properties, xLinkHref: undefined, href: relative ? `${base}${href}` : href, ...(target ? { target } : {}) }
      : node.properties;
    const children = node.children.map((child): ElementContent => (child.type === 'element' ? visit(child) : child));
    return { ...node, properties, children };
  };
  return visit(svg);
}
