import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { hyphenateText } from '../pipeline/language/hyphenate-text.js';

const SHY = '\u00ad';

function hyphenate(html: string, lang: string): string {
  const tree = fromHtml(html, { fragment: true });
  hyphenateText(tree, lang);
  return toHtml(tree);
}

describe('hyphenateText', () => {
  it('puts soft hyphens into the long words of French and English prose', () => {
    expect(hyphenate('<p>une interruption technologique majeure</p>', 'fr')).toBe(
      `<p>une in${SHY}ter${SHY}rup${SHY}tion tech${SHY}no${SHY}lo${SHY}gique majeure</p>`,
    );
    expect(hyphenate('<li>the authority published its punctuality figures</li>', 'en')).toContain(`punc${SHY}tu${SHY}al${SHY}i${SHY}ty`);
  });

  it('never breaks headings, links, captions, code, numbers or URLs', () => {
    const html =
      '<h2>Conséquences technologiques</h2><p><a href="x">interruption</a> <code>interruption</code> 2000000 https://example.org/interruption</p><figcaption>interruption</figcaption>';
    expect(hyphenate(html, 'fr')).toBe(html);
  });

  it('does not break between the letters of an ff, fi or fl ligature', () => {
    expect(hyphenate('<p>affecté ici</p>', 'fr')).toBe(`<p>affec${SHY}té ici</p>`);
  });

  it('keeps the last word of a paragraph whole, so that no syllable stands alone on the last line', () => {
    expect(hyphenate('<p>pour éviter <em>de telles</em> interruptions à l’avenir.</p>', 'fr')).toBe(
      `<p>pour évi${SHY}ter <em>de telles</em> in${SHY}ter${SHY}rup${SHY}tions à l’avenir.</p>`,
    );
  });

  it('keeps names whole, except in German, which capitalizes every noun', () => {
    expect(hyphenate('<p>Weißenfels and Kensington were flooded again</p>', 'en')).toBe(`<p>Weißenfels and Kensington were flood${SHY}ed again</p>`);
    expect(hyphenate('<p>« Washington » répond</p>', 'fr')).toBe('<p>« Washington » répond</p>');
    expect(hyphenate('<p>die Wohnraumförderung steigt</p>', 'de')).toContain(`Wohn${SHY}raum`);
  });

  it('leaves a language without patterns as written', () => {
    expect(hyphenate('<p>interruption</p>', 'zz')).toBe('<p>interruption</p>');
  });
});
