import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskChartCache } from '../pipeline/charts/chart-cache.js';
import type { DrawnChart } from '../pipeline/charts/types.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A drawing of about `kilobytes` KB, as the cache stores it. */
const drawing = (kilobytes: number) => ({ svg: 'x'.repeat(kilobytes * 1000) }) as unknown as DrawnChart;

describe('the chart cache on disk', () => {
  it('keeps no drawing over its size limit, and stays within its count and its weight, the oldest going first', async () => {
    const cache = diskChartCache(dir, { entries: 5, bytes: 31_000, entryBytes: 12_000 });
    await cache.set('huge', drawing(20));
    expect(await cache.get('huge')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    for (const key of ['a', 'b', 'c', 'd']) {
      await cache.set(key, drawing(10));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // 4 × 10 KB is over 31 KB: the oldest went.
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'c.json', 'd.json']);
    for (const key of ['e', 'f', 'g', 'h', 'i', 'j']) await cache.set(key, drawing(1));
    expect(readdirSync(dir)).toHaveLength(5);
  });
});
