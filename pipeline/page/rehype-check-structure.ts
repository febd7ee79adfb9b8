// The article's outline and lists, as readers of the page and of the PDF's tags move through
// them: headings that go down one level at a time, and list items only inside lists.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { addError, addWarning } from '../problems/problems.js';

const LISTS = new Set(['ul', 'ol', 'menu']);

/**
 * Headings, of Markdown or raw HTML, go down one level at a time from the title, the page's
 * only level 1: an `h4` straight after an `h2` would leave a hole in the outline. Such a
 * heading is published one level below the heading before it, with a warning at its line.
 * A list item outside a list, or a list that holds more than items, is an error at its line:
 * neither the page nor the PDF could tell a reader where the list starts and ends.
 */
export function rehypeCheckStructure() {
  return (tree: Root, file: VFile): void => {
    let previous = 1;
    visit(tree, 'element', (node: Element, _, parent) => {
      const place = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) {
        const depth = Number(level);
        if (depth > previous + 1) {
          const after = previous === 1 ? 'the title' : `a level-${previous} heading`;
          addWarning(file, `a level-${depth} heading after ${after} skips a level: it is published as level ${previous + 1}`, place, 'heading-level');
          node.tagName = `h${previous + 1}`;
        }
        previous = Number(node.tagName.slice(1));
      }
      const parentTag = parent?.type === 'element' ? parent.tagName : undefined;
      if (node.tagName === 'li' && !LISTS.has(parentTag ?? '')) addError(file, 'a list item (<li>) outside a list: put it in a <ul> or an <ol>', place, 'list');
      if (LISTS.has(node.tagName)) {
        const stray = node.children.find(
          (child) => (child.type === 'element' && !['li', 'script', 'template'].includes(child.tagName)) || (child.type === 'text' && child.value.trim()),
        );
        if (stray)
          addError(
            file,
            `a list (<${node.tagName}>) holds ${stray.type === 'text' ? 'text' : `a <${(stray as Element).tagName}>`} outside its items: put it in an <li>`,
            place,
            'list',
          );
      }
    });
  };
}
