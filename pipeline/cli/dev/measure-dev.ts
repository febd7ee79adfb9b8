// The live preview's own benchmark (npm run dev -- --measure).
import { readFile, writeFile } from 'node:fs/promises';
import { type DevServer, FULL_BUILD_DELAY_MS } from './dev-server.js';

/**
 * `npm run dev -- --measure`: the time from a write of article.md to the reload event a
 * browser tab gets, over five edits, once the first full build is done; then a full
 * rebuild, warm. Printed for the benchmark; article.md is left as it was.
 */
export async function measureDevServer(server: DevServer, article: string): Promise<void> {
  await server.nextFullBuild();
  const original = await readFile(article, 'utf8');
  const events = await fetch(new URL('__briefing/events', server.url));
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const nextPageEvent = async () => {
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end >= 0) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (event.includes('event: reload') && event.includes('data: page')) return;
        continue;
      }
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the event stream ended');
      buffered += chunk.value;
    }
  };
  const times: number[] = [];
  try {
    for (let edit = 0; edit < 5; edit++) {
      const written = performance.now();
      await writeFile(article, edit % 2 === 0 ? `${original}\n` : original);
      await nextPageEvent();
      times.push(performance.now() - written);
      await server.nextFullBuild();
    }
  } finally {
    await writeFile(article, original);
    await reader.cancel();
  }
  const sorted = [...times].sort((a, b) => a - b);
  process.stdout.write(
    `dev: edit of article.md to reload event, median of 5: ${Math.round(sorted[2]!)} ms (${times.map((value) => Math.round(value)).join(', ')} ms)\n`,
  );
  await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  await server.nextFullBuild();
  const started = performance.now();
  await writeFile(article, original);
  await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  await server.nextFullBuild();
  process.stdout.write(
    `warm rebuild (page, PDF and share images, browser and charts warm): ${Math.round(performance.now() - started - FULL_BUILD_DELAY_MS)} ms after the ${FULL_BUILD_DELAY_MS} ms debounce\n`,
  );
}
