import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../pipeline/article/read-front-matter.js';
import { formatProblem } from '../pipeline/problems/errors.js';
import { runModuleCode } from './helpers.js';

/** The four keys every article needs, one a line. */
const BASE = ['title: Budget 2026', 'description: Where the money goes.', 'lang: en', 'date: 2026-03-02'];

/** The YAML of a front matter whose opening `---` is on line `start` of article.md. */
function read(lines: readonly string[], start = 1) {
  const file = new VFile({ path: 'article.md' });
  const result = readFrontMatter(lines.join('\n'), start, file);
  return { ...result, problems: file.messages.map(formatProblem) };
}

describe('readFrontMatter, a valid front matter', () => {
  it('gives the strict front matter, its text trimmed and its YAML dates as YYYY-MM-DD', () => {
    const { frontMatter, problems } = read(['title: "  Budget 2026  "', 'description: Where the money goes.', 'lang: en-GB', 'date: 2026-03-02']);
    expect(problems).toEqual([]);
    expect(frontMatter).toEqual({ title: 'Budget 2026', description: 'Where the money goes.', lang: 'en-GB', date: '2026-03-02' });
  });

  it('takes every optional key', () => {
    const lines = [
      ...BASE,
      'short_title: Budget',
      'subtitle: The council’s plan',
      'author: Ana Ruiz',
      'url: http://example.org/budget',
      'keywords: [budget, council]',
      'share_chart: spend',
      'figures:',
      '  - {label: Services, data: data/spend.csv, op: count}',
      '  - {label: Biggest, data: data/spend.csv, op: max, field: spend, show: service, format: compact}',
      '  - {label: Smallest, data: data/spend.csv, op: min, field: spend, show: service}',
      'updates:',
      '  - {date: 2026-03-05, text: Figures for parks added.}',
      '  - {date: 2026-03-09, text: "Roads spend was 95m, not 59m.", kind: correction}',
    ];
    const { frontMatter, problems } = read(lines);
    expect(problems).toEqual([]);
    expect(frontMatter).toMatchObject({
      short_title: 'Budget',
      url: 'http://example.org/budget',
      keywords: ['budget', 'council'],
      figures: [
        { label: 'Services', data: 'data/spend.csv', op: 'count', format: 'number' },
        { label: 'Biggest', data: 'data/spend.csv', op: 'max', field: 'spend', show: 'service', format: 'compact' },
        { label: 'Smallest', data: 'data/spend.csv', op: 'min', field: 'spend', show: 'service', format: 'number' },
      ],
      updates: [
        { date: '2026-03-05', text: 'Figures for parks added.', kind: 'update' },
        { date: '2026-03-09', text: 'Roads spend was 95m, not 59m.', kind: 'correction' },
      ],
    });
  });

  it('gives the line in article.md of each key, nested ones too', () => {
    const lines = [...BASE, 'figures:', '  - label: Services', '    data: data/spend.csv', '    op: count'];
    const { lineOf } = read(lines, 3);
    expect(lineOf(['title'])).toBe(4);
    expect(lineOf(['date'])).toBe(7);
    expect(lineOf(['figures', 0, 'op'])).toBe(11);
    // A key that is not there: the mapping that would hold it, else the opening `---`.
    expect(lineOf(['figures', 0, 'field'])).toBe(9);
    expect(lineOf(['author'])).toBe(3);
  });

  it('gives the line of a key, not of its value on the lines below', () => {
    const lines = [...BASE, 'figures:', '  - label: Services', '    data: data/spend.csv', '    op:', '      count'];
    const { lineOf } = read(lines);
    expect(lineOf(['figures', 0, 'op'])).toBe(9);
    expect(lineOf(['figures'])).toBe(6);
  });

  it('warns of a key the build does not read, with the key it most likely stands for', () => {
    const { frontMatter, problems } = read([...BASE, 'figure: []', 'colour: red']);
    expect(frontMatter).toBeDefined();
    expect(problems).toEqual([
      'article.md:6:1: warning: front matter key "figure" is not one the build reads: did you mean "figures"?',
      'article.md:7:1: warning: front matter key "colour" is not one the build reads: the keys are title, short_title, subtitle, description, lang, date, author, url, keywords, share_chart, figures, updates',
    ]);
  });

  it('warns of a language tag this machine does not know, and writes it as English', () => {
    const lines = ['title: T', 'description: D', 'lang: xx', 'date: 2026-03-02'];
    const { frontMatter, problems } = read(lines, 10);
    expect(frontMatter?.lang).toBe('xx');
    expect(problems).toEqual([
      'article.md:13:1: warning: front matter "lang": "xx" is not a language this machine knows: numbers, dates and words will be written as in English',
    ]);
    expect(read(['title: T', 'description: D', 'lang: de-CH', 'date: 2026-03-02']).problems).toEqual([]);
  });

  it('knows a language whatever the language of the machine that builds', () => {
    // Swahili's names lack Cree's: on a machine set to Swahili, in a process of its own.
    const child = runModuleCode(
      "const { VFile } = await import('vfile'); const { readFrontMatter } = await import('./pipeline/article/read-front-matter.ts'); const file = new VFile({ path: 'article.md' }); readFrontMatter(['title: T', 'description: D', 'lang: cr', 'date: 2026-03-02'].join('\\n'), 1, file); console.log(JSON.stringify({ locale: Intl.DateTimeFormat().resolvedOptions().locale, messages: file.messages.map(String) }));",
      { LANG: 'sw_KE.UTF-8', LC_ALL: 'sw_KE.UTF-8' },
    );
    expect(child.signal, 'reading the front matter blocked').toBeNull();
    expect(JSON.parse(child.stdout)).toEqual({ locale: 'sw-KE', messages: [] });
  });
});

