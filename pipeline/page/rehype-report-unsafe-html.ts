// A unified plugin: what the sanitizer will remove from the raw HTML, reported at its line.
import type { Element, Root } from 'hast';
import { defaultSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { addError, addWarning } from '../problems/problems.js';
import { isRemote } from './is-remote.js';

const ALLOWED_TAGS = new Set(defaultSchema.tagNames ?? []);
/** Elements whose URL attribute the page would load by itself. */
const EMBEDS: Record<string, string> = {
  img: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
  iframe: 'src',
  embed: 'src',
  object: 'data',
  script: 'src',
  link: 'href',
  input: 'src',
};

/**
 * Reports, with its line, what the sanitizer that follows is about to remove from the raw
 * HTML of the article; a remote embed is an error.
 */
export function rehypeReportUnsafeHtml() {
  return (tree: Root, file: VFile): void => reportUnsafeHtml(tree, file);
}

function reportUnsafeHtml(tree: Root, file: VFile): void {
  visit(tree, 'element', (node: Element) => {
    const place = node.position?.start;
    if (!place) return; // made by the pipeline, not written by the author
    const urlAttribute = EMBEDS[node.tagName];
    const url = urlAttribute ? node.properties[urlAttribute === 'src' ? 'src' : urlAttribute] : undefined;
    // A srcset (<img>, <source>) lists more addresses, each followed by its width or density.
    const srcset = node.properties.srcSet;
    const candidates = (Array.isArray(srcset) ? srcset.join(',') : typeof srcset === 'string' ? srcset : '')
      .split(',')
      .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
    for (const address of [...(typeof url === 'string' ? [url] : []), ...candidates]) {
      if (isRemote(address))
        addError(file, `remote resource is not allowed: ${address} (<${node.tagName}>): put the file in the content folder`, place, 'remote-resource');
    }
    if (!ALLOWED_TAGS.has(node.tagName)) {
      addWarning(file, `removed <${node.tagName}> from raw HTML`, place, 'sanitize');
      return;
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(key)) addWarning(file, `removed event handler ${key.toLowerCase()} from <${node.tagName}>`, place, 'sanitize');
      else if (typeof value === 'string' && /^\s*javascript:/i.test(value)) {
        addWarning(file, `removed javascript: URL from <${node.tagName}>`, place, 'sanitize');
      }
    }
  });
}
