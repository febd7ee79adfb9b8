import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectDataUrls,
  collectQuantitativeFields,
  createDataLoader,
  dataFormat,
  isRecord,
  MAX_FILE_BYTES,
  readChartData,
  resolveContentUrl,
  walkSpec,
} from '../pipeline/data/load-chart-data.js';

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
    // Also in a list of definitions: a tooltip of several fields.
    const tooltip = {
      encoding: {
        tooltip: [
          { field: 'country', type: 'nominal' },
          { field: 'share', type: 'quantitative' },
        ],
      },
    };
    expect([...collectQuantitativeFields(tooltip)]).toEqual(['share']);
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

describe('resolveContentUrl, in more cases', () => {
  mkdirSync(join(content, 'data', 'folder'));
  writeFileSync(join(content, 'data', 'big.csv'), '');
  truncateSync(join(content, 'data', 'big.csv'), MAX_FILE_BYTES + 1); // sparse: takes no room on disk
  writeFileSync(join(content, 'data', 'edge.csv'), '');
  truncateSync(join(content, 'data', 'edge.csv'), MAX_FILE_BYTES);
  // A socket: no file, but a name in the folder.
  const socket: Server = createServer();
  beforeAll(() => new Promise<void>((listening) => void socket.listen(join(content, 'data', 'socket.csv'), listening)));
  afterAll(() => new Promise<void>((closed) => void socket.close(() => closed())));
  writeFileSync(join(content, 'data', 'é 1.csv'), 'x\n1\n');

  it('reads a path as a URL: its query and fragment dropped, its escapes decoded', () => {
    expect(resolveContentUrl('data/a.csv?v=2#top', content, 'chart data')).toEqual({ ok: true, path: join(content, 'data', 'a.csv'), relative: 'data/a.csv' });
    expect(resolveContentUrl('data/%C3%A9%201.csv', content, 'chart data')).toMatchObject({ ok: true, relative: 'data/é 1.csv' });
    expect(resolveContentUrl('./data/../data/a.csv', content, 'chart data')).toMatchObject({ ok: true, relative: 'data/a.csv' });
    expect(resolveContentUrl('data/%E0%A4%A.csv', content, 'chart data')).toEqual({ ok: false, reason: 'chart data file not found: data/%E0%A4%A.csv' });
  });

  it.each([
    ['data/folder', 'image is not a file but a folder: data/folder'],
    ['data/socket.csv', 'image is not a file but a pipe, socket or device: data/socket.csv'],
    ['data/big.csv', 'image file too large: data/big.csv is 50 MiB, the limit is 50 MiB'],
    ['FILE:data/a.csv', 'image outside the content folder: FILE:data/a.csv'],
    ['data:image/png;base64,AAAA', 'remote image is not allowed: data:image/png;base64,AAAA (put the file in the content folder)'],
    ['mailto:x@example.org', 'remote image is not allowed: mailto:x@example.org (put the file in the content folder)'],
    ['world-atlas:countries-110m.json', 'remote image is not allowed: world-atlas:countries-110m.json (put the file in the content folder)'],
    ['.', 'image outside the content folder: .'],
    // A Windows drive is a path out of the folder, not a remote scheme.
    ['C:\\Users\\me\\a.png', 'image outside the content folder: C:\\Users\\me\\a.png'],
    ['c:/a.png', 'image outside the content folder: c:/a.png'],
  ])('refuses the image %s', (url, reason) => {
    expect(resolveContentUrl(url, content, 'image')).toEqual({ ok: false, reason });
  });

  it('reads a colon inside a path as part of a file name, not as a scheme', () => {
    writeFileSync(join(content, 'data', 'profile:2024.csv'), 'x\n1\n');
    expect(resolveContentUrl('data/profile:2024.csv', content, 'chart data')).toMatchObject({ ok: true, relative: 'data/profile:2024.csv' });
  });

  it('refuses an absolute path, even to a file of the content folder', () => {
    const path = join(content, 'data', 'a.csv');
    expect(resolveContentUrl(path, content, 'chart data')).toEqual({ ok: false, reason: `chart data outside the content folder: ${path}` });
  });

  it('takes a file of the largest size allowed', () => {
    expect(resolveContentUrl('data/edge.csv', content, 'image')).toMatchObject({ ok: true, relative: 'data/edge.csv' });
  });

  it.each([
    ['world-atlas:land-50m.json', true],
    ['world-atlas:countries-10m.json', true],
    ['world-atlas:land-110m.json', true],
    ['world-atlas:countries-20m.json', false],
    ['world-atlas:xcountries-110m.json', false],
    ['world-atlas:countries-110m.jsonx', false],
    ['world-atlas:countries-110m.json.gz', false],
  ])('knows the atlas %s: %s', (url, known) => {
    const resolved = resolveContentUrl(url, content, 'chart data');
    expect(resolved.ok).toBe(known);
    if (resolved.ok)
      expect(resolved).toMatchObject({ relative: url, path: expect.stringMatching(new RegExp(`world-atlas[/\\\\]${url.slice(12).replaceAll('.', '\\.')}$`)) });
    else expect(resolved.reason).toBe(`unknown atlas "${url}": use world-atlas:countries-110m.json, -50m or -10m (or land-…)`);
  });
});

