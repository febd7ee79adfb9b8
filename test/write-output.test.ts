import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MANIFEST } from '../pipeline/report/claim-output.js';
import { createStaging, lockOutput, type OutputFile, stageOutputs } from '../pipeline/report/write-output.js';
import { runModuleCode } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-output-'));
const content = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The error lockOutput throws for `out`, with its exit status and the system's error behind it. */
function lockError(out: string): (Error & { exitCode?: number; cause?: NodeJS.ErrnoException }) | undefined {
  try {
    lockOutput(out).release();
  } catch (thrown) {
    return thrown as Error & { exitCode?: number; cause?: NodeJS.ErrnoException };
  }
  return undefined;
}

describe('createStaging', () => {
  it('replaces the output folder whole, keeping its .gitkeep', async () => {
    const out = join(work, 'swap', 'output');
    mkdirSync(out, { recursive: true });
    const lock = lockOutput(out);
    writeFileSync(join(out, '.gitkeep'), '');
    writeFileSync(join(out, 'old.txt'), 'old');
    writeFileSync(join(out, MANIFEST), JSON.stringify({ generator: 'briefing', files: ['old.txt'] }));
    const staging = await createStaging(out, content);
    await staging.write('charts/a.svg', '<svg/>');
    expect(readFileSync(join(out, 'old.txt'), 'utf8')).toBe('old'); // untouched until the swap
    await staging.commit();
    await staging.dispose();
    lock.release();
    expect(readdirSync(out).sort()).toEqual(['.briefing-output.json', '.gitkeep', 'charts']);
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'))).toEqual({ generator: 'briefing', files: ['charts/a.svg'] });
    expect(readdirSync(join(work, 'swap'))).toEqual(['output']);
  });

  it('leaves nothing behind when a build is abandoned', async () => {
    const out = join(work, 'abandon', 'output');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'previous');
    const staging = await createStaging(out, content);
    await staging.write('index.html', 'half');
    await staging.dispose();
    expect(readdirSync(join(work, 'abandon'))).toEqual(['output']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous');
  });

  it('stops a second build of the same folder at once, and recovers a stale lock', async () => {
    const out = join(work, 'lock', 'output');
    const first = lockOutput(out);
    expect(() => lockOutput(out)).toThrow(/being built by another process \(pid \d+\)/);
    first.release();

    // A lock left by a process that no longer exists.
    mkdirSync(join(work, 'lock', '.output.lock'));
    writeFileSync(join(work, 'lock', '.output.lock', 'pid'), '999999999');
    const second = lockOutput(out);
    second.release();
    expect(existsSync(join(work, 'lock', '.output.lock'))).toBe(false);
  });

  it('removes the staging folders of a build that was killed outright, and only those', async () => {
    const parent = join(work, 'killed');
    const out = join(parent, 'output');
    mkdirSync(out, { recursive: true });
    // Left by a process that no longer exists: its staging folder and a swap cut short.
    mkdirSync(join(parent, '.output.staging-999999999-0a1b2c3d', 'charts'), { recursive: true });
    mkdirSync(join(parent, '.output.staging-999999999-0a1b2c3d.previous'));
    // A running process's (this one's parent) and another output's stay.
    mkdirSync(join(parent, `.output.staging-${process.ppid}-0a1b2c3d`));
    mkdirSync(join(parent, '.other.staging-999999999-0a1b2c3d'));
    const lock = lockOutput(out);
    lock.release();
    expect(readdirSync(parent).sort()).toEqual(['.other.staging-999999999-0a1b2c3d', `.output.staging-${process.ppid}-0a1b2c3d`, 'output']);
  });

  it('is an environment error when the folder cannot be written', async () => {
    // Taking the lock is synchronous: in a process of its own, which a time limit can stop if it ever blocks.
    const child = runModuleCode(
      "const { lockOutput } = await import('./pipeline/report/write-output.ts'); try { lockOutput('/proc/briefing-output'); } catch (error) { console.log(JSON.stringify({ exitCode: error.exitCode })); }",
    );
    expect(child.signal, 'taking the lock blocked').toBeNull();
    expect(JSON.parse(child.stdout)).toEqual({ exitCode: 2 });
    await expect(createStaging('/proc/briefing-output', content)).rejects.toMatchObject({ exitCode: 2 });
  });
});

