import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { PNG } from 'pngjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** How long a test waits on a tool it runs synchronously (pdfinfo, mount…) before killing it: no test can hang the run. */
export const SYNC_LIMIT = 30_000;

/**
 * Runs `code` (an ES module, run from the project's folder, that may import its TypeScript) in a
 * process of its own, for a call that could block or that depends on the process's settings (its
 * locale): killed after 20 s, its signal then says so. Gives the child's result.
 */
export function runModuleCode(code: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
}

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs the build as a user does, as its own process (from the project's folder, or `cwd`). */
export function runBuild(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT, timeoutMs?: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // With a time limit, a build that hangs is killed, and its test fails instead of waiting.
    const limit = timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' as const } : {};
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.mjs'), 'cli', ...args], { cwd, env: { ...process.env, ...env }, ...limit });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

type ProcessRow = Readonly<{ pid: string; pgid: string; state: string; args: string }>;

/** Every process of the machine, as ps shows it, but ps itself. */
function processes(): Promise<ProcessRow[]> {
  return new Promise((resolve) => {
    const ps = spawn('ps', ['-ww', '-eo', 'pid=,pgid=,stat=,args=']);
    let out = '';
    ps.stdout.on('data', (chunk) => (out += chunk));
    ps.on('close', () => {
      const rows = out
        .split('\n')
        .filter((line) => line.trim() && !line.includes(' ps '))
        .map((line) => {
          const [, pid, pgid, state, args] = /^\s*(\d+)\s+(\d+)\s+(\S+)\s(.*)$/.exec(line)!;
          return { pid: pid!, pgid: pgid!, state: state!, args: args! };
        });
      resolve(rows);
    });
  });
}

/** Processes whose command line holds `needle`, and the rest of their process groups, as ps shows them. */
export async function processesWith(needle: string): Promise<string[]> {
  const rows = await processes();
  const matched = rows.filter((row) => row.args.includes(needle));
  // A browser's helpers (zygotes, renderers) may not repeat its flags: they are its group.
  const groups = new Set(matched.map((row) => row.pid));
  return rows.filter((row) => row.args.includes(needle) || groups.has(row.pgid)).map((row) => `${row.pid} ${row.args}`);
}

/**
 * The processes of group `pgid` still running, even once its leader is gone. An exited process
 * that its dead parent never reaped (a zombie, state Z) holds nothing but its entry in the table.
 */
export async function runningInGroup(pgid: string): Promise<string[]> {
  return (await processes()).filter((row) => row.pgid === pgid && !row.state.startsWith('Z')).map((row) => `${row.pid} ${row.args}`);
}

/** Replaces `from` in a file; a `from` that is not there is a mistake of the test. */
export function replaceIn(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${from} not found in ${path}`);
  writeFileSync(path, changed);
}

/** Whitespace of any kind (no-break spaces too) collapsed to one space; soft hyphens gone. */
export function normalize(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/**
 * Text to search in, whatever the line breaks: the PDF is hyphenated, and a word broken at
 * the end of a line copies as "mil-" + newline + "lions", the same hyphen as "arrache-pied"
 * broken at its own hyphen. So hyphens are dropped on both sides of a comparison.
 */
export function searchable(text: string): string {
  return normalize(text.replace(/[-\u2010]\s*\n\s*/g, '-')).replace(/[-\u2010]/g, '');
}

export type PdfPage = { width: number; height: number; text: string };

/**
 * The text of each page as a reader would copy it, without the running header and
 * footer (the top and bottom 20 mm), so that paragraphs continue across pages.
 */
export async function readPdf(path: string): Promise<{ pages: PdfPage[]; title: string | undefined }> {
  const pdf = await inspectPdf(path);
  return {
    pages: pdf.pages.map((page) => ({ width: page.width, height: page.height, text: pageText(page) })),
    title: pdf.info.Title as string | undefined,
  };
}

export function pngSize(path: string): { width: number; height: number } {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height };
}

/** Parses an SVG file as XML; a malformed file throws. */
export function parseSvg(path: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(readFileSync(path, 'utf8'), 'image/svg+xml');
  if (errors.length > 0) throw new Error(`${path} is not well-formed: ${errors.join('; ')}`);
  return document as unknown as Document;
}

/** Every file under `dir` with its size and modification time, to prove a folder untouched. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path, `${prefix}${name}/`);
      else result[`${prefix}${name}`] = readFileSync(path).toString('base64');
    }
  };
  walk(dir, '');
  return result;
}

/** The source text of content/article.md, line by line: title, subtitle, headings, items, paragraphs. */
export function sourceLines(): string[] {
  const source = readFileSync(join(ROOT, 'test', 'fixtures', 'chatgpt-outage-source.txt'), 'utf8');
  return source
    .split('\n')
    .map((line) => line.replace(/^- /, '').trim())
    .filter(Boolean);
}

export type PdfItem = { str: string; x: number; y: number; size: number; width: number; hasEOL: boolean };
export type PdfFont = { name: string; embedded: boolean; type3: boolean };
export type PdfInspection = {
  pages: { width: number; height: number; items: PdfItem[] }[];
  info: Record<string, unknown>;
  outline: { title: string; depth: number }[];
  tagged: boolean;
  fonts: PdfFont[];
  links: string[];
  /** The alt text of each figure of the tagged PDF. */
  figureAlts: string[];
};

/** Everything a reader's PDF viewer knows: text with positions and sizes, fonts, bookmarks, links. */
export async function inspectPdf(path: string): Promise<PdfInspection> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfInspection['pages'] = [];
  const fonts = new Map<string, PdfFont>();
  const links: string[] = [];
  const figureAlts: string[] = [];
  const walkTags = (node: { role?: string; alt?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.role === 'Figure' && node.alt) figureAlts.push(node.alt);
    for (const child of node.children ?? []) walkTags(child as never);
  };
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const items = content.items
      .filter((item) => 'str' in item)
      .map((item) => {
        const { str, transform, width: itemWidth, hasEOL } = item as { str: string; transform: number[]; width: number; hasEOL: boolean };
        return { str, x: transform[4]!, y: transform[5]!, size: Math.hypot(transform[0]!, transform[1]!), width: itemWidth, hasEOL };
      });
    pages.push({ width, height, items });
    const operators = await page.getOperatorList();
    operators.fnArray.forEach((fn, index) => {
      if (fn !== OPS.setFont) return;
      const font = page.commonObjs.get(operators.argsArray[index][0]) as { name: string; missingFile: boolean; isType3Font: boolean };
      fonts.set(font.name, { name: font.name, embedded: !font.missingFile, type3: font.isType3Font });
    });
    for (const annotation of await page.getAnnotations()) if (annotation.subtype === 'Link' && annotation.url) links.push(annotation.url as string);
    walkTags((await page.getStructTree()) as never);
  }
  const outline: PdfInspection['outline'] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null, depth: number) => {
    for (const item of items ?? []) {
      outline.push({ title: item.title, depth });
      walk(item.items as never, depth + 1);
    }
  };
  walk((await document.getOutline()) as never, 0);
  const info = (await document.getMetadata()).info as Record<string, unknown>;
  const tagged = Boolean(((await document.getMarkInfo()) as { Marked?: boolean } | null)?.Marked);
  await document.destroy();
  return { pages, info, outline, tagged, fonts: [...fonts.values()], links, figureAlts };
}

/** The text of a page's body, or of its top or bottom margin (where the running header and footer are). */
export function pageText(page: PdfInspection['pages'][number], part: 'body' | 'top' | 'bottom' = 'body'): string {
  const margin = (20 / 25.4) * 72;
  const inPart = (item: PdfItem) =>
    part === 'top' ? item.y > page.height - margin : part === 'bottom' ? item.y < margin : item.y <= page.height - margin && item.y >= margin;
  return page.items
    .filter(inPart)
    .map((item) => item.str + (item.hasEOL ? '\n' : ''))
    .join('');
}

/** The typographic slips a reader would see, each with the first place it is found in `text` (none: an empty object). */
export function typographySlips(text: string): Record<string, string> {
  const slips: Record<string, string> = {};
  for (const [what, pattern] of [
    ['a straight quote', /.{0,30}["'].{0,30}/],
    ['a spaced hyphen', /.{0,30} - .{0,30}/],
    ['a range with a hyphen', /.{0,30}\b(?:1[5-9]|20)\d\d-\d\d(?:\d\d)?\b(?!-).{0,30}/],
    ['a hyphen for a minus', /.{0,30}(?:^|\s)-[\d£$€].{0,30}/],
    ['a negative zero', /.{0,30}(?:^|[^\d.,\s\u00a0\u202f])\s*[−-]0(?![\d.,]).{0,30}/],
  ] as const) {
    const found = pattern.exec(text)?.[0];
    if (found !== undefined) slips[what] = found;
  }
  return slips;
}
