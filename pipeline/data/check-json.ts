// JSON data that a chart reads, checked as strictly as a CSV: a list of rows, and numbers where
// the chart needs them.
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { addError } from '../problems/problems.js';
import { MAX_ROWS } from './read-csv.js';

/** How a spec reads a JSON file (its data's `format`): rows under a property, or a TopoJSON map; the fields it parses as numbers. */
export type JsonFormat = Readonly<{ type?: string; property?: string; numbers?: ReadonlySet<string> }>;

/**
 * Checks a JSON file that a chart reads: valid JSON, a list of objects (at `format.property`
 * when the spec names one, as GeoJSON's "features"), and every value of a field the chart
 * encodes as quantitative a finite number, or null for a missing one ("12", "NaN" or 1e999 are
 * not). A TopoJSON map (`format.type` "topojson") must be an object. Each problem is told at its line.
 */
export function checkJson(text: string, file: VFile, quantitativeFields: ReadonlySet<string>, format: JsonFormat = {}): void {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const errors: ParseError[] = [];
  const tree = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    addError(file, `invalid JSON: ${first ? printParseErrorCode(first.error) : 'empty file'}`, { line: first ? lineOf(first.offset) : 1, column: 1 }, 'json');
    return;
  }
  if (format.type === 'topojson') {
    if (tree.type !== 'object') addError(file, `a TopoJSON map must be an object, not ${describe(tree)}`, { line: lineOf(tree.offset), column: 1 }, 'json');
    return;
  }
  const path = format.property ? format.property.split('.') : [];
  const root = path.length > 0 ? findNodeAtLocation(tree, path) : tree;
  if (!root) {
    addError(file, `the JSON file has no "${format.property}", where the chart reads its rows`, { line: 1, column: 1 }, 'json');
    return;
  }
  if (root.type !== 'array') {
    const where = format.property ? `"${format.property}" must hold` : 'the JSON file must hold';
    addError(file, `${where} a list of rows ([{…}, {…}]), not ${describe(root)}`, { line: lineOf(root.offset), column: 1 }, 'json');
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
      // A numeral in quotes ("1565") only where the spec parses the field as a number, as vega then reads it.
      const parsed = value.type === 'string' && format.numbers?.has(String(key.value)) && NUMERAL.test(String(value.value));
      if (!isNumber(value) && !parsed) {
        // As written in the file: 1e999 is not "null", as JSON.stringify would say of Infinity.
        const written = text.slice(value.offset, value.offset + value.length);
        const hint =
          value.type === 'string' && NUMERAL.test(String(value.value))
            ? ` (write it without quotes, or parse it: "format": {"parse": {"${key.value}": "number"}})`
            : '';
        addError(file, `field "${key.value}": ${written} is not a number${hint}`, { line: lineOf(value.offset), column: 1 }, 'json-number');
      }
    }
  }
}

/** A number as JSON writes it. */
const NUMERAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

const describe = (node: Node) => (node.type === 'object' ? 'an object' : node.type === 'array' ? 'a list' : `a ${node.type}`);

/** A finite number, or null (a missing value); a numeral too large for a double (1e999) is not finite. */
function isNumber(node: Node): boolean {
  return node.type === 'null' || (node.type === 'number' && Number.isFinite(node.value));
}
