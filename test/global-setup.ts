// The whole run's setup and teardown: the articles built once for all test files (see
// built-sites.ts) are removed at the end.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  // Test files run in processes forked from this one: their parent's id names the folder.
  return () => rmSync(join(tmpdir(), `briefing-sites-${process.pid}`), { recursive: true, force: true });
}
