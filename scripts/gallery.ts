// `npm run gallery -- <folder of *.vl.json> [--list <file>] [--batch N] [--keep <dir>] [--json <file>]
// [--reference]`: runs Vega-Lite specs (the example gallery's, from a copy of vega-lite's
// examples/specs, or test/fixtures/gallery's) through the build as an editor would, a batch of them
// to an article, with vega-datasets' files in the content folder, and tells which specs are drawn
// and, for the others, what the build said. A batch that fails is built again without the specs
// it refused, or in halves when it failed for no spec of its own, so that each spec gets its own verdict. --reference draws each spec as vega-lite's
// own command-line tools do (compile, then vega's SVG), to compare.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
/** vega-datasets, a development dependency: the files the gallery's specs read (`data/cars.json`). */
const DATASETS = join(ROOT, 'node_modules', 'vega-datasets');

export type GalleryOutcome = Readonly<{
  name: string;
  drawn: boolean;
  /** What the build said against it: its errors when refused, its warnings when drawn. */
  problems: readonly string[];
  /** The output folder of the build that drew it. */
  output: string;
}>;

export type GalleryOptions = Readonly<{
  specsDir: string;
  names: readonly string[];
  /** Specs to an article. */
  batch: number;
  /** Where the content and output folders go (kept). */
  workDir: string;
}>;

/** The names of a list file: a spec name a line; `#` starts a comment. */
export function readList(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** The fence id of a spec: its name, as a slug. */
export const chartId = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Builds the specs, `batch` to an article, and tells what became of each. */
export async function runGallery(options: GalleryOptions): Promise<GalleryOutcome[]> {
  const outcomes: GalleryOutcome[] = [];
  for (let start = 0; start < options.names.length; start += options.batch) {
    const dir = join(options.workDir, `batch-${start / options.batch + 1}`);
    let builds = 0;
    outcomes.push(...(await verdicts(options.specsDir, options.names.slice(start, start + options.batch), () => join(dir, `try-${++builds}`))));
  }
  return outcomes;
}

/**
 * Each spec's verdict: a build of them all; when it fails, the specs it refused are told, and
 * the others built again; when it fails for no spec of its own (the PDF's check), each half
 * is built alone, until the spec behind it is found.
 */
async function verdicts(specsDir: string, names: readonly string[], nextDir: () => string): Promise<GalleryOutcome[]> {
  const { outcomes, general } = await buildBatch(specsDir, names, nextDir());
  if (outcomes.every(({ drawn }) => drawn)) return outcomes;
  const refused = outcomes.filter(({ drawn, problems }) => !drawn && problems.length > 0);
  const rest = names.filter((name) => !refused.some((outcome) => outcome.name === name));
  if (refused.length > 0) return [...refused, ...(rest.length > 0 ? await verdicts(specsDir, rest, nextDir) : [])];
  if (names.length === 1) return [{ ...outcomes[0]!, problems: general.length > 0 ? general : ['the build failed, and said nothing'] }];
  const half = Math.ceil(names.length / 2);
  return [...(await verdicts(specsDir, names.slice(0, half), nextDir)), ...(await verdicts(specsDir, names.slice(half), nextDir))];
}

async function buildBatch(specsDir: string, names: readonly string[], dir: string): Promise<{ outcomes: GalleryOutcome[]; general: string[] }> {
  const content = join(dir, 'content');
  const out = join(dir, 'output');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  const lines = [
    '---',
    `title: "Gallery: ${names.length} specs"`,
    'lang: en',
    'description: "Vega-Lite specs, drawn by the build."',
    'date: 2026-01-15',
    '---',
    '',
  ];
  const places: { name: string; from: number; to: number; spec: string }[] = [];
  for (const name of names) {
    const spec = readFileSync(join(specsDir, `${name}.vl.json`), 'utf8').trim();
    copyFiles(spec, specsDir, content);
    lines.push(`## ${name}`, '', `Spec ${name}.`, '');
    const from = lines.length + 1;
    lines.push(`\`\`\`vega-lite id=${chartId(name)}`, ...spec.split('\n'), '```', '');
    places.push({ name, from, to: lines.length, spec });
  }
  writeFileSync(join(content, 'article.md'), lines.join('\n'));
  const { status, stderr } = await build(content, out);
  const said = stderr.split('\n').filter(Boolean);
  const own = (name: string) => {
    const place = places.find((candidate) => candidate.name === name)!;
    return said.filter((line) => {
      // At its fence, or in a file it reads.
      const at = Number(/^article\.md:(\d+)/.exec(line)?.[1]);
      const file = /^((?:data|images)\/[^:]+):/.exec(line)?.[1];
      return (at >= place.from && at < place.to) || (file !== undefined && place.spec.includes(`"${file}"`));
    });
  };
  // What is no spec's own: the PDF's check, a crash.
  const general = said.filter((line) => !/^(article\.md:\d+|data\/|images\/|build failed)/.test(line) && !line.includes('warning: '));
  const outcomes = names.map((name) => {
    const drawn = status === 0 && existsSync(join(out, 'charts', `${chartId(name)}.svg`));
    const errors = own(name).filter((line) => !line.includes(': warning: '));
    return { name, drawn, problems: drawn ? own(name) : errors, output: out };
  });
  return { outcomes, general };
}

/**
 * The data files and images a spec names (`data/…`, `images/…`), copied into the content folder;
 * and the images beside the specs, whose names a spec may compute.
 */
function copyFiles(spec: string, specsDir: string, content: string): void {
  const images = join(specsDir, '..', 'images');
  if (existsSync(images)) cpSync(images, join(content, 'images'), { recursive: true });
  for (const [, path] of spec.matchAll(/"((?:data|images)\/[^"?#]+)"/g)) {
    const from = [join(DATASETS, path!), join(specsDir, '..', path!)].find((candidate) => existsSync(candidate));
    if (!from) continue;
    mkdirSync(dirname(join(content, path!)), { recursive: true });
    copyFileSync(from, join(content, path!));
  }
}

function build(content: string, out: string): Promise<{ status: number; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'cli', '--content', content, '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (status) => done({ status: status ?? 1, stderr }));
  });
}

