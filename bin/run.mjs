#!/usr/bin/env node
// Runs a module of pipeline/cli/ from compiled JavaScript: `node bin/run.mjs cli --content x`.
// The TypeScript of pipeline/ is compiled and bundled with esbuild (about a second) into
// node_modules/.cache/briefing/<hash of the sources>/ the first time, and again only when a
// source changes; a run then starts as fast as plain node, without a TypeScript loader.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [entry = 'cli', ...args] = process.argv.slice(2);
// Every file under pipeline/, in every stage folder: a change to any of them is a new bundle.
const files = readdirSync(join(root, 'pipeline'), { recursive: true, withFileTypes: true })
  .filter((file) => file.isFile())
  .map((file) => relative(root, join(file.parentPath, file.name)).split(sep).join('/'))
  .sort();
const sources = files.filter((name) => name.endsWith('.ts'));
// The sources and this file (how they are compiled) make the key.
const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
for (const name of files)
  hash
    .update(name)
    .update('\0')
    .update(readFileSync(join(root, name)))
    .update('\0');
const cache = join(root, 'node_modules', '.cache', 'briefing');
const target = join(cache, hash.digest('hex').slice(0, 16));
// `cli` and `dev` are the command line's modules.
const module = join(target, 'pipeline', 'cli', `${entry}.js`);

if (!existsSync(module)) {
  const { build } = await import('esbuild');
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    entryPoints: sources.map((name) => join(root, name)),
    outbase: root,
    outdir: temporary,
    // Shared chunks two levels down, as every module is (pipeline/<stage>/), so that a path
    // taken from import.meta.url (system/project.ts) is the same in a chunk and in the sources.
    chunkNames: 'pipeline/chunks/[name]-[hash]',
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

process.argv = [process.argv[0], module, ...args];
await import(pathToFileURL(module).href);
