import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/article/parse-article.js';
import { formatProblem } from '../pipeline/problems/errors.js';

/** The problems of an article whose front matter ends with `updates`. */
function problems(updates: string): string[] {
  const file = new VFile({ path: 'article.md', value: `---\ntitle: T\ndescription: D\nlang: fr\ndate: 2026-11-24\nupdates:\n${updates}---\n\nTexte.\n` });
  parseArticle(file);
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map(formatProblem);
}

describe('updates in the front matter', () => {
  it('take a date, a text and a kind, from the oldest to the newest', () => {
    expect(
      problems('  - date: 2026-11-25\n    kind: correction\n    text: "Le chiffre du Canada était faux."\n  - date: 2026-11-25\n    text: "Ajout."\n'),
    ).toEqual([]);
  });

  it('refuse, each at its line, a date before the article’s, dates out of order and an empty text', () => {
    expect(
      problems(
        '  - date: 2026-11-20\n    text: "Trop tôt."\n  - date: 2026-11-28\n    text: "Bon."\n  - date: 2026-11-26\n    text: "   "\n  - date: 2026-13-01\n    text: "Mauvaise date."\n',
      ),
    ).toEqual([
      `article.md:7:1: front matter "updates[0].date" is 2026-11-20, before the article's own date (2026-11-24)`,
      'article.md:11:1: front matter "updates[2].date" is 2026-11-26, before the update above it (2026-11-28): list updates from the oldest to the newest',
      'article.md:12:1: front matter "updates[2].text" must not be empty',
      'article.md:13:1: front matter "updates[3].date" must be a date written YYYY-MM-DD',
    ]);
  });

  it('refuse a kind the build does not know, and a key it does not read', () => {
    expect(problems('  - date: 2026-11-25\n    kind: erratum\n    text: "x"\n    note: "y"\n')).toEqual([
      'article.md:7:1: front matter "updates[0]" has unknown key(s) "note"',
      'article.md:8:1: front matter "updates[0].kind" must be one of "update", "correction"',
    ]);
  });
});
