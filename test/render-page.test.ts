import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { FrontMatter } from '../pipeline/article/read-front-matter.js';
import { renderPage, renderSocial } from '../pipeline/page/render-page.js';
import { ROOT } from './helpers.js';

const page = readFileSync(join(ROOT, 'templates', 'page.html'), 'utf8');
const social = readFileSync(join(ROOT, 'templates', 'social.html'), 'utf8');
const body = (html: string) => fromHtml(html, { fragment: true });
const meta: FrontMatter = { title: 'Panne <script>alert(1)</script> & "chaos"', description: 'Une phrase.', lang: 'fr', date: '2026-11-24' };

const attribute = (html: string, selector: string, name: string) => select(selector, fromHtml(html))?.properties[name];

describe('renderPage', () => {
  it('escapes front-matter text everywhere it goes', () => {
    const html = renderPage(page, meta, body('<p>Corps</p>'));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(textOf(select('title', fromHtml(html))!)).toBe(meta.title);
    expect(attribute(html, 'meta[property="og:title"]', 'content')).toBe(meta.title);
    // The cover sets it in the language's typography; the metadata keep it as written.
    expect(textOf(select('h1', fromHtml(html))!)).toBe('Panne <script>alert(1)</script> & «\u00a0chaos\u00a0»');
    expect(html).toContain('<p>Corps</p>');
  });

  it('cannot break out of the print labels', () => {
    const html = renderPage(page, { ...meta, title: 'a"; } </style><script>x()</script>' }, body(''));
    const tree = fromHtml(html);
    // No script of the page's own but JSON-LD; the one other script is the project's file.
    expect(selectAll('script:not([src])', tree).map((node) => node.properties.type)).toEqual(['application/ld+json']);
    expect(selectAll('script[src]', tree).map((node) => node.properties.src)).toEqual(['assets/charts.js']);
    expect(textOf(select('style', tree)!)).toContain('counter(pages)');
  });

  it('writes the date and the PDF labels in the article’s language', () => {
    const html = renderPage(page, meta, body(''));
    expect(html).toContain('<time datetime="2026-11-24">24 novembre 2026</time>');
    expect(html).toContain('"page " counter(page) " sur " counter(pages)');
    expect(html).toContain('@page :first { @top-left { content: ""; } }');
    expect(attribute(html, 'meta[property="og:locale"]', 'content')).toBe('fr_FR');
  });

  it('sets the key figures that are numbers side by side, then each phrase on a row of its own', () => {
    const figures = [
      { value: '534\u00a0million', label: 'budgeted' },
      { value: 'Temporary accommodation and homelessness prevention', label: 'the fastest-growing budget', detail: '28.2\u00a0%' },
      { value: '−48.6', label: 'the deficit at its deepest' },
    ];
    const tree = fromHtml(renderPage(page, meta, body(''), { figures }));
    expect(selectAll('.key-figures > div', tree).map((node) => [textOf(select('dd', node)!), node.properties.className ?? []])).toEqual([
      ['534\u00a0million', []],
      ['−48.6', []],
      ['Temporary accommodation and homelessness prevention', ['is-long']],
    ]);
  });

  it('makes og:image absolute and adds a canonical link when the url is known', () => {
    const html = renderPage(page, { ...meta, url: 'https://example.org/panne' }, body(''));
    expect(attribute(html, 'link[rel="canonical"]', 'href')).toBe('https://example.org/panne');
    expect(attribute(html, 'meta[property="og:image"]', 'content')).toBe('https://example.org/panne/social.png');
    expect(attribute(html, 'meta[name="twitter:card"]', 'content')).toBe('summary_large_image');
  });

  it('keeps og:image relative without a url', () => {
    const html = renderPage(page, meta, body(''));
    expect(attribute(html, 'meta[property="og:image"]', 'content')).toBe('social.png');
    expect(select('link[rel="canonical"]', fromHtml(html))).toBeUndefined();
  });
});

describe('renderSocial', () => {
  it('shows the title, in the language’s typography, the description and the date, escaped', () => {
    const html = renderSocial(social, meta, { format: 'wide', chart: undefined, figure: undefined });
    const tree = fromHtml(html);
    expect(textOf(select('h1', tree)!)).toBe('Panne <script>alert(1)</script> & «\u00a0chaos\u00a0»');
    expect(textOf(select('.description', tree)!)).toBe('Une phrase.');
    expect(textOf(select('time', tree)!)).toBe('24 novembre 2026');
    // The template's own script fits the title; nothing of the content becomes a script.
    expect(selectAll('script', tree)).toHaveLength(1);
    expect(textOf(select('script', tree)!)).not.toContain('alert');
  });

  it('shows the first key figure instead of the description, in the format asked for', () => {
    const html = renderSocial(social, meta, { format: 'square', chart: undefined, figure: { value: '5,3 millions', label: 'd’utilisateurs bloqués' } });
    const tree = fromHtml(html);
    expect(select('html', tree)?.properties.className).toEqual(['square']);
    expect(textOf(select('.figure', tree)!)).toBe('5,3 millions d’utilisateurs bloqués');
    expect(select('.description', tree)).toBeUndefined();
  });
});
