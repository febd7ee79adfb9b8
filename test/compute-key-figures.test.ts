import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeyFigureSpec } from '../pipeline/article/read-front-matter.js';
import { computeFigure, computeKeyFigures } from '../pipeline/data/compute-key-figures.js';
import { createDataLoader } from '../pipeline/data/load-chart-data.js';
import { formatProblem } from '../pipeline/problems/errors.js';

const rows = [
  { country: 'États-Unis', users: '2000000' },
  { country: 'Royaume-Uni', users: '800000' },
  { country: 'Autres pays (24)', users: '300000' },
  { country: 'Chine', users: '' },
];
const spec = (extra: Partial<KeyFigureSpec>): KeyFigureSpec => ({ label: 'x', data: 'data/a.csv', op: 'sum', field: 'users', format: 'number', ...extra });

describe('computeFigure', () => {
  it('sums a column, in the article’s language', () => {
    expect(computeFigure(spec({}), rows, 'fr')).toEqual({ value: '3\u00a0100\u00a0000', label: 'x' });
    expect(computeFigure(spec({ format: 'compact' }), rows, 'fr')).toEqual({ value: '3,1\u00a0millions', label: 'x' });
    expect(computeFigure(spec({ format: 'compact' }), rows, 'en')).toEqual({ value: '3.1\u00a0million', label: 'x' });
  });

  it('counts rows, or the filled cells of a column', () => {
    expect(computeFigure(spec({ op: 'count', field: undefined }), rows, 'fr')).toMatchObject({ value: '4' });
    expect(computeFigure(spec({ op: 'count' }), rows, 'fr')).toMatchObject({ value: '3' });
  });

  it('names the row with the largest or smallest value', () => {
    expect(computeFigure(spec({ op: 'max', show: 'country' }), rows, 'fr')).toEqual({ value: 'États-Unis', label: 'x', detail: '2\u00a0000\u00a0000' });
    expect(computeFigure(spec({ op: 'min', show: 'country' }), rows, 'en')).toEqual({ value: 'Autres pays (24)', label: 'x', detail: '300,000' });
    expect(computeFigure(spec({ op: 'mean' }), rows, 'en')).toMatchObject({ value: '1,033,333.3' });
  });

  it('never writes −0, writes negatives with the true minus, and has percent and signed formats', () => {
    const changes = [{ change: '-0.32' }, { change: '0.311' }, { change: '0.0' }];
    const of = (extra: Partial<KeyFigureSpec>) => spec({ field: 'change', ...extra });
    expect(computeFigure(of({ op: 'mean' }), [{ change: '-0.003' }, { change: '0' }], 'en')).toMatchObject({ value: '0' });
    expect(computeFigure(of({ op: 'min' }), changes, 'en')).toMatchObject({ value: '\u22120.3' });
    expect(computeFigure(of({ op: 'min', format: 'percent' }), changes, 'en')).toMatchObject({ value: '\u221232%' });
    expect(computeFigure(of({ op: 'max', format: 'percent' }), changes, 'fr')).toMatchObject({ value: '31,1\u00a0%' });
    expect(computeFigure(of({ op: 'max', format: 'signed' }), changes, 'de')).toMatchObject({ value: '+0,3' });
    expect(computeFigure(of({ op: 'min', format: 'signed' }), changes, 'de')).toMatchObject({ value: '\u22120,3' });
    expect(computeFigure(of({ op: 'mean', format: 'signed' }), [{ change: '-0.01' }, { change: '0' }], 'de')).toMatchObject({ value: '0' });
  });

  it('says what is wrong with the data', () => {
    expect(computeFigure(spec({ field: 'usres' }), rows, 'fr')).toEqual({ problem: 'no column "usres" in data/a.csv', key: 'field' });
    expect(computeFigure(spec({ op: 'max', show: 'pays' }), rows, 'fr')).toEqual({ problem: 'no column "pays" in data/a.csv', key: 'show' });
    expect(computeFigure(spec({}), [{ users: 'n/a' }], 'fr')).toEqual({ problem: 'column "users" of data/a.csv: "n/a" is not a number', key: 'field' });
  });
});

describe('computeKeyFigures', () => {
  const content = mkdtempSync(join(tmpdir(), 'briefing-figures-'));
  mkdirSync(join(content, 'data'));
  writeFileSync(join(content, 'data', 'a.csv'), 'country,users\nFrance,300000\nInde,700000\n');
  afterAll(() => rmSync(content, { recursive: true, force: true }));

  it('reads the data files and reports problems at the figure’s line', async () => {
    const article = new VFile({ path: 'article.md' });
    const lineOf = (path: readonly (string | number)[]) => 10 + Number(path[1]) * 4 + (path[2] === 'field' ? 3 : 1);
    const figures = await computeKeyFigures(
      [spec({ label: 'utilisateurs' }), spec({ label: 'manquant', data: 'data/none.csv' }), spec({ label: 'faux', field: 'usres' })],
      { contentDir: content, lang: 'fr', article, lineOf },
    );
    expect(figures).toEqual([{ value: '1\u00a0000\u00a0000', label: 'utilisateurs' }]);
    expect(article.messages.map(formatProblem)).toEqual([
      'article.md:15:1: key figure "manquant": chart data file not found: data/none.csv',
      'article.md:21:1: key figure "faux": no column "usres" in data/a.csv',
    ]);
  });
});

