import { describe, expect, it } from 'vitest';
import { parseArgs } from '../pipeline/parse-args.js';

describe('parseArgs', () => {
  it('builds content/ into output/ by default', () => {
    expect(parseArgs([])).toEqual({ contentDir: 'content', outDir: 'output', verbose: false, help: false });
  });

  it('takes either flag alone, or both', () => {
    expect(parseArgs(['--content', 'a'])).toMatchObject({ contentDir: 'a', outDir: 'output' });
    expect(parseArgs(['--out', 'b'])).toMatchObject({ contentDir: 'content', outDir: 'b' });
    expect(parseArgs(['--content=a', '--out=b', '--verbose'])).toMatchObject({ contentDir: 'a', outDir: 'b', verbose: true });
  });

  it('refuses unknown flags, stray words and empty folders', () => {
    expect(() => parseArgs(['--contnet', 'a'])).toThrow(/contnet/);
    expect(() => parseArgs(['content'])).toThrow();
    expect(() => parseArgs(['--out', ''])).toThrow('--out needs a folder');
  });
});
