// What the Markdown parser must not be given: nesting so deep that parsing it takes minutes or
// overflows the stack, and an HTML comment that is never closed, which hides the rest.
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';

/** The deepest nesting of quotes and lists an article may have. */
export const MAX_NESTING = 40;

/**
 * Checks article.md's text before it is parsed. Returns how many of its lines may be parsed:
 * all of them, or those before the first line nested deeper than MAX_NESTING (reported there).
 */
export function checkSource(file: VFile): number {
  const lines = String(file.value).split('\n');
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    if (nesting(line) > MAX_NESTING) {
      addError(file, `quotes or lists nested more than ${MAX_NESTING} levels deep: flatten them`, { line: index + 1, column: 1 }, 'nesting');
      return index;
    }
  }
  return lines.length;
}

/** The levels a line opens: its quote marks and list markers, and its indentation, two spaces a level. */
function nesting(line: string): number {
  let rest = line.replace(/\t/g, '    ');
  let levels = 0;
  for (
    let match = /^ {0,3}(>|[-*+](?=\s)|\d{1,9}[.)](?=\s)) ?/.exec(rest);
    match && match[0] !== '';
    match = /^ {0,3}(>|[-*+](?=\s)|\d{1,9}[.)](?=\s)) ?/.exec(rest)
  ) {
    levels++;
    rest = rest.slice(match[0].length);
    if (levels > MAX_NESTING) break;
  }
  const indent = /^ */.exec(line.replace(/\t/g, '    '))?.[0].length ?? 0;
  return levels + Math.floor(indent / 2);
}

/** An HTML comment opened in the article and never closed hides everything after it: an error at its line. */
export function checkComments(file: VFile, html: readonly { value: string; line: number }[]): void {
  for (const node of html) {
    const open = node.value.lastIndexOf('<!--');
    if (open >= 0 && !node.value.includes('-->', open + 4)) {
      addError(file, 'an HTML comment (<!--) is never closed with -->: everything after it would be hidden', { line: node.line, column: 1 }, 'html-comment');
    }
  }
}
