import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';

const require = createRequire(import.meta.url);

type Vocabulary = { marks: Set<string>; channels: Set<string> };
let vocabulary: Vocabulary | undefined;

/** Marks and encoding channels, read once from the JSON schema that vega-lite ships. */
function loadVocabulary(): Vocabulary {
  if (!vocabulary) {
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as {
      definitions: { Mark: { enum: string[] }; FacetedEncoding: { properties: Record<string, unknown> } };
    };
    vocabulary = {
      marks: new Set([...schema.definitions.Mark.enum, 'boxplot', 'errorbar', 'errorband']),
      channels: new Set(Object.keys(schema.definitions.FacetedEncoding.properties)),
    };
  }
  return vocabulary;
}

export type SpecProblem = Readonly<{ reason: string; offset: number }>;

/**
 * The two mistakes that make vega-lite fail with a message about its own internals ("Cannot
 * read properties of undefined"): a mark it does not know and an encoding channel it does
 * not know. Each is given with the offset of the bad word in the fence's body.
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
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, [...path, index]));
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
      walk(child, [...path, key]);
    }
  };
  walk(spec, []);
  return problems;
}

/** "did you mean" for a near miss (two edits at most), else the list to choose from. */
function suggest(word: string, known: ReadonlySet<string>): string {
  const [best] = [...known].map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) })).sort((a, b) => a.distance - b.distance);
  return best && best.distance <= 2 ? `: did you mean "${best.candidate}"?` : `: use ${[...known].join(', ')}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
