// A good build of a fixture (the short English one unless told), made once for a test file, and for each case a
// folder of its own: a copy of the fixture to spoil, and a copy of the good output for the build
// to leave untouched. Cases can then run side by side, each with its own output and lock.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT, runBuild, snapshot } from './helpers.js';

export const FIXTURE = join(ROOT, 'test', 'fixtures', 'en-briefing');

export type CaseFolders = Readonly<{ place: string; dir: string; target: string }>;

export type SpoiltCopies = Readonly<{
  /** The test file's own folder. */
  work: string;
  /** The good build's output, as its bytes. */
  before: () => Record<string, string>;
  /** What the good build printed. */
  printed: () => string;
  /** The folders of one case: `place` holds `content` (dir) and `out` (target), and must hold nothing else after its build. */
  folders: (name: string) => CaseFolders;
}>;

/** Registers the hooks that make the good build before the file's tests and remove everything after. */
export function spoiltCopies(prefix: string, fixture = FIXTURE): SpoiltCopies {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const out = join(work, 'out');
  let before: Record<string, string> = {};
  let printed = '';
  beforeAll(async () => {
    const run = await runBuild(['--content', fixture, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    printed = run.stdout;
    before = snapshot(out);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return {
    work,
    before: () => before,
    printed: () => printed,
    folders: (name) => {
      const place = join(work, 'cases', name.replace(/\W+/g, '-'));
      const folders = { place, dir: join(place, 'content'), target: join(place, 'out') };
      cpSync(fixture, folders.dir, { recursive: true });
      cpSync(out, folders.target, { recursive: true });
      return folders;
    },
  };
}
