import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/article/parse-article.js';
import { textUnits } from '../pipeline/article/text-units.js';
import { checkNumbers, summarizeNumbers } from '../pipeline/data/check-numbers.js';
import { type DataTable, numberSources } from '../pipeline/data/number-sources.js';

// The seed's figures: 5.3 million users in all.
const users: DataTable = {
  url: 'data/users.csv',
  columns: ['country', 'users'],
  rows: [
    ['États-Unis', 2_000_000],
    ['Royaume-Uni', 800_000],
    ['Inde', 700_000],
    ['Canada', 400_000],
    ['Australie', 300_000],
    ['France', 300_000],
    ['Allemagne', 200_000],
    ['Brésil', 200_000],
    ['Japon', 100_000],
    ['Autres pays (24)', 300_000],
  ].map(([country, count], index) => ({ line: index + 2, values: { country, users: String(count) } })),
};

/** Each number of a French article's body as "line:column status text: note". */
function check(body: string, lang = 'fr', tables: readonly DataTable[] = [users]) {
  const file = new VFile({ path: 'article.md', value: `---\ntitle: T\ndescription: D\nlang: ${lang}\ndate: 2026-11-24\n---\n\n${body}\n` });
  const parsed = parseArticle(file);
  const units = textUnits(parsed.tree, file, lang, parsed.frontMatter, parsed.frontMatterLine);
  return checkNumbers(units, numberSources(tables), lang).map(
    (number) => `${number.place.line}:${number.place.column} ${number.status} ${number.mention.text}: ${number.note}`,
  );
}

describe('checkNumbers', () => {
  it('verifies a number by the one row its sentence names, whatever its case, accents and plural', () => {
    expect(check('- Royaume-Uni : 800,000 utilisateurs\n- l’inde : 700 000\n- les Etats-Unis : 2 millions')).toEqual([
      '8:17 verified 800,000: data/users.csv:3 (users)',
      '9:12 verified 700 000: data/users.csv:4 (users)',
      '10:20 verified 2 millions: data/users.csv:2 (users)',
    ]);
  });

  it('contradicts a number that disagrees with the one row named, quoting the data', () => {
    expect(check('Le Royaume-Uni compte 850,000 utilisateurs bloqués.')).toEqual([
      '8:23 contradicted 850,000: "850,000" for "Royaume-Uni", but data/users.csv:3 (users) says 800000',
    ]);
    // A share of the total, beside a country: 700,000 of 5.3 million is 13.2 %.
    expect(check('L’Inde : 700,000 utilisateurs, soit 13 % du total.')[1]).toBe('8:37 verified 13 %: data/users.csv:4 (users, as a share of their total)');
    expect(check('L’Inde : 700,000 utilisateurs, soit 20 % du total.')[1]).toBe(
      '8:37 contradicted 20 %: "20 %" for "Inde", but data/users.csv:4 (users, as a share of their total) says 13.2 %',
    );
  });

  it('verifies aggregates within the precision written and as the qualifier says', () => {
    expect(check('Plus de 5 millions d’utilisateurs dans 10 pays.')).toEqual([
      '8:9 verified 5 millions: the sum of users in data/users.csv',
      '8:40 verified 10: the number of rows of data/users.csv',
    ]);
    expect(check('About 5 million users in all.', 'en')).toEqual(['8:7 verified 5 million: the sum of users in data/users.csv']);
    expect(check('More than 6 million users in total.', 'en')).toEqual([
      '8:11 contradicted 6 million: "More than 6 million" as a total, but the sum of users in data/users.csv says 5300000',
    ]);
  });

  it('leaves unchecked what has no data behind it, and what is marked <!-- unchecked -->', () => {
    expect(check('Le Royaume-Uni compte 850,000 utilisateurs. <!-- unchecked -->')).toEqual(['8:23 unchecked 850,000: marked <!-- unchecked -->']);
    expect(check('<!-- unchecked: chiffre de l’opérateur -->\n- Royaume-Uni : 850,000 utilisateurs')).toEqual([
      '9:17 unchecked 850,000: marked <!-- unchecked -->',
    ]);
    // Code and addresses are not read at all.
    expect(check('En 2026, le 24 novembre, `800,001` et https://example.org/850000 : 12 serveurs.')).toEqual([
      '8:4 unchecked 2026: a year',
      '8:13 unchecked 24: a date',
      '8:68 unchecked 12: no data behind it',
    ]);
  });

  it('checks a table row against the data row its first cell names', () => {
    const table = '| Pays | Utilisateurs |\n|---|---|\n| Inde | 700,000 |\n| Royaume-Uni | 900,000 |';
    expect(check(table)).toEqual([
      '10:10 verified 700,000: data/users.csv:4 (users)',
      '11:17 contradicted 900,000: "900,000" for "Royaume-Uni", but data/users.csv:3 (users) says 800000',
    ]);
  });

  it('sums up a build in one line', () => {
    expect(summarizeNumbers([{ status: 'verified' }, { status: 'verified' }, { status: 'unchecked' }])).toBe(
      'numbers: 2 verified against the data, 0 contradicted, 1 unchecked',
    );
  });
});
