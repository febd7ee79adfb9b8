import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesWith, ROOT, runBuild, snapshot } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'en-briefing');

describe('faults of the environment', () => {
  it('stops with exit status 2 when the output folder cannot be written', async () => {
    // As root, permissions stop nothing: a file where a folder must go does.
    const blocker = join(work, 'blocker');
    writeFileSync(blocker, '');
    const run = await runBuild(['--content', FIXTURE, '--out', join(blocker, 'output')]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^error: cannot create ${blocker}`));
  });

  it('says what a browser that stops as it starts printed, and that a file cannot be run, in one line each', async () => {
    const temp = join(work, 'tmp-start');
    mkdirSync(temp);
    const failing = join(work, 'failing-chrome');
    writeFileSync(failing, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n', { mode: 0o755 });
    const stopped = await runBuild(['--content', FIXTURE, '--out', join(work, 'failing')], { PUPPETEER_EXECUTABLE_PATH: failing, TMPDIR: temp });
    expect(stopped.status).toBe(2);
    expect(stopped.stderr.trim().split('\n')).toEqual([
      `error: could not start the browser at ${failing}: it stopped (status 127): error while loading shared libraries: libnss3.so`,
    ]);
    const notProgram = join(work, 'not-a-program');
    writeFileSync(notProgram, 'text', { mode: 0o644 });
    const refused = await runBuild(['--content', FIXTURE, '--out', join(work, 'failing')], { PUPPETEER_EXECUTABLE_PATH: notProgram, TMPDIR: temp });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([`error: could not start the browser at ${notProgram}: spawn ${notProgram} EACCES`]);
    expect(readdirSync(temp)).toEqual([]);
    expect(existsSync(join(work, 'failing'))).toBe(false);
  });

  it('stops with exit status 2 when the browser is killed mid-build, leaving no process, profile or output behind', async () => {
    const temp = join(work, 'tmp');
    mkdirSync(temp);
    const out = join(work, 'killed');
    const build = runBuild(['--content', FIXTURE, '--out', out], { TMPDIR: temp });
    // Kill the build's Chromium as soon as it runs: its profile lives in the build's TMPDIR.
    let killed = 0;
    for (let tries = 0; tries < 200 && killed === 0; tries++) {
      for (const line of await processesWith(`--user-data-dir=${temp}`)) {
        process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
        killed++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const run = await build;
    expect(killed).toBeGreaterThan(0);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: (the browser stopped while printing|could not start the browser)/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await processesWith(temp)).toEqual([]);
    expect(readdirSync(temp).filter((name) => /briefing|puppeteer|chrom/i.test(name))).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });
  it('stops with exit status 2 when the browser hangs mid-print, and kills it with its profile', async () => {
    const temp = join(work, 'tmp-hung');
    mkdirSync(temp);
    const out = join(work, 'hung');
    const started = performance.now();
    const build = runBuild(['--content', FIXTURE, '--out', out], { TMPDIR: temp, BRIEFING_BROWSER_TIMEOUT: '4' });
    // Freeze every process of the build's Chromium once it renders pages.
    let stopped: number[] = [];
    for (let tries = 0; tries < 200 && stopped.length === 0; tries++) {
      const lines = await processesWith(`--user-data-dir=${temp}`);
      if (lines.some((line) => line.includes('--type=renderer'))) {
        stopped = lines.map((line) => Number(line.trim().split(/\s+/)[0]));
        for (const pid of stopped) process.kill(pid, 'SIGSTOP');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const run = await build;
    const seconds = (performance.now() - started) / 1000;
    expect(stopped.length).toBeGreaterThan(0);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^error: the browser (at \S+ did not start within 4 s|did not finish starting in 4 s|did not finish printing the PDF and the share images in 4 s|did not answer in time)/,
    );
    expect(seconds).toBeLessThan(30); // 4 s of waiting, 5 s for a polite close, then killed
    expect(await processesWith(temp)).toEqual([]);
    expect(readdirSync(temp).filter((name) => /briefing|puppeteer|chrom/i.test(name))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a build and the network', () => {
  it('sends not one request, even when the content points at a server', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'text/plain' }).end('country,users\nX,1\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      // Remote things the page or a chart would load: each is an error, and none is fetched.
      const hostile = join(work, 'hostile');
      cpSync(FIXTURE, hostile, { recursive: true });
      const article = join(hostile, 'article.md');
      const text = readFileSync(article, 'utf8').replace('"url": "data/warnings.csv"', `"url": "${base}/warnings.csv"`);
      writeFileSync(
        article,
        `${text}\n![Remote](${base}/photo.png)\n\n<link rel="stylesheet" href="${base}/style.css">\n\n<iframe src="${base}/frame.html"></iframe>\n\n<img src="x" onerror="fetch('${base}/beacon')">\n`,
      );
      const previous = join(work, 'previous');
      expect((await runBuild(['--content', FIXTURE, '--out', previous])).status).toBe(0);
      const before = snapshot(previous);
      const failed = await runBuild(['--content', hostile, '--out', previous]);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain(`remote chart data is not allowed: ${base}/warnings.csv`);
      expect(failed.stderr).toContain(`remote resource is not allowed: ${base}/photo.png`);
      expect(failed.stderr).toContain(`remote resource is not allowed: ${base}/style.css`);
      expect(snapshot(previous)).toEqual(before);

      // A plain hyperlink is allowed, and the build that prints it does not follow it.
      const linked = join(work, 'linked');
      cpSync(FIXTURE, linked, { recursive: true });
      writeFileSync(join(linked, 'article.md'), `${readFileSync(join(linked, 'article.md'), 'utf8')}\nSee [the server](${base}/page).\n`);
      expect((await runBuild(['--content', linked, '--out', join(work, 'linked-out')])).status).toBe(0);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
