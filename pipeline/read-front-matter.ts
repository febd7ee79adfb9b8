import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { addError } from './problems.js';

/** The strict front matter of an article, as the rest of the pipeline sees it. */
export type FrontMatter = Readonly<{
  title: string;
  subtitle?: string;
  description: string;
  lang: string;
  date: string;
  author?: string;
  url?: string;
}>;

const text = z.string().trim().min(1, 'must not be empty');

const schema = z.object({
  title: text,
  subtitle: text.optional(),
  description: text,
  lang: text.refine(isLanguageTag, 'must be a BCP 47 language tag such as fr, en or de-CH'),
  date: z
    .union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))])
    .refine(isIsoDate, 'must be a date written YYYY-MM-DD'),
  author: text.optional(),
  url: z
    .string()
    .refine((value) => /^https?:\/\/[^/]+/.test(value), 'must be an absolute http(s) URL')
    .optional(),
});

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Validates the YAML front matter found at `startLine` (the line of the opening `---`)
 * of `file`. Every problem is recorded on `file` with the line of its key; returns
 * the strict front matter, or undefined when it is invalid.
 */
export function readFrontMatter(yamlText: string | undefined, startLine: number, file: VFile): FrontMatter | undefined {
  if (yamlText === undefined) {
    addError(file, 'missing front matter: start the file with a `---` block holding title, description, lang and date', { line: 1, column: 1 }, 'front-matter');
    return undefined;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const firstLine = startLine + 1;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      const reason = error.message.split('\n')[0] ?? error.message;
      addError(file, `invalid YAML in front matter: ${reason}`, { line: firstLine + pos.line - 1, column: pos.col }, 'front-matter-yaml');
    }
    return undefined;
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    addError(file, 'front matter must be a mapping of keys to values', { line: startLine, column: 1 }, 'front-matter');
    return undefined;
  }

  const keyLine = (key: string): number => {
    if (isMap(document.contents)) {
      for (const pair of document.contents.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
          return firstLine + lineCounter.linePos(pair.key.range[0]).line - 1;
        }
      }
    }
    return startLine;
  };

  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const present = key in (data as Record<string, unknown>);
      const reason = present ? `front matter "${key}" ${describe(issue)}` : `front matter is missing required key "${key}"`;
      addError(file, reason, { line: keyLine(key), column: 1 }, 'front-matter');
    }
    return undefined;
  }
  return result.data;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'string' ? 'text' : issue.expected}`;
  if (issue.code === 'invalid_union') return 'must be a date written YYYY-MM-DD';
  return issue.message;
}
