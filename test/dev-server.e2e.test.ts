import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../pipeline/cli/dev/dev-server.js';
import { ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-dev-'));
const content = join(work, 'content');
const out = join(work, 'output');
const article = join(content, 'article.md');
const logged: string[] = [];
let server: DevServer;

/** The reload events a browser tab would get, as they come. */
async function listen(url: string) {
  const response = await fetch(new URL('__briefing/events', url));
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  return {
    async next(): Promise<string> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^event: reload\ndata: (\w+)$/m.exec(event);
          if (data) return data[1]!;
          continue;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error('the event stream ended');
        buffered += chunk.value;
      }
    },
    close: () => reader.cancel(),
  };
}

beforeAll(async () => {
  cpSync(join(ROOT, 'test', 'fixtures', 'en-briefing'), content, { recursive: true });
  server = await startDevServer({ contentDir: content, outDir: out, log: (line) => logged.push(line) });
  await server.ready;
});
afterAll(async () => {
  await server?.[Symbol.asyncDispose]();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the page on localhost, with its assets and the live-reload script', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>River Tarrow Falls Back After Five Weeks of Flood Warnings</title>');
    expect(html).toContain('<script src="/__briefing/client.js"></script></body>');
    expect((await fetch(new URL('assets/page.css', server.url))).status).toBe(200);
    expect((await fetch(new URL('charts/levels.svg', server.url))).headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(new URL('../etc/passwd', server.url))).status).toBe(404);
    expect(await (await fetch(new URL('__briefing/client.js', server.url))).text()).toContain("addEventListener('reload'");
  });

  it('renders an edit of article.md at once, sends the reload event, then builds the PDF', async () => {
    await server.nextFullBuild();
    const events = await listen(server.url);
    try {
      writeFileSync(article, readFileSync(article, 'utf8').replace('## Who was warned', '## Who was told to leave'));
      expect(await events.next()).toBe('page');
      expect(await (await fetch(server.url)).text()).toContain('Who was told to leave');
      await server.nextFullBuild();
      expect(await events.next()).toBe('build');
      expect(existsSync(join(out, 'report.pdf'))).toBe(true);
      const pdf = await fetch(new URL('report.pdf', server.url));
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Who was told to leave');
    } finally {
      await events.close();
    }
  });

  it('shows a content error over the last good page and in the terminal, and keeps serving', async () => {
    const events = await listen(server.url);
    const good = readFileSync(article, 'utf8');
    try {
      writeFileSync(article, good.replace(/^date: .*$/m, 'date: 15 October 2026'));
      expect(await events.next()).toBe('page');
      const broken = await fetch(server.url);
      expect(broken.status).toBe(500);
      const html = await broken.text();
      expect(html).toMatch(/<div id="briefing-errors" role="alert"[^>]*><strong>The build failed/);
      expect(html).toContain('article.md:6:1: front matter &#34;date&#34; must be a date written YYYY-MM-DD');
      expect(html).toContain('Who was told to leave'); // the last good page, under the overlay
      expect(logged).toContain('article.md:6:1: front matter "date" must be a date written YYYY-MM-DD');

      // A number the data contradicts is shown the same way.
      writeFileSync(article, good.replace('In total, 3,685 households', 'In total, more than 4,000 households'));
      expect(await events.next()).toBe('page');
      const contradicted = await (await fetch(server.url)).text();
      const line = 'article.md:10:187: "more than 4,000" as a total, but the sum of households in data/warnings.csv says 3685';
      expect(contradicted).toContain(line.replace(/"/g, '&#34;'));
      expect(logged).toContain(line);

      writeFileSync(article, good);
      expect(await events.next()).toBe('page');
      const fixed = await fetch(server.url);
      expect(fixed.status).toBe(200);
      expect(await fixed.text()).not.toContain('briefing-errors');
      // The terminal says how many numbers the data verified, as the build does.
      expect(logged.at(-1)).toMatch(/^page rendered in \d+ ms; numbers: \d+ verified against the data, 0 contradicted, \d+ unchecked$/);
    } finally {
      await events.close();
    }
  });

  it('renders a template change too', async () => {
    const events = await listen(server.url);
    try {
      // A change of templates/ is seen like one of content/ (touched, not changed).
      const css = join(ROOT, 'templates', 'page.css');
      writeFileSync(css, readFileSync(css));
      expect(await events.next()).toBe('page');
    } finally {
      await events.close();
    }
  });
});
