// JSON data that a chart reads, checked as strictly as a CSV: a list of rows, and numbers where
// the chart needs them.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';
import { MAX_ROWS } from './read-csv.js';

/**
 * Checks a JSON file that a chart reads: valid JSON, a list of objects, and every value of a
 * field the chart encodes as quantitative a finite number, or null for a missing one ("12",
 * "NaN" or 1e999 are not). Each problem is told at its line.
 */
export function checkJson(text: string, file: VFile, quantitativeFields: ReadonlySet<string>): void {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    addError(file, `invalid JSON: ${first ? printParseErrorCode(first.error) : 'empty file'}`, { line: first ? lineOf(first.offset) : 1, column: 1 }, 'json');
    return;
  }
  if (root.type !== 'array') {
    addError(
      file,
      `the JSON file must hold a list of rows ([{…}, {…}]), not ${root.type === 'object' ? 'an object' : `a ${root.type}`}`,
      { line: lineOf(root.offset), column: 1 },
      'json',
    );
    return;
  }
  if ((root.children?.length ?? 0) > MAX_ROWS) {
    addError(
      file,
      `the JSON file has ${root.children!.length.toLocaleString('en')} rows: a chart reads at most ${MAX_ROWS.toLocaleString('en')}`,
      { line: lineOf(root.children![MAX_ROWS]!.offset), column: 1 },
      'json',
    );
    return;
  }
  for (const row of root.children ?? []) {
    if (row.type !== 'object') {
      addError(file, 'each row of the list must be an object ({"name": value, …})', { line: lineOf(row.offset), column: 1 }, 'json');
      continue;
    }
    for (const property of row.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value || !quantitativeFields.has(String(key.value))) continue;
      if (!isNumber(value)) {
        // As written in the file: 1e999 is not "null", as JSON.stringify would say of Infinity.
        const written = text.slice(value.offset, value.offset + value.length);
        addError(file, `field "${key.value}": ${written} is not a number`, { line: lineOf(value.offset), column: 1 }, 'json-number');
      }
    }
  }
}

/** A finite number, or null (a missing value); a numeral too large for a double (1e999) is not finite. */
function isNumber(node: Node): boolean {
  return node.type === 'null' || (node.type === 'number' && Number.isFinite(node.value));
}
