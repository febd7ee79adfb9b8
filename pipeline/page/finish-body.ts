// The last passes over a rendered body, composed for the page and for print.
import type { Root } from 'hast';
import { unified } from 'unified';
import { rehypeNameCharts } from '../charts/make-svg-accessible.js';
import { rehypeHyphenate } from '../language/hyphenate-text.js';
import { rehypeTypeset } from '../language/typeset-text.js';

/**
 * The last passes over a rendered body, composed once for the page and once for print:
 * both get the typography of the language; print alone is hyphenated (Chromium here has no
 * dictionaries), and names each chart by its title and description, for the PDF's alt text.
 */
export function finishBody(tree: Root, lang: string): Readonly<{ page: Root; print: Root }> {
  const page = unified().use(rehypeTypeset, { lang }).runSync(tree) as Root;
  const print = unified().use(rehypeHyphenate, { lang }).use(rehypeNameCharts).runSync(structuredClone(page)) as Root;
  return { page, print };
}
