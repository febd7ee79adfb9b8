// The spec mistakes vega-lite would report about its internals: unknown marks and channels, broken
// expressions.
import { findNodeAtLocation, type JSONPath, parseTree } from 'jsonc-parser';
import { parseExpression } from 'vega';
import { MAX_ROWS } from '../data/read-csv.js';
import { suggest } from '../problems/near-miss.js';
import { loadVocabulary, type SpecProblem } from './vega-lite-schema.js';

export type { SpecProblem };

/** The widest or tallest a chart may be drawn, in px: ten times a page's column. */
export const MAX_SIZE = 6_400;

/** Keys whose string value is a vega expression ("datum.users > 0"). */
const EXPRESSION_KEYS = new Set(['filter', 'calculate', 'expr', 'test']);

/**
 * The mistakes that make vega-lite fail with a message about its own internals ("Cannot
 * read properties of undefined") or with no place at all: a mark it does not know, an
 * encoding channel it does not know, an expression that does not parse. Each is given with
 * the offset of the bad word in the fence's body.
 */
export function checkSpec(body: string, spec: unknown): SpecProblem[] {
  const tree = parseTree(body);
  if (!tree) return [];
  const { marks, channels } = loadVocabulary();
  const problems: SpecProblem[] = [];
  const at = (path: JSONPath, key = false) => {
    const node = findNodeAtLocation(tree, path);
    return (key ? node?.parent?.children?.[0]?.offset : node?.offset) ?? 0;
  };
  const walk = (value: unknown, path: JSONPath) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'config') continue; // config.mark is the default style of all marks, not a mark
      if (key === 'mark') {
        const type = typeof child === 'string' ? child : (child as { type?: unknown } | null)?.type;
        const typePath = typeof child === 'string' ? [...path, key] : [...path, key, 'type'];
        if (typeof type === 'string' && !marks.has(type)) {
          problems.push({ reason: `unknown mark "${type}"${suggest(type, marks)}`, offset: at(typePath) });
        }
      }
      if (key === 'encoding' && child !== null && typeof child === 'object' && !Array.isArray(child)) {
        for (const channel of Object.keys(child)) {
          if (!channels.has(channel)) {
            problems.push({ reason: `unknown encoding channel "${channel}"${suggest(channel, channels)}`, offset: at([...path, key, channel], true) });
          }
        }
      }
      if ((key === 'width' || key === 'height') && typeof child === 'number' && !(child > 0 && child <= MAX_SIZE)) {
        problems.push({
          reason: `${key} ${child} is out of bounds: a chart is at most ${MAX_SIZE} px ${key === 'width' ? 'wide' : 'tall'}`,
          offset: at([...path, key]),
        });
      }
      if (key === 'sequence' && child !== null && typeof child === 'object') {
        const { start = 0, stop, step = 1 } = child as { start?: unknown; stop?: unknown; step?: unknown };
        const count = typeof start === 'number' && typeof stop === 'number' && typeof step === 'number' && step !== 0 ? Math.ceil((stop - start) / step) : 0;
        if (!Number.isFinite(count) || count > MAX_ROWS) {
          problems.push({
            reason: `a sequence of ${Number.isFinite(count) ? count.toLocaleString('en') : 'endless'} values is too long: a chart reads at most ${MAX_ROWS.toLocaleString('en')} rows`,
            offset: at([...path, key]),
          });
        }
      }
      if (EXPRESSION_KEYS.has(key) && typeof child === 'string') {
        try {
          parseExpression(child);
        } catch (error) {
          problems.push({ reason: `invalid expression ${JSON.stringify(child)}: ${(error as Error).message}`, offset: at([...path, key]) });
        }
      }
      walk(child, [...path, key]);
    }
  };
  walk(spec, []);
  return problems;
}
