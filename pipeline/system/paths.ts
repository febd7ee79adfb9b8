// Paths and folders: whether one path lies under another.
import { isAbsolute, relative, sep } from 'node:path';

/** Whether absolute `path` lies under folder `root` (and is not `root` itself). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
