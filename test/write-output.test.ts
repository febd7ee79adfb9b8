import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaging } from '../pipeline/write-output.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('createStaging', () => {
  it('replaces the output folder whole, keeping its .gitkeep', async () => {
    const out = join(work, 'swap', 'output');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.gitkeep'), '');
    writeFileSync(join(out, 'old.txt'), 'old');
    const staging = await createStaging(out);
    await staging.write('charts/a.svg', '<svg/>');
    expect(readFileSync(join(out, 'old.txt'), 'utf8')).toBe('old'); // untouched until the swap
    await staging.commit();
    await staging.dispose();
    expect(readdirSync(out).sort()).toEqual(['.gitkeep', 'charts']);
    expect(readdirSync(join(work, 'swap'))).toEqual(['output']);
  });

  it('leaves nothing behind when a build is abandoned', async () => {
    const out = join(work, 'abandon', 'output');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'previous');
    const staging = await createStaging(out);
    await staging.write('index.html', 'half');
    await staging.dispose();
    expect(readdirSync(join(work, 'abandon'))).toEqual(['output']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous');
  });

  it('stops a second build of the same folder at once, and recovers a stale lock', async () => {
    const out = join(work, 'lock', 'output');
    const first = await createStaging(out);
    await expect(createStaging(out)).rejects.toThrow(/being built by another process/);
    await first.dispose();

    // A lock left by a process that no longer exists.
    mkdirSync(join(work, 'lock', '.output.lock'));
    writeFileSync(join(work, 'lock', '.output.lock', 'pid'), '999999999');
    const second = await createStaging(out);
    await second.dispose();
    expect(existsSync(join(work, 'lock', '.output.lock'))).toBe(false);
  });

  it('is an environment error when the folder cannot be written', async () => {
    await expect(createStaging('/proc/briefing-output')).rejects.toMatchObject({ exitCode: 2 });
  });
});
