import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { explainProblem, formatProblem } from '../pipeline/problems/errors.js';
import { addError, addWarning, allMessages, hasErrors } from '../pipeline/problems/problems.js';

describe('problems', () => {
  it('lists each file’s problems by line, once each', () => {
    const article = new VFile({ path: 'article.md' });
    const csv = new VFile({ path: 'data/a.csv' });
    addError(article, 'second', { line: 9, column: 1 });
    addWarning(article, 'first', { line: 2, column: 4 });
    addError(csv, 'bad value', { line: 3 });
    addError(csv, 'bad value', { line: 3 }); // the same file read by a second chart
    expect(allMessages([article, csv]).map(formatProblem)).toEqual(['article.md:2:4: warning: first', 'article.md:9:1: second', 'data/a.csv:3: bad value']);
  });

  it('tells errors from warnings', () => {
    const file = new VFile({ path: 'article.md' });
    addWarning(file, 'just so you know');
    expect(hasErrors([file])).toBe(false);
    addError(file, 'broken');
    expect(hasErrors([file])).toBe(true);
  });

  it('tells the rule and the library error behind a problem when asked to be verbose', () => {
    const file = new VFile({ path: 'article.md' });
    const cause = new Error('Unexpected end of input');
    const message = addError(file, 'chart "a": invalid Vega-Lite spec: Unexpected end of input', { line: 12, column: 1 }, 'chart-spec', cause);
    expect(formatProblem(message)).toBe('article.md:12:1: chart "a": invalid Vega-Lite spec: Unexpected end of input');
    const lines = explainProblem(message).split('\n');
    expect(lines[0]).toBe('article.md:12:1: chart "a": invalid Vega-Lite spec: Unexpected end of input [chart-spec]');
    expect(lines[1]).toBe('    Error: Unexpected end of input');
    expect(lines[2]).toMatch(/^\s+at .*problems\.test\.ts/);
    expect(explainProblem(addWarning(file, 'no url', { line: 1, column: 1 }, 'url'))).toBe('article.md:1:1: warning: no url [url]');
  });
});
