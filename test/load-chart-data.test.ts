import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDataUrls, collectQuantitativeFields, createDataLoader, readChartData, resolveContentUrl } from '../pipeline/data/load-chart-data.js';

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

describe('readChartData', () => {
  // A map as the seed draws it: the atlas on top, the country names and the figures looked up.
  writeFileSync(join(content, 'data', 'countries.csv'), 'iso_numeric,country\n840,États-Unis\n250,France\n');
  writeFileSync(join(content, 'data', 'users.csv'), 'country,users\nÉtats-Unis,2000000\nFrance,300000\n');
  const map = {
    data: { url: 'world-atlas:countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
    transform: [
      { lookup: 'id', from: { data: { url: 'data/countries.csv' }, key: 'iso_numeric', fields: ['country'] } },
      { lookup: 'country', from: { data: { url: 'data/users.csv' }, key: 'country', fields: ['users'] } },
    ],
    mark: 'geoshape',
    encoding: { color: { field: 'users', type: 'quantitative' } },
  };

  it('gives a chart its own data file', async () => {
    const data = await readChartData({ data: { url: 'data/a.csv' }, mark: 'bar' }, content, createDataLoader(content));
    expect(data).toMatchObject({ url: 'data/a.csv', columns: ['x', 'y'] });
  });

  it('gives a map the file that holds the values it colours by, not its atlas or its lookup of names', async () => {
    const data = await readChartData(map, content, createDataLoader(content));
    expect(data).toMatchObject({ url: 'data/users.csv', columns: ['country', 'users'] });
    expect(data?.rows).toHaveLength(2);
  });

  it('gives a chart whose data is in its layers the file behind its values', async () => {
    const layered = { layer: [{ data: { url: 'data/users.csv' }, mark: 'bar', encoding: { x: { field: 'users', type: 'quantitative' } } }] };
    expect((await readChartData(layered, content, createDataLoader(content)))?.url).toBe('data/users.csv');
  });
});
