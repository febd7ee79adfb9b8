import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code } from 'mdast';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/article/parse-article.js';
import type { RenderedChart } from '../pipeline/charts/types.js';
import { renderBody } from '../pipeline/page/render-html.js';
import { formatProblem } from '../pipeline/problems/errors.js';

const content = mkdtempSync(join(tmpdir(), 'briefing-html-'));
mkdirSync(join(content, 'images'));
writeFileSync(join(content, 'images', 'photo.png'), 'png');
afterAll(() => rmSync(content, { recursive: true, force: true }));

const FRONT = ['---', 'title: T', 'description: D', 'lang: en', 'date: 2026-11-24', '---', ''];

function render(lines: string[], withChart = false, lang = 'en') {
  const file = new VFile({ path: 'article.md', value: [...FRONT, ...lines].join('\n') });
  const parsed = parseArticle(file);
  const charts = new Map<Code, RenderedChart>();
  if (withChart && parsed.charts[0]) {
    const svg: Element = { type: 'element', tagName: 'svg', properties: { role: 'img', ariaLabelledBy: ['c-title'] }, children: [] };
    charts.set(parsed.charts[0].node, { id: 'c', index: 1, title: 'Title', description: 'What it shows.', data: undefined, svg, file: '', images: [] });
  }
  const body = renderBody(parsed.tree, charts, file, content, lang);
  return { html: toHtml(body.tree), images: body.images, problems: file.messages.map(formatProblem) };
}

describe('renderBody', () => {
  it('renders CommonMark and GFM: tables, strikethrough, autolinks', () => {
    const { html, problems } = render(['# Heading', '', 'Some ~~old~~ text, see https://example.org.', '', '| a | b |', '| - | -: |', '| 1 | 2 |']);
    expect(problems).toEqual([]);
    expect(html).toContain('<h1>Heading</h1>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.org">https://example.org</a>');
    expect(html).toMatch(/<section class="table-scroll" tabindex="0" aria-label="Table 1"><table>[\s\S]*<td class="align-right">2<\/td>/);
  });

  it('writes footnotes in the article’s language, their way back in a glyph of the report’s fonts', () => {
    const { html } = render(['Die Miete stieg.[^1]', '', '[^1]: Laut Mietspiegel 2026.'], false, 'de');
    expect(html).toMatch(/<h2[^>]*>Fußnoten<\/h2>/);
    expect(html).toContain('aria-label="Zurück zum Verweis 1"');
    expect(html).toContain('>↑</a>');
    expect(html).not.toMatch(/Footnotes|Back to reference|↩/);
  });

  it('puts each chart in a figure with its caption', () => {
    const { html } = render(['Before.', '', '```vega-lite', '{}', '```', '', 'After.'], true);
    expect(html).toContain(
      '<figure class="chart" id="chart-c"><div class="chart-drawings"><svg role="img" aria-labelledby="c-title" class="chart-column"></svg></div><figcaption><p class="chart-description">What it shows.</p>',
    );
    // The caption ends with the code that embeds the chart's own page elsewhere.
    expect(html).toMatch(/<details class="chart-embed"><summary>Embed this chart<\/summary>.*&#x3C;iframe src="charts\/c\.html" title="Title"/s);
  });

  it('removes scripts, event handlers, iframes and javascript: URLs, and says where', () => {
    const { html, problems } = render([
      'Text.',
      '',
      '<script>alert(1)</script>',
      '',
      '<p onclick="steal()">Click</p>',
      '',
      '<iframe src="page.html"></iframe>',
      '',
      '<a href="javascript:alert(1)">link</a>',
    ]);
    expect(html).not.toMatch(/<script|onclick|<iframe|javascript:/i);
    expect(html).toContain('Click');
    expect(problems).toEqual([
      'article.md:10:1: warning: removed <script> from raw HTML',
      'article.md:12:1: warning: removed event handler onclick from <p>',
      'article.md:14:1: warning: removed <iframe> from raw HTML',
      'article.md:16:1: warning: removed javascript: URL from <a>',
    ]);
  });

  it('makes an image with a title a figure, its title the caption and credit', () => {
    const { html } = render([
      '![The quay at high water](images/photo.png "Carrow Quay on 28 September. Photo: Ana Ruiz")',
      '',
      'Text ![inline](images/photo.png "t") here.',
    ]);
    expect(html).toContain(
      '<figure class="image"><img src="assets/images/photo.png" alt="The quay at high water"><figcaption>Carrow Quay on 28 September. Photo: Ana Ruiz</figcaption></figure>',
    );
    // An image inside a sentence stays where it is.
    expect(html).toContain('<p>Text <img src="assets/images/photo.png" alt="inline" title="t"> here.</p>');
  });

  it('keeps images of the content folder and refuses remote or missing ones', () => {
    const { html, images, problems } = render([
      '![Photo](images/photo.png)',
      '',
      '![Remote](https://example.org/x.png)',
      '',
      '<img src="images/none.png" alt="">',
      '',
      '<link rel="stylesheet" href="https://example.org/style.css">',
    ]);
    expect(images).toEqual([{ source: 'images/photo.png', target: 'assets/images/photo.png', place: expect.objectContaining({ line: 8, column: 1 }) }]);
    expect(html).toContain('<img src="assets/images/photo.png" alt="Photo">');
    expect(problems).toEqual([
      'article.md:10:1: remote resource is not allowed: https://example.org/x.png (<img>): put the file in the content folder',
      'article.md:14:1: remote resource is not allowed: https://example.org/style.css (<link>): put the file in the content folder',
      'article.md:14:1: warning: removed <link> from raw HTML',
      'article.md:12:1: image file not found: images/none.png',
    ]);
  });
});