describe('createDataLoader, in more cases', () => {
  writeFileSync(join(content, 'data', 'rents.csv'), 'city;rent\nFreiburg;"1.234,5"\n');
  writeFileSync(join(content, 'data', 'broken.csv'), 'a,b\n1,2,3\n');
  writeFileSync(join(content, 'data', 'rows.json'), '[{"a": 1}]');
  writeFileSync(join(content, 'data', 'users.tsv'), 'country\tusers\r\nFrance\t300000\r\n');
  writeFileSync(join(content, 'data', 'export.csv.txt'), 'country\tusers\r\nFrance\t300000\r\n');

  it('gives vega a CSV as a plain one, in the language of the article, and other files as they are', async () => {
    await expect(createDataLoader(content, 'de').load('data/rents.csv')).resolves.toBe('city,rent\nFreiburg,1234.5\n');
    await expect(createDataLoader(content).load('data/rents.csv')).resolves.toBe('city,rent\nFreiburg,"1.234,5"\n');
    await expect(createDataLoader(content).load('data/broken.csv')).resolves.toBe('a,b\n1,2,3\n');
    await expect(createDataLoader(content).load('data/rows.json')).resolves.toBe('[{"a": 1}]');
    // Only a name that ends in .csv is a CSV: a TSV, or an export renamed, is given as it is.
    await expect(createDataLoader(content).load('data/users.tsv')).resolves.toBe('country\tusers\r\nFrance\t300000\r\n');
    await expect(createDataLoader(content).load('data/export.csv.txt')).resolves.toBe('country\tusers\r\nFrance\t300000\r\n');
    expect(createDataLoader(content, 'de').lang).toBe('de');
    expect(createDataLoader(content).lang).toBe('en');
  });

  it("sanitizes a mark's link without loading it, and an image as an image", async () => {
    const loader = createDataLoader(content);
    await expect(loader.sanitize('https://example.org/page', { context: 'href' })).resolves.toEqual({ href: 'https://example.org/page' });
    await expect(loader.sanitize(' JavaScript:alert(1)', { context: 'href' })).resolves.toEqual({ href: '' });
    await expect(loader.sanitize('data:text/html,x', { context: 'href' })).resolves.toEqual({ href: '' });
    await expect(loader.sanitize('vbscript:x', { context: 'href' })).resolves.toEqual({ href: '' });
    // A scheme's name further in the link is no scheme: a page of Wikimedia Commons' Data: namespace.
    const commons = 'https://commons.wikimedia.org/wiki/Data:Countries.map';
    await expect(loader.sanitize(commons, { context: 'href' })).resolves.toEqual({ href: commons });
    await expect(loader.sanitize('data/a.csv')).resolves.toEqual({ href: join(content, 'data', 'a.csv'), localFile: true });
    await expect(loader.sanitize('world-atlas:land-50m.json', { context: 'image' })).rejects.toThrow('remote image is not allowed');
    await expect(loader.sanitize('world-atlas:land-50m.json', { context: 'dataflow' })).resolves.toMatchObject({ localFile: true });
  });

  it('reads each file once, through the reader it is given', async () => {
    const reads: string[] = [];
    const loader = createDataLoader(content, 'en', async (path) => {
      reads.push(path);
      return 'x,y\n3,4\n';
    });
    await expect(loader.load('data/a.csv')).resolves.toBe('x,y\n3,4\n');
    await expect(loader.file('/any/path')).resolves.toBe('x,y\n3,4\n');
    expect(reads).toEqual([join(content, 'data', 'a.csv'), '/any/path']);
  });

  it('keeps what it read for the rest of the build', async () => {
    const path = join(content, 'data', 'changing.csv');
    writeFileSync(path, 'v\n1\n');
    const loader = createDataLoader(content);
    await expect(loader.file(path)).resolves.toBe('v\n1\n');
    writeFileSync(path, 'v\n2\n');
    await expect(loader.file(path)).resolves.toBe('v\n1\n');
    await expect(createDataLoader(content).file(path)).resolves.toBe('v\n2\n');
  });
});

