// Places in article.md of what is found inside a chart's fence.
import type { ChartSource } from '../article/parse-article.js';

/** What drawing a chart needs of its fence: plain data, which a drawing thread can be sent. */
export type Fence = Pick<ChartSource, 'id' | 'index' | 'body' | 'line'>;

/** The line and column in article.md of an offset into a chart's fence body. */
export function fencePlace(chart: Pick<Fence, 'body' | 'line'>, offset: number): { line: number; column: number } {
  const before = chart.body.slice(0, offset).split('\n');
  return { line: chart.line + before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
