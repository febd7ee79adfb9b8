import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseSvg, processesWith, ROOT, runBuild, runningInGroup, SYNC_LIMIT, snapshot } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'en-briefing');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refused build: exit status 2, one line that says why, and `dir` exactly as it was. */
async function expectRefused(args: string[], dir: string, reason: RegExp, cwd?: string): Promise<void> {
  const before = snapshot(dir);
  const besides = readdirSync(work).sort();
  const run = await runBuild(args, {}, cwd);
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(reason);
  expect(snapshot(dir)).toEqual(before);
  expect(readdirSync(work).sort()).toEqual(besides);
}

describe('the output folder', () => {
  it('is refused when it is a whole project (--out . in a copy of one), and nothing is touched', async () => {
    const project = join(work, 'project');
    mkdirSync(join(project, '.git'), { recursive: true });
    mkdirSync(join(project, 'pipeline'));
    writeFileSync(join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(project, 'package.json'), '{ "name": "briefing" }\n');
    writeFileSync(join(project, 'README.md'), '# Briefing\n');
    writeFileSync(join(project, 'pipeline', 'cli.ts'), 'export {};\n');
    cpSync(FIXTURE, join(project, 'content'), { recursive: true });
    await expectRefused(
      ['--out', '.'],
      project,
      /^error: the output folder \. holds the content folder content, so a build will not replace it; nothing was touched/,
      project,
    );
    // The same folder, by another way in, and without a content folder inside it.
    await expectRefused(['--content', FIXTURE, '--out', project], project, /holds a Git repository \(\.git\)/);
  });

  it('is refused when it is the content folder or holds it, a file, a link, or a folder of somebody else’s', async () => {
    const parent = join(work, 'desk');
    const content = join(parent, 'story');
    cpSync(FIXTURE, content, { recursive: true });
    writeFileSync(join(parent, 'notes.txt'), 'my notes\n');
    await expectRefused(['--content', content, '--out', content], parent, /is the content folder itself/);
    await expectRefused(['--content', content, '--out', parent], parent, /holds the content folder/);

    writeFileSync(join(work, 'notes.txt'), 'not an output folder\n');
    await expectRefused(['--content', FIXTURE, '--out', join(work, 'notes.txt')], work, /is a file, not a folder/);

    const www = join(work, 'www');
    mkdirSync(www);
    writeFileSync(join(www, 'index.html'), '<p>the site</p>\n');
    symlinkSync(www, join(work, 'out-link'));
    await expectRefused(['--content', FIXTURE, '--out', join(work, 'out-link')], work, /is a symbolic link \(to .*www\)/);
    await expectRefused(
      ['--content', FIXTURE, '--out', www],
      work,
      /is not empty and holds no earlier build \(no \.briefing-output\.json\): it holds index\.html/,
    );
  });

  it('replaces an earlier build, keeping its .gitkeep, and is refused once somebody puts a file in it', async () => {
    const out = join(work, 'earlier');
    mkdirSync(out);
    writeFileSync(join(out, '.gitkeep'), '');
    expect((await runBuild(['--content', FIXTURE, '--out', out])).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, '.briefing-output.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(expect.arrayContaining(['index.html', 'report.pdf', 'social.png', 'social-square.png']));
    expect(manifest.files).not.toContain('.gitkeep');
    expect((await runBuild(['--content', FIXTURE, '--out', out])).status).toBe(0);
    expect(existsSync(join(out, '.gitkeep'))).toBe(true);
    writeFileSync(join(out, 'charts', 'draft.txt'), 'mine\n');
    await expectRefused(['--content', FIXTURE, '--out', out], work, /holds 1 file\(s\) an earlier build did not make, such as charts\/draft\.txt/);
  });

  it('may have spaces and accents in its path, and so may the content folder and its images', async () => {
    const content = join(work, 'Données de l’été');
    cpSync(FIXTURE, content, { recursive: true });
    cpSync(join(content, 'images', 'valley.png'), join(content, 'images', 'vallée en crue.png'));
    writeFileSync(
      join(content, 'article.md'),
      readFileSync(join(content, 'article.md'), 'utf8').replaceAll('images/valley.png', 'images/vall%C3%A9e%20en%20crue.png'),
    );
    const out = join(work, 'multi out', 'Résumé à jour');
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'assets', 'images', 'vallée en crue.png'))).toBe(true);
    expect(readFileSync(join(out, 'report.pdf')).byteLength).toBeGreaterThan(10_000);
  });
});

describe('a full disk', () => {
  it('stops the build with one line and exit status 2, leaving no lock, staging or output behind', async (context) => {
    const disk = join(work, 'full-disk');
    mkdirSync(disk);
    // A tiny file system of its own, filled up (root only: where it cannot be made, skipped).
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', disk], { timeout: SYNC_LIMIT }).status !== 0) context.skip();
    try {
      spawnSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4k', 'count=64'], { timeout: SYNC_LIMIT });
      const run = await runBuild(['--content', FIXTURE, '--out', join(disk, 'output')]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*no space left on device/i);
      expect(readdirSync(disk)).toEqual(['filler']);
    } finally {
      spawnSync('umount', [disk], { timeout: SYNC_LIMIT });
    }
  });
});

