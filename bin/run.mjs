#!/usr/bin/env node
// Runs a module of pipeline/ from compiled JavaScript: `node bin/run.mjs cli --content x`.
// The TypeScript of pipeline/ is compiled and bundled with esbuild (about a second) into
// node_modules/.cache/briefing/<hash of the sources>/ the first time, and again only when a
// source changes; a run then starts as fast as plain node, without a TypeScript loader.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [entry = 'cli', ...args] = process.argv.slice(2);
const files = readdirSync(join(root, 'pipeline')).sort();
const sources = files.filter((name) => name.endsWith('.ts'));
const data = files.filter((name) => name.endsWith('.json'));
// The sources and this file (how they are compiled) make the key.
const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
for (const name of [...sources, ...data]) hash.update(name).update('\0').update(readFileSync(join(root, 'pipeline', name))).update('\0');
const cache = join(root, 'node_modules', '.cache', 'briefing');
const target = join(cache, hash.digest('hex').slice(0, 16));

if (!existsSync(join(target, 'pipeline', `${entry}.js`))) {
  const { build } = await import('esbuild');
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    entryPoints: sources.map((name) => join(root, 'pipeline', name)),
    outdir: join(temporary, 'pipeline'),
    // One bundle with shared chunks: a run loads a few large files instead of hundreds of
    // small ones. Puppeteer stays outside: it is only loaded to start the browser.
    bundle: true,
    splitting: true,
    external: ['puppeteer', 'esbuild', 'koffi', 'jsdom'],
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  for (const name of data) copyFileSync(join(root, 'pipeline', name), join(temporary, 'pipeline', name));
  // The modules find templates/ beside pipeline/, as in the project.
  symlinkSync(join(root, 'templates'), join(temporary, 'templates'), 'junction');
  mkdirSync(cache, { recursive: true });
  try {
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { recursive: true, force: true }); // another run compiled it first
  }
  // Compilations of sources that changed since are removed once no run can still be using
  // them (an hour on).
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path !== target && /^[0-9a-f]{16}/.test(name) && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

process.argv = [process.argv[0], join(target, 'pipeline', `${entry}.js`), ...args];
await import(pathToFileURL(join(target, 'pipeline', `${entry}.js`)).href);
