// The two kinds of failure (content, environment) with their exit statuses, and how a problem is
// told.
import type { VFileMessage } from 'vfile-message';

/** Exit statuses of the contract: 1 the content is invalid, 2 the environment is at fault. */
export const EXIT_CONTENT = 1;
export const EXIT_ENVIRONMENT = 2;

/**
 * A failure that is not the content's fault: no browser, an output folder that
 * cannot be written. Its message is one line that says what to do.
 */
export class EnvironmentError extends Error {
  readonly exitCode = EXIT_ENVIRONMENT;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvironmentError';
  }
}

/** The content is invalid: carries every problem found, reported together. */
export class ContentError extends Error {
  readonly exitCode = EXIT_CONTENT;
  constructor(readonly problems: readonly VFileMessage[]) {
    super(`${problems.length} problem(s) in the content`);
    this.name = 'ContentError';
  }
}

/** `<file>:<line>:<column>: <reason>`, the file relative to the content folder. */
export function formatProblem(message: VFileMessage): string {
  const place = [message.file || 'article.md'];
  if (message.line != null) place.push(String(message.line));
  if (message.line != null && message.column != null) place.push(String(message.column));
  const prefix = message.fatal ? '' : 'warning: ';
  return `${place.join(':')}: ${prefix}${message.reason}`;
}

/**
 * The problem as `--verbose` tells it: the rule that found it in brackets, then the error
 * of the library behind it (vega-lite, vega, yaml, csv-parse), indented.
 */
export function explainProblem(message: VFileMessage): string {
  const line = formatProblem(message);
  const cause = message.cause instanceof Error ? (message.cause.stack ?? message.cause.message) : message.cause == null ? '' : String(message.cause);
  return [`${line} [${message.ruleId ?? 'problem'}]`, ...(cause ? cause.split('\n').map((text) => `    ${text}`) : [])].join('\n');
}

/** The first line of an error's message, at most 300 characters: what a one-line report of it says. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? message;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