describe('a build killed outright (SIGKILL)', () => {
  const moments = [
    ['as its browser starts', (lines: string[]) => lines.length > 0],
    ['while its browser renders pages', (lines: string[]) => lines.some((line) => line.includes('--type=renderer'))],
    ['once its output is staged', (_lines: string[], parent: string) => readdirSync(parent).some((name) => name.includes('.staging-'))],
  ] as const;
  for (const [index, [moment, ready]] of moments.entries()) {
    it(`leaves no browser process two seconds later, killed ${moment}; the next build clears its folders`, async () => {
      const temp = mkdtempSync(join(work, 'tmp-'));
      const parent = mkdtempSync(join(work, 'killed-'));
      const out = join(parent, 'output');
      const build = spawn(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'cli', '--content', FIXTURE, '--out', out], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: temp },
        stdio: 'ignore',
      });
      const exited = once(build, 'exit');
      let group: string | undefined;
      for (let tries = 0; tries < 1500; tries++) {
        const lines = await processesWith(`--user-data-dir=${temp}`);
        group ??= lines.find((line) => !line.includes('--type='))?.split(' ')[0];
        if (group && ready(lines, parent)) break;
        await sleep(10);
      }
      expect(group, `the browser of moment ${index + 1} was never seen`).toBeDefined();
      build.kill('SIGKILL');
      await exited;
      // Gone within two seconds: the browser ends by itself once its build's pipe is closed.
      await vi.waitFor(async () => expect(await runningInGroup(group!)).toEqual([]), { timeout: 2000, interval: 50 });

      // The next build of that output removes what the killed one left: profile, staging, lock.
      expect((await runBuild(['--content', FIXTURE, '--out', out], { TMPDIR: temp })).status).toBe(0);
      expect(readdirSync(temp)).toEqual([]);
      expect(readdirSync(parent)).toEqual(['output']);
    });
  }
});