/** Draws a spec as vega-lite's command-line tools do; the error's first line when it fails. */
export async function drawReference(file: string): Promise<string | undefined> {
  const vega = await import('vega');
  const { compile } = await import('vega-lite');
  type ViewOptions = ConstructorParameters<typeof vega.View>[1];
  try {
    const spec = compile(JSON.parse(readFileSync(file, 'utf8'))).spec;
    const loader = vega.loader({ baseURL: `${DATASETS}/`, mode: 'file' });
    const view = new vega.View(vega.parse(spec), { renderer: 'none', loader, logLevel: vega.Error } as ViewOptions);
    await view.toSVG();
    view.finalize();
    return undefined;
  } catch (error) {
    return String((error as Error).message ?? error).split('\n')[0];
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      batch: { type: 'string', default: '30' },
      keep: { type: 'string' },
      json: { type: 'string' },
      reference: { type: 'boolean', default: false },
    },
  });
  const specsDir = resolve(positionals[0] ?? join(ROOT, 'test', 'fixtures', 'gallery', 'specs'));
  const names = values.list
    ? readList(values.list)
    : readdirSync(specsDir)
        .filter((file) => file.endsWith('.vl.json'))
        .map((file) => file.slice(0, -'.vl.json'.length))
        .sort();
  const workDir = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'gallery-'));
  const outcomes = await runGallery({ specsDir, names, batch: Math.max(1, Number(values.batch)), workDir });
  const reference = values.reference ? await Promise.all(names.map((name) => drawReference(join(specsDir, `${name}.vl.json`)))) : [];
  for (const outcome of outcomes.filter(({ drawn }) => !drawn)) {
    const theirs = values.reference ? ` (reference: ${reference[names.indexOf(outcome.name)] ?? 'drawn'})` : '';
    process.stdout.write(`refused ${outcome.name}${theirs}: ${outcome.problems[0] ?? 'no reason given'}\n`);
  }
  const drawn = outcomes.filter((outcome) => outcome.drawn).length;
  const warned = outcomes.filter((outcome) => outcome.drawn && outcome.problems.length > 0).length;
  process.stdout.write(`${drawn} of ${outcomes.length} specs drawn (${warned} with a warning); ${outcomes.length - drawn} refused\n`);
  if (values.reference) process.stdout.write(`reference: ${reference.filter((failure) => failure === undefined).length} of ${names.length} drawn\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ outcomes, reference }, null, 2)}\n`);
  if (!values.keep) rmSync(workDir, { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
