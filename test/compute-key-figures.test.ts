import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeyFigureSpec } from '../pipeline/article/read-front-matter.js';
import { computeFigure, computeKeyFigures } from '../pipeline/data/compute-key-figures.js';
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
