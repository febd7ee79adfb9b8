// A unified plugin: each number of the text verified against the data is marked up as
// `<data value="2000000" data-source="…">2,000,000</data>`, so that readers and scrapers can
// tell which numbers come from the data. The text itself is left as written.
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** A verified number of the body: where it starts in article.md, as written, its value and its source. */
export type MarkedNumber = Readonly<{ offset: number; text: string; value: number; source: string }>;

export function rehypeMarkNumbers(options: { numbers: readonly MarkedNumber[] }) {
  return (tree: Root): void => markNumbers(tree, options.numbers);
}

function markNumbers(tree: Root, numbers: readonly MarkedNumber[]): void {
  if (numbers.length === 0) return;
  const sorted = [...numbers].sort((a, b) => a.offset - b.offset);
  visit(tree, 'text', (node: Text, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !parent || index === undefined) return undefined;
    if (parent.type === 'element' && (parent.tagName === 'data' || parent.tagName === 'code')) return undefined;
    // The numbers written in this text node, found in its value as written.
    const inside = sorted.filter((number) => number.offset >= start && number.offset < end);
    if (inside.length === 0) return undefined;
    const children: ElementContent[] = [];
    let from = 0;
    for (const number of inside) {
      const at = node.value.indexOf(number.text, Math.max(from, number.offset - start - 8));
      if (at < 0) continue;
      if (at > from) children.push({ type: 'text', value: node.value.slice(from, at) });
      const data: Element = {
        type: 'element',
        tagName: 'data',
        properties: { value: String(number.value), dataSource: number.source },
        children: [{ type: 'text', value: number.text }],
      };
      children.push(data);
      from = at + number.text.length;
    }
    if (children.length === 0) return undefined;
    if (from < node.value.length) children.push({ type: 'text', value: node.value.slice(from) });
    parent.children.splice(index, 1, ...children);
    return [SKIP, index + children.length];
  });
}
