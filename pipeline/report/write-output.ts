// The staging folder a build writes into, swapped in whole, and the output folder's lock.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../problems/errors.js';
import { isAlive } from '../system/process-alive.js';
import { claimOutput, GITKEEP, MANIFEST, makeManifest } from './claim-output.js';
import { exchangeFolders } from './exchange-folders.js';

/**
 * The output folder is replaced whole: a build writes into a staging folder beside it and
 * swaps it in at the end, so that a reader sees either the old set of files or the new
 * one, and a failed build leaves the folder as it was.
 */
export type Staging = Readonly<{
  dir: string;
  write(relativePath: string, data: string | Uint8Array): Promise<void>;
  copy(source: string, relativePath: string): Promise<void>;
  remove(relativePath: string): Promise<void>;
  /**
   * Swaps the staging folder in as the output folder, with the manifest of what it holds,
   * once the output folder is proved to be the build's (see claimOutput).
   */
  commit(): Promise<void>;
  /** Removes the staging folder; safe to call after commit. */
  dispose(): Promise<void>;
}>;

/** Call with the output folder's lock held (see lockOutput). */
export async function createStaging(outDir: string, contentDir: string): Promise<Staging> {
  const dir = join(dirname(outDir), `.${basename(outDir)}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Ctrl-C or a crash must not leave the staging folder behind, even one still being made:
  // writes in libuv's threads go on meanwhile, so the removal is tried until it is gone. It
  // never throws: an exit handler that throws stops the ones after it (the lock's).
  const removeOnExit = () => {
    for (let attempt = 1; attempt <= 5 && existsSync(dir); attempt++) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      } catch (error) {
        if (attempt === 5) process.stderr.write(`could not remove ${dir}: ${(error as Error).message}\n`);
      }
    }
  };
  process.on('exit', removeOnExit);
  try {
    mkdirSync(dir);
  } catch (error) {
    process.off('exit', removeOnExit);
    throw new EnvironmentError(`the output folder ${outDir} is not writable: ${(error as Error).message}`, { cause: error });
  }

  const target = (relativePath: string) => join(dir, relativePath);
  // Subfolders are made one level at a time, never the staging folder itself: a write still
  // in flight when the exit handler removes the folder then fails instead of making it anew.
  const ensureParent = async (relativePath: string) => {
    const parts = relativePath.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) {
      await mkdir(join(dir, ...parts.slice(0, depth))).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    }
  };
  return {
    dir,
    async write(relativePath, data) {
      await ensureParent(relativePath);
      await writeFile(target(relativePath), data);
    },
    async copy(source, relativePath) {
      await ensureParent(relativePath);
      await copyFile(source, target(relativePath));
    },
    async remove(relativePath) {
      await rm(target(relativePath), { force: true });
    },
    async commit() {
      // Proved again at the last moment: something may have been put there during the build.
      claimOutput(outDir, contentDir);
      // Files that live in the output folder but are not the build's, such as a .gitkeep, stay.
      await copyFile(join(outDir, GITKEEP), join(dir, GITKEEP)).catch(() => {});
      await writeFile(join(dir, MANIFEST), makeManifest(dir));
      try {
        // A reader sees the old folder or the new one, never neither: the two are exchanged
        // in one step, and the old one, now at the staging path, is removed.
        if (await exists(outDir)) {
          if (!exchangeFolders(dir, outDir)) await replaceInTwoSteps(dir, outDir);
        } else {
          await rename(dir, outDir);
        }
      } catch (error) {
        throw new EnvironmentError(`cannot replace the output folder ${outDir}: ${(error as Error).message}`, { cause: error });
      }
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true });
      process.off('exit', removeOnExit);
    },
  };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Without a one-step exchange: the old folder aside, the new one in, the old one at the staging path for dispose(). */
async function replaceInTwoSteps(staged: string, outDir: string): Promise<void> {
  const previous = `${staged}.previous`;
  await rename(outDir, previous);
  try {
    await rename(staged, outDir);
  } catch (error) {
    await rename(previous, outDir).catch(() => {});
    throw error;
  }
  await rename(previous, staged);
}

export type OutputLock = { release(): void };

/**
 * Takes the output folder for this build: a lock folder beside it, holding the owner's
 * pid. A second build of the same folder stops at once; a lock whose process is gone is
 * stale and taken over. Whoever holds it removes the staging folders of builds that were
 * killed outright. The lock goes when released, and when the process exits.
 */
export function lockOutput(outDir: string): OutputLock {
  const parent = dirname(outDir);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new EnvironmentError(`cannot create ${parent}: ${(error as Error).message}`, { cause: error });
  }
  const path = join(parent, `.${basename(outDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(path);
      try {
        writeFileSync(join(path, 'pid'), String(process.pid));
      } catch (error) {
        // (A full disk, say: the lock must not stay behind the failed build.)
        rmSync(path, { recursive: true, force: true });
        throw error;
      }
      removeDeadStaging(parent, basename(outDir));
      const release = () => {
        process.off('exit', release);
        try {
          rmSync(path, { recursive: true, force: true, maxRetries: 3 });
        } catch {} // the next build takes over a lock whose process is gone
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new EnvironmentError(`the output folder ${outDir} is not writable: ${(error as Error).message}`, { cause: error });
      }
      const owner = readOwner(path);
      if (owner !== undefined && isAlive(owner)) {
        throw new EnvironmentError(`the output folder ${outDir} is being built by another process (pid ${owner}); try again when it ends`);
      }
      rmSync(path, { recursive: true, force: true });
    }
  }
  throw new EnvironmentError(`the output folder ${outDir} is being built by another process; try again when it ends`);
}

/** Staging folders left by builds of this output that were killed outright (SIGKILL, power cut). */
function removeDeadStaging(parent: string, base: string): void {
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.staging-(\\d+)-[0-9a-f]+(\\.previous)?$`);
  for (const name of readdirSync(parent)) {
    const owner = Number(pattern.exec(name)?.[1]);
    if (owner && owner !== process.pid && !isAlive(owner)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function readOwner(lockDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    // The owner may be between creating the folder and writing its pid: give it a moment.
    try {
      return Date.now() - statSync(lockDir).mtimeMs < 5_000 ? process.pid : undefined;
    } catch {
      return undefined;
    }
  }
}

export type OutputFile = string | Readonly<{ copy: string }>;

/** Writes (or copies) every file of a rendered report into a staging folder. */
export async function stageOutputs(stage: Staging, outputs: ReadonlyMap<string, OutputFile>): Promise<void> {
  await Promise.all([...outputs].map(([path, content]) => (typeof content === 'string' ? stage.write(path, content) : stage.copy(content.copy, path))));
}
