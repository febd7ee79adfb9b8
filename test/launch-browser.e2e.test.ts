import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { launchBrowser } from '../pipeline/browser/launch-browser.js';
import { withPage } from '../pipeline/browser/with-page.js';
import { processesWith } from './helpers.js';

let temp: string | undefined;
const previousTmpdir = process.env.TMPDIR;
afterEach(() => {
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('a browser session', () => {
  it('keeps as many warm pages as asked for, however often it is asked, and hands them out first', async () => {
    temp = mkdtempSync(join(tmpdir(), 'briefing-session-'));
    process.env.TMPDIR = temp;
    const session = await launchBrowser(findBrowser());
    try {
      // As a dev server does: one warm-up per build, whether or not the build got to print.
      session.warmUp(2);
      session.warmUp(2);
      session.warmUp(2);
      const taken = [await session.newPage(), await session.newPage()];
      // The two warm pages (the first is the tab Chromium started with), already rendering
      // their line of text.
      for (const page of taken) expect(await page.content()).toContain('<p style="font: 16px serif">');
      const fresh = await session.newPage();
      expect(await fresh.content()).not.toContain('16px serif');
      expect((await session.browser.pages()).length).toBe(3);
      expect((await processesWith(temp)).some((line) => line.includes('--type=renderer'))).toBe(true);
    } finally {
      await session[Symbol.asyncDispose]();
    }
    // Gone, with every process of it and its profile.
    expect(session.browser.connected).toBe(false);
    expect(await processesWith(temp)).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('a page of the build', () => {
  it('loads files of its folder and refuses, and reports, everything else, a server on this machine too', async () => {
    // The request filter alone: a page the pipeline made itself could ask for anything (an
    // image mark of a chart), and the network flags let loopback through.
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const folder = mkdtempSync(join(tmpdir(), 'briefing-confined-'));
    writeFileSync(join(folder, 'inside.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    writeFileSync(
      join(folder, 'index.html'),
      `<link rel="stylesheet" href="${origin}/style.css"><img src="${origin}/pixel.png"><img src="inside.svg"><img src="file:///etc/hostname"><p>x</p>`,
    );
    const session = await launchBrowser(findBrowser());
    const blocked: string[] = [];
    const loaded: string[] = [];
    try {
      await withPage(
        session,
        folder,
        async (page) => {
          page.on('requestfinished', (request) => loaded.push(request.url()));
          await page.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load' });
        },
        (url) => blocked.push(url),
      );
    } finally {
      await session[Symbol.asyncDispose]();
      server.close();
      rmSync(folder, { recursive: true, force: true });
    }
    expect(hits).toEqual([]);
    expect(blocked.sort()).toEqual(['file:///etc/hostname', `${origin}/pixel.png`, `${origin}/style.css`]);
    expect(loaded.some((url) => url.endsWith('/inside.svg'))).toBe(true);
  });
});
