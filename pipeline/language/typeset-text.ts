import type { Element, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Elements whose text is code, data or a drawing: left exactly as written. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'textarea']);

export function isVerbatim(node: Element): boolean {
  return VERBATIM.has(node.tagName);
}

/**
 * The typographic conventions of the article's language, applied to the text of the body.
 * French: a no-break space before `:` and inside « », a narrow one before `; ! ?`, and
 * numbers grouped by no-break spaces (2,000,000 → 2 000 000), as the charts group them.
 * Other languages are left as written.
 */
export function typesetText(tree: Root, lang: string): void {
  if (new Intl.Locale(lang).language !== 'fr') return;
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && isVerbatim(node)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return;
    (node as Text).value = typesetFrench((node as Text).value);
    return undefined;
  });
}

/** The same conventions for a string that does not go through the page (a chart's description). */
export function typesetString(text: string, lang: string): string {
  return new Intl.Locale(lang).language === 'fr' ? typesetFrench(text) : text;
}

export function typesetFrench(text: string): string {
  return (
    text
      // Spaces before high punctuation become no-break, so that it never starts a line.
      .replace(/[ \u00a0\u202f]+([;!?])/g, `${NNBSP}$1`)
      .replace(/[ \u00a0\u202f]+(:)(?=\s|$)/g, `${NBSP}$1`)
      .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
      // English-style grouping: 2,000,000 (two groups or more), or 300,000 (a round thousand).
      // A single group such as 1,250 stays: in French it is a decimal number.
      .replace(/\b\d{1,3}(?:,\d{3}){2,}\b(?!,\d)/g, (number) => number.replaceAll(',', NBSP))
      .replace(/\b(\d{1,3}),(000)\b(?![,.]\d)/g, `$1${NBSP}$2`)
      // Grouping with ordinary or narrow spaces must not break across lines either.
      .replace(/\b(\d{1,3})(?:[ \u202f](\d{3}))+\b/g, (number) => number.replace(/[ \u202f]/g, NBSP))
  );
}

/** typesetText as a unified plugin. */
export function rehypeTypeset(options: Readonly<{ lang: string }>) {
  return (tree: Root): void => typesetText(tree, options.lang);
}