describe('spec walkers, in more cases', () => {
  it('visits every key and value, in arrays and objects, and nothing of null', () => {
    const visits: string[] = [];
    walkSpec({ a: [{ b: 1 }, null, [{ c: 'x' }]], d: null }, (key, value) => visits.push(`${key}=${JSON.stringify(value)}`));
    expect(visits).toEqual(['a=[{"b":1},null,[{"c":"x"}]]', 'b=1', 'c="x"', 'd=null']);
  });

  it('tells an object of keys from an array, null and a value', () => {
    expect([{}, { a: 1 }, [], null, 'x', 1, undefined].map(isRecord)).toEqual([true, true, false, false, false, false, false]);
  });

  it('collects only the URLs of data, each once, and only quantitative fields named by a string', () => {
    const spec = {
      data: { url: 'data/a.csv' },
      image: { url: 'data/i.png' },
      layer: [{ data: { url: 'data/a.csv' } }, { data: { values: [] } }, { data: [{ url: 'x.csv' }] }, { data: { url: 5 } }],
      encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'c', type: 'nominal' }, size: { field: ['m'], type: 'quantitative' } },
    };
    expect(collectDataUrls(spec)).toEqual(['data/a.csv']);
    expect([...collectQuantitativeFields(spec)]).toEqual(['n']);
  });

  it('finds the format a spec reads a file with: the first that names it, with its type, property and the fields it parses as numbers', () => {
    const spec = {
      data: { url: 'data/world.json', format: { type: 'topojson', feature: 'countries' } },
      layer: [
        { data: { url: 'data/rows.json', format: { type: 'json', property: 'features', parse: { a: 'number', b: 'date', c: 'number' } } } },
        { data: { url: 'data/rows.json', format: { type: 'csv' } } },
        { data: { url: 'data/plain.json' } },
        { data: { url: 'data/odd.json', format: { type: 5, property: ['x'] } } },
        { data: { url: 'data/list.json', format: ['x'] } },
      ],
    };
    const none = new Set();
    expect(dataFormat(spec, 'data/world.json')).toEqual({ type: 'topojson', numbers: none });
    expect(dataFormat(spec, 'data/rows.json')).toEqual({ type: 'json', property: 'features', numbers: new Set(['a', 'c']) });
    expect(dataFormat(spec, 'data/plain.json')).toEqual({ numbers: none });
    expect(dataFormat(spec, 'data/odd.json')).toEqual({ numbers: none });
    expect(dataFormat(spec, 'data/list.json')).toEqual({ numbers: none });
    expect(dataFormat(spec, 'data/none.json')).toEqual({ numbers: none });
    // The URL of the data, not another object that names the same file (the spec's notes on its source).
    const noted = {
      usermeta: { source: { url: 'data/rows.json', title: 'Census 2024' } },
      data: { url: 'data/rows.json', format: { type: 'json', property: 'rows' } },
    };
    expect(dataFormat(noted, 'data/rows.json')).toEqual({ type: 'json', property: 'rows', numbers: none });
    expect(dataFormat([{ data: { url: 'a.json', format: { property: 'p', parse: ['a'] } } }], 'a.json')).toEqual({ property: 'p', numbers: none });
  });
});

