// Two folders exchanged in one step of the system.
import { createRequire } from 'node:module';

/**
 * Swaps two folders in one step of the kernel, so that neither path is missing at any
 * moment: renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on macOS. Node has no
 * binding for either; koffi, a foreign-function library that ships its binaries in its npm
 * package, calls the C library directly.
 */
type Swap = (a: string, b: string) => boolean;

/** koffi's `load`: opens a C library, whose functions are then bound by their C declaration. */
export type LoadLibrary = (path: string) => { func(declaration: string): (...args: unknown[]) => unknown };

let swap: Swap | null | undefined;

/**
 * The one-step exchange of `platform`'s C library, opened with `load`; null where it has none,
 * or where the library or the call cannot be found (musl, an old glibc, koffi without a binary
 * for this system).
 */
export function bindSwap(platform: string, load: LoadLibrary): Swap | null {
  const AT_FDCWD = -100;
  const RENAME_EXCHANGE = 2; // linux/fs.h
  const RENAME_SWAP = 2; // sys/stdio.h
  try {
    if (platform === 'linux') {
      const renameat2 = load('libc.so.6').func('int renameat2(int, str, int, str, unsigned int)');
      return (a, b) => renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) === 0;
    }
    if (platform === 'darwin') {
      const renamex = load('/usr/lib/libSystem.B.dylib').func('int renamex_np(str, str, unsigned int)');
      return (a, b) => renamex(a, b, RENAME_SWAP) === 0;
    }
  } catch {
    // the caller falls back to two renames
  }
  return null;
}

/**
 * Exchanges folders `a` and `b`, both existing. False when this system or file system cannot
 * do it in one step; the caller then falls back to two renames.
 */
export function exchangeFolders(a: string, b: string): boolean {
  swap ??= bindSwap(process.platform, (path) => (createRequire(import.meta.url)('koffi') as typeof import('koffi')).load(path));
  return swap ? swap(a, b) : false;
}
