// A CSV that a chart reads, checked: it parses, has rows, and holds numbers where the chart needs
// them.
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';
import { MAX_ROWS, readCsv } from './read-csv.js';
import { parseCell } from './read-table.js';

/**
 * Checks a CSV file that a chart reads, as readCsv reads it (`,` or `;`, a BOM or none): it
 * parses, its header names each column once, it has rows, and every non-empty value of a
 * column that the chart encodes as quantitative is a number. An empty cell is a missing
 * value, which charts may show as such.
 */
export function checkCsv(text: string, file: VFile, quantitativeFields: ReadonlySet<string>, lang = 'en'): void {
  const table = readCsv(text, lang);
  if ('problem' in table) {
    addError(file, table.problem, { line: table.line, column: 1 }, 'csv');
    return;
  }
  if (table.records.length === 0) {
    addError(file, 'the CSV file has no data rows', { line: 1, column: 1 }, 'csv');
    return;
  }
  if (table.records.length > MAX_ROWS) {
    addError(
      file,
      `the CSV file has ${table.records.length.toLocaleString('en')} rows: a chart reads at most ${MAX_ROWS.toLocaleString('en')}`,
      { line: table.records[MAX_ROWS]!.line, column: 1 },
      'csv',
    );
    return;
  }
  for (const { line, values } of table.records) {
    for (const field of quantitativeFields) {
      const cell = parseCell(values[field]);
      if (cell.kind === 'text') addError(file, `column "${field}": "${cell.text}" is not a number`, { line }, 'csv-number');
    }
  }
}