describe('readChartData, in more cases', () => {
  writeFileSync(join(content, 'data', 'empty.csv'), 'country,users\n');
  writeFileSync(join(content, 'data', 'list.json'), '[{"country": "France", "users": 3}]');
  writeFileSync(join(content, 'data', 'object.json'), '{"country": "France"}');

  it('skips what it cannot table: an atlas, a file of another kind, a missing one, an empty one, one that is not a list', async () => {
    const spec = {
      data: { url: 'world-atlas:land-110m.json' },
      layer: [
        { data: { url: 'data/i.png' } },
        { data: { url: 'data/missing.csv' } },
        { data: { url: 'data/empty.csv' } },
        { data: { url: 'data/object.json' } },
        { data: { url: 'data/list.json' } },
      ],
      encoding: { color: { field: 'users', type: 'quantitative' } },
    };
    await expect(readChartData(spec, content, createDataLoader(content))).resolves.toEqual({
      url: 'data/list.json',
      path: join(content, 'data', 'list.json'),
      columns: ['country', 'users'],
      rows: [{ country: 'France', users: 3 }],
    });
  });

  it('gives nothing when no file holds a value the chart encodes', async () => {
    const spec = { data: { values: [] }, layer: [{ data: { url: 'data/a.csv' } }], encoding: { x: { field: 'users', type: 'quantitative' } } };
    await expect(readChartData(spec, content, createDataLoader(content))).resolves.toBeUndefined();
    await expect(readChartData({ mark: 'bar' }, content, createDataLoader(content))).resolves.toBeUndefined();
  });

  it('gives a chart its own file first, wherever the spec writes its data', async () => {
    writeFileSync(join(content, 'data', 'population.csv'), 'country,population\nFrance,68000000\n');
    const spec = {
      transform: [{ lookup: 'country', from: { data: { url: 'data/population.csv' }, key: 'country', fields: ['population'] } }],
      data: { url: 'data/users.csv' },
      mark: 'bar',
      encoding: { x: { field: 'users', type: 'quantitative' }, tooltip: [{ field: 'population', type: 'quantitative' }] },
    };
    expect((await readChartData(spec, content, createDataLoader(content)))?.url).toBe('data/users.csv');
  });

  it('gives nothing for a chart whose own file is no table: not a list of rows, or neither a CSV nor a JSON file', async () => {
    await expect(readChartData({ data: { url: 'data/object.json' }, mark: 'bar' }, content, createDataLoader(content))).resolves.toBeUndefined();
    await expect(readChartData({ data: { url: 'data/users.tsv' }, mark: 'bar' }, content, createDataLoader(content))).resolves.toBeUndefined();
    await expect(readChartData({ data: { url: 'data/export.csv.txt' }, mark: 'bar' }, content, createDataLoader(content))).resolves.toBeUndefined();
  });

  it('reads a ; file in the language of the loader', async () => {
    const data = await readChartData({ data: { url: 'data/rents.csv' } }, content, createDataLoader(content, 'de'));
    expect(data?.rows).toEqual([{ city: 'Freiburg', rent: '1234.5' }]);
  });
});
