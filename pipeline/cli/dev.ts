// `npm run dev`: builds content/ into output/, serves the page on localhost and rebuilds on
// every change of content/ or templates/ (see dev/dev-server.ts).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type DevServer, startDevServer } from './dev/dev-server.js';
import { measureDevServer } from './dev/measure-dev.js';

/** The command line: `npm run dev -- [--content dir] [--out dir] [--port n] [--measure]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'output' },
      port: { type: 'string', default: '4000' },
      measure: { type: 'boolean', default: false },
    },
  });
  const measure = values.measure ?? false;
  let server: DevServer;
  try {
    server = await startDevServer({
      contentDir: values.content!,
      outDir: values.out!,
      port: measure ? 0 : Number(values.port),
      log: measure ? () => {} : undefined,
    });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(2);
  }
  await server.ready;
  if (!measure) {
    process.stderr.write(`serving ${server.url} (Ctrl-C to stop)\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void Promise.resolve(server[Symbol.asyncDispose]()).finally(() => process.exit(0)));
    }
    return;
  }
  try {
    await measureDevServer(server, join(resolve(values.content!), 'article.md'));
  } finally {
    await server[Symbol.asyncDispose]();
  }
  process.exit(0);
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js') === fileURLToPath(import.meta.url).replace(/\.ts$/, '.js')) await main();
