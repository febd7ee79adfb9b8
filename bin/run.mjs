#!/usr/bin/env node
// Runs a module of pipeline/cli/ from compiled JavaScript (see compile.mjs):
// `node bin/run.mjs cli --content x`, `node bin/run.mjs dev`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledPipeline } from './compile.mjs';

const [entry = 'cli', ...args] = process.argv.slice(2);
const module = join(await compiledPipeline(), 'pipeline', 'cli', `${entry}.js`);
process.argv = [process.argv[0], module, ...args];
await import(pathToFileURL(module).href);
