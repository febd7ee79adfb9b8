import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST } from '../pipeline/report/claim-output.js';
import { createStaging, lockOutput } from '../pipeline/report/write-output.js';
import { ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-output-'));
const content = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "const { lockOutput } = await import('./pipeline/report/write-output.ts'); try { lockOutput('/proc/briefing-output'); } catch (error) { console.log(JSON.stringify({ exitCode: error.exitCode })); }",
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' },
    );
    expect(child.signal, 'taking the lock blocked').toBeNull();
    expect(JSON.parse(child.stdout)).toEqual({ exitCode: 2 });
    await expect(createStaging('/proc/briefing-output', content)).rejects.toMatchObject({ exitCode: 2 });
  });
});
