import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { rehypeTypeset, typesetFrench, typesetString, typesetText } from '../pipeline/language/typeset-text.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('typesetFrench', () => {
  it('keeps high punctuation and guillemets with their words', () => {
    expect(typesetFrench('regrets : « Nous sommes conscients. »')).toBe(`regrets${NBSP}: «${NBSP}Nous sommes conscients.${NBSP}»`);
    expect(typesetFrench('Pourquoi ? Voilà ! Fin ; suite')).toBe(`Pourquoi${NNBSP}? Voilà${NNBSP}! Fin${NNBSP}; suite`);
  });

  it('groups thousands with no-break spaces', () => {
    expect(typesetFrench('États-Unis : 2,000,000 utilisateurs')).toBe(`États-Unis${NBSP}: 2${NBSP}000${NBSP}000 utilisateurs`);
    expect(typesetFrench('environ 300,000 utilisateurs')).toBe(`environ 300${NBSP}000 utilisateurs`);
    expect(typesetFrench('2 000 000 et 12\u202f345,5')).toBe(`2${NBSP}000${NBSP}000 et 12${NBSP}345,5`);
  });

  it('leaves French decimals, URLs and times alone', () => {
    expect(typesetFrench('1,250 kg et 0,5')).toBe('1,250 kg et 0,5');
    expect(typesetFrench('https://example.org:8080/x')).toBe('https://example.org:8080/x');
  });
});

describe('typesetFrench, every space and every number', () => {
  it.each([
    ['Quoi\u00a0? Oui\u202f! Non ;', `Quoi${NNBSP}? Oui${NNBSP}! Non${NNBSP};`],
    ['Note :', `Note${NBSP}:`],
    ['Non  ; Oui  : fin', `Non${NNBSP}; Oui${NBSP}: fin`],
    ['Note :\nsuite', `Note${NBSP}:\nsuite`],
    ['à 10 : 30', `à 10${NBSP}: 30`],
    ['«Oui»', `«${NBSP}Oui${NBSP}»`],
    ['«  Oui   »', `«${NBSP}Oui${NBSP}»`],
  ])('keeps high punctuation and guillemets with their words: %j', (text, expected) => {
    expect(typesetFrench(text)).toBe(expected);
  });

  it.each([
    ['2,000,000.5', `2${NBSP}000${NBSP}000.5`],
    ['2,000,000,5', '2,000,000,5'],
    ['12,000,000', `12${NBSP}000${NBSP}000`],
    ['300,000.5', '300,000.5'],
    ['300,000,5', '300,000,5'],
    ['300,001', '300,001'],
    ['12 345 678', `12${NBSP}345${NBSP}678`],
    ['12\u202f345', `12${NBSP}345`],
    ['1 2345', '1 2345'],
  ])('groups %j only where the commas or spaces are thousands', (text, expected) => {
    expect(typesetFrench(text)).toBe(expected);
  });
});

describe('typesetText', () => {
  const tree = () => fromHtml('<p>Total : 2,000,000</p><pre><code>a : 1,000,000</code></pre>', { fragment: true });

  it('changes the text of French prose, never code', () => {
    const french = tree();
    typesetText(french, 'fr');
    expect(toHtml(french)).toBe(`<p>Total${NBSP}: 2${NBSP}000${NBSP}000</p><pre><code>a : 1,000,000</code></pre>`);
  });

  it('leaves other languages as written', () => {
    const english = tree();
    typesetText(english, 'en');
    expect(toHtml(english)).toBe('<p>Total : 2,000,000</p><pre><code>a : 1,000,000</code></pre>');
  });
});

describe('punctuation, in every language the table writes', () => {
  it.each([
    ['en', 'He said "it\'s over" - the 1990-2000 rise, -5 degrees.', `He said “it’s over”${NBSP}— the 1990–2000 rise, −5 degrees.`],
    ['en-GB', 'She said "it\'s over".', 'She said ‘it’s over’.'],
    ['de', 'Er sagte "es ist vorbei" - 10%.', `Er sagte „es ist vorbei“${NBSP}– 10${NBSP}%.`],
    ['fr', 'Il a dit "c\'est fini" : 38%', `Il a dit «${NBSP}c’est fini${NBSP}»${NBSP}: 38${NBSP}%`],
    ['es', 'Dijo "se acabó".', 'Dijo «se acabó».'],
    ['en-GB', "Councillors called it 'a settlement' in 2024-25, after -£12.4m.", 'Councillors called it ‘a settlement’ in 2024–25, after −£12.4m.'],
    ['en', "The residents' survey of the '90s, on 2024-05-12.", 'The residents’ survey of the ’90s, on 2024-05-12.'],
    ['de', 'Er sagte "wir \'lassen\' das".', 'Er sagte „wir ‚lassen‘ das“.'],
  ])('sets %s quotes, apostrophes, dashes, ranges, minus and percent signs', (lang, text, expected) => {
    expect(typesetString(text, lang)).toBe(expected);
  });

  it('curls a quote whose pair lies in another piece of text, across an emphasis', () => {
    expect(typesetString("'a multi-year", 'en-GB')).toBe('‘a multi-year');
    expect(typesetString("they face' today", 'en-GB')).toBe('they face’ today');
    expect(typesetString('" said the mayor', 'en')).toBe('” said the mayor');
  });

  it('leaves a language it does not write as written', () => {
    expect(typesetString('Hän sanoi "se on ohi" - 1990-2000', 'fi')).toBe('Hän sanoi "se on ohi" - 1990-2000');
  });
});

describe('typesetText, what it leaves as written', () => {
  it.each(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'textarea'])('never changes the text inside <%s>', (tag) => {
    const tree = fromHtml(`<div>Total : 2,000,000<${tag}>a : 1,000,000</${tag}></div>`, { fragment: true });
    typesetText(tree, 'fr');
    expect(toHtml(tree)).toContain('a : 1,000,000');
    expect(toHtml(tree)).toContain(`Total${NBSP}: 2${NBSP}000${NBSP}000`);
  });

  it('leaves the body of a language the table does not write as written', () => {
    const tree = fromHtml('<p>Hän sanoi "se on ohi" - 1990-2000</p>', { fragment: true });
    typesetText(tree, 'fi');
    expect(toHtml(tree)).toBe('<p>Hän sanoi "se on ohi" - 1990-2000</p>');
  });

  it('gives British quotes to British English only', () => {
    expect(typesetString('"oui"', 'fr-GB')).toBe(`«${NBSP}oui${NBSP}»`);
    expect(typesetString('"yes"', 'en-US')).toBe('“yes”');
  });

  it('works as a unified plugin', () => {
    const tree = fromHtml('<p>Total : 2,000,000</p>', { fragment: true });
    rehypeTypeset({ lang: 'fr' })(tree);
    expect(toHtml(tree)).toBe(`<p>Total${NBSP}: 2${NBSP}000${NBSP}000</p>`);
  });
});
