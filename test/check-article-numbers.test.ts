import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/article/parse-article.js';
import { checkArticleNumbers } from '../pipeline/data/check-article-numbers.js';
import { createDataLoader } from '../pipeline/data/load-chart-data.js';
import { formatProblem } from '../pipeline/problems/errors.js';

const content = mkdtempSync(join(tmpdir(), 'briefing-article-numbers-'));
afterAll(() => rmSync(content, { recursive: true, force: true }));
mkdirSync(join(content, 'data'));
writeFileSync(join(content, 'data', 'users.csv'), 'country,users\nInde,700000\nFrance,300000\n');
writeFileSync(join(content, 'data', 'servers.json'), '[{"site": "Lyon", "servers": 120}, {"site": "Lille", "servers": 80}, 7, null, ["Paris", 77]]');
writeFileSync(join(content, 'data', 'figures.csv'), 'region,staff\nNord,4500\n');
writeFileSync(join(content, 'data', 'broken.csv'), 'region,staff\nSud,1,2\n');
writeFileSync(join(content, 'data', 'notes.txt'), 'country,desks\nInde,999\n');
writeFileSync(join(content, 'data', 'rents.csv'), 'city;rent\nFreiburg;14,5\n');
writeFileSync(join(content, 'data', 'broken.json'), '[{"site": "Sud", "servers": 1}');
writeFileSync(join(content, 'data', 'servers.json.bak'), '[{"site": "Sud", "servers": 1}]');
writeFileSync(join(content, 'data', 'export.csv.json'), '[{"site": "Brest", "servers": 40}]');

/** A chart fence reading `url`. */
const chart = (url: string) => `\`\`\`vega-lite\n${JSON.stringify({ data: { url }, mark: 'bar' })}\n\`\`\``;

/** Each number of an article as "line:column status text: note", and the errors on the article. */
async function check(body: string, frontMatter = '', lang = 'en') {
  const article = new VFile({ path: 'article.md', value: `---\ntitle: T\ndescription: D\nlang: ${lang}\ndate: 2026-11-24\n${frontMatter}---\n\n${body}\n` });
  const numbers = await checkArticleNumbers(parseArticle(article), article, content, createDataLoader(content, lang));
  return {
    numbers: numbers.map((number) => `${number.place.line}:${number.place.column} ${number.status} ${number.mention.text}: ${number.note}`),
    errors: article.messages.map(formatProblem),
    rules: article.messages.map((message) => message.ruleId),
  };
}

describe('checkArticleNumbers', () => {
  it("checks the text against the charts' data files, and makes each contradiction an error at the number", async () => {
    const result = await check(`${chart('data/users.csv')}\n\nIndia (Inde) has 700,000 users; Inde has 900,000 servers.`);
    expect(result.numbers).toEqual([
      '12:18 verified 700,000: data/users.csv:2 (users)',
      '12:42 contradicted 900,000: "900,000" for "Inde", but data/users.csv:2 (users) says 700000',
    ]);
    expect(result.errors).toEqual(['article.md:12:42: "900,000" for "Inde", but data/users.csv:2 (users) says 700000']);
    expect(result.rules).toEqual(['number']);
  });

  it('reads JSON rows (without lines), and the data of the key figures', async () => {
    const figures = 'figures:\n  - label: staff\n    data: data/figures.csv\n    op: sum\n    field: staff\n';
    const result = await check(`${chart('data/servers.json')}\n\nLyon has 120 servers. Nord has 4,500 staff. Paris has 77 servers.`, figures);
    expect(result.numbers).toEqual([
      '17:10 verified 120: data/servers.json, row 1 (servers)',
      '17:32 verified 4,500: data/figures.csv:2 (staff)',
      '17:55 unchecked 77: no data behind it', // a row that is not an object is no row
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reads a ; file with the decimals of the language', async () => {
    const result = await check(`${chart('data/rents.csv')}\n\nIn Freiburg kostet der Quadratmeter 14,5 Euro.`, '', 'de');
    expect(result.numbers).toEqual(['12:37 verified 14,5: data/rents.csv:2 (rent)']);
  });

  it('leaves out data it cannot read or use: a broken file, another kind of file, a remote one, an atlas, a fence that is not JSON', async () => {
    const body = [
      chart('data/broken.csv'),
      chart('data/notes.txt'),
      chart('https://example.org/users.csv'),
      chart('world-atlas:countries-110m.json'),
      chart('data/missing.csv'),
      '```vega-lite\n{ not json\n```',
      'Sud has 1 office; Inde has 999 desks.',
    ].join('\n\n');
    const result = await check(body);
    expect(result.numbers).toEqual(['32:9 unchecked 1: no data behind it', '32:28 unchecked 999: no data behind it']);
    expect(result.errors).toEqual([]);
  });

  it('leaves out broken JSON and a file whose name only holds ".json" or ".csv" before its end', async () => {
    const result = await check([chart('data/broken.json'), chart('data/servers.json.bak'), 'Sud has 1 server.'].join('\n\n'));
    expect(result.numbers).toEqual(['16:9 unchecked 1: no data behind it']);
  });

  it('reads a file by its last extension: "export.csv.json" is JSON', async () => {
    const result = await check(`${chart('data/export.csv.json')}\n\nBrest has 40 servers.`);
    expect(result.numbers).toEqual(['12:11 verified 40: data/export.csv.json, row 1 (servers)']);
  });

  it('reads an article with no front matter in English, and no key figures', async () => {
    const article = new VFile({ path: 'article.md', value: `${chart('data/users.csv')}\n\nInde has 900,000 users.\n` });
    const numbers = await checkArticleNumbers(parseArticle(article), article, content, createDataLoader(content, 'en'));
    expect(numbers.map((number) => `${number.status} ${number.mention.text}`)).toEqual(['contradicted 900,000']);
  });
});
