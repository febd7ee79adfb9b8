// Soft hyphens in the running text of print, from the `hyphen` patterns of the language.
import { createRequire } from 'node:module';
import type { Element, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { knownLanguage } from './languages.js';
import { isVerbatim } from './typeset-text.js';

const require = createRequire(import.meta.url);

type Hyphenate = (text: string, options?: { html?: boolean; minWordLength?: number }) => string;

/** Headings, captions and links are never broken; nor is anything verbatim. */
const UNBROKEN = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'figcaption', 'th']);

/**
 * The `hyphen` patterns for a BCP 47 tag, if there are any: the whole tag's (`de-CH-1901`, the
 * Swiss spelling of 1901), its region's (`en-GB-oxendict` → `en-gb`), else its language's (`de-CH`
 * → `de`, `en` → `en-us`). Intl.Locale refuses any tag that is not letters, digits and hyphens, so
 * the names `require` is given hold no path.
 */
function hyphenatorFor(lang: string): Hyphenate | undefined {
  const { language, region } = new Intl.Locale(lang);
  for (const name of [lang, region ? `${language}-${region}` : language, language]) {
    try {
      return (require(`hyphen/${name.toLowerCase()}`) as { hyphenateSync: Hyphenate }).hyphenateSync;
    } catch {
      // no patterns under that name
    }
  }
  return undefined;
}

/**
 * Inserts soft hyphens (U+00AD) into the words of running text, so that justified print
 * lines break inside long words as a typesetter would. Chromium here has no hyphenation
 * dictionaries, so `hyphens: auto` does nothing. Words holding digits, slashes, @ or dots
 * (numbers, URLs, e-mail addresses) are left whole, and so are words holding a capital (names,
 * `l’Italie`, `iPhone`), except in a language that capitalizes its nouns.
 */
export function hyphenateText(tree: Root, lang: string): void {
  const hyphenate = hyphenatorFor(lang);
  if (!hyphenate) return;
  const lastWords = lastTextOfBlocks(tree);
  const capitals = knownLanguage(lang)?.hyphenatesCapitals === true;
  visit(tree, (node) => {
    if (node.type === 'element' && (isVerbatim(node) || UNBROKEN.has((node as Element).tagName))) return SKIP;
    if (node.type !== 'text') return undefined;
    const text = node as Text;
    // The last word of a paragraph stays whole: a lone syllable on the last line is a runt.
    const keep = lastWords.has(text) ? /\S+\s*$/.exec(text.value)!.index : text.value.length;
    text.value =
      text.value.slice(0, keep).replace(/\S+/g, (word) =>
        /[\d/@.:]|\u00ad/.test(word.replace(/[.,:;!?»)]+$/, '')) || (!capitals && /\p{Lu}/u.test(word))
          ? word
          : // No break inside ff, fi, fl: the font draws them as one ligature, whose text would copy wrong.
            hyphenate(word, { html: false, minWordLength: 6 }).replace(/f\u00ad(?=[fil])/g, 'f'),
      ) + text.value.slice(keep);
    return undefined;
  });
}

/** The last text node that holds a word, of each paragraph, list item and quote. */
function lastTextOfBlocks(tree: Root): Set<Text> {
  const last = new Set<Text>();
  visit(tree, 'element', (block: Element) => {
    if (!['p', 'li', 'blockquote', 'dd', 'td'].includes(block.tagName)) return;
    let found: Text | undefined;
    visit(block, 'text', (node: Text) => {
      if (node.value.trim()) found = node;
    });
    if (found) last.add(found);
  });
  return last;
}

/** hyphenateText as a unified plugin. */
export function rehypeHyphenate(options: Readonly<{ lang: string }>) {
  return (tree: Root): void => hyphenateText(tree, options.lang);
}