/** The handlers `action` adds for the process's exit: what runs when a build is stopped. */
async function exitHandlersAddedBy<T>(action: () => T | Promise<T>): Promise<[T, (() => void)[]]> {
  const before = process.listeners('exit');
  const result = await action();
  return [result, process.listeners('exit').filter((listener) => !before.includes(listener)) as (() => void)[]];
}

/** A folder as an earlier build left it. */
function earlierBuild(out: string): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'old.txt'), 'old');
  writeFileSync(join(out, MANIFEST), JSON.stringify({ generator: 'briefing', files: ['old.txt'] }));
}

/** A name of `length` characters, the longest a file system takes being 255. */
const longName = (length: number) => 'o'.repeat(length);

describe('staging a build', () => {
  it('writes files in nested folders, copies, removes, and makes the output folder when there is none', async () => {
    const parent = join(work, 'first');
    const out = join(parent, 'output');
    mkdirSync(parent);
    const source = join(work, 'first-source.png');
    writeFileSync(source, 'png bytes');
    const staging = await createStaging(out, content);
    await stageOutputs(
      staging,
      new Map<string, OutputFile>([
        ['index.html', '<!doctype html>'],
        ['charts/a.svg', '<svg id="a"/>'],
        ['charts/b.svg', '<svg id="b"/>'],
        ['media/images/deep/photo.png', { copy: source }],
        ['draft.txt', 'to be removed'],
      ]),
    );
    await staging.write('charts/c.svg', '<svg id="c"/>'); // into a folder that exists by now
    await staging.remove('draft.txt');
    await staging.remove('never-written.txt');
    await staging.commit();
    await expect(staging.dispose()).resolves.toBeUndefined(); // safe after commit
    expect(readdirSync(parent)).toEqual(['output']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['a.svg', 'b.svg', 'c.svg']);
    expect(readFileSync(join(out, 'charts', 'b.svg'), 'utf8')).toBe('<svg id="b"/>');
    expect(readFileSync(join(out, 'media', 'images', 'deep', 'photo.png'), 'utf8')).toBe('png bytes');
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).files).toEqual([
      'charts/a.svg',
      'charts/b.svg',
      'charts/c.svg',
      'index.html',
      'media/images/deep/photo.png',
    ]);
  });

  it('swaps in one step, so even a name that leaves no room for a two-step swap is replaced', async () => {
    // The staging folder's name is 250 characters long: the ".previous" of a two-step swap would not fit.
    const parent = join(work, 'long');
    const out = join(parent, longName(250 - '..staging--0a1b2c3d'.length - String(process.pid).length));
    earlierBuild(out);
    const staging = await createStaging(out, content);
    expect(staging.dir.length - parent.length - 1).toBe(250);
    await staging.write('new.txt', 'new');
    await staging.commit();
    await staging.dispose();
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'new.txt']);
    expect(readdirSync(parent)).toHaveLength(1);
  });

  /** `action` run with a fresh copy of the modules, on a system with no one-step exchange (neither Linux nor macOS). */
  async function withoutExchange<T>(action: (fresh: typeof import('../pipeline/report/write-output.js')) => Promise<T>): Promise<T> {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'freebsd' });
    try {
      // A copy that has not yet looked for the exchange, as on a fresh start.
      vi.resetModules();
      return await action(await import('../pipeline/report/write-output.js'));
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  }

  it('replaces the folder whole with two renames on a system with no one-step exchange', async () => {
    const parent = join(work, 'two-step');
    const out = join(parent, 'output');
    earlierBuild(out);
    writeFileSync(join(out, '.gitkeep'), '');
    await withoutExchange(async ({ createStaging }) => {
      const staging = await createStaging(out, content);
      await staging.write('new.txt', 'new');
      await staging.commit();
      await staging.dispose();
    });
    expect(readdirSync(out).sort()).toEqual([MANIFEST, '.gitkeep', 'new.txt']);
    expect(readdirSync(parent)).toEqual(['output']);
  });

  it('is an environment error, leaving the folder as it was, when the two renames cannot be made', async () => {
    const parent = join(work, 'two-step-long');
    const out = join(parent, longName(250 - '..staging--0a1b2c3d'.length - String(process.pid).length));
    earlierBuild(out);
    const error = await withoutExchange(async ({ createStaging }) => {
      const staging = await createStaging(out, content);
      await staging.write('new.txt', 'new');
      const thrown = await staging.commit().catch((reason: unknown) => reason);
      await staging.dispose();
      return thrown as Error & { exitCode?: number; cause?: NodeJS.ErrnoException };
    });
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`cannot replace the output folder ${out}: ${error.cause?.message}`);
    expect(error.cause?.code).toBe('ENAMETOOLONG');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'old.txt']);
    expect(readdirSync(parent)).toHaveLength(1);
  });

  it('is removed when the process exits, and forgotten when disposed of', async () => {
    const out = join(work, 'exit', 'output');
    mkdirSync(out, { recursive: true });
    const listeners = process.listenerCount('exit');
    const [staging, handlers] = await exitHandlersAddedBy(() => createStaging(out, content));
    expect(handlers).toHaveLength(1);
    await staging.write('charts/a.svg', '<svg/>');
    for (const handler of handlers) handler();
    expect(existsSync(staging.dir)).toBe(false);
    await staging.dispose();
    expect(process.listenerCount('exit')).toBe(listeners);
  });

  it('says on stderr, once, when the exit cannot remove it, and does not throw', async () => {
    const out = join(work, 'stuck', 'output');
    mkdirSync(out, { recursive: true });
    const [staging, handlers] = await exitHandlersAddedBy(() => createStaging(out, content));
    // Two trees of folders, each within the length a path may have, one moved into the other: the
    // deepest paths are then too long for any removal to reach.
    const chain = Array.from({ length: 15 }, () => longName(200));
    mkdirSync(join(staging.dir, 'x', ...chain), { recursive: true });
    mkdirSync(join(work, 'stuck', 'y', ...chain), { recursive: true });
    renameSync(join(work, 'stuck', 'y'), join(staging.dir, 'x', ...chain, 'y'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      for (const handler of handlers) expect(() => handler()).not.toThrow();
      expect(stderr.mock.calls.map(([text]) => String(text))).toEqual([
        expect.stringMatching(/^could not remove .*\.output\.staging-\d+-[0-9a-f]+: ENAMETOOLONG/),
      ]);
    } finally {
      stderr.mockRestore();
      renameSync(join(staging.dir, 'x', ...chain, 'y'), join(work, 'stuck', 'y'));
      await staging.dispose();
    }
    expect(existsSync(staging.dir)).toBe(false);
  });

  it('names the subfolder it cannot make when a file is written into one', async () => {
    const out = join(work, 'long-subfolder', 'output');
    mkdirSync(out, { recursive: true });
    const staging = await createStaging(out, content);
    try {
      await expect(staging.write(`${longName(256)}/a.svg`, '<svg/>')).rejects.toMatchObject({
        code: 'ENAMETOOLONG',
        message: expect.stringContaining(`mkdir '${join(staging.dir, longName(256))}'`),
      });
    } finally {
      await staging.dispose();
    }
  });

  it('is an environment error, naming the folder and why, when the staging folder cannot be made', async () => {
    const out = join(work, 'too-long', longName(250));
    mkdirSync(join(work, 'too-long'));
    const listeners = process.listenerCount('exit');
    const error = await createStaging(out, content).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ exitCode: 2, message: `the output folder ${out} is not writable: ${(error as Error & { cause: Error }).cause.message}` });
    expect((error as Error & { cause: NodeJS.ErrnoException }).cause.code).toBe('ENAMETOOLONG');
    expect(process.listenerCount('exit')).toBe(listeners);
    expect(readdirSync(join(work, 'too-long'))).toEqual([]);
  });
});

