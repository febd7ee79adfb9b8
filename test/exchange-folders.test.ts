import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exchangeFolders } from '../pipeline/report/exchange-folders.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-exchange-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder holding one file of the given name. */
function folderWith(name: string, file: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, file), file);
  return dir;
}

describe('exchangeFolders', () => {
  it('swaps two folders in one step', () => {
    const a = folderWith('a', 'old.txt');
    const b = folderWith('b', 'new.txt');
    expect(exchangeFolders(a, b)).toBe(true);
    expect(readdirSync(a)).toEqual(['new.txt']);
    expect(readdirSync(b)).toEqual(['old.txt']);
  });

  it('takes paths relative to the working folder', () => {
    const a = folderWith('relative-a', 'old.txt');
    const b = folderWith('relative-b', 'new.txt');
    expect(exchangeFolders(relative(process.cwd(), a), relative(process.cwd(), b))).toBe(true);
    expect(readdirSync(a)).toEqual(['new.txt']);
    expect(readdirSync(b)).toEqual(['old.txt']);
  });

  it('is false, touching nothing, when a folder is missing', () => {
    const a = folderWith('alone', 'old.txt');
    expect(exchangeFolders(a, join(work, 'missing'))).toBe(false);
    expect(readdirSync(a)).toEqual(['old.txt']);
    expect(readdirSync(work)).not.toContain('missing');
  });

  it('is false, touching nothing, on a system with no one-step exchange', async () => {
    const a = folderWith('bsd-a', 'old.txt');
    const b = folderWith('bsd-b', 'new.txt');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'freebsd' });
    try {
      // A copy of the module that has not yet looked for the call, as on a fresh start.
      vi.resetModules();
      const fresh = await import('../pipeline/report/exchange-folders.js');
      expect(fresh.exchangeFolders(a, b)).toBe(false);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(readdirSync(a)).toEqual(['old.txt']);
    expect(readdirSync(b)).toEqual(['new.txt']);
  });
});
