// The cover's key figures, computed from the data files.
import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import type { FrontMatterLines, KeyFigureSpec } from '../article/read-front-matter.js';
import { formatNumber } from '../language/localize.js';
import { typesetString } from '../language/typeset-text.js';
import { addError } from '../problems/problems.js';
import { type DataLoader, resolveContentUrl } from './load-chart-data.js';
import { parseCell, type Row, readTable } from './read-table.js';

/** A key figure as the cover shows it: "5,3 millions" / "d’utilisateurs bloqués". */
export type KeyFigure = Readonly<{ value: string; label: string; detail?: string }>;

/**
 * Computes the front matter's key figures from the data files, so that the cover never
 * states a number the data does not hold. Problems are reported at the figure's line.
 */
export async function computeKeyFigures(
  specs: readonly KeyFigureSpec[],
  context: Readonly<{ contentDir: string; lang: string; article: VFile; lineOf: FrontMatterLines; loader?: DataLoader }>,
): Promise<KeyFigure[]> {
  const figures: KeyFigure[] = [];
  for (const [index, spec] of specs.entries()) {
    const fail = (key: string, reason: string) => {
      addError(context.article, `key figure "${spec.label}": ${reason}`, { line: context.lineOf(['figures', index, key]), column: 1 }, 'key-figure');
    };
    const resolved = resolveContentUrl(spec.data, context.contentDir, 'chart data');
    if (!resolved.ok) {
      fail('data', resolved.reason);
      continue;
    }
    const read = context.loader?.file ?? ((path: string) => readFile(path, 'utf8'));
    const rows = readTable(await read(resolved.path), spec.data, context.lang);
    if (typeof rows === 'string') {
      fail('data', rows);
      continue;
    }
    const figure = computeFigure(spec, rows, context.lang);
    if ('problem' in figure) fail(figure.key, figure.problem);
    // The label is prose, set as the page's text is: "2024–25", "d’utilisateurs".
    else figures.push({ ...figure, label: typesetString(figure.label, context.lang) });
  }
  return figures;
}

type Problem = Readonly<{ problem: string; key: 'data' | 'field' | 'show' }>;

/**
 * How a key figure writes its number: `number` (5 300 000), `compact` (5,3 millions),
 * `percent` (a fraction: 0.41 is 41 %) or `signed` (+1,2 and −0,8). A value that rounds
 * to zero is 0, never −0.
 */
const FORMATS: Readonly<Record<KeyFigureSpec['format'], Intl.NumberFormatOptions>> = {
  number: { maximumFractionDigits: 1 },
  compact: { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 },
  percent: { style: 'percent', maximumFractionDigits: 1 },
  signed: { maximumFractionDigits: 1, signDisplay: 'exceptZero' },
};

export function computeFigure(spec: KeyFigureSpec, rows: readonly Row[], lang: string): KeyFigure | Problem {
  const format = (value: number) => formatNumber(value, lang, { signDisplay: 'negative', ...FORMATS[spec.format] });
  if (rows.length === 0) return { problem: `${spec.data} has no rows`, key: 'data' };
  for (const key of ['field', 'show'] as const) {
    const column = spec[key];
    if (column !== undefined && !(column in rows[0]!)) return { problem: `no column "${column}" in ${spec.data}`, key };
  }
  if (spec.op === 'count') {
    const count = spec.field ? rows.filter((row) => parseCell(row[spec.field!]).kind !== 'empty').length : rows.length;
    return { value: format(count), label: spec.label };
  }
  const field = spec.field!;
  const cells = rows.map((row) => ({ row, cell: parseCell(row[field]) }));
  const wrong = cells.find(({ cell }) => cell.kind === 'text');
  if (wrong?.cell.kind === 'text') return { problem: `column "${field}" of ${spec.data}: "${wrong.cell.text.trim()}" is not a number`, key: 'field' };
  const values = cells.flatMap(({ row, cell }) => (cell.kind === 'number' ? [{ row, number: cell.number }] : []));
  if (values.length === 0) return { problem: `column "${field}" of ${spec.data} holds no number`, key: 'field' };
  const numbers = values.map((entry) => entry.number);
  if (spec.op === 'sum') return { value: format(numbers.reduce((a, b) => a + b, 0)), label: spec.label };
  if (spec.op === 'mean') return { value: format(numbers.reduce((a, b) => a + b, 0) / numbers.length), label: spec.label };
  const pick = values.reduce((best, entry) => ((spec.op === 'max' ? entry.number > best.number : entry.number < best.number) ? entry : best));
  if (spec.show) return { value: String(pick.row[spec.show]), label: spec.label, detail: format(pick.number) };
  return { value: format(pick.number), label: spec.label };
}
