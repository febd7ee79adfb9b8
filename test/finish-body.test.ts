import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { finishBody } from '../pipeline/page/finish-body.js';

describe('the body for print', () => {
  it("opens every <details> and keeps a chart's links as plain drawing, leaving the page's body as it was", () => {
    const tree = fromHtml(
      '<details><summary>How we counted</summary><p>Once per address.</p></details><figure><svg><a href="town.html"><rect></rect></a></svg></figure>',
      {
        fragment: true,
      },
    );
    const { page, print } = finishBody(tree, 'en');
    expect(select('details', print)?.properties.open).toBe(true);
    expect(selectAll('svg a', print)).toEqual([]);
    expect(select('svg rect', print)).toBeDefined();
    expect(select('details', page)?.properties.open).toBeUndefined();
    expect(selectAll('svg a', page)).toHaveLength(1);
  });
});
