// Two folders exchanged in one step of the system.
import { createRequire } from 'node:module';

/**
 * Swaps two folders in one step of the kernel, so that neither path is missing at any
 * moment: renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on macOS. Node has no
 * binding for either; koffi, a foreign-function library that ships its binaries in its npm
 * package, calls the C library directly.
 */
type Swap = (a: string, b: string) => boolean;

const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2; // linux/fs.h
const RENAME_SWAP = 2; // sys/stdio.h

let swap: Swap | null | undefined;

function loadSwap(): Swap | null {
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    if (process.platform === 'linux') {
      const renameat2 = koffi.load('libc.so.6').func('int renameat2(int, str, int, str, unsigned int)');
      return (a, b) => renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) === 0;
    }
    if (process.platform === 'darwin') {
      const renamex = koffi.load('/usr/lib/libSystem.B.dylib').func('int renamex_np(str, str, unsigned int)');
      return (a, b) => renamex(a, b, RENAME_SWAP) === 0;
    }
  } catch {
    // no such call in this C library (musl, an old glibc): the caller falls back
  }
  return null;
}

/**
 * Exchanges folders `a` and `b`, both existing. False when this system or file system cannot
 * do it in one step; the caller then falls back to two renames.
 */
export function exchangeFolders(a: string, b: string): boolean {
  swap ??= loadSwap();
  return swap ? swap(a, b) : false;
}
