// `npm run bench`: how long a build of content/ takes, against the floor (bench/floor.mjs:
// the same Chromium with the same flags, a small page, one PDF and one screenshot). Each is
// run as a whole process, in turn, N times after one warm-up of each: a build drawing every
// chart, a build taking them from the chart cache, the browser's part of that build alone
// (bench/browser-work.mjs, on the pages the build stages), the floor. Medians and ratios are
// printed, then one build's stages and peak RSS, a warm rebuild, and 20 reports in one
// run against 20 runs. Options: --runs N (5), --reports N (20), --no-scale.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { createStaging, renderReport, stageOutputs } from '../pipeline/report/index.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, reports: { type: 'string', default: '20' }, 'no-scale': { type: 'boolean', default: false } },
});
const runs = Math.max(1, Number(values.runs));
const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: findBrowser() };

type Run = { seconds: number; stdout: string; stderr: string };

/** One whole process, timed from spawn to exit. */
function run(command: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...env, ...extra } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${status}:\n${stderr}`));
      else resolve({ seconds: (performance.now() - started) / 1000, stdout, stderr });
    });
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (value: number) => `${value.toFixed(2)} s`;
// What `npm run build:report` runs, without npm's own start; `build` draws every chart.
const build = (...args: string[]) => run(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'cli', ...args], { BRIEFING_NO_CACHE: '1' });
const buildCached = (...args: string[]) => run(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'cli', ...args]);
const floor = () => run(process.execPath, [join(ROOT, 'bench', 'floor.mjs')]);
const browserWork = (staged: string) => run(process.execPath, [join(ROOT, 'bench', 'browser-work.mjs'), staged]);

try {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, browser ${env.PUPPETEER_EXECUTABLE_PATH}`);
  const out = join(work, 'out');
  await buildCached('--content', 'content', '--out', out); // warm-up: compiles pipeline/ once, fills the chart cache
  // The pages a build of content/ prints and captures, staged once for bench/browser-work.mjs.
  const stage = await createStaging(join(work, 'staged'), join(ROOT, 'content'));
  await stageOutputs(stage, (await renderReport(join(ROOT, 'content'))).outputs);
  const staged = stage.dir;
  await browserWork(staged);
  await floor();
  // Two kinds of cold build: every chart drawn (no chart cache), and charts from the cache
  // that the previous build left (what a second build of unchanged charts gets).
  const drawn: number[] = [];
  const cached: number[] = [];
  const browser: number[] = [];
  const floors: number[] = [];
  for (let index = 0; index < runs; index++) {
    drawn.push((await build('--content', 'content', '--out', out)).seconds);
    cached.push((await buildCached('--content', 'content', '--out', out)).seconds);
    browser.push((await browserWork(staged)).seconds);
    floors.push((await floor()).seconds);
  }
  const list = (values: number[]) => values.map(seconds).join(', ');
  console.log(`cold build of content/, every chart drawn, median of ${runs}:  ${seconds(median(drawn))} (${list(drawn)})`);
  console.log(`cold build of content/, charts from the cache, median of ${runs}: ${seconds(median(cached))} (${list(cached)})`);
  console.log(`the browser's part of that build alone, median of ${runs}:      ${seconds(median(browser))} (${list(browser)})`);
  console.log(`floor, median of ${runs}:                                      ${seconds(median(floors))} (${list(floors)})`);
  console.log(
    `ratio build/floor: ${(median(drawn) / median(floors)).toFixed(2)} with every chart drawn, ${(median(cached) / median(floors)).toFixed(2)} with charts from the cache; the browser's part alone: ${(median(browser) / median(floors)).toFixed(2)}`,
  );

  const verbose = await build('--content', 'content', '--out', out, '--verbose');
  console.log(`one build's ${verbose.stdout.match(/^stages \(ms\): .*$/m)?.[0] ?? 'stages: not printed'}`);
  console.log(`one build's peak RSS of the Node process: ${verbose.stdout.match(/^peak RSS so far \(MiB\): (\d+)/m)?.[1] ?? '?'} MiB`);

  const dev = await run(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'dev', '--content', 'content', '--out', join(work, 'dev'), '--measure']).catch(
    () => undefined,
  );
  console.log(dev ? dev.stdout.trim() : 'warm rebuild: not measured (the dev server did not run)');

  // The budget: 40 pages, 20 charts over a 5,000-row CSV, within 10 s.
  const big = join(work, 'big');
  writeBigReport(big);
  const bigRun = await build('--content', big, '--out', join(work, 'big-out'), '--verbose');
  const pages = (await PDFDocument.load(await readFile(join(work, 'big-out', 'report.pdf')))).getPageCount();
  console.log(
    `a report of ${pages} pages with 20 charts over a 5,000-row CSV: ${seconds(bigRun.seconds)}, peak RSS ${bigRun.stdout.match(/^peak RSS so far \(MiB\): (\d+)/m)?.[1] ?? '?'} MiB`,
  );

  if (!values['no-scale']) {
    const count = Math.max(2, Number(values.reports));
    const folders = Array.from({ length: count }, (_, index) => {
      const folder = join(work, 'reports', `report-${index + 1}`);
      cpSync(join(ROOT, 'content'), folder, { recursive: true });
      return folder;
    });
    const together = await build(...folders.flatMap((folder) => ['--content', folder]), '--out', join(work, 'many'));
    let apart = 0;
    for (const folder of folders) apart += (await build('--content', folder, '--out', join(work, 'one'))).seconds;
    console.log(
      `${count} reports in one run: ${seconds(together.seconds)}; in ${count} runs: ${seconds(apart)} (${(apart / together.seconds).toFixed(1)}× faster together)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A long report: 5,000 rows of daily readings, 20 charts over them, about 40 pages of text. */
function writeBigReport(folder: string): void {
  mkdirSync(join(folder, 'data'), { recursive: true });
  const stations = ['North', 'South', 'East', 'West', 'Centre'];
  const rows = ['date,station,level,rain'];
  for (let index = 0; index < 5000; index++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(index / stations.length) * 86_400_000).toISOString().slice(0, 10);
    rows.push(`${day},${stations[index % stations.length]},${(2 + Math.sin(index / 40) + (index % 7) / 10).toFixed(2)},${((index * 37) % 23).toFixed(1)}`);
  }
  writeFileSync(join(folder, 'data', 'readings.csv'), `${rows.join('\n')}\n`);
  const paragraph =
    'The readings were taken every day at five stations along the river, and checked by hand each week. Levels rose in the wet months and fell back in summer, with the usual differences between the upper and the lower valley. ';
  const parts = [
    '---',
    'title: "Five years of river readings"',
    'description: "Daily levels and rain at five stations, 2020 to 2022."',
    'lang: en',
    'date: 2026-11-20',
    '---',
    '',
  ];
  const marks = ['line', 'bar', 'point', 'area'];
  for (let chart = 0; chart < 20; chart++) {
    parts.push(`## Part ${chart + 1}`, '', ...Array.from({ length: 5 }, () => [paragraph.repeat(6), '']).flat());
    const mark = marks[chart % marks.length]!;
    const spec = {
      title: `Chart ${chart + 1}: ${mark === 'bar' ? 'rain by station' : 'level over time'}`,
      data: { url: 'data/readings.csv' },
      width: 440,
      height: 200,
      mark,
      encoding:
        mark === 'bar'
          ? { x: { field: 'station', type: 'nominal' }, y: { field: 'rain', type: 'quantitative', aggregate: 'sum' } }
          : {
              x: { field: 'date', type: 'temporal', timeUnit: 'yearmonth' },
              y: { field: 'level', type: 'quantitative', aggregate: 'mean' },
              color: { field: 'station', type: 'nominal' },
            },
    };
    parts.push(`\`\`\`vega-lite id=chart-${chart + 1}`, JSON.stringify(spec, null, 2), '```', '');
  }
  writeFileSync(join(folder, 'article.md'), parts.join('\n'));
}
