// Hostile and careless inputs, one row each: what the build must answer (its exit status and the
// one line it prints), with no stack trace, no hang, the output folder untouched when it fails,
// and nothing left beside it. The next case is one more row.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesWith, ROOT, runBuild, SYNC_LIMIT, snapshot } from './helpers.js';
import { FIXTURE, spoiltCopies } from './spoilt-copies.js';

const { work, before, folders } = spoiltCopies('briefing-hostile-');

/** A copy of the English fixture to spoil: its article's text, and a way to write its files. */
type Content = Readonly<{ dir: string; article: string; write: (path: string, text: string | Buffer) => void }>;

type Row = Readonly<{
  /** The issue's number for the case, and what it is. */
  name: string;
  /** Spoils the copy; returns the article's new text, or undefined to leave it. */
  spoil: (content: Content) => string | Buffer | undefined;
  status: 0 | 1 | 2;
  /** A line the build must print (exactly, or matching). */
  line: string | RegExp;
  env?: NodeJS.ProcessEnv;
  /** More arguments of the build (`--verbose`). */
  args?: readonly string[];
  /** What the published page must not hold, for a case that builds. */
  notInPage?: string;
}>;

const chart = (id: string, spec: object) => `\n\n\`\`\`vega-lite id=${id}\n${JSON.stringify(spec)}\n\`\`\`\n`;

