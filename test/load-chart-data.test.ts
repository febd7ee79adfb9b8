import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDataUrls, collectQuantitativeFields, createDataLoader, resolveContentUrl } from '../pipeline/data/load-chart-data.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-data-'));
const content = join(dir, 'content');
mkdirSync(join(content, 'data'), { recursive: true });
writeFileSync(join(content, 'data', 'a.csv'), 'x,y\n1,2\n');
writeFileSync(join(dir, 'secret.csv'), 'secret\n');
symlinkSync(join(dir, 'secret.csv'), join(content, 'data', 'link.csv'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveContentUrl', () => {
  it('resolves a file of the content folder', () => {
    expect(resolveContentUrl('data/a.csv', content, 'chart data')).toEqual({ ok: true, path: join(content, 'data', 'a.csv'), relative: 'data/a.csv' });
  });

  it.each([
    ['../secret.csv', 'chart data outside the content folder: ../secret.csv'],
    ['data/../../secret.csv', 'chart data outside the content folder: data/../../secret.csv'],
    [join(dir, 'secret.csv'), `chart data outside the content folder: ${join(dir, 'secret.csv')}`],
    [`file://${join(dir, 'secret.csv')}`, `chart data outside the content folder: file://${join(dir, 'secret.csv')}`],
    ['data/link.csv', 'chart data outside the content folder: data/link.csv'],
    ['https://example.org/a.csv', 'remote chart data is not allowed: https://example.org/a.csv (put the file in the content folder)'],
    ['//example.org/a.csv', 'remote chart data is not allowed: //example.org/a.csv (put the file in the content folder)'],
    ['data/missing.csv', 'chart data file not found: data/missing.csv'],
  ])('refuses %s', (url, reason) => {
    expect(resolveContentUrl(url, content, 'chart data')).toEqual({ ok: false, reason });
  });

  it('serves the bundled world atlas to charts only', () => {
    const atlas = resolveContentUrl('world-atlas:countries-110m.json', content, 'chart data');
    expect(atlas.ok && atlas.path).toMatch(/world-atlas[/\\]countries-110m\.json$/);
    expect(resolveContentUrl('world-atlas:moon.json', content, 'chart data').ok).toBe(false);
    expect(resolveContentUrl('world-atlas:countries-110m.json', content, 'image').ok).toBe(false);
  });
});

describe('createDataLoader', () => {
  it('reads files of the content folder and nothing else', async () => {
    const loader = createDataLoader(content);
    await expect(loader.load('data/a.csv')).resolves.toBe('x,y\n1,2\n');
    await expect(loader.load('../secret.csv')).rejects.toThrow('outside the content folder');
    await expect(loader.http('https://example.org/')).rejects.toThrow('not allowed');
  });
});

describe('spec walkers', () => {
  const spec = {
    data: { url: 'data/a.csv' },
    layer: [
      { encoding: { x: { field: 'users', type: 'quantitative' }, y: { field: 'country', type: 'nominal' } } },
      { transform: [{ lookup: 'id', from: { data: { url: 'data/b.csv' }, key: 'id' } }] },
    ],
  };
  it('collects every data URL, at any depth', () => {
    expect(collectDataUrls(spec)).toEqual(['data/a.csv', 'data/b.csv']);
  });
  it('collects the fields encoded as quantitative', () => {
    expect([...collectQuantitativeFields(spec)]).toEqual(['users']);
  });
});
