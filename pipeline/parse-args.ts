import { parseArgs as parseNodeArgs } from 'node:util';

export type CliOptions = Readonly<{ contentDir: string; outDir: string; verbose: boolean; help: boolean }>;

export const USAGE = 'usage: npm run build:report -- [--content <dir>] [--out <dir>] [--verbose]';

/** CLI flags → strict options; an unknown flag or a missing value throws with the usage line. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const { values } = parseNodeArgs({
    args: [...argv],
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  for (const flag of ['content', 'out'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') throw new Error(`--${flag} needs a folder`);
  }
  return {
    contentDir: values.content ?? 'content',
    outDir: values.out ?? 'output',
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}
