// The drawing thread's side: it checks and draws the charts the build sends it, one at a time,
// and answers with the drawing and the problems found, as plain data.
import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { createDataLoader } from '../data/load-chart-data.js';
import type { DrawAnswer, DrawJob } from './chart-drawer.js';
import { checkAndDrawChart } from './draw-chart.js';

parentPort!.on('message', async ({ id, spec, chart, draw, contentDir, lang }: DrawJob) => {
  // The data read afresh for each chart: a dev server's thread outlives the files it read.
  const loader = createDataLoader(contentDir, lang);
  // Problems are recorded on a file of the thread's own, then sent with the answer.
  const article = new VFile({ path: 'article.md' });
  let answer: DrawAnswer;
  try {
    const drawn = await checkAndDrawChart(spec, chart, { article, contentDir, lang }, loader, draw);
    const problems = article.messages.map(({ reason, line, column, ruleId, fatal, cause }) => ({
      reason,
      line: line ?? undefined,
      column: column ?? undefined,
      ruleId: ruleId ?? undefined,
      fatal: fatal === true,
      cause,
    }));
    answer = { id, drawn, problems };
  } catch (error) {
    answer = { id, error };
  }
  parentPort!.postMessage(answer);
});