const ROWS: Row[] = [
  {
    name: '1. a sequence of a billion values',
    spoil: ({ article }) =>
      article + chart('huge', { data: { sequence: { start: 0, stop: 1e9, as: 'v' } }, mark: 'tick', encoding: { x: { field: 'v', type: 'quantitative' } } }),
    status: 1,
    line: /^article\.md:\d+:\d+: chart "huge": a sequence of 1,000,000,000 values is too long: a chart reads at most 200,000 rows$/,
  },
  {
    name: '1. a chart ten million pixels wide',
    spoil: ({ article }) =>
      article + chart('wide', { width: 1e7, height: 300, data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } }),
    status: 1,
    line: /^article\.md:\d+:\d+: chart "wide": width 10000000 is out of bounds: a chart is at most 6400 px wide$/,
  },
  {
    name: '1. a chart that would take minutes to draw, past the build time limit',
    spoil: ({ article }) =>
      article +
      chart('slow', {
        data: { sequence: { start: 0, stop: 200_000, as: 'v' } },
        transform: [{ calculate: 'sin(datum.v)', as: 's' }],
        mark: 'point',
        width: 6000,
        height: 6000,
        encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 's', type: 'quantitative' } },
      }),
    env: { BRIEFING_BUILD_TIMEOUT: '1', BRIEFING_NO_CACHE: '1' },
    status: 2,
    line: 'error: the build did not finish in 1 s (BRIEFING_BUILD_TIMEOUT): it was stopped, and nothing was published',
  },
  {
    name: '2. a pipe as a data file',
    spoil: ({ dir }) => {
      unlinkSync(join(dir, 'data', 'warnings.csv'));
      execFileSync('mkfifo', [join(dir, 'data', 'warnings.csv')], { timeout: SYNC_LIMIT });
      return undefined;
    },
    status: 1,
    line: /^article\.md:\d+:\d+: chart "households": chart data is not a file but a pipe, socket or device: data\/warnings\.csv$/,
  },
  {
    name: '3. lists nested 600 deep',
    spoil: ({ article }) => `${article}\n\n${Array.from({ length: 600 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')}\n`,
    status: 1,
    line: /^article\.md:\d+:1: quotes or lists nested more than 40 levels deep: flatten them$/,
  },
  {
    name: '3. a quote nested 2,000 deep',
    spoil: ({ article }) => `${article}\n\n${'>'.repeat(2000)} deep\n`,
    status: 1,
    line: /^article\.md:\d+:1: quotes or lists nested more than 40 levels deep: flatten them$/,
  },
  {
    name: '4. a chart with an href channel',
    spoil: ({ article }) => article.replace('    "color": {', '    "href": {"value": "autre.html"},\n    "color": {'),
    status: 0,
    line: /^built /,
  },
  {
    name: '5. a YAML alias bomb',
    spoil: ({ article }) => {
      const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
        const previous = String.fromCharCode(97 + index);
        lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
      }
      return article.replace('lang: en\n', `lang: en\n${lines.join('\n')}\n`);
    },
    status: 1,
    line: /^article\.md:1:1: invalid YAML in front matter: Excessive alias count .*: write the values out instead of repeating them with aliases \(\*\)$/,
  },
  {
    name: '5. a folder as a data file',
    spoil: ({ dir }) => {
      unlinkSync(join(dir, 'data', 'warnings.csv'));
      mkdirSync(join(dir, 'data', 'warnings.csv'));
      return undefined;
    },
    status: 1,
    line: /^article\.md:\d+:\d+: chart "households": chart data is not a file but a folder: data\/warnings\.csv$/,
  },
  {
    name: '6. a 5 MB article on one line',
    spoil: ({ article }) => `${article}\n${'word '.repeat(1_000_000)}\n`,
    status: 1,
    line: 'article.md:1:1: article.md is 4.8 MiB: the limit is 2 MiB',
  },
  {
    name: '7. a browser time limit of 1e9 s',
    spoil: () => undefined,
    env: { BRIEFING_BROWSER_TIMEOUT: '1e9' },
    status: 2,
    line: 'error: BRIEFING_BROWSER_TIMEOUT is "1e9": give a number of seconds from 1 to 86400, such as 120',
  },
  {
    name: '8. a CSV header naming a column twice',
    spoil: ({ dir, write }) => {
      const csv = readFileSync(join(dir, 'data', 'warnings.csv'), 'utf8').split('\n');
      write('data/warnings.csv', [`${csv[0]},households`, ...csv.slice(1).map((line) => (line ? `${line},10` : line))].join('\n'));
      return undefined;
    },
    status: 1,
    line: 'data/warnings.csv:1:1: column "households" appears twice in the header line: give each column its own name',
  },
  {
    name: '9. JSON data with a number written as text',
    spoil: ({ article, write }) => {
      write('data/warnings.json', '[\n  {"town": "Carrow", "households": 1250},\n  {"town": "Millbrook", "households": "980"}\n]\n');
      return article.replace('"url": "data/warnings.csv"', '"url": "data/warnings.json"');
    },
    status: 1,
    line: 'data/warnings.json:3:1: field "households": "980" is not a number (write it without quotes, or parse it: "format": {"parse": {"households": "number"}})',
  },
  {
    name: '9. JSON data that is not a list',
    spoil: ({ article, write }) => {
      write('data/warnings.json', '{"town": ["Carrow"], "households": [1250]}\n');
      return article.replace('"url": "data/warnings.csv"', '"url": "data/warnings.json"');
    },
    status: 1,
    line: 'data/warnings.json:1:1: the JSON file must hold a list of rows ([{…}, {…}]), not an object',
  },
  {
    name: '10. a semicolon CSV with a byte-order mark, as Excel saves it',
    spoil: ({ dir, write }) => {
      write('data/warnings.csv', `\uFEFF${readFileSync(join(dir, 'data', 'warnings.csv'), 'utf8').replaceAll(',', ';')}`);
      return undefined;
    },
    status: 0,
    line: /^built /,
  },
  {
    name: '11. an HTML comment never closed',
    spoil: ({ article }) => article.replace('## How the river rose', '<!-- to do\n\n## How the river rose'),
    status: 1,
    line: /^article\.md:\d+:1: an HTML comment \(<!--\) is never closed with -->: everything after it would be hidden$/,
  },
  {
    name: '12. a <style> in the article',
    spoil: ({ article }) => `${article}\n<style>body { color: hotpink }</style>\n`,
    status: 0,
    line: /^article\.md:\d+:1: warning: removed <style> from raw HTML$/,
    notInPage: 'hotpink',
  },
  {
    name: '13. a misspelt front-matter key',
    spoil: ({ article }) => article.replace('lang: en\n', 'lang: en\nfigure:\n  - label: households\n'),
    status: 0,
    line: 'article.md:6:1: warning: front matter key "figure" is not one the build reads: did you mean "figures"?',
  },
  {
    name: `14. Chinese in a heading, which the report's fonts cannot set`,
    spoil: ({ article }) => article.replace('## How the river rose', '## How the river rose 河流水位'),
    status: 1,
    line: /^article\.md:\d+:\d+: the report's fonts cannot set Chinese characters \("河", U\+6CB3\): it would print in a system font, or as empty boxes$/,
  },
  {
    name: '15. a title of 2,000 characters, told at its line',
    spoil: ({ article }) => article.replace(/^title: .*$/m, `title: "${'Flood warnings lifted '.repeat(91).slice(0, 2000)}"`),
    status: 1,
    line: 'article.md:2:1: social.png: the title and the description do not fit, even at the smallest size: shorten it',
  },
  {
    name: '15. a remote <source srcset>, told at its line',
    spoil: ({ article }) =>
      `${article}\n<picture>\n<source srcset="https://example.org/a.webp 1x, https://example.org/b.webp 2x">\n<img src="images/valley.png" alt="The valley">\n</picture>\n`,
    status: 1,
    line: /^article\.md:1\d\d:1: remote resource is not allowed: https:\/\/example\.org\/b\.webp \(<source>\): put the file in the content folder$/,
  },
  {
    name: '15. data outside the folder, told at its url',
    spoil: ({ article }) => article.replace('"url": "data/warnings.csv"', '"url": "../secret.csv"'),
    status: 1,
    line: /^article\.md:\d+:\d+: chart "households": chart data outside the content folder: \.\.\/secret\.csv$/,
  },
  {
    name: '16. an article saved as UTF-16',
    spoil: ({ article }) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]),
    status: 1,
    line: 'article.md:1:1: article.md is UTF-16 text: save it as UTF-8',
  },
  {
    name: '17. a thousand short sections',
    spoil: ({ article }) => `${article}\n${Array.from({ length: 1000 }, (_, index) => `## Section ${index + 1}\n\nOne short line of text here.\n`).join('\n')}`,
    status: 0,
    line: /^built /,
  },
  {
    name: '18. a language tag no one speaks',
    spoil: ({ article }) => article.replace('lang: en\n', 'lang: xx-invalid\n'),
    status: 0,
    line: 'article.md:5:1: warning: front matter "lang": "xx-invalid" is not a language this machine knows: numbers, dates and words will be written as in English',
  },
  {
    name: 'a heading that skips a level, which would leave a hole in the outline of the page and of the PDF',
    spoil: ({ article }) => article.replace('## How the river rose', '#### How the river rose'),
    status: 0,
    line: 'article.md:12:1: warning: a level-4 heading after the title skips a level: it is published as level 2',
    notInPage: '<h4',
  },
  {
    name: 'a raw HTML heading that skips a level',
    spoil: ({ article }) => `${article}\n<h5>Notes</h5>\n\nThe figures are provisional.\n`,
    status: 0,
    line: /^article\.md:\d+:1: warning: a level-5 heading after a level-2 heading skips a level: it is published as level 3$/,
    notInPage: '<h5',
  },
  {
    name: 'a list item outside a list, in raw HTML',
    spoil: ({ article }) => `${article}\n<li>A stray item</li>\n`,
    status: 1,
    line: /^article\.md:\d+:1: a list item \(<li>\) outside a list: put it in a <ul> or an <ol>$/,
  },
  {
    name: 'a chart so dense that the PDF goes over its size budget, which must not be published',
    spoil: ({ article }) =>
      article +
      chart('readings', {
        title: 'Every reading of the gauges',
        data: { sequence: { start: 0, stop: 5000, as: 'v' } },
        transform: [{ calculate: 'sin(datum.v * 7.3) * cos(datum.v / 13)', as: 'level' }],
        mark: { type: 'point', filled: true, size: 4 },
        encoding: { x: { field: 'v', type: 'quantitative', title: 'Reading' }, y: { field: 'level', type: 'quantitative', title: 'Level' } },
      }),
    status: 1,
    // Named at its fence (the last lines of the article), with its own weight and what to do.
    line: /^article\.md:(9\d|1\d\d):1: chart "readings" makes report\.pdf too heavy: its drawing weighs \d+ KiB, and the PDF \d+ KiB against a budget of \d+ KiB: draw fewer marks: a "sample" transform, or an "aggregate" or "bin" of the rows$/,
  },
  {
    name: "a symbol that neither the report's fonts nor the machine's have, in the text and in a chart",
    spoil: ({ article }) =>
      article.replace('had returned by 25 September.', 'had returned by 25 September 𝄞.') +
      chart('waves', {
        title: 'Flood 𝄞 days',
        data: { values: [{ d: 'Mon', n: 3 }] },
        mark: 'bar',
        encoding: { x: { field: 'd', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
      }),
    status: 1,
    line: /^article\.md:58:\d+: "𝄞" \(U\+1D11E\) prints as an empty box: neither the report's fonts nor any font of this machine has it: write it in words, or leave it out$/,
  },
  // Numbers the data contradicts (issue 17's cases in an English article; the French ones are in numbers.e2e).
  {
    name: 'a total the data contradicts',
    spoil: ({ article }) => article.replace('In total, 3,685 households', 'In total, more than 4,000 households'),
    status: 1,
    line: 'article.md:10:187: "more than 4,000" as a total, but the sum of households in data/warnings.csv says 3685',
  },
  {
    name: 'a table cell the data contradicts',
    spoil: ({ article }) => article.replace('| Carrow | 1,250 |', '| Carrow | 1,350 |'),
    status: 1,
    line: 'article.md:87:12: "1,350" for "Carrow", but data/warnings.csv:2 (households) says 1250',
  },
  {
    name: 'a rounded total, and numbers in code, addresses and dates',
    spoil: ({ article }) =>
      article.replace('In total, 3,685 households', 'In total, about 3,700 households') +
      '\nCarrow (`1,000` in the `households` column, <https://example.org/carrow/1000>) was warned on 14 October 2026.\n',
    args: ['--verbose'],
    status: 0,
    line: /article\.md:10:\d+: verified "3,700": the sum of households in data\/warnings\.csv$/,
    notInPage: '<data value="1000"',
  },
];

describe.concurrent('a hostile or careless input', () => {
  it.each(ROWS)('$name', async (row) => {
    // Each row in a folder of its own: its content, and its output, a copy of a good build.
    const { place, dir, target } = folders(row.name);
    const articlePath = join(dir, 'article.md');
    const article = readFileSync(articlePath, 'utf8');
    const write = (path: string, text: string | Buffer) => writeFileSync(join(dir, path), text);
    const spoilt = row.spoil({ dir, article, write });
    if (spoilt !== undefined) writeFileSync(articlePath, spoilt);
    // Its own temporary folder too, where the browser keeps its profile.
    const temp = join(work, 'temp', row.name.replace(/\W+/g, '-'));
    mkdirSync(temp, { recursive: true });
    const run = await runBuild(['--content', dir, '--out', target, ...(row.args ?? [])], { ...row.env, TMPDIR: temp }, ROOT, 90_000);
    expect(run.status, run.stderr).toBe(row.status);
    const lines = run.stderr.split('\n').concat(run.stdout.split('\n'));
    if (typeof row.line === 'string') expect(lines).toContain(row.line);
    else
      expect(
        lines.some((line) => (row.line as RegExp).test(line)),
        run.stderr,
      ).toBe(true);
    // One line a problem: no stack trace, ever.
    expect(run.stderr).not.toMatch(/^\s+at /m);
    if (row.status !== 0) expect(snapshot(target)).toEqual(before());
    if (row.notInPage) expect(readFileSync(join(target, 'index.html'), 'utf8')).not.toContain(row.notInPage);
    // Nothing left beside the output (no staging folder, no lock), no browser and no profile.
    expect(readdirSync(place).sort()).toEqual(['content', 'out']);
    expect(await processesWith(temp)).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  });
});

/** Whether this machine lets the test mount a small file system (root, outside most containers). */
function canMount(): boolean {
  const point = join(work, 'probe');
  try {
    mkdirSync(point, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', point], { stdio: 'ignore', timeout: SYNC_LIMIT });
    execFileSync('umount', [point], { stdio: 'ignore', timeout: SYNC_LIMIT });
    return true;
  } catch {
    return false;
  }
}

describe('a full disk', () => {
  it.skipIf(!canMount())('5. stops the build with one line naming the file, exit status 2, and nothing left on the disk', async () => {
    const disk = join(work, 'small-disk');
    mkdirSync(disk, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk], { timeout: SYNC_LIMIT });
    try {
      const run = await runBuild(['--content', FIXTURE, '--out', join(disk, 'out')], {}, ROOT, 90_000);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^error: the disk is full \(ENOSPC\) on \w+ of \//m);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(disk)).toEqual([]);
    } finally {
      execFileSync('umount', [disk], { timeout: SYNC_LIMIT });
    }
  });
});
