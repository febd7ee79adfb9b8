import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { hyphenateText, rehypeHyphenate } from '../pipeline/language/hyphenate-text.js';

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

describe('hyphenateText, where it breaks and where it does not', () => {
  const broken = `in${SHY}ter${SHY}rup${SHY}tion`;

  it.each(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'figcaption', 'th'])('never breaks the words of <%s>', (tag) => {
    const html =
      tag === 'th'
        ? '<table><tbody><tr><th>interruption interruption</th><td>fin</td></tr></tbody></table>'
        : `<div><${tag}>interruption interruption</${tag}> fin</div>`;
    expect(hyphenate(html, 'fr')).toBe(html);
  });

  it.each(['p', 'li', 'blockquote', 'dd', 'td'])('keeps the last word of a <%s> whole, and breaks the others', (tag) => {
    const html = tag === 'td' ? '<table><tbody><tr><td>interruption interruption</td></tr></tbody></table>' : `<${tag}>interruption interruption</${tag}>`;
    expect(hyphenate(html, 'fr')).toContain(`${broken} interruption<`);
  });

  it('keeps whole the last word of the last text that holds one, blank text after it aside', () => {
    expect(hyphenate('<p>interruption <em>interruption</em> </p>', 'fr')).toBe(`<p>${broken} <em>interruption</em> </p>`);
  });

  it('breaks a word followed by punctuation, and leaves alone words with digits, slashes, @, dots, colons or soft hyphens', () => {
    expect(hyphenate('<p>interruption, interruption; interruption» fin</p>', 'fr')).toBe(`<p>${broken}, ${broken}; ${broken}» fin</p>`);
    const whole = `<p>interruption2 inter/ruption inter@ruption inter.ruption inter:ruption inter${SHY}ruption fin</p>`;
    expect(hyphenate(whole, 'fr')).toBe(whole);
  });

  it('keeps a name whole behind an opening quote or bracket', () => {
    expect(hyphenate('<p>(Washington) «Kensington» fin</p>', 'en')).toBe('<p>(Washington) «Kensington» fin</p>');
  });

  it('keeps a name whole behind an elided article or preposition (l’, d’, dell’)', () => {
    expect(hyphenate("<p>de l’Allemagne vers d’Amsterdam et l'Autriche, puis l’informatique fin</p>", 'fr')).toBe(
      `<p>de l’Allemagne vers d’Amsterdam et l'Autriche, puis l’in${SHY}for${SHY}ma${SHY}tique fin</p>`,
    );
    expect(hyphenate('<p>la stazione dell’Alessandria fin</p>', 'it')).toContain('dell’Alessandria');
  });

  it('breaks only words of six letters or more', () => {
    expect(hyphenate('<p>table maison fin</p>', 'fr')).toBe(`<p>table mai${SHY}son fin</p>`);
    // The patterns would break "wa-ter".
    expect(hyphenate('<p>water closet fin</p>', 'en')).toBe(`<p>water clos${SHY}et fin</p>`);
  });

  it('keeps whole a word with a capital inside: a brand, a compound with a name', () => {
    expect(hyphenate('<p>the iPhone and eBay anti-Macron interruption fin</p>', 'en')).toBe(
      `<p>the iPhone and eBay anti-Macron in${SHY}ter${SHY}rup${SHY}tion fin</p>`,
    );
  });

  it('takes the patterns of the whole tag, then of its region, then of its language', () => {
    // The Swiss spelling of 1901 keeps "st" together; the reformed German of de and de-CH splits it.
    expect(hyphenate('<p>das Fenster fin</p>', 'de-CH-1901')).toBe(`<p>das Fen${SHY}ster fin</p>`);
    expect(hyphenate('<p>das Fenster fin</p>', 'de-CH')).toBe(`<p>das Fens${SHY}ter fin</p>`);
    // British patterns for a British tag with a variant; American ones for English alone.
    expect(hyphenate('<p>democracy fin</p>', 'en-GB-oxendict')).toBe(`<p>demo${SHY}cracy fin</p>`);
    expect(hyphenate('<p>democracy fin</p>', 'en')).toBe(`<p>democ${SHY}ra${SHY}cy fin</p>`);
  });

  it.each([
    ['de-CH', '<p>die Wohnraumförderung steigt</p>', `Wohn${SHY}raum`],
    ['en-GB', '<p>the authority published its figures</p>', `pub${SHY}lished`],
    ['EN-us', '<p>the authority published its figures</p>', `pub${SHY}lished`],
    ['pt-BR', '<p>a interrupção tecnológica continua</p>', `in${SHY}ter${SHY}rup${SHY}ção`],
  ])('finds the patterns of %s', (lang, html, part) => {
    expect(hyphenate(html, lang)).toContain(part);
  });
});

describe('hyphenateText, the edges of words and blocks', () => {
  it('leaves every word of a language without patterns as written', () => {
    expect(hyphenate('<p>interruption interruption</p>', 'zz')).toBe('<p>interruption interruption</p>');
  });

  it('hyphenates a language it has patterns for but no words of its own', () => {
    expect(hyphenate('<p>kaupunginvaltuusto päätti</p>', 'fi')).toContain(SHY);
  });

  it('keeps the last word whole before trailing spaces, and breaks the words of an inline element inside a paragraph', () => {
    expect(hyphenate('<p>interruption interruption </p>', 'fr')).toBe(`<p>in${SHY}ter${SHY}rup${SHY}tion interruption </p>`);
    expect(hyphenate('<p><em>interruption</em> fin</p>', 'fr')).toBe(`<p><em>in${SHY}ter${SHY}rup${SHY}tion</em> fin</p>`);
  });

  it('breaks a word closed by several marks of punctuation', () => {
    expect(hyphenate('<p>«interruption.» fin</p>', 'fr')).toBe(`<p>«in${SHY}ter${SHY}rup${SHY}tion.» fin</p>`);
  });

  it('works as a unified plugin', () => {
    const tree = fromHtml('<p>interruption fin</p>', { fragment: true });
    rehypeHyphenate({ lang: 'fr' })(tree);
    expect(toHtml(tree)).toBe(`<p>in${SHY}ter${SHY}rup${SHY}tion fin</p>`);
  });
});
