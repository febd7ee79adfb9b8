// The last passes over a rendered body, composed for the page and for print.
import type { Element, Root } from 'hast';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { rehypeNameCharts } from '../charts/make-svg-accessible.js';
import { rehypeHyphenate } from '../language/hyphenate-text.js';
import { rehypeTypeset } from '../language/typeset-text.js';
import { publishedUrl } from './published-url.js';

/**
 * The last passes over a rendered body, composed once for the page and once for print:
 * both get the typography of the language; print alone is hyphenated (Chromium here has no
 * dictionaries), and names each chart by its title and description, for the PDF's alt text.
 */
export function finishBody(tree: Root, lang: string, url?: string): Readonly<{ page: Root; print: Root }> {
  const page = unified().use(rehypeTypeset, { lang }).runSync(tree) as Root;
  const print = unified().use(rehypeScreenOnly, { url }).use(rehypeHyphenate, { lang }).use(rehypeNameCharts).runSync(structuredClone(page)) as Root;
  return { page, print };
}

/**
 * What paper has no use for: the phone drawings of the charts, the code that embeds them, and
 * closed <details>.
 * The links of a chart's marks (its href channel) lead where they lead from the published page
 * (the front matter's `url`); with no `url`, a relative one would lead into the build's own
 * folder, and is kept as plain drawing.
 */
function rehypeScreenOnly(options: Readonly<{ url?: string | undefined }>) {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const classes = [node.properties.className ?? []].flat();
      if (node.tagName === 'svg') printLinks(node, options.url);
      // Paper cannot be clicked open: a <details> prints open.
      if (node.tagName === 'details') node.properties.open = true;
      if (!parent || index === undefined || !(classes.includes('chart-phone') || classes.includes('chart-embed'))) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

function printLinks(svg: Element, url: string | undefined): void {
  visit(svg, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    const href = String(node.properties.xLinkHref ?? node.properties.href ?? '');
    const absolute = /^(https?|mailto):/i.test(href) ? href : href && url && !href.startsWith('#') ? publishedUrl(url, href) : undefined;
    if (absolute) {
      node.properties = { ...node.properties, xLinkHref: undefined, href: absolute };
      return;
    }
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
}
