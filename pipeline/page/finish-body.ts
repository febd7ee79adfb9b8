// The last passes over a rendered body, composed for the page and for print.
import type { Element, Root } from 'hast';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { rehypeNameCharts } from '../charts/make-svg-accessible.js';
import { rehypeHyphenate } from '../language/hyphenate-text.js';
import { rehypeTypeset } from '../language/typeset-text.js';

/**
 * The last passes over a rendered body, composed once for the page and once for print:
 * both get the typography of the language; print alone is hyphenated (Chromium here has no
 * dictionaries), and names each chart by its title and description, for the PDF's alt text.
 */
export function finishBody(tree: Root, lang: string): Readonly<{ page: Root; print: Root }> {
  const page = unified().use(rehypeTypeset, { lang }).runSync(tree) as Root;
  const print = unified().use(rehypeScreenOnly).use(rehypeHyphenate, { lang }).use(rehypeNameCharts).runSync(structuredClone(page)) as Root;
  return { page, print };
}

/**
 * What paper has no use for: the phone drawings of the charts, the code that embeds them, and
 * closed <details>.
 * The links of a chart's marks (its href channel) are kept as plain drawing: in a PDF they
 * would lead to the build's own folder, and a link inside a figure has no tag of its own.
 */
function rehypeScreenOnly() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const classes = [node.properties.className ?? []].flat();
      if (node.tagName === 'svg') unwrapLinks(node);
      // Paper cannot be clicked open: a <details> prints open.
      if (node.tagName === 'details') node.properties.open = true;
      if (!parent || index === undefined || !(classes.includes('chart-phone') || classes.includes('chart-embed'))) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

function unwrapLinks(svg: Element): void {
  visit(svg, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
}
