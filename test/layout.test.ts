import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFiles, listFiles } from '../pipeline/system/project.js';
import { ROOT, SYNC_LIMIT } from './helpers.js';

/** The stage folders of pipeline/, bottom first: a module imports only from its own folder or one before it. */
const STAGES = ['problems', 'system', 'language', 'design', 'article', 'data', 'charts', 'page', 'browser', 'pdf', 'report', 'cli'];

const PIPELINE = join(ROOT, 'pipeline');
const modules = listFiles(PIPELINE).filter((file) => file.endsWith('.ts'));
const source = (file: string) => readFileSync(join(PIPELINE, file), 'utf8');
const stageOf = (file: string) => file.split('/')[0]!;

/** The pipeline modules a module imports (statically, dynamically or for types), as paths under pipeline/. */
function importsOf(file: string): string[] {
  const specifiers = [...source(file).matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) =>
    relative(PIPELINE, resolve(PIPELINE, dirname(file), `${specifier}.ts`))
      .split('\\')
      .join('/'),
  );
}

describe('the layout of pipeline/', () => {
  it('has every module in a stage folder, each under 200 lines and opening with a comment that says what it holds', () => {
    expect(modules.length).toBeGreaterThan(40);
    for (const file of modules) {
      expect(STAGES, file).toContain(stageOf(file));
      const text = source(file);
      expect(text.split('\n').length, file).toBeLessThanOrEqual(200);
      expect(text.trimStart(), file).toMatch(/^(\/\/|\/\*)/);
    }
  });

  it('imports only down: from a module of the same folder or of an earlier stage', () => {
    const upward: string[] = [];
    for (const file of modules) {
      for (const imported of importsOf(file)) {
        expect(modules, `${file} imports ${imported}`).toContain(imported);
        if (STAGES.indexOf(stageOf(imported)) > STAGES.indexOf(stageOf(file))) upward.push(`${file} → ${imported}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no circle of imports', () => {
    const graph = new Map(modules.map((file) => [file, importsOf(file)]));
    const done = new Set<string>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      if (done.has(file)) return;
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      done.add(file);
    };
    for (const file of modules) visit(file, []);
    expect(circles).toEqual([]);
  });
});

const work = mkdtempSync(join(tmpdir(), 'briefing-layout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('what a change to pipeline/ invalidates', () => {
  it('the chart cache: its code hash covers files in every stage folder', () => {
    const code = join(work, 'code');
    mkdirSync(join(code, 'charts'), { recursive: true });
    writeFileSync(join(code, 'charts', 'draw-chart.js'), 'export const width = 640;\n');
    const before = hashFiles(code, /\.js$/);
    writeFileSync(join(code, 'charts', 'draw-chart.js'), 'export const width = 320;\n');
    expect(hashFiles(code, /\.js$/)).not.toBe(before);
  });

  it('the bundle: a change to a module in a stage folder compiles a new one', () => {
    // A copy of the project's code, with the installed packages linked in.
    const project = join(work, 'project');
    for (const folder of ['bin', 'pipeline']) cpSync(join(ROOT, folder), join(project, folder), { recursive: true });
    symlinkSync(join(ROOT, 'templates'), join(project, 'templates'));
    mkdirSync(join(project, 'node_modules'));
    for (const name of readdirSync(join(ROOT, 'node_modules')).filter((name) => name !== '.cache')) {
      symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name));
    }
    const compiled = () =>
      execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(await (await import('./bin/compile.mjs')).compiledPipeline())"], {
        cwd: project,
        encoding: 'utf8',
        timeout: SYNC_LIMIT,
      }).trim();
    const first = compiled();
    expect(compiled()).toBe(first);
    const module = join(project, 'pipeline', 'charts', 'describe-chart.ts');
    writeFileSync(module, `${readFileSync(module, 'utf8')}\nexport const probe = 1;\n`);
    const second = compiled();
    expect(second).not.toBe(first);
    expect(readFileSync(join(second, 'pipeline', 'charts', 'describe-chart.js'), 'utf8')).toContain('probe');
  });
});
