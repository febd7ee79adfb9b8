import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bindSwap, exchangeFolders, type LoadLibrary } from '../pipeline/report/exchange-folders.js';

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

/** A C library that records what is opened, bound and called, and answers `result`. */
function fakeLibrary(result: number) {
  const seen: { library?: string; declaration?: string; calls: unknown[][] } = { calls: [] };
  const load: LoadLibrary = (library) => {
    seen.library = library;
    return {
      func(declaration) {
        seen.declaration = declaration;
        return (...args) => {
          seen.calls.push(args);
          return result;
        };
      },
    };
  };
  return { load, seen };
}

describe('bindSwap', () => {
  // Linux: renameat2 from the working folder (AT_FDCWD, -100) with RENAME_EXCHANGE; macOS: renamex_np with RENAME_SWAP.
  it.each([
    ['linux', 'libc.so.6', 'int renameat2(int, str, int, str, unsigned int)', [-100, 'a', -100, 'b', 2]],
    ['darwin', '/usr/lib/libSystem.B.dylib', 'int renamex_np(str, str, unsigned int)', ['a', 'b', 2]],
  ])('on %s, opens %s and calls %s', (platform, library, declaration, call) => {
    const { load, seen } = fakeLibrary(0);
    expect(bindSwap(platform, load)?.('a', 'b')).toBe(true);
    expect(seen).toEqual({ library, declaration, calls: [call] });
  });

  it('is false when the call fails, on either system', () => {
    expect(bindSwap('linux', fakeLibrary(-1).load)?.('a', 'b')).toBe(false);
    expect(bindSwap('darwin', fakeLibrary(-1).load)?.('a', 'b')).toBe(false);
  });

  it('is null where the library or its call cannot be found, or the system has none', () => {
    const missing: LoadLibrary = () => {
      throw new Error('cannot find function renameat2');
    };
    expect(bindSwap('linux', missing)).toBeNull();
    expect(bindSwap('darwin', missing)).toBeNull();
    const { load, seen } = fakeLibrary(0);
    expect(bindSwap('win32', load)).toBeNull();
    expect(seen.library).toBeUndefined();
  });
});
