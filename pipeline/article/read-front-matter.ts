// The front matter: its YAML read with the line of every key, checked by a zod schema from which
// its types are made.
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { firstLine } from '../problems/errors.js';
import { nearMiss } from '../problems/near-miss.js';
import { addError, addWarning } from '../problems/problems.js';
import { checkUpdates, isoDate, updateEntry } from './updates.js';

/** The line of a front-matter key (`['figures', 0, 'field']`) in article.md. */
export type FrontMatterLines = (path: readonly (string | number)[]) => number;

const text = z.string().trim().min(1, 'must not be empty');

/**
 * A key figure of the cover, computed from a data file: `sum`, `mean`, `min` or `max` of
 * a column, or `count` of the rows. With `show`, `min` and `max` give that column of the
 * row they pick (the country with the most users) instead of the number.
 */
const keyFigure = z
  .object({
    label: text,
    data: text,
    op: z.enum(['sum', 'mean', 'min', 'max', 'count']),
    field: text.optional(),
    show: text.optional(),
    format: z.enum(['number', 'compact', 'percent', 'signed']).default('number'),
  })
  .strict()
  .refine((figure) => figure.op === 'count' || figure.field !== undefined, { message: 'needs a "field" to compute on', path: ['field'] })
  .refine((figure) => figure.show === undefined || figure.op === 'min' || figure.op === 'max', {
    message: 'can only be used with op min or max',
    path: ['show'],
  });

const schema = z.object({
  title: text,
  /** The running header of the PDF; else the title, cut at a word. */
  short_title: text.max(80, 'must be at most 80 characters').optional(),
  subtitle: text.optional(),
  description: text,
  lang: text.refine(isLanguageTag, 'must be a BCP 47 language tag such as fr, en or de-CH'),
  date: isoDate,
  author: text.optional(),
  url: z
    .string()
    .refine((value) => /^https?:\/\/[^/]+/.test(value), 'must be an absolute http(s) URL')
    .optional(),
  keywords: z.array(text).optional(),
  /** The chart shown small on the share images (its fence id); else the first chart. */
  share_chart: text.optional(),
  figures: z.array(keyFigure).max(4, 'holds at most 4 key figures').optional(),
  /** Updates and corrections since publication, from the oldest to the newest. */
  updates: z.array(updateEntry).optional(),
});
const checkedSchema = schema.superRefine(checkUpdates);

export type KeyFigureSpec = Readonly<z.output<typeof keyFigure>>;

/** The strict front matter of an article, as the rest of the pipeline sees it: what the schema gives. */
export type FrontMatter = Readonly<z.output<typeof schema>>;

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/**
 * Validates the YAML front matter found at `startLine` (the line of the opening `---`)
 * of `file`. Every problem is recorded on `file` with the line of its key; returns
 * the strict front matter, or undefined when it is invalid.
 */
export function readFrontMatter(
  yamlText: string | undefined,
  startLine: number,
  file: VFile,
): { frontMatter: FrontMatter | undefined; lineOf: FrontMatterLines } {
  const fallback: FrontMatterLines = () => startLine;
  if (yamlText === undefined) {
    addError(file, 'missing front matter: start the file with a `---` block holding title, description, lang and date', { line: 1, column: 1 }, 'front-matter');
    return { frontMatter: undefined, lineOf: fallback };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const yamlLine = startLine + 1;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      addError(file, `invalid YAML in front matter: ${firstLine(error)}`, { line: yamlLine + pos.line - 1, column: pos.col }, 'front-matter-yaml', error);
    }
    return { frontMatter: undefined, lineOf: fallback };
  }
  let data: unknown;
  try {
    // An alias may stand for a big value: a few dozen of them nested can make billions.
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    addError(
      file,
      `invalid YAML in front matter: ${firstLine(error)}: write the values out instead of repeating them with aliases (*)`,
      { line: startLine, column: 1 },
      'front-matter-yaml',
      error,
    );
    return { frontMatter: undefined, lineOf: fallback };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    addError(file, 'front matter must be a mapping of keys to values', { line: startLine, column: 1 }, 'front-matter');
    return { frontMatter: undefined, lineOf: fallback };
  }

  // The deepest node of the path that exists: the key itself, else the mapping that lacks it.
  const lineOf: FrontMatterLines = (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      const parent = depth > 1 ? document.getIn(path.slice(0, depth - 1), true) : document.contents;
      const key = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path[depth - 1])?.key : undefined;
      const range = (isScalar(key) ? key.range : undefined) ?? node?.range;
      if (range) return yamlLine + lineCounter.linePos(range[0]).line - 1;
    }
    return startLine;
  };

  const result = checkedSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const name = path
        .map((part) => (typeof part === 'number' ? `[${part}]` : part))
        .join('.')
        .replace(/\.\[/g, '[');
      const present = path.length === 0 || valueAt(data, path) !== undefined;
      const reason =
        issue.code === 'unrecognized_keys'
          ? `front matter "${name}" has unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`
          : present || issue.code === 'custom'
            ? `front matter "${name}" ${describe(issue)}`
            : path.length === 1
              ? `front matter is missing required key "${name}"`
              : `front matter "${name}" is missing`;
      addError(file, reason, { line: lineOf(path), column: 1 }, 'front-matter');
    }
    return { frontMatter: undefined, lineOf };
  }
  // A key the build does not know is most often a typo (figure: for figures:), which would drop what it holds.
  const known = new Set(Object.keys(schema.shape));
  for (const key of Object.keys(data).filter((key) => !known.has(key))) {
    addWarning(
      file,
      `front matter key "${key}" is not one the build reads${nearMiss(key, known) || `: the keys are ${[...known].join(', ')}`}`,
      { line: lineOf([key]), column: 1 },
      'front-matter',
    );
  }
  if (!knownLanguage(result.data.lang)) {
    addWarning(
      file,
      `front matter "lang": "${result.data.lang}" is not a language this machine knows: numbers, dates and words will be written as in English`,
      { line: lineOf(['lang']), column: 1 },
      'front-matter',
    );
  }
  return { frontMatter: result.data, lineOf };
}

/** Whether Intl knows the tag's language (fr, de-CH, pt-BR; not xx or xx-invalid). */
function knownLanguage(tag: string): boolean {
  try {
    const language = new Intl.Locale(tag).language;
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language) !== undefined;
  } catch {
    return false;
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return value;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'string' ? 'text' : issue.expected === 'array' ? 'a list' : issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  if (issue.code === 'invalid_union') return 'must be a date written YYYY-MM-DD';
  return issue.message;
}
