// article.md read as the build reads it: a file, not too large, in UTF-8.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { ContentError, EnvironmentError } from '../problems/errors.js';
import { addError, type Place } from '../problems/problems.js';

/** The largest article.md a build reads: a long briefing is a few hundred kilobytes. */
export const MAX_ARTICLE_BYTES = 2 * 2 ** 20;

/** article.md of the content folder, or a ContentError saying why it cannot be read as an article. */
export async function readArticle(contentDir: string): Promise<VFile> {
  const path = join(contentDir, 'article.md');
  // Problems of the file as a whole are told at its start; a missing file, with no place.
  const refuse = (reason: string, place?: Place): never => {
    const file = new VFile({ path: 'article.md' });
    addError(file, reason, place, 'article');
    throw new ContentError(file.messages);
  };
  try {
    const stats = await stat(path);
    const start = { line: 1, column: 1 };
    if (!stats.isFile()) refuse('article.md is not a file', start);
    if (stats.size > MAX_ARTICLE_BYTES)
      refuse(`article.md is ${(stats.size / 2 ** 20).toFixed(1)} MiB: the limit is ${MAX_ARTICLE_BYTES / 2 ** 20} MiB`, start);
    const bytes = await readFile(path);
    // UTF-16 (as some editors save): a byte-order mark, or a NUL in every other byte.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length > 1 && bytes[1] === 0 && bytes[3] === 0)) {
      refuse('article.md is UTF-16 text: save it as UTF-8', start);
    }
    return new VFile({ path: 'article.md', cwd: contentDir, value: new TextDecoder('utf-8').decode(bytes) });
  } catch (error) {
    if (error instanceof ContentError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') refuse(`no article.md in the content folder ${contentDir}`);
    throw new EnvironmentError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}
