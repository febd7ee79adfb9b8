// Whether an output folder is the build's to replace, and the manifest that proves it.
import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, resolve } from 'node:path';
import { EnvironmentError } from '../problems/errors.js';
import { isInside } from '../system/paths.js';
import { listFiles, projectRoot } from '../system/project.js';

/**
 * The mark of an output folder this pipeline made: the list of the files it wrote there.
 * A build replaces a folder only when it proves the folder is its own: the folder does not
 * exist, is empty (a lone .gitkeep counts as empty), or holds this list and nothing else.
 */
export const MANIFEST = '.briefing-output.json';
/** Kept from one build to the next, so that an output folder can be kept in Git. */
export const GITKEEP = '.gitkeep';
/** Files a system's file browser leaves in any folder it shows: nobody's work, replaced with the folder. */
const LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);
const isLitter = (file: string) => LITTER.has(basename(file));

export type Manifest = Readonly<{ generator: 'briefing'; files: readonly string[] }>;

/** `path` with its symbolic links resolved, as far as it exists. */
function realPath(path: string): string {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      if (at === dirname(at)) return resolve(path);
      missing.push(basename(at));
    }
  }
}

/** Whether `inner` is `outer` or lies under it (both absolute). */
const within = (inner: string, outer: string) => inner === outer || isInside(outer, inner);

/** A path as the user would type it from here. */
const shown = (path: string) => relative(process.cwd(), path) || '.';

function refuse(outDir: string, why: string): never {
  throw new EnvironmentError(
    `the output folder ${shown(outDir)} ${why}, so a build will not replace it; nothing was touched. Give --out a folder of its own: one that does not exist yet, is empty, or holds an earlier build (with its ${MANIFEST})`,
  );
}

/**
 * Throws an environment error, touching nothing, unless `outDir` may be replaced whole by a
 * build of `contentDir`.
 */
export function claimOutput(outDir: string, contentDir: string): void {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(outDir);
  } catch {
    // does not exist yet: checked below for where it would go
  }
  if (stats?.isSymbolicLink())
    refuse(outDir, `is a symbolic link (to ${realPath(outDir)}): a build replaces a folder whole and would not follow it; give the folder it points to`);
  if (stats && !stats.isDirectory()) refuse(outDir, 'is a file, not a folder');

  const real = realPath(outDir);
  const content = realPath(contentDir);
  if (within(content, real)) refuse(outDir, real === content ? 'is the content folder itself' : `holds the content folder ${shown(contentDir)}`);
  const root = projectRoot();
  for (const [folder, what] of [
    [parse(real).root, 'the root of the file system'],
    [realPath(homedir()), 'your home folder'],
    ...(root ? [[root, 'the project folder'] as const] : []),
  ] as const) {
    if (within(folder, real)) refuse(outDir, real === folder ? `is ${what}` : `holds ${what}`);
  }
  if (!stats) return;

  const entries = readdirSync(outDir)
    .filter((name) => name !== GITKEEP && !isLitter(name))
    .sort();
  if (entries.length === 0) return;
  if (entries.includes('.git')) refuse(outDir, 'holds a Git repository (.git)');
  const manifest = readManifest(outDir);
  if (!manifest) refuse(outDir, `is not empty and holds no earlier build (no ${MANIFEST}): it holds ${entries[0]}`);
  const files = listFiles(outDir).filter((file) => file !== GITKEEP && !isLitter(file));
  const made = new Set([...manifest.files, MANIFEST]);
  const strangers = files.filter((file) => !made.has(file));
  if (strangers.length > 0) refuse(outDir, `holds ${strangers.length} file(s) an earlier build did not make, such as ${strangers[0]}`);
}

function readManifest(outDir: string): Manifest | undefined {
  try {
    const value = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (value.generator === 'briefing' && Array.isArray(value.files) && value.files.every((file) => typeof file === 'string')) return value as Manifest;
  } catch {
    // no manifest, or not one of ours
  }
  return undefined;
}

/** The manifest of a staged output folder: every file in it but the .gitkeep. */
export function makeManifest(stagingDir: string): string {
  const manifest: Manifest = { generator: 'briefing', files: listFiles(stagingDir).filter((file) => file !== GITKEEP && file !== MANIFEST) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
