// A standalone chart with the glyphs it draws: the report's chart font, subset and embedded, so that
// the file draws the same on a machine that does not have the font.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Element } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { chartFace, weightOf } from './measure-text.js';

const require = createRequire(import.meta.url);
/** The family the charts name first (FONTS.chart), whose files measure-text.ts reads. */
const FAMILY = 'Source Sans 3';

type Subsetter = (font: Buffer, text: string, options: { targetFormat: 'woff2' }) => Promise<Buffer>;

/**
 * `@font-face` rules, for a `<style>` of the standalone SVG, with the glyphs of each weight
 * its text uses and nothing else: a subset of each of the family's files (by HarfBuzz's
 * hb-subset, through subset-font) as WOFF2 in a data: URL, limited by unicode-range to the
 * characters it holds.
 */
export async function embeddedFonts(svg: Element): Promise<string> {
  const byWeight = new Map<number, Set<string>>();
  visit(svg, 'element', (node: Element) => {
    if (node.tagName !== 'text') return;
    const weight = weightOf(node.properties.fontWeight);
    const chars = byWeight.get(weight) ?? new Set<string>();
    // Spaces too: a no-break space from another face is another width.
    for (const char of textOf(node)) if (char !== '\n' && char !== '\t') chars.add(char);
    byWeight.set(weight, chars);
  });
  const subsetFont = require('subset-font') as Subsetter;
  const rules: string[] = [];
  for (const [weight, chars] of byWeight) {
    let left = [...chars];
    for (const { file, has } of chartFace(weight)) {
      const here = left.filter(has);
      if (here.length === 0) continue;
      left = left.filter((char) => !here.includes(char));
      const font = await subsetFont(await readFile(file), here.join(''), { targetFormat: 'woff2' });
      const range = here.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`).join(',');
      rules.push(
        `@font-face{font-family:"${FAMILY}";font-weight:${weight};src:url(data:font/woff2;base64,${font.toString('base64')}) format("woff2");unicode-range:${range}}`,
      );
    }
  }
  return rules.join('');
}
