// The launched browser's folder (profile and temporary files), named after the build's process, and
// the removal of those of dead builds.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../system/process-alive.js';

/**
 * A launched browser's folder in the temporary folder: its profile, and, as its TMPDIR,
 * the sockets and shared memory files Chromium makes. The name carries the build's pid, so
 * that a later build can tell the folders of builds that were killed from those of builds
 * still running.
 */
const PREFIX = 'briefing-browser-';
const OWNED = new RegExp(`^${PREFIX}(\\d+)-`);

export function makeProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  mkdirSync(join(profile, 'tmp'));
  return profile;
}

/** Removes a profile at once: for a process that is exiting. */
export function removeProfileNow(profile: string): void {
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
}

/** Removes the browser folders of builds whose process is gone (killed outright, power cut). */
export async function removeDeadProfiles(): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  const dead = names.filter((name) => {
    const owner = Number(OWNED.exec(name)?.[1]);
    return owner > 0 && !isAlive(owner);
  });
  await Promise.all(dead.map((name) => rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => {})));
}