describe('a reader of the output folder', () => {
  it('finds every file whole through three builds, never missing', async () => {
    const out = join(work, 'read');
    expect((await runBuild(['--content', FIXTURE, '--out', out])).status).toBe(0);
    const stop = join(work, 'stop-reading');
    // Reads index.html and report.pdf again and again, as a web server would.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); const [out, stop] = process.argv.slice(1); let reads = 0, missing = 0, partial = 0;
         const deadline = Date.now() + 60000;
         while (!fs.existsSync(stop) && Date.now() < deadline) {
           try {
             const html = fs.readFileSync(out + '/index.html', 'utf8'); const pdf = fs.readFileSync(out + '/report.pdf');
             if (!html.trimEnd().endsWith('</html>') || !pdf.subarray(-8).toString().includes('%%EOF')) partial++;
             reads++;
           } catch { missing++; }
         }
         process.stdout.write(JSON.stringify({ reads, missing, partial }));`,
        out,
        stop,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let said = '';
    reader.stdout.on('data', (chunk) => (said += chunk));
    for (let build = 0; build < 3; build++) expect((await runBuild(['--content', FIXTURE, '--out', out])).status).toBe(0);
    writeFileSync(stop, '');
    await once(reader, 'exit');
    const { reads, missing, partial } = JSON.parse(said) as { reads: number; missing: number; partial: number };
    expect(reads).toBeGreaterThan(100);
    expect({ missing, partial }).toEqual({ missing: 0, partial: 0 });
  });
});

describe('images of the content', () => {
  const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" width="400" height="120" viewBox="0 0 400 120">
  <sodipodi:namedview id="base" inkscape:zoom="1"/>
  <defs><linearGradient id="water"><stop offset="0" stop-color="#9cc"/><stop offset="1" stop-color="#36c"/></linearGradient></defs>
  <g inkscape:label="Map" inkscape:groupmode="layer">
    <rect width="400" height="120" fill="url(#water)"/>
    <circle id="town" cx="60" cy="60" r="8" fill="#fff"/>
    <use xlink:href="#town" x="120"/>
    <text x="200" y="70" style="font-family:sans-serif">Ashby&#160;&amp;&#160;Carrow</text>
  </g>
</svg>
`;
  const scripted = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="fetch('/steal?c=' + document.cookie)">
  <script>alert(document.domain)</script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"></iframe></foreignObject>
  <image href="https://evil.example/pixel.png" width="1" height="1"/>
</svg>
`;

  it('refuses a scripted SVG and a raster image whose bytes lie, at their lines, and publishes nothing', async () => {
    const content = join(work, 'hostile-images');
    cpSync(FIXTURE, content, { recursive: true });
    writeFileSync(join(content, 'images', 'evil.svg'), scripted);
    writeFileSync(
      join(content, 'images', 'entity.svg'),
      '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>\n',
    );
    writeFileSync(join(content, 'images', 'photo.png'), Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]));
    const article = join(content, 'article.md');
    const text = readFileSync(article, 'utf8');
    writeFileSync(article, `${text}\n![A map](images/evil.svg)\n\n![Another](images/entity.svg)\n\n![A photo](images/photo.png)\n`);
    const line = text.split('\n').length + 1;
    const out = join(work, 'images-out');
    expect((await runBuild(['--content', FIXTURE, '--out', out])).status).toBe(0);
    const before = snapshot(out);
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `article.md:${line}:1: images/evil.svg: an SVG image may not hold an event handler (onload), a <script> element, a <foreignObject> element, a reference out of the image (https://evil.example/pixel.png): remove them and export the image again`,
    );
    expect(run.stderr).toContain(`article.md:${line + 2}:1: images/entity.svg: an SVG image may not hold an XML entity declaration (<!ENTITY>)`);
    expect(run.stderr).toContain(`article.md:${line + 4}:1: images/photo.png: its bytes are not PNG, as its name says, but GIF`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(out)).toEqual(before);
  });

  it('publishes a drawing program’s SVG cleaned of its metadata, still drawing the same', async () => {
    const content = join(work, 'clean-images');
    cpSync(FIXTURE, content, { recursive: true });
    writeFileSync(join(content, 'images', 'map.svg'), inkscape);
    writeFileSync(join(content, 'article.md'), `${readFileSync(join(content, 'article.md'), 'utf8')}\n![The towns of the valley](images/map.svg)\n`);
    const out = join(work, 'clean-out');
    const run = await runBuild(['--content', content, '--out', out]);
    expect(run.status).toBe(0);
    const published = readFileSync(join(out, 'assets', 'images', 'map.svg'), 'utf8');
    const svg = parseSvg(join(out, 'assets', 'images', 'map.svg')).documentElement;
    expect(svg.getAttribute('viewBox')).toBe('0 0 400 120');
    expect(published).not.toMatch(/sodipodi|inkscape|DOCTYPE|script/i);
    expect(svg.getElementsByTagName('use')[0]?.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe('#town');
    expect(svg.getElementsByTagName('text')[0]?.textContent).toBe('Ashby\u00a0&\u00a0Carrow');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('src="assets/images/map.svg"');
  });
});

describe('a build and the network, as the system sees it', () => {
  const hasStrace = spawnSync('strace', ['-V'], { timeout: SYNC_LIMIT }).status === 0;
  // CI installs strace; elsewhere the test says it was skipped rather than failing.
  it.skipIf(!hasStrace && !process.env.CI)('connects to nothing but this machine: no DNS, no connection, no datagram (strace)', async () => {
    const trace = join(work, 'network.trace');
    const out = join(work, 'traced');
    const child = spawn(
      'strace',
      [
        '-f',
        '-qq',
        '-e',
        'trace=connect,sendto,sendmsg,sendmmsg',
        '-o',
        trace,
        process.execPath,
        join(ROOT, 'bin', 'run.mjs'),
        'cli',
        '--content',
        FIXTURE,
        '--out',
        out,
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const [status] = (await once(child, 'exit')) as [number];
    expect(status).toBe(0);
    const calls = readFileSync(trace, 'utf8').split('\n');
    // Traced for real: the build's own processes talk over local sockets.
    expect(calls.filter((call) => /AF_UNIX|AF_NETLINK/.test(call)).length).toBeGreaterThan(0);
    const loopback = /^(127\.|::1$|::ffff:127\.)/;
    const remote = calls.filter((call) => {
      const addresses = [...call.matchAll(/inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
      return addresses.some((address) => !loopback.test(address));
    });
    expect(remote).toEqual([]);
  });
});

describe('a build stopped by a signal', () => {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  it('leaves no staging folder, lock, browser or profile, whatever the moment (SIGINT, SIGTERM, SIGHUP)', async () => {
    // Every 200 ms of a build: a moment between two steps is where a folder is left. Two builds
    // at a time, each with its own folders: both are slower, and the moments only closer.
    const delays = Array.from({ length: 13 }, (_, index) => 200 + index * 200);
    const lane = async (start: number) => {
      for (let index = start; index < delays.length; index += 2) await signalAt(signals[index % signals.length]!, delays[index]!);
    };
    await Promise.all([lane(0), lane(1)]);
  });

  async function signalAt(signal: (typeof signals)[number], delay: number): Promise<void> {
    const temp = mkdtempSync(join(work, 'tmp-'));
    const parent = mkdtempSync(join(work, 'signalled-'));
    const build = spawn(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'cli', '--content', FIXTURE, '--out', join(parent, 'output')], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    build.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = once(build, 'exit');
    await sleep(delay);
    build.kill(signal);
    await exited;
    // What the build said, if anything: why a folder could not be removed.
    const where = `${signal} after ${delay} ms${stderr ? `: ${stderr.trim()}` : ''}`;
    // The build kills its browser as it exits; the system may take a moment to reap it.
    await vi.waitFor(async () => expect(await processesWith(`--user-data-dir=${temp}`), where).toEqual([]), { timeout: 500, interval: 25 });
    expect(readdirSync(temp), where).toEqual([]);
    const left = readdirSync(parent).filter((name) => name !== 'output');
    const holding = left.length > 0 ? ` (${left[0]} holds: ${readdirSync(join(parent, left[0]!), { recursive: true }).join(', ')})` : '';
    expect(left, `${where}${holding}`).toEqual([]);
  }
});
