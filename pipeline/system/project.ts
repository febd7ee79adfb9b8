// The project's own folders, found from its sources or its bundle alike.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's own folders, found from wherever this code runs: its sources
 * (pipeline/<stage>/), or their bundle (<cache>/pipeline/<stage>/ and <cache>/pipeline/chunks/,
 * with templates/ linked beside). Every module that needs them asks here, at the same depth.
 */
const HERE = new URL('../../', import.meta.url);

/** templates/: the page, print and share templates and their stylesheets. */
export const TEMPLATES = fileURLToPath(new URL('templates/', HERE));

/** The pipeline's code as it runs: its TypeScript sources, or their compiled bundle. */
export const PIPELINE_CODE = fileURLToPath(new URL('pipeline/', HERE));

/** The project's folder (the one holding package.json and templates/), or undefined when it cannot be found. */
export function projectRoot(): string | undefined {
  try {
    return dirname(realpathSync(TEMPLATES));
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** A hash of every file under `dir` (in every subfolder) whose name matches `include`: its path and its bytes. */
export function hashFiles(dir: string, include: RegExp): string {
  const hash = createHash('sha256');
  for (const name of listFiles(dir).filter((file) => include.test(file))) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