describe('readFrontMatter, an invalid front matter', () => {
  it('asks for a front matter when the article has none', () => {
    const file = new VFile({ path: 'article.md' });
    const { frontMatter, lineOf } = readFrontMatter(undefined, 1, file);
    expect(frontMatter).toBeUndefined();
    expect(lineOf(['title'])).toBe(1);
    expect(file.messages.map(formatProblem)).toEqual([
      'article.md:1:1: missing front matter: start the file with a `---` block holding title, description, lang and date',
    ]);
  });

  it('gives the line and column of each YAML error in article.md', () => {
    const { frontMatter, problems, lineOf } = read(['title: Budget', 'lang: en: gb', 'date: 2026-03-02', 'author: Ana: Ruiz'], 4);
    expect(frontMatter).toBeUndefined();
    expect(lineOf(['lang'])).toBe(4);
    expect(problems).toEqual([
      'article.md:6:7: invalid YAML in front matter: Nested mappings are not allowed in compact mappings',
      'article.md:8:9: invalid YAML in front matter: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('refuses aliases nested to make a huge value', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++)
      lines.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(', ')}]`,
      );
    const { frontMatter, problems } = read([...BASE, ...lines], 2);
    expect(frontMatter).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^article\.md:2:1: invalid YAML in front matter: .*: write the values out instead of repeating them with aliases \(\*\)$/);
  });

  it('takes a value repeated through a few aliases, and refuses it past fifty', () => {
    const aliases = (count: number) => [...BASE, 'tag: &tag budget', `keywords: [${Array(count).fill('*tag').join(', ')}]`];
    expect(read(aliases(40)).frontMatter?.keywords).toHaveLength(40);
    const { frontMatter, problems, lineOf } = read(aliases(60), 3);
    expect(frontMatter).toBeUndefined();
    expect(lineOf(['keywords'])).toBe(3);
    expect(problems).toEqual([
      'article.md:3:1: invalid YAML in front matter: Excessive alias count indicates a resource exhaustion attack: write the values out instead of repeating them with aliases (*)',
    ]);
  });

  it('tags each problem with the rule that found it', () => {
    const rules = (yaml: string | undefined) => {
      const file = new VFile({ path: 'article.md' });
      readFrontMatter(yaml, 1, file);
      return file.messages.map((message) => message.ruleId);
    };
    const bomb = ['a: &a [x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b]'];
    expect(rules(undefined)).toEqual(['front-matter']);
    expect(rules('title: [a')).toEqual(['front-matter-yaml']);
    expect(rules(bomb.join('\n'))).toEqual(['front-matter-yaml']);
    expect(rules('- a list')).toEqual(['front-matter']);
    expect(rules('title: T')).toEqual(['front-matter', 'front-matter', 'front-matter']);
    expect(rules([...BASE, 'colour: red'].join('\n'))).toEqual(['front-matter']);
    expect(rules(['title: T', 'description: D', 'lang: xx', 'date: 2026-03-02'].join('\n'))).toEqual(['front-matter']);
  });

  it.each([
    ['a list', ['- title: Budget']],
    ['a single value', ['Budget 2026']],
    ['empty', ['# nothing but a comment']],
  ])('asks for a mapping of keys when the front matter is %s', (_what, lines) => {
    const { frontMatter, problems, lineOf } = read(lines, 5);
    expect(frontMatter).toBeUndefined();
    expect(lineOf(['title'])).toBe(5);
    expect(problems).toEqual(['article.md:5:1: front matter must be a mapping of keys to values']);
  });

  it.each([
    [['title: Budget', 'lang: en', 'date: 2026-03-02'], 'article.md:1:1: front matter is missing required key "description"'],
    [['title: ""', 'description: D', 'lang: en', 'date: 2026-03-02'], 'article.md:2:1: front matter "title" must not be empty'],
    [['title: [a]', 'description: D', 'lang: en', 'date: 2026-03-02'], 'article.md:2:1: front matter "title" must be text'],
    [[...BASE, 'keywords: budget'], 'article.md:6:1: front matter "keywords" must be a list'],
    [[...BASE, 'keywords: [budget, ""]'], 'article.md:6:1: front matter "keywords[1]" must not be empty'],
    [[...BASE, 'figures: [Services]'], 'article.md:6:1: front matter "figures[0]" must be object'],
    [[...BASE, `short_title: ${'x'.repeat(81)}`], 'article.md:6:1: front matter "short_title" must be at most 80 characters'],
    [[...BASE, 'url: example.org/budget'], 'article.md:6:1: front matter "url" must be an absolute http(s) URL'],
    [[...BASE, 'url: https://'], 'article.md:6:1: front matter "url" must be an absolute http(s) URL'],
    [[...BASE, 'url: see https://example.org'], 'article.md:6:1: front matter "url" must be an absolute http(s) URL'],
    [['title: T', 'description: D', 'lang: en', 'date: 20260302'], 'article.md:5:1: front matter "date" must be a date written YYYY-MM-DD'],
    [['title: T', 'description: D', 'lang: en', 'date: 2026-02-30'], 'article.md:5:1: front matter "date" must be a date written YYYY-MM-DD'],
    [
      ['title: T', 'description: D', 'lang: "en-"', 'date: 2026-03-02'],
      'article.md:4:1: front matter "lang" must be a BCP 47 language tag such as fr, en or de-CH',
    ],
  ])('names what is wrong, at the line of its key: %j', (lines, problem) => {
    const { frontMatter, problems } = read(lines);
    expect(frontMatter).toBeUndefined();
    expect(problems).toEqual([problem]);
  });

  it('still gives the line of each key of a front matter it refuses', () => {
    const { frontMatter, lineOf } = read(['title: ""', 'description: D', 'lang: en', 'date: 2026-03-02'], 7);
    expect(frontMatter).toBeUndefined();
    expect(lineOf(['date'])).toBe(11);
  });

  it('checks each key figure, at its own line', () => {
    const lines = [
      ...BASE,
      'figures:',
      '  - label: Services',
      '    op: count',
      '  - {label: Top, data: d.csv, op: sum, field: spend, show: service}',
      '  - {label: Top, data: d.csv, op: count, format: money, colour: red, size: 2}',
    ];
    expect(read(lines).problems).toEqual([
      'article.md:7:1: front matter "figures[0].data" is missing',
      'article.md:9:1: front matter "figures[1].show" can only be used with op min or max',
      'article.md:10:1: front matter "figures[2].format" must be one of "number", "compact", "percent", "signed"',
      'article.md:10:1: front matter "figures[2]" has unknown key(s) "colour", "size"',
    ]);
  });

  it('holds at most four key figures', () => {
    const figure = '  - {label: N, data: d.csv, op: count}';
    expect(read([...BASE, 'figures:', figure, figure, figure, figure, figure]).problems).toEqual([
      'article.md:6:1: front matter "figures" holds at most 4 key figures',
    ]);
  });

  it('keeps updates after the article’s date and in order', () => {
    const lines = [...BASE, 'updates:', '  - date: 2026-03-01', '    text: Too early.', '  - date: 2026-02-28', '    text: Out of order.'];
    expect(read(lines).problems).toEqual([
      'article.md:7:1: front matter "updates[0].date" is 2026-03-01, before the article\'s own date (2026-03-02)',
      'article.md:9:1: front matter "updates[1].date" is 2026-02-28, before the article\'s own date (2026-03-02)',
      'article.md:9:1: front matter "updates[1].date" is 2026-02-28, before the update above it (2026-03-01): list updates from the oldest to the newest',
    ]);
  });
});
