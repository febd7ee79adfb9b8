// Content problems recorded on their files, with a place, to be reported together.
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

const SOURCE = 'briefing';

/** A place in a file: the column is left out where only the line is known. */
export type Place = Readonly<{ line: number; column?: number }> | Position;

/**
 * Records a content error on `file`, at `place` when it is known. `cause` is the library's
 * own error behind it, shown by `--verbose`.
 */
export function addError(file: VFile, reason: string, place?: Place, ruleId?: string, cause?: unknown): VFileMessage {
  const message = file.message(reason, { place: place as Position | undefined, ruleId, source: SOURCE, cause: cause instanceof Error ? cause : undefined });
  message.fatal = true;
  return message;
}

/** Records a warning: the build goes on, the user is told. `detail` is the library's own words, shown by `--verbose`. */
export function addWarning(file: VFile, reason: string, place?: Place, ruleId?: string, detail?: string): VFileMessage {
  const message = file.message(reason, { place: place as Position | undefined, ruleId, source: SOURCE });
  if (detail) message.cause = detail;
  return message;
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/**
 * Every message of every file, each file's in the order of its lines. A data file read
 * by two charts is checked twice; its problems are told once.
 */
export function allMessages(files: readonly VFile[]): VFileMessage[] {
  const seen = new Set<string>();
  return files.flatMap((file) =>
    [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .filter((message) => {
        const key = `${message.file}:${message.line}:${message.column}:${message.fatal}:${message.reason}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  );
}
