// Links within the article that lead where they point once the sanitizer has prefixed its ids.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The prefix rehype-sanitize gives every id and name of the article (GitHub's, against DOM clobbering). */
const PREFIX = 'user-content-';

/**
 * The sanitizer prefixes ids (`fn-1` becomes `user-content-fn-1`) but not the links to them:
 * a footnote's reference and its way back, or an author's `<a href="#method">`, would lead
 * nowhere. Each `#fragment` that names no id but names a prefixed one is pointed at it.
 */
export function rehypeFixAnchors() {
  return (tree: Root): void => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const target = decodeURIComponent(href.slice(1));
      if (!ids.has(target) && ids.has(PREFIX + target)) node.properties.href = `#${PREFIX}${target}`;
    });
  };
}
