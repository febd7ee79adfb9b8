import { describe, expect, it } from 'vitest';
import { parseArgs, slugOf } from '../pipeline/cli/parse-args.js';

describe('parseArgs', () => {
  it('builds content/ into output/ by default', () => {
    expect(parseArgs([])).toEqual({ reports: [{ contentDir: 'content', outDir: 'output' }], browserWs: undefined, verbose: false, help: false });
  });

  it('takes either flag alone, or both', () => {
    expect(parseArgs(['--content', 'a']).reports).toEqual([{ contentDir: 'a', outDir: 'output' }]);
    expect(parseArgs(['--out', 'b']).reports).toEqual([{ contentDir: 'content', outDir: 'b' }]);
    expect(parseArgs(['--content=a', '--out=b', '--verbose'])).toMatchObject({ reports: [{ contentDir: 'a', outDir: 'b' }], verbose: true });
  });

  it('builds several content folders each into a folder of --out named after it', () => {
    expect(parseArgs(['--content', 'news/Élections 2026', '--content', 'news/budget/', '--out', 'site']).reports).toEqual([
      { contentDir: 'news/Élections 2026', outDir: 'site/elections-2026' },
      { contentDir: 'news/budget/', outDir: 'site/budget' },
    ]);
    expect(() => parseArgs(['--content', 'a/x', '--content', 'b/x'])).toThrow('--content a/x and --content b/x would both build into output/x');
    expect(slugOf('/')).toBe('report');
  });

  it('takes a remote browser', () => {
    expect(parseArgs(['--browser-ws', 'ws://127.0.0.1:9222/devtools/browser/abc']).browserWs).toBe('ws://127.0.0.1:9222/devtools/browser/abc');
    expect(() => parseArgs(['--browser-ws', 'http://127.0.0.1:9222'])).toThrow('--browser-ws needs a ws:// or wss:// URL');
  });

  it('refuses unknown flags, stray words and empty folders', () => {
    expect(() => parseArgs(['--contnet', 'a'])).toThrow(/contnet/);
    expect(() => parseArgs(['content'])).toThrow();
    expect(() => parseArgs(['--out', ''])).toThrow('--out needs a folder');
  });
});
