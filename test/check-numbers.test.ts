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

describe('checkNumbers, in more cases', () => {
  // Two files: shares are rates (a column of fractions); budgets in euros.
  const shares: DataTable = {
    url: 'data/shares.csv',
    columns: ['country', 'share'],
    rows: [
      { line: 2, values: { country: 'Inde', share: '0.4' } },
      { line: 3, values: { country: 'Chine', share: '0.6' } },
    ],
  };
  const en = (body: string, tables: readonly DataTable[] = [users]) => check(body, 'en', tables);

  it('leaves a difference in points unchecked, saying so', () => {
    expect(en('The share of India rose by 3 points.')).toEqual(['8:28 unchecked 3 points: a difference in points']);
  });

  it('contradicts with the value of the one row named that is nearest to the number', () => {
    const budget: DataTable = {
      url: 'data/budget.csv',
      columns: ['city', 'spent', 'planned'],
      rows: [{ line: 2, values: { city: 'Lyon', spent: '1000', planned: '1500' } }],
    };
    expect(en('Lyon spent 1,400 euros.', [budget])).toEqual(['8:12 contradicted 1,400: "1,400" for "Lyon", but data/budget.csv:2 (planned) says 1500']);
    expect(en('Lyon spent 1,100 euros.', [budget])).toEqual(['8:12 contradicted 1,100: "1,100" for "Lyon", but data/budget.csv:2 (spent) says 1000']);
    // Of another size: another quantity, not a wrong number.
    expect(en('Lyon spent 9,000 euros.', [budget])).toEqual(['8:12 unchecked 9,000: no value of the rows it names agrees']);
  });

  it('contradicts no row where a sentence names two rows of a file, and no total without a word of a total', () => {
    expect(en('Inde and Canada count 900,000 users.')).toEqual(['8:23 unchecked 900,000: no value of the rows it names agrees']);
    expect(en('There are 6 million users.')).toEqual(['8:11 unchecked 6 million: no data behind it']);
    expect(en('There are 6 million users in all.')).toEqual([
      '8:11 contradicted 6 million: "6 million" as a total, but the sum of users in data/users.csv says 5300000',
    ]);
    expect(en('In total, there are 6 million users.')).toEqual([
      '8:21 contradicted 6 million: "6 million" as a total, but the sum of users in data/users.csv says 5300000',
    ]);
    // A word of a total too far before, or after the end of its clause, or inside another word.
    expect(en('The total is large, as we said before: the count is 6 million users.')).toEqual(['8:53 unchecked 6 million: no data behind it']);
    expect(en('There are 6 million users; in total, that is a lot.')).toEqual(['8:11 unchecked 6 million: no data behind it']);
    expect(en('Subtotals aside, 6 million users.')).toEqual(['8:18 unchecked 6 million: no data behind it']);
    // A percentage is no total, and a total of another size says nothing.
    expect(en('In total, 60 % of users.')).toEqual(['8:11 unchecked 60 %: no data behind it']);
    expect(en('In total, 60 million users.')).toEqual(['8:11 unchecked 60 million: no data behind it']);
  });

  it('verifies a percentage by a rate of a named row, and by any row of a file when none is named', () => {
    expect(en('Inde has a 40 % share.', [shares])).toEqual(['8:12 verified 40 %: data/shares.csv:2 (share)']);
    expect(en('One country has a 60 % share.', [shares])).toEqual(['8:19 verified 60 %: the largest of share in data/shares.csv']);
    expect(en('Inde has a 60 % share.', [shares])).toEqual(['8:12 contradicted 60 %: "60 %" for "Inde", but data/shares.csv:2 (share) says 40 %']);
  });

  it('checks a table row by its row only: no count, mean or extreme of the file', () => {
    const table = '| Pays | Utilisateurs |\n|---|---|\n| Japon | 10 |\n| Allemagne | 700 000 |';
    expect(check(table)).toEqual(['10:11 unchecked 10: no value of the rows it names agrees', '11:15 unchecked 700 000: no value of the rows it names agrees']);
    expect(check('Dans 10 pays, dont le Japon.')).toEqual(['8:6 verified 10: the number of rows of data/users.csv']);
  });

  it("gives each number of the body its offset in article.md, for the page's marks", () => {
    const file = new VFile({ path: 'article.md', value: '---\ntitle: T\ndescription: D\nlang: en\ndate: 2026-11-24\n---\n\nIn all, 5 million users.\n' });
    const parsed = parseArticle(file);
    const [number] = checkNumbers(textUnits(parsed.tree, file, 'en', parsed.frontMatter, parsed.frontMatterLine), numberSources([users]), 'en');
    expect(number?.offset).toBe(String(file.value).indexOf('5 million'));
  });

  it('checks the numbers of the title too, which have no offset in the body', () => {
    const file = new VFile({ path: 'article.md', value: '---\ntitle: 5 million users in all\ndescription: D\nlang: en\ndate: 2026-11-24\n---\n\nText.\n' });
    const parsed = parseArticle(file);
    const numbers = checkNumbers(textUnits(parsed.tree, file, 'en', parsed.frontMatter, parsed.frontMatterLine), numberSources([users]), 'en');
    expect(numbers.map(({ status, place, offset, note }) => ({ status, place, offset, note }))).toEqual([
      { status: 'verified', place: { line: 2, column: 8 }, offset: undefined, note: 'the sum of users in data/users.csv' },
    ]);
  });

  it('reads a sentence as a total by each word of a total of each language, and only by them', () => {
    const totals: Record<string, [words: string[], number: string]> = {
      en: [['total', 'totals', 'totalling', 'totaling', 'in all', 'altogether'], '6 million'],
      fr: [['total', 'au total', 'en tout', 'totalisant', 'totalise', 'cumulé', 'cumulés'], '6 millions'],
      de: [['insgesamt', 'gesamt', 'Summe', 'zusammengerechnet'], '6 Millionen'],
      es: [['total', 'en total', 'suman'], '6 millones'],
      it: [['totale', 'in tutto', 'complessivamente'], '6 milioni'],
      pt: [['total', 'no total', 'ao todo'], '6 milhões'],
      nl: [['totaal', 'in totaal', 'opgeteld'], '6 miljoen'],
    };
    for (const [lang, [words, number]] of Object.entries(totals)) {
      for (const word of words) {
        expect(check(`${word} ${number}.`, lang)[0], `${lang}: ${word}`).toMatch(
          / contradicted .* as a total, but the sum of users in data\/users\.csv says 5300000$/,
        );
      }
      expect(check(`Ab ${number}.`, lang)[0], lang).toMatch(/ unchecked /);
    }
  });

  it('counts the contradicted numbers of a build', () => {
    expect(summarizeNumbers([{ status: 'contradicted' }, { status: 'verified' }, { status: 'contradicted' }])).toBe(
      'numbers: 1 verified against the data, 2 contradicted, 0 unchecked',
    );
    expect(summarizeNumbers([])).toBe('numbers: 0 verified against the data, 0 contradicted, 0 unchecked');
  });
});
