// Compiles and bundles the TypeScript of pipeline/ with esbuild (about a second) into
// node_modules/.cache/briefing/<hash of the sources>/ the first time, and again only when a
// source changes; a run then starts as fast as plain node, without a TypeScript loader.
// Used by bin/run.mjs, and by the benchmark to time the pipeline's own browser code.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// Every file under pipeline/, in every stage folder: a change to any of them is a new bundle.
const files = readdirSync(join(root, 'pipeline'), { recursive: true, withFileTypes: true })
  .filter((file) => file.isFile())
  .map((file) => relative(root, join(file.parentPath, file.name)).split(sep).join('/'))
  .sort();
const sources = files.filter((name) => name.endsWith('.ts'));
// The sources and this file (how they are compiled) make the key.
const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
for (const name of files) {
  hash.update(`${name}\0`);
  hash.update(readFileSync(join(root, name)));
  hash.update('\0');
}
const cache = join(root, 'node_modules', '.cache', 'briefing');
const target = join(cache, hash.digest('hex').slice(0, 16));

/**
 * The folder of the compiled pipeline (`<it>/pipeline/<stage>/<module>.js`), compiled first
 * when the sources changed since.
 */
export async function compiledPipeline() {
  if (!existsSync(join(target, 'pipeline', 'cli', 'cli.js'))) await compile();
  return target;
}

async function compile() {
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
    // small ones. Puppeteer stays outside: it is only loaded to start the browser; subset-font
    // too, which reads HarfBuzz's wasm file from its own package at run time.
    bundle: true,
    splitting: true,
    external: ['puppeteer', 'esbuild', 'koffi', 'jsdom', 'subset-font'],
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
