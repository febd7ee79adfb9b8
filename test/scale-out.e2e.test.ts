import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { ROOT, readPdf, replaceIn, runBuild, searchable } from './helpers.js';

const pdfText = async (path: string) => searchable((await readPdf(path)).pages.map((page) => page.text).join('\n'));

const work = mkdtempSync(join(tmpdir(), 'briefing-scale-'));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'en-briefing');
const flags: string[] = JSON.parse(readFileSync(join(ROOT, 'pipeline', 'browser', 'browser-flags.json'), 'utf8'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a remote browser', () => {
  let chrome: ChildProcess;
  let endpoint: string;
  const profile = join(work, 'remote-profile');

  beforeAll(async () => {
    // A Chromium of our own, listening on loopback only, as a browser pool would.
    // Its temporary folder is ours too: the socket folder it leaves there when killed goes with `work`.
    const chromeTemp = join(work, 'remote-tmp');
    mkdirSync(chromeTemp);
    chrome = spawn(
      findBrowser(),
      [...flags, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
      {
        stdio: 'ignore',
        env: { ...process.env, TMPDIR: chromeTemp },
      },
    );
    // Chromium writes its port and browser path there once it listens; the file may be
    // seen before both lines are in it.
    const portFile = join(profile, 'DevToolsActivePort');
    const written = () => (existsSync(portFile) ? /^\d+\n\/devtools\/browser\/\S+/.exec(readFileSync(portFile, 'utf8')) : null);
    for (let tries = 0; tries < 200 && !written(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    const [port, path] = written()![0].split('\n');
    endpoint = `ws://127.0.0.1:${port}${path}`;
  });
  afterAll(() => {
    chrome?.kill('SIGKILL');
  });

  it('builds with --browser-ws, launches no browser of its own, and leaves the remote one running', async () => {
    const temp = join(work, 'tmp-remote');
    mkdirSync(temp);
    const out = join(work, 'remote-out');
    const run = await runBuild(['--content', FIXTURE, '--out', out, '--browser-ws', endpoint], { TMPDIR: temp });
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    expect(await pdfText(join(out, 'report.pdf'))).toContain(searchable('River Tarrow Falls Back'));
    expect((await readPdf(join(out, 'report.pdf'))).title).toBe('River Tarrow Falls Back After Five Weeks of Flood Warnings');
    expect(readdirSync(temp).filter((name) => name.startsWith('briefing-browser-'))).toEqual([]);
    expect(chrome.exitCode).toBeNull();
    // Its pages were closed: only the blank tab it started with is left.
    const targets = (await (await fetch(`http://127.0.0.1:${new URL(endpoint).port}/json/list`)).json()) as { type: string; url: string }[];
    expect(targets.filter((target) => target.type === 'page').map((target) => target.url)).toEqual(['about:blank']);
  });

  it('takes the endpoint from BRIEFING_BROWSER_WS too, and says clearly when nothing answers there', async () => {
    const out = join(work, 'remote-env');
    expect((await runBuild(['--content', FIXTURE, '--out', out], { BRIEFING_BROWSER_WS: endpoint })).status).toBe(0);
    const dead = await runBuild(['--content', FIXTURE, '--out', join(work, 'dead')], { BRIEFING_BROWSER_WS: 'ws://127.0.0.1:9/devtools/browser/none' });
    expect(dead.status).toBe(2);
    expect(dead.stderr.trim().split('\n')).toHaveLength(1);
    expect(dead.stderr).toMatch(/^error: could not connect to the browser at ws:\/\/127\.0\.0\.1:9\/devtools\/browser\/none: /);
  });
});

describe('several reports in one run', () => {
  it('builds each content folder into its own folder of --out', async () => {
    const second = join(work, 'Budget 2027');
    cpSync(FIXTURE, second, { recursive: true });
    replaceIn(join(second, 'article.md'), /^title: .*$/m, 'title: "The 2027 budget, line by line"');
    const out = join(work, 'many');
    const run = await runBuild(['--content', FIXTURE, '--content', second, '--out', out]);
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['budget-2027', 'en-briefing']);
    for (const [folder, title] of [
      ['en-briefing', 'River Tarrow Falls Back'],
      ['budget-2027', 'The 2027 budget, line by line'],
    ] as const) {
      expect(readFileSync(join(out, folder, 'index.html'), 'utf8')).toContain(`<title>${title}`);
      expect(await pdfText(join(out, folder, 'report.pdf'))).toContain(searchable(title));
      expect(existsSync(join(out, folder, 'social.png'))).toBe(true);
    }
    expect(run.stdout.match(/^built /gm)).toHaveLength(2);
  });

  it('still builds the good reports when one is broken, and exits 1 naming the broken one', async () => {
    const broken = join(work, 'broken');
    cpSync(FIXTURE, broken, { recursive: true });
    replaceIn(join(broken, 'article.md'), /^date: .*$/m, 'date: soon');
    const out = join(work, 'mixed');
    const run = await runBuild(['--content', broken, '--content', FIXTURE, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('article.md:6:1: front matter "date" must be a date written YYYY-MM-DD');
    expect(run.stderr).toContain(`build failed: 1 error(s) in ${broken}`);
    expect(existsSync(join(out, 'en-briefing', 'report.pdf'))).toBe(true);
    expect(existsSync(join(out, 'broken'))).toBe(false);
  });
});
