import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOutput, MANIFEST } from '../pipeline/report/claim-output.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-claim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
mkdirSync(content);

/** A folder as an earlier build left it, with its manifest. */
function earlierBuild(name: string): string {
  const out = join(work, name);
  mkdirSync(join(out, 'charts'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html>');
  writeFileSync(join(out, 'charts', 'a.svg'), '<svg/>');
  writeFileSync(join(out, MANIFEST), JSON.stringify({ generator: 'briefing', files: ['charts/a.svg', 'index.html'] }));
  return out;
}

describe('claimOutput', () => {
  it('takes a folder that does not exist, an empty one, one with only a .gitkeep, and an earlier build', () => {
    expect(() => claimOutput(join(work, 'new', 'output'), content)).not.toThrow();
    mkdirSync(join(work, 'empty'));
    expect(() => claimOutput(join(work, 'empty'), content)).not.toThrow();
    mkdirSync(join(work, 'kept'));
    writeFileSync(join(work, 'kept', '.gitkeep'), '');
    expect(() => claimOutput(join(work, 'kept'), content)).not.toThrow();
    expect(() => claimOutput(earlierBuild('earlier'), content)).not.toThrow();
  });

  it('takes an earlier build that a file browser looked into (.DS_Store, Thumbs.db)', () => {
    const out = earlierBuild('browsed');
    writeFileSync(join(out, '.DS_Store'), '');
    writeFileSync(join(out, 'charts', 'Thumbs.db'), '');
    expect(() => claimOutput(out, content)).not.toThrow();
  });

  it('refuses a file somebody put in an earlier build, naming it, with exit status 2', () => {
    const out = earlierBuild('edited');
    writeFileSync(join(out, 'charts', 'notes.md'), 'mine');
    expect(() => claimOutput(out, content)).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining('such as charts/notes.md') }));
  });

  it('refuses the content folder, a folder holding it, the home folder and /', () => {
    expect(() => claimOutput(content, content)).toThrow(/is the content folder itself/);
    expect(() => claimOutput(work, content)).toThrow(/holds the content folder/);
    expect(() => claimOutput(homedir(), content)).toThrow(/is your home folder/);
    expect(() => claimOutput('/', content)).toThrow(/holds the content folder|is the root of the file system/);
  });
});
