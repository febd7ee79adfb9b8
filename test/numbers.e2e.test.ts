// The numbers of the French seed checked against its data, as an editor meets the check: a
// figure changed in the text fails the build at the figure, quoting the data, and leaves the
// published output as it was; a figure marked <!-- unchecked --> goes out as written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, replaceIn, runBuild, snapshot } from './helpers.js';
import { spoiltCopies } from './spoilt-copies.js';

const { work, before, printed, folders } = spoiltCopies('briefing-numbers-', join(ROOT, 'content'));

describe.concurrent('the numbers of the French seed', () => {
  it('are every one verified by its data, and the build says how many', () => {
    expect(printed()).toContain('numbers: 15 verified against the data, 0 contradicted, 0 unchecked');
    const page = readFileSync(join(work, 'out', 'index.html'), 'utf8');
    // Readers and scrapers can tell which numbers come from the data, and from where.
    expect(page).toContain('<data value="800000" data-source="data/users-by-country.csv:3 (users)">800\u00a0000</data>');
    expect(page).toContain('<data value="5000000" data-source="the sum of users in data/users-by-country.csv">5 millions</data>');
  });

  it('fail the build at the figure changed, quoting the data, and the output is left byte for byte', async () => {
    const { place, dir, target } = folders('changed');
    replaceIn(join(dir, 'article.md'), '- Royaume-Uni : 800,000 utilisateurs', '- Royaume-Uni : 850,000 utilisateurs');
    replaceIn(join(dir, 'article.md'), '- Inde : 700,000 utilisateurs', '- Inde : 700,000 utilisateurs (20 %)');
    const run = await runBuild(['--content', dir, '--out', target]);
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain('article.md:64:17: "850,000" for "Royaume-Uni", but data/users-by-country.csv:3 (users) says 800000');
    expect(lines).toContain('article.md:65:32: "20 %" for "Inde", but data/users-by-country.csv:4 (users, as a share of their total) says 13.2 %');
    expect(snapshot(target)).toEqual(before());
    expect(readdirSync(place).sort()).toEqual(['content', 'out']);
  });

  it('go out as written when marked <!-- unchecked -->, which no output shows', async () => {
    const { dir, target } = folders('marked');
    replaceIn(
      join(dir, 'article.md'),
      '- Royaume-Uni : 800,000 utilisateurs',
      '- Royaume-Uni : 850,000 utilisateurs <!-- unchecked: chiffre de l’opérateur -->',
    );
    const run = await runBuild(['--content', dir, '--out', target]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('numbers: 14 verified against the data, 0 contradicted, 1 unchecked');
    const page = readFileSync(join(target, 'index.html'), 'utf8');
    expect(page).toContain('Royaume-Uni\u00a0: 850\u00a0000 utilisateurs');
    expect(page).not.toMatch(/unchecked|opérateur/);
  });
});