describe('computeFigure, in more cases', () => {
  it('says a file has no rows, or a column holds no number', () => {
    expect(computeFigure(spec({}), [], 'en')).toEqual({ problem: 'data/a.csv has no rows', key: 'data' });
    expect(computeFigure(spec({ op: 'count', field: undefined }), [], 'en')).toEqual({ problem: 'data/a.csv has no rows', key: 'data' });
    expect(computeFigure(spec({ op: 'max' }), [{ users: '' }, { users: ' ' }], 'en')).toEqual({
      problem: 'column "users" of data/a.csv holds no number',
      key: 'field',
    });
  });

  it('names the first value that is not a number, wherever it is, trimmed', () => {
    expect(computeFigure(spec({}), [{ users: '1' }, { users: '' }, { users: ' n/a ' }, { users: 'x' }], 'en')).toEqual({
      problem: 'column "users" of data/a.csv: "n/a" is not a number',
      key: 'field',
    });
  });

  it('picks the first of rows that tie for the largest or smallest value', () => {
    const tied = [
      { country: 'A', users: '5' },
      { country: 'B', users: '5' },
      { country: 'C', users: '9' },
      { country: 'D', users: '9' },
    ];
    expect(computeFigure(spec({ op: 'max', show: 'country' }), tied, 'en')).toEqual({ value: 'C', label: 'x', detail: '9' });
    expect(computeFigure(spec({ op: 'min', show: 'country' }), tied, 'en')).toEqual({ value: 'A', label: 'x', detail: '5' });
    expect(computeFigure(spec({ op: 'min', show: 'users' }), [{ users: 5 }], 'en')).toEqual({ value: '5', label: 'x', detail: '5' });
  });
});

describe('computeKeyFigures, in more cases', () => {
  const content = mkdtempSync(join(tmpdir(), 'briefing-figures-more-'));
  mkdirSync(join(content, 'data'));
  writeFileSync(join(content, 'data', 'a.csv'), 'country,users\nFrance,300000\nInde,700000\n');
  writeFileSync(join(content, 'data', 'broken.csv'), 'country,users\nFrance,1,2\n');
  writeFileSync(join(content, 'data', 'empty.csv'), 'country,users\n');
  writeFileSync(join(content, 'data', 'rents.csv'), 'city;rent\nFreiburg;14,5\nRastatt;9,5\n');
  afterAll(() => rmSync(content, { recursive: true, force: true }));
  /** The line of each front-matter key of the figures, as the front matter's reader gives it. */
  const lines = new Map([
    ['figures.0.data', 11],
    ['figures.0.field', 12],
    ['figures.1.data', 21],
    ['figures.1.field', 22],
    ['figures.2.data', 31],
    ['figures.3.show', 43],
  ]);
  const lineOf = (path: readonly (string | number)[]) => lines.get(path.join('.')) ?? 1;

  it('reports each problem at the line of the key at fault', async () => {
    const article = new VFile({ path: 'article.md' });
    const figures = await computeKeyFigures(
      [
        spec({ label: 'cassé', data: 'data/broken.csv' }),
        spec({ label: 'vide', data: 'data/empty.csv' }),
        spec({ label: 'dehors', data: '../a.csv' }),
        spec({ label: 'pays', op: 'max', show: 'pays' }),
      ],
      { contentDir: content, lang: 'fr', article, lineOf },
    );
    expect(figures).toEqual([]);
    expect(article.messages.map(formatProblem)).toEqual([
      'article.md:11:1: key figure "cassé": data/broken.csv:2: invalid CSV: expect 2, got 3 on line 2',
      'article.md:21:1: key figure "vide": data/empty.csv has no rows',
      'article.md:31:1: key figure "dehors": chart data outside the content folder: ../a.csv',
      'article.md:43:1: key figure "pays": no column "pays" in data/a.csv',
    ]);
    // The rule --verbose names for each.
    expect(article.messages.map((message) => message.ruleId)).toEqual(['key-figure', 'key-figure', 'key-figure', 'key-figure']);
  });

  it("reads through the build's loader, in the article's language, and sets the label as the page's text", async () => {
    const article = new VFile({ path: 'article.md' });
    const figures = await computeKeyFigures([spec({ label: "d'euros le m², 2024-25", data: 'data/rents.csv', op: 'max', field: 'rent', show: 'city' })], {
      contentDir: content,
      lang: 'fr',
      article,
      lineOf,
      loader: createDataLoader(content, 'fr'),
    });
    expect(figures).toEqual([{ value: 'Freiburg', label: 'd’euros le m², 2024–25', detail: '14,5' }]);
    expect(article.messages).toEqual([]);
  });

  it('computes from the file as the build read it for its charts, even if it changed since', async () => {
    const loader = createDataLoader(content, 'en');
    await loader.file(join(content, 'data', 'a.csv'));
    writeFileSync(join(content, 'data', 'a.csv'), 'country,users\nFrance,1\n');
    const context = { contentDir: content, lang: 'en', article: new VFile({ path: 'article.md' }), lineOf };
    await expect(computeKeyFigures([spec({ label: 'users' })], { ...context, loader })).resolves.toEqual([{ value: '1,000,000', label: 'users' }]);
    await expect(computeKeyFigures([spec({ label: 'users' })], context)).resolves.toEqual([{ value: '1', label: 'users' }]);
  });
});
