import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, snapshot } from './helpers.js';
import { FIXTURE, spoiltCopies } from './spoilt-copies.js';

const { work, before, folders } = spoiltCopies('briefing-bad-');

type Case = [name: string, edit: (article: string, dir: string) => string, expected: string];

/** Each mistake, made in a copy of the English fixture, and the exact line the build must print. */
const CASES: Case[] = [
  [
    'an unknown mark',
    (text) => text.replace('"mark": {"type": "line"', '"mark": {"type": "lines"'),
    'article.md:27:20: chart "levels": unknown mark "lines": did you mean "line"?',
  ],
  [
    'an unknown encoding channel',
    (text) => text.replace('    "color": {', '    "colour": {'),
    'article.md:41:5: chart "levels": unknown encoding channel "colour": did you mean "color"?',
  ],
  [
    'a misspelt encoding property',
    (text) => text.replace('"legend": {"orient": "top"', '"legnd": {"orient": "top"'),
    'article.md:46:7: chart "levels": unknown property "legnd" in encoding.color: did you mean "legend"?',
  ],
  [
    'a value the schema does not allow',
    (text) => text.replace('"type": "temporal"', '"type": "time"'),
    'article.md:31:15: chart "levels": encoding.x.type: "time" is not allowed here: use "quantitative", "ordinal", "temporal", "nominal" or "geojson"',
  ],
  [
    'an absolute data path',
    (text) => text.replace('"url": "data/warnings.csv"', '"url": "/etc/passwd"'),
    'article.md:{url}: chart "households": chart data outside the content folder: /etc/passwd',
  ],
  [
    'a file: data URL',
    (text) => text.replace('"url": "data/warnings.csv"', '"url": "file:///etc/passwd"'),
    'article.md:{url}: chart "households": chart data outside the content folder: file:///etc/passwd',
  ],
  [
    'a data: URL as chart data',
    (text) => text.replace('"url": "data/warnings.csv"', '"url": "data:text/csv,town,households"'),
    'article.md:{url}: chart "households": remote chart data is not allowed: data:text/csv,town,households (put the file in the content folder)',
  ],
  [
    'an empty CSV',
    (text, dir) => {
      writeFileSync(join(dir, 'data', 'warnings.csv'), 'town,households\n');
      return text;
    },
    'data/warnings.csv:1:1: the CSV file has no data rows',
  ],
  [
    'a mistyped required key',
    (text) => text.replace(/^date: .*$/m, 'date: 15 October 2026'),
    'article.md:6:1: front matter "date" must be a date written YYYY-MM-DD',
  ],
];

describe('a content mistake', () => {
  // At the same time, each with an output folder of its own (a copy of the good build): one lock each.
  it.concurrent.each(CASES)('%s: exit 1 at the exact line', async (name, edit, expected) => {
    const { place, dir, target } = folders(name);
    const article = join(dir, 'article.md');
    const text = readFileSync(article, 'utf8');
    const changed = edit(text, dir);
    if (changed !== text) writeFileSync(article, changed);
    else expect(name).toBe('an empty CSV');
    const run = await runBuild(['--content', dir, '--out', target]);
    expect(run.status).toBe(1);
    // A data problem is told at the line of its chart's fence.
    const fence = text.split('\n').findIndex((line) => line.startsWith('```vega-lite id=households')) + 1;
    // A data URL that is refused is told at its own line and column.
    const url = /chart data outside the content folder: (.*)$|remote chart data is not allowed: (\S+)/.exec(expected);
    const quoted = url ? JSON.stringify(url[1] ?? url[2]) : '';
    const urlLine = changed.split('\n').findIndex((line) => quoted && line.includes(quoted));
    const urlPlace = `${urlLine + 1}:${(changed.split('\n')[urlLine] ?? '').indexOf(quoted) + 1}`;
    expect(run.stderr.split('\n')).toContain(expected.replace('{households}', String(fence)).replace('{url}', urlPlace));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(target)).toEqual(before());
    expect(readdirSync(place).sort()).toEqual(['content', 'out']);
  });

  it('in raw HTML is removed with a warning, and the page and PDF are built without it', async () => {
    const dir = join(work, 'raw-html');
    cpSync(FIXTURE, dir, { recursive: true });
    const article = join(dir, 'article.md');
    const raw = [
      '<script>alert(1)</script>',
      '',
      '<iframe src="frame.html"></iframe>',
      '',
      '<p onmouseover="steal()">Hover</p>',
      '',
      '<a href="javascript:alert(1)">link</a>',
      '',
    ];
    const lines = readFileSync(article, 'utf8').split('\n');
    const at = lines.length + 1;
    writeFileSync(article, [...lines, ...raw].join('\n'));
    const target = join(work, 'raw-html-out');
    const run = await runBuild(['--content', dir, '--out', target]);
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        `article.md:${at}:1: warning: removed <script> from raw HTML`,
        `article.md:${at + 2}:1: warning: removed <iframe> from raw HTML`,
        `article.md:${at + 4}:1: warning: removed event handler onmouseover from <p>`,
        `article.md:${at + 6}:1: warning: removed javascript: URL from <a>`,
      ]),
    );
    const html = readFileSync(join(target, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert|<iframe|onmouseover|javascript:/);
    expect(html).toContain('Hover');
  });
});
