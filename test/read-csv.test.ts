import { describe, expect, it } from 'vitest';
import { type CsvTable, readCsv, toPlainCsv } from '../pipeline/data/read-csv.js';

/** The table of a CSV that must read. */
function table(text: string, lang = 'en'): CsvTable {
  const read = readCsv(text, lang);
  if ('problem' in read) throw new Error(`expected a table, got: ${read.problem}`);
  return read;
}

/** The one value of a `;` file's second column, as a language reads it. */
const cellOf = (value: string, lang: string) => table(`name;value\nx;${value}\n`, lang).records[0]?.values.value;

describe('readCsv', () => {
  it('reads each row with its line, the header trimmed, with Windows line ends', () => {
    expect(table(' country , users \r\nFrance,300000\r\n\r\n"Côte d\'Ivoire, La",12\r\n')).toEqual({
      delimiter: ',',
      columns: ['country', 'users'],
      records: [
        { line: 2, values: { country: 'France', users: '300000' } },
        { line: 4, values: { country: "Côte d'Ivoire, La", users: '12' } },
      ],
    });
  });

  it('counts the lines of a quoted cell on several lines alike, whatever the line ends', () => {
    const lines = (text: string) => table(text).records.map(({ line }) => line);
    expect(lines('a,b\r\n"x\r\ny",1\r\nz,2\r\n')).toEqual([3, 4]);
    expect(lines('a,b\n"x\ny",1\nz,2\n')).toEqual([3, 4]);
  });

  it.each([
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a,b;c\n1,2;3\n', ','], // as many of each: a comma
    ['a;b,c,d\n1;2,3,4\n', ','],
    ['\uFEFFa;b\n1;2\n', ';'],
    ['a\n1\n', ','],
  ])('finds the delimiter of %j from its header line', (text, delimiter) => {
    expect(table(text).delimiter).toBe(delimiter);
  });

  it('drops the byte-order mark at the start of the file only', () => {
    expect(table('\uFEFFa,b\n\uFEFFx,1\n')).toMatchObject({ columns: ['a', 'b'], records: [{ line: 2, values: { a: '\uFEFFx', b: '1' } }] });
  });

  it('keeps a byte-order mark inside the file when the file starts without one', () => {
    // Two exports joined end to end: the second one's BOM is a character of the first cell of its line.
    expect(table('a,b\n1,2\n\uFEFFx,3\n')).toMatchObject({ columns: ['a', 'b'], records: [{ values: { a: '1' } }, { values: { a: '\uFEFFx', b: '3' } }] });
  });

  it('reads old Mac line ends (a carriage return alone), even mixed with others', () => {
    expect(table('country,users\rFrance,300000\nChina,12\r')).toMatchObject({
      columns: ['country', 'users'],
      records: [
        { line: 2, values: { country: 'France', users: '300000' } },
        { line: 3, values: { country: 'China', users: '12' } },
      ],
    });
  });

  it('finds the delimiter in the header line only', () => {
    expect(table('a,b\r\n1;2;3;4,x\r\n')).toMatchObject({ delimiter: ',', columns: ['a', 'b'] });
    expect(table('a;b\n"1,2,3";x\n')).toMatchObject({ delimiter: ';', columns: ['a', 'b'] });
  });

  it.each([
    ['', 'the CSV file is empty', 1],
    ['\uFEFF', 'the CSV file is empty', 1],
    ['\n\n', 'the CSV file is empty', 1],
    ['a,b\n1,2\n3,4,5\n', 'invalid CSV: expect 2, got 3 on line 3', 3],
    ['a,b\n1\n', 'invalid CSV: expect 2, got 1 on line 2', 2],
    ['a,b\n1,2\n"3,4\n', 'invalid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 3', 3],
    ['a,,b\n1,2,3\n', 'column 2 has no name in the header line', 1],
    [' ,a\n1,2\n', 'column 1 has no name in the header line', 1],
    ['a, b ,b\n1,2,3\n', 'column "b" appears twice in the header line: give each column its own name', 1],
  ])('tells what is wrong with %j, at its line', (text, problem, line) => {
    expect(readCsv(text)).toEqual({ problem, line });
  });

  it.each([
    ['14,13', '14.13'],
    ['1.749', '1749'],
    ['1.234.567,89', '1234567.89'],
    ['1 234,5', '1234.5'],
    ['1\u00a0234,5', '1234.5'],
    ['1\u202f234,5', '1234.5'],
    [' 3,5 ', '3.5'],
    ['−3,5', '-3.5'],
    ['-1.000', '-1000'],
    ['+2,25', '+2.25'],
    ['1234,5', '1234.5'],
    ['12', '12'],
    ['12.345', '12345'],
    ['123 456,7', '123456.7'],
  ])('reads %j in a ; file of a language of decimal commas as %j', (value, number) => {
    expect(cellOf(value, 'de')).toBe(number);
    expect(cellOf(value, 'fr')).toBe(number);
  });

  it.each([['1.23,4'], ['12,34,56'], ['1.2345'], ['1 23'], ['14,'], [',5'], ['3,5 %'], ['n/a'], ['1,5e3'], ['12.345.6'], ['x1,5'], ['1,5x']])(
    'leaves %j as it is written',
    (value) => {
      expect(cellOf(value, 'de')).toBe(value);
    },
  );

  it('keeps decimal commas where the language has decimal points, or the delimiter is a comma', () => {
    expect(cellOf('14,13', 'en')).toBe('14,13');
    expect(cellOf('1.749', 'en')).toBe('1.749');
    expect(cellOf('14,5', 'not a language!')).toBe('14,5');
    expect(table('name,value\nx,"14,13"\ny,1.749\n', 'de').records.map((record) => record.values.value)).toEqual(['14,13', '1.749']);
  });

  it('reads a file once per language: the same text read again is the same table', () => {
    const text = 'city;rent\nFreiburg;14,13\n';
    expect(readCsv(text, 'de')).toBe(readCsv(text, 'de'));
    expect(table(text, 'de').records[0]?.values.rent).toBe('14.13');
    expect(table(text, 'en').records[0]?.values.rent).toBe('14,13');
    expect(table(text).records[0]?.values.rent).toBe('14,13'); // English unless told
    expect(readCsv(text)).toBe(readCsv(text, 'en'));
  });

  it('still reads a file right after many others', () => {
    const first = table('n;v\na;1,5\n', 'de');
    for (let index = 0; index < 40; index++) table(`n;v\na;${index},5\n`, 'de');
    expect(table('n;v\na;1,5\n', 'de')).toEqual(first);
    expect(table('n;v\na;1,5\n', 'en').records[0]?.values.v).toBe('1,5');
  });
});

describe('toPlainCsv', () => {
  it('writes a table with commas and decimal points, quoting what needs it', () => {
    const read = table('\uFEFFname;value;note\n"Smith, J.";1.234,5;"said ""hi"""\n"two\nlines";2;\n', 'de');
    expect(toPlainCsv(read)).toBe('name,value,note\n"Smith, J.",1234.5,"said ""hi"""\n"two\nlines",2,\n');
    expect(toPlainCsv({ delimiter: ',', columns: ['a', 'b'], records: [{ line: 2, values: { a: 'x\ry' } }] })).toBe('a,b\n"x\ry",\n');
  });
});
