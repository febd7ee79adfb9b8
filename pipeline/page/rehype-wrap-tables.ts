// A unified plugin: each table in a box of its own that scrolls sideways.
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { Strings } from '../language/localize.js';
import { scrollBox } from './scroll-box.js';

/** Each table of the article in a box of its own that scrolls sideways (see scrollBox); GFM alignment as classes. */
export function rehypeWrapTables(options: Readonly<{ strings: Strings }>) {
  return (tree: Root): void => wrapTables(tree, options.strings);
}

function wrapTables(tree: Root, strings: Strings): void {
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
