// The typographic conventions of the article's language, applied to the body and to single strings.
import type { Element, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { knownLanguage } from './languages.js';
import { punctuate } from './punctuation.js';

export { typesetFrench } from './french-typography.js';

/** Elements whose text is code, data or a drawing: left exactly as written. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'textarea']);

export function isVerbatim(node: Element): boolean {
  return VERBATIM.has(node.tagName);
}

/**
 * The typographic conventions of the article's language, applied to the text of the body.
 * Every language: curly quotes and apostrophes in its own style, dashes, year ranges and
 * minus signs (see punctuation.ts). French also: a no-break space before `:` and inside
 * « », a narrow one before `; ! ?`, and numbers grouped by no-break spaces (2,000,000 →
 * 2 000 000), as the charts group them. A language the table does not write is left as written.
 */
export function typesetText(tree: Root, lang: string): void {
  const typeset = typesetter(lang);
  if (!typeset) return;
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && isVerbatim(node)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return;
    (node as Text).value = typeset((node as Text).value);
    return undefined;
  });
}

/** The same conventions for a string that does not go through the page (a chart's description). */
export function typesetString(text: string, lang: string): string {
  return typesetter(lang)?.(text) ?? text;
}

/** The language's punctuation, then its other conventions; nothing for a language the table does not write. */
function typesetter(lang: string): ((text: string) => string) | undefined {
  const language = knownLanguage(lang);
  if (!language) return undefined;
  // British English takes its own quotes (‘…’), the rest of English the American ones.
  const locale = new Intl.Locale(lang);
  const style = locale.language === 'en' && locale.region === 'GB' ? { ...language.punctuation, quotes: 'en-GB' } : language.punctuation;
  return (text) => {
    const punctuated = punctuate(text, style);
    return language.typeset ? language.typeset(punctuated) : punctuated;
  };
}

/** typesetText as a unified plugin. */
export function rehypeTypeset(options: Readonly<{ lang: string }>) {
  return (tree: Root): void => typesetText(tree, options.lang);
}