describe('lockOutput', () => {
  const lockOf = (parent: string) => join(parent, '.output.lock');

  it("holds the owner's pid, and goes when released or when the process exits", async () => {
    const parent = join(work, 'held');
    const out = join(parent, 'output');
    const listeners = process.listenerCount('exit');
    const [, handlers] = await exitHandlersAddedBy(() => lockOutput(out));
    expect(readFileSync(join(lockOf(parent), 'pid'), 'utf8')).toBe(String(process.pid));
    expect(handlers).toHaveLength(1);
    for (const handler of handlers) handler();
    expect(existsSync(lockOf(parent))).toBe(false);
    expect(process.listenerCount('exit')).toBe(listeners);

    const again = lockOutput(out);
    again.release();
    again.release(); // twice is harmless
    expect(readdirSync(parent)).toEqual([]);
    expect(process.listenerCount('exit')).toBe(listeners);
  });

  it('names the running process that holds it', () => {
    const parent = join(work, 'taken');
    mkdirSync(lockOf(parent), { recursive: true });
    writeFileSync(join(lockOf(parent), 'pid'), String(process.ppid));
    expect(() => lockOutput(join(parent, 'output'))).toThrow(
      `the output folder ${join(parent, 'output')} is being built by another process (pid ${process.ppid}); try again when it ends`,
    );
    expect(readFileSync(join(lockOf(parent), 'pid'), 'utf8')).toBe(String(process.ppid));
  });

  it.each(['-1', '0', '1.5', 'not a pid', ''])('takes over a lock whose pid file holds %j', (pid) => {
    const parent = join(work, `garbled-${pid.replaceAll(/\W/g, '_')}`);
    mkdirSync(lockOf(parent), { recursive: true });
    writeFileSync(join(lockOf(parent), 'pid'), pid);
    const lock = lockOutput(join(parent, 'output'));
    expect(readFileSync(join(lockOf(parent), 'pid'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('waits for a lock still being made (no pid yet), and takes over one left so for long', () => {
    const parent = join(work, 'pidless');
    mkdirSync(lockOf(parent), { recursive: true });
    expect(() => lockOutput(join(parent, 'output'))).toThrow(/is being built by another process \(pid \d+\)/);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockOf(parent), minuteAgo, minuteAgo);
    const lock = lockOutput(join(parent, 'output'));
    expect(readFileSync(join(lockOf(parent), 'pid'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('waits five seconds for the pid of a lock being made, and no longer', () => {
    const parent = join(work, 'pidless-five');
    mkdirSync(lockOf(parent), { recursive: true });
    const made = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    utimesSync(lockOf(parent), made / 1000, made / 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(made + 4_999);
      expect(() => lockOutput(join(parent, 'output'))).toThrow(/is being built by another process \(pid \d+\)/);
      vi.setSystemTime(made + 5_000);
      lockOutput(join(parent, 'output')).release();
    } finally {
      vi.useRealTimers();
    }
    expect(readdirSync(parent)).toEqual([]);
  });

  it('removes dead staging folders of an output whose name has dots, and not those of a look-alike', () => {
    const parent = join(work, 'dotted');
    mkdirSync(join(parent, '.report.v2.staging-999999999-0a1b2c3d'), { recursive: true });
    mkdirSync(join(parent, '.reportXv2.staging-999999999-0a1b2c3d'));
    lockOutput(join(parent, 'report.v2')).release();
    expect(readdirSync(parent)).toEqual(['.reportXv2.staging-999999999-0a1b2c3d']);
  });

  it('is an environment error when the folder above cannot be made', () => {
    writeFileSync(join(work, 'a-file'), '');
    const parent = join(work, 'a-file', 'sub');
    const error = lockError(join(parent, 'output'));
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toBe(`cannot create ${parent}: ${error?.cause?.message}`);
    expect(error?.cause?.code).toBe('ENOTDIR');
  });

  it('leaves no lock behind when its pid cannot be written', () => {
    // So deep a folder that the lock's path fits the limit a path may have (4,095 characters) and its pid file's does not.
    let parent = join(work, 'deep-lock');
    while (4_080 - parent.length > 250) parent = join(parent, longName(200));
    parent = join(parent, longName(4_080 - parent.length - 1));
    expect(join(lockOf(parent), 'pid').length).toBe(4_097);
    const error = lockError(join(parent, 'output'));
    expect(error?.exitCode).toBe(2);
    expect(error?.cause?.code).toBe('ENAMETOOLONG');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('is an environment error when the lock cannot be made beside the folder', () => {
    const out = join(work, 'long-lock', longName(251));
    const error = lockError(out);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toBe(`the output folder ${out} is not writable: ${error?.cause?.message}`);
    expect(error?.cause?.code).toBe('ENAMETOOLONG');
  });
});
