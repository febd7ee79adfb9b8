// A unified plugin: an image standing alone in its paragraph becomes a figure, its Markdown title
// ("Photo: …") its caption, where a newsroom puts a photo's caption and credit.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Each paragraph that holds only an image with a title (`![alt](photo.jpg "Caption. Photo: X")`)
 * becomes `<figure class="image">` with the image and the title as its `<figcaption>`. The alt
 * text stays the image's own: the caption says what a sighted reader is told, not what it shows.
 */
export function rehypeImageFigures() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const title = image.properties.title;
      if (typeof title !== 'string' || title.trim() === '') return;
      delete image.properties.title;
      const caption: ElementContent = { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title.trim() }] };
      parent.children[index] = { type: 'element', tagName: 'figure', properties: { className: ['image'] }, children: [image, caption] };
    });
  };
}
