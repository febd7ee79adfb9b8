import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, replaceIn, runBuild, snapshot } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURE = join(ROOT, 'test', 'fixtures', 'en-briefing');
const out = join(work, 'out');

/** A copy of the English fixture, changed by `edit`. */
function contentWith(name: string, edit: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  edit(dir);
  return dir;
}

function lineOf(path: string, needle: string): number {
  return (
    readFileSync(path, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}

describe('a build that fails', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    const first = await runBuild(['--content', FIXTURE, '--out', out]);
    expect(first.status).toBe(0);
    before = snapshot(out);
  });

  it('reports every content problem at once, as file:line:column, with exit status 1', async () => {
    const content = contentWith('many-problems', (dir) => {
      replaceIn(join(dir, 'article.md'), /^title: .*\n/m, '');
      replaceIn(join(dir, 'article.md'), '"width": 480,', '"width": 480,,');
      replaceIn(join(dir, 'data', 'warnings.csv'), 'Millbrook,980', 'Millbrook,n/a');
      // The chart that reads the broken CSV has a broken spec too: both must be told.
      replaceIn(join(dir, 'article.md'), '"title": "Households warned"', '"titel": "Households warned"');
    });
    const article = join(content, 'article.md');
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain('article.md:1:1: front matter is missing required key "title"');
    const badJson = lineOf(article, '"width": 480,,');
    expect(lines.some((line) => line.startsWith(`article.md:${badJson + 1}:`) || line.startsWith(`article.md:${badJson}:`))).toBe(true);
    expect(lines).toContain('data/warnings.csv:3: column "households": "n/a" is not a number');
    const titel = lineOf(article, '"titel"');
    const column = readFileSync(article, 'utf8').split('\n')[titel - 1]!.indexOf('"titel"') + 1;
    expect(lines).toContain(`article.md:${titel}:${column}: chart "households": unknown property "titel" in encoding.x: did you mean "title"?`);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names a missing data file at the chart’s line', async () => {
    const content = contentWith('missing-data', (dir) => rmSync(join(dir, 'data', 'warnings.csv')));
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.status).toBe(1);
    const line = lineOf(join(content, 'article.md'), '```vega-lite id=households');
    expect(run.stderr).toContain(`article.md:${line}:1: chart "households": chart data file not found: data/warnings.csv`);
  });

  it('refuses chart data outside the content folder and remote data', async () => {
    const content = contentWith('outside', (dir) => {
      replaceIn(join(dir, 'article.md'), '"url": "data/warnings.csv"', '"url": "../../etc/passwd"');
      replaceIn(join(dir, 'article.md'), '"url": "data/river-levels.csv"', '"url": "https://example.org/levels.csv"');
    });
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('chart data outside the content folder: ../../etc/passwd');
    expect(run.stderr).toContain('remote chart data is not allowed: https://example.org/levels.csv');
    expect(run.stderr).not.toContain('root:');
  });

  it('gives the YAML line of a front-matter mistake', async () => {
    const content = contentWith('bad-yaml', (dir) => replaceIn(join(dir, 'article.md'), /^lang: en$/m, 'lang: [en'));
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^article\.md:\d+:\d+: invalid YAML in front matter/m);
  });

  it('stops with exit status 2 and the fix when the browser is missing', async () => {
    const run = await runBuild(['--content', FIXTURE, '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('/nonexistent/chrome');
    expect(run.stderr).toMatch(/apt-get install -y chromium/);
  });

  it('lets a second build of the same folder stop at once, and leaves no lock behind', async () => {
    const shared = join(work, 'concurrent');
    const runs = await Promise.all([runBuild(['--content', FIXTURE, '--out', shared]), runBuild(['--content', FIXTURE, '--out', shared])]);
    for (const run of runs) {
      if (run.status !== 0) {
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/is being built by another process/);
      }
    }
    expect(runs.some((run) => run.status === 0)).toBe(true);
    expect(readdirSync(shared).sort()).toEqual([
      '.briefing-output.json',
      'assets',
      'charts',
      'data',
      'index.html',
      'report.pdf',
      'social-square.png',
      'social.png',
    ]);
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a folder whose lock a live build holds, and leaves the lock and the output as they were', async () => {
    // The lock as a build running now leaves it: its folder, with that build's process id.
    // Whatever the timing, a second build must find it taken and touch nothing.
    const held = join(work, 'held');
    const built = await runBuild(['--content', FIXTURE, '--out', held]);
    expect(built.status, built.stderr).toBe(0);
    const before = snapshot(held);
    const lock = join(work, '.held.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    try {
      const run = await runBuild(['--content', FIXTURE, '--out', held]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`error: the output folder ${held} is being built by another process (pid ${process.pid}); try again when it ends`);
      expect(snapshot(held)).toEqual(before);
      expect(readFileSync(join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  });

  it('leaves the previous output exactly as it was, with nothing beside it', () => {
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
