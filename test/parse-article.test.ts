import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/article/parse-article.js';
import { formatProblem } from '../pipeline/problems/errors.js';

const FRONT = ['---', 'title: "Un titre"', 'description: "Une phrase."', 'lang: fr', 'date: 2026-11-24', '---', ''];

function parse(lines: string[]) {
  const file = new VFile({ path: 'article.md', value: lines.join('\n') });
  const parsed = parseArticle(file);
  return { ...parsed, problems: file.messages.map(formatProblem) };
}

describe('parseArticle', () => {
  it('reads the front matter into a strict object', () => {
    const { frontMatter, problems } = parse([...FRONT, 'Texte.']);
    expect(problems).toEqual([]);
    expect(frontMatter).toEqual({ title: 'Un titre', description: 'Une phrase.', lang: 'fr', date: '2026-11-24' });
  });

  it('names a missing required key', () => {
    const { frontMatter, problems } = parse(FRONT.filter((line) => !line.startsWith('title')));
    expect(frontMatter).toBeUndefined();
    expect(problems).toEqual(['article.md:1:1: front matter is missing required key "title"']);
  });

  it('gives the line of a mistyped key', () => {
    const lines = [...FRONT];
    lines[4] = 'date: 24/11/2026';
    lines[3] = 'lang: 12';
    expect(parse(lines).problems).toEqual([
      'article.md:4:1: front matter "lang" must be text',
      'article.md:5:1: front matter "date" must be a date written YYYY-MM-DD',
    ]);
  });

  it('rejects a language that is not a BCP 47 tag', () => {
    const lines = [...FRONT];
    lines[3] = 'lang: "français!"';
    expect(parse(lines).problems).toEqual(['article.md:4:1: front matter "lang" must be a BCP 47 language tag such as fr, en or de-CH']);
  });

  it('gives the line of broken YAML', () => {
    const lines = [...FRONT];
    lines[2] = 'description: [une phrase';
    const [problem] = parse(lines).problems;
    expect(problem).toMatch(/^article\.md:[34]:\d+: invalid YAML in front matter/);
  });

  it('asks for front matter when there is none', () => {
    expect(parse(['# Titre']).problems).toEqual([
      'article.md:1:1: missing front matter: start the file with a `---` block holding title, description, lang and date',
    ]);
  });

  it('finds vega-lite fences with their ids, else chart-N', () => {
    const { charts, problems } = parse([...FRONT, '```vega-lite id=carte', '{}', '```', '', '```js', 'x', '```', '', '```vega-lite', '{}', '```']);
    expect(problems).toEqual([]);
    expect(charts.map(({ id, index, line }) => ({ id, index, line }))).toEqual([
      { id: 'carte', index: 1, line: 8 },
      { id: 'chart-2', index: 2, line: 16 },
    ]);
  });

  it('reports duplicate and malformed chart ids', () => {
    const { problems } = parse([...FRONT, '```vega-lite id=a', '{}', '```', '```vega-lite id=a', '{}', '```', '```vega-lite id=Pas_bon', '{}', '```']);
    expect(problems).toEqual([
      'article.md:11:1: chart id "a" is already used by the chart at line 8',
      'article.md:14:1: chart id "Pas_bon" must be a slug: lowercase letters, digits and dashes',
    ]);
  });
});

describe('key figures in the front matter', () => {
  it('are checked, each problem at its own line', () => {
    const lines = [
      ...FRONT.slice(0, 5),
      'figures:',
      '  - label: pays',
      '    data: data/a.csv',
      '    op: total',
      '  - label: max',
      '    data: data/a.csv',
      '    op: max',
      '---',
      '',
    ];
    expect(parse(lines).problems).toEqual([
      'article.md:9:1: front matter "figures[0].op" must be one of "sum", "mean", "min", "max", "count"',
      'article.md:10:1: front matter "figures[1].field" needs a "field" to compute on',
    ]);
  });

  it('default to plain numbers', () => {
    const lines = [...FRONT.slice(0, 5), 'figures:', '  - {label: pays, data: data/a.csv, op: count}', '---', ''];
    expect(parse(lines).frontMatter?.figures).toEqual([{ label: 'pays', data: 'data/a.csv', op: 'count', format: 'number' }]);
  });
});
