// The command line's flags, as strict options: the reports to build and where.
import { basename, join, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';

/** One report to build: a content folder and the output folder it goes to. */
export type ReportJob = Readonly<{ contentDir: string; outDir: string }>;

export type CliOptions = Readonly<{
  reports: readonly ReportJob[];
  /** A remote Chrome's DevTools WebSocket URL, instead of launching a local browser. */
  browserWs: string | undefined;
  verbose: boolean;
  help: boolean;
}>;

export const USAGE = 'usage: npm run build:report -- [--content <dir>]... [--out <dir>] [--browser-ws <ws://...>] [--verbose]';

/**
 * CLI flags → strict options; an unknown flag or a missing value throws with the usage line.
 * One `--content` builds into `--out`; several build each into `--out/<folder name>/`.
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const { values } = parseNodeArgs({
    args: [...argv],
    options: {
      content: { type: 'string', multiple: true },
      out: { type: 'string' },
      'browser-ws': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const contents = values.content ?? ['content'];
  if (contents.some((dir) => dir.trim() === '')) throw new Error('--content needs a folder');
  if (values.out !== undefined && values.out.trim() === '') throw new Error('--out needs a folder');
  const browserWs = values['browser-ws'];
  if (browserWs !== undefined && !/^wss?:\/\//.test(browserWs)) throw new Error(`--browser-ws needs a ws:// or wss:// URL, not "${browserWs}"`);
  const outDir = values.out ?? 'output';
  let reports: ReportJob[];
  if (contents.length === 1) {
    reports = [{ contentDir: contents[0]!, outDir }];
  } else {
    const seen = new Map<string, string>();
    reports = contents.map((contentDir) => {
      const name = slugOf(contentDir);
      const other = seen.get(name);
      if (other !== undefined) throw new Error(`--content ${other} and --content ${contentDir} would both build into ${join(outDir, name)}`);
      seen.set(name, contentDir);
      return { contentDir, outDir: join(outDir, name) };
    });
  }
  return { reports, browserWs, verbose: values.verbose ?? false, help: values.help ?? false };
}

/** The output subfolder of a content folder: its name, as a slug ("Élections 2026/" → "elections-2026"). */
export function slugOf(contentDir: string): string {
  const name = basename(resolve(contentDir))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'report';
}
