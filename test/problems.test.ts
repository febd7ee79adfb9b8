import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../pipeline/errors.js';
import { addError, addWarning, allMessages, hasErrors } from '../pipeline/problems.js';

describe('problems', () => {
  it('lists each file’s problems by line, once each', () => {
    const article = new VFile({ path: 'article.md' });
    const csv = new VFile({ path: 'data/a.csv' });
    addError(article, 'second', { line: 9, column: 1 });
    addWarning(article, 'first', { line: 2, column: 4 });
    addError(csv, 'bad value', { line: 3 });
    addError(csv, 'bad value', { line: 3 }); // the same file read by a second chart
    expect(allMessages([article, csv]).map(formatProblem)).toEqual([
      'article.md:2:4: warning: first',
      'article.md:9:1: second',
      'data/a.csv:3: bad value',
    ]);
  });

  it('tells errors from warnings', () => {
    const file = new VFile({ path: 'article.md' });
    addWarning(file, 'just so you know');
    expect(hasErrors([file])).toBe(false);
    addError(file, 'broken');
    expect(hasErrors([file])).toBe(true);
  });
});
